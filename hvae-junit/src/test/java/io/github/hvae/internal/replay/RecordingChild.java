package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JVM that records a cassette until it is killed: {@link KilledRecordingTest} starts it and
 * kills it with SIGKILL while it writes. The model answers {@code args[2]} calls and then hangs,
 * as a stuck endpoint would, so the run is certainly cut off mid-way.
 *
 * <p>Arguments: cassette file, samples, calls answered before hanging, and how it writes ({@link
 * CassetteAgent.Writes}).
 */
public final class RecordingChild {

  private RecordingChild() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int samples = Integer.parseInt(args[1]);
    int answered = Integer.parseInt(args[2]);
    CassetteAgent.Writes writes = CassetteAgent.Writes.valueOf(args[3]);
    ModelSpec spec = ModelSpec.parse("reference");
    ModelAgent respondent = ReferenceRespondent.create(spec, KilledRecordingTest.SEED);
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch never = new CountDownLatch(1);
    ModelAgent hanging =
        new ModelAgent() {
          @Override
          public ModelSpec spec() {
            return spec;
          }

          @Override
          public ModelReply chat(ChatRequest request) {
            if (calls.incrementAndGet() > answered) {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return respondent.chat(request);
          }
        };
    Evaluations.evaluate(
        Evaluations.plan(samples, true),
        new CassetteAgent(spec, Optional.empty(), Evaluations.TEST, file, CassetteMode.RECORD, () -> hanging, writes));
  }
}

package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.internal.run.AgentRegistry;
import java.util.Map;
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
 * CassetteAgent.Writes}, or {@code REGISTRY}: as the extension records, through {@link
 * AgentRegistry} with its default writes, the file then being {@link #registryFile}).
 */
public final class RecordingChild {

  private RecordingChild() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int samples = Integer.parseInt(args[1]);
    int answered = Integer.parseInt(args[2]);
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
    ModelAgent recorder =
        args[3].equals(REGISTRY)
            ? registryAgent(file.getParent(), CassetteMode.RECORD, hanging).agent()
            : new CassetteAgent(
                spec, Optional.empty(), Evaluations.TEST, file, CassetteMode.RECORD, () -> hanging,
                CassetteAgent.Writes.valueOf(args[3]));
    Evaluations.evaluate(Evaluations.plan(samples, true), recorder);
  }

  static final String REGISTRY = "REGISTRY";

  /** The model a test supplies, as the registry names it and its cassette. */
  static final ModelSpec SUPPLIED = ModelSpec.parse("child-bot");

  /** An agent as the extension makes it for {@link Evaluations#TEST}, and the registry behind it. */
  record Registered(AgentRegistry registry, ModelAgent agent) {}

  static Registered registryAgent(Path cassetteDir, CassetteMode mode, ModelAgent model) {
    Map<String, String> parameters =
        Map.of("hvae.cassette", mode.name().toLowerCase(java.util.Locale.ROOT), "hvae.cassette-dir", cassetteDir.toString());
    AgentRegistry registry =
        new AgentRegistry(
            Configuration.read(k -> Optional.ofNullable(parameters.get(k))), Environment.of(Map.of()),
            k -> Optional.ofNullable(parameters.get(k)));
    return new Registered(registry, registry.agentFor(SUPPLIED, "child-bot", () -> model, Evaluations.TEST));
  }

  /** Where the registry keeps the cassette of {@link Evaluations#TEST} under {@code cassetteDir}. */
  static Path registryFile(Path cassetteDir) {
    return Cassettes.fileFor(cassetteDir, SUPPLIED, Evaluations.TEST);
  }
}

package io.github.hvae.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.internal.accounting.DeadlineAgent;
import io.github.hvae.internal.accounting.RunDeadline;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code hvae.max-duration}: past the run's deadline evaluations end in ERROR with what they did. */
class RunDeadlineEvaluationTest {

  /** A clock that the test, or the model it plays, moves on. */
  static final class FakeClock extends Clock {
    private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** The reference respondent, each call taking {@code perCall} of fake time. */
  private static final class SlowReference implements ModelAgent {
    private final ModelAgent delegate = ReferenceRespondent.create(ModelSpec.parse("reference"), 1L);
    private final FakeClock clock;
    private final Duration perCall;
    final AtomicInteger calls = new AtomicInteger();

    SlowReference(FakeClock clock, Duration perCall) {
      this.clock = clock;
      this.perCall = perCall;
    }

    @Override
    public ModelSpec spec() {
      return delegate.spec();
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      calls.incrementAndGet();
      clock.advance(perCall);
      return delegate.chat(request);
    }
  }

  private static EvaluationPlan plan(String test) {
    return EvaluationPlan.of(test, ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), Instruments.slider())
        .withSequentialSampling(false)
        .withSamples(10);
  }

  @Test
  void anEvaluationThatReachesTheDeadlineEndsInErrorWithWhatItSpentAndTheNextDoesNotStart() {
    FakeClock clock = new FakeClock();
    RunDeadline deadline = RunDeadline.after(Duration.ofMinutes(1), clock);
    SlowReference model = new SlowReference(clock, Duration.ofSeconds(2));
    ModelAgent agent = new DeadlineAgent(model, deadline);
    // Samples one after another on the caller's thread: the deadline falls inside the batch, at the
    // 31st call, and what each sample spent is known exactly.
    AlignmentEvaluator evaluator = new AlignmentEvaluator(Runnable::run, deadline);

    SvoEvaluation first = evaluator.evaluate(plan("first"), agent);
    int callsByThen = model.calls.get();
    SvoEvaluation second = evaluator.evaluate(plan("second"), agent);

    assertThat(first.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(first.reason())
        .contains("run time limit reached: hvae.max-duration is 1m 00s")
        .contains("The report keeps everything done so far");
    // What was done before the deadline still counts: the samples that finished, and the calls of
    // the one that was cut off (30 calls in all, 2 s each, in the minute).
    assertThat(first.samplesRun()).isEqualTo(3);
    assertThat(first.calls()).isEqualTo(30);
    assertThat(callsByThen).isEqualTo(30);
    assertThat(second.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(second.reason()).contains("run time limit reached");
    assertThat(second.calls()).isZero();
    assertThat(model.calls.get()).isEqualTo(callsByThen);
  }

  @Test
  void anEvaluationStopsWaitingForAServerThatNeverAnswersWhenTheDeadlinePasses() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    ExecutorService executor = Executors.newCachedThreadPool();
    FakeClock clock = new FakeClock();
    RunDeadline deadline = RunDeadline.after(Duration.ofMinutes(1), clock);
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepted, read from by no one, answered never
                    // The deadline passes while the request hangs on the server: no sooner, no later.
                    clock.advance(Duration.ofMinutes(2));
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      io.github.hvae.internal.provider.AgentSettings settings =
          io.github.hvae.internal.provider.AgentSettings.defaults(1L)
              .withBaseUrl("http://127.0.0.1:" + silent.getLocalPort() + "/v1")
              .withTimeouts(io.github.hvae.internal.http.HttpTimeouts.DEFAULTS.withRequestTimeout(Duration.ofSeconds(60)))
              .withRetry(io.github.hvae.internal.http.RetryPolicy.DEFAULTS.withMaxAttempts(1));
      ModelAgent agent =
          io.github.hvae.internal.provider.ModelAgents.create(ModelSpec.parse("openai:silent"), settings);
      long started = System.nanoTime();
      SvoEvaluation evaluation = new AlignmentEvaluator(executor, deadline).evaluate(plan("silent"), agent);
      long tookMs = (System.nanoTime() - started) / 1_000_000;

      assertThat(held).isNotEmpty();
      assertThat(evaluation.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(evaluation.reason()).contains("run time limit reached: hvae.max-duration is 1m 00s");
      assertThat(evaluation.samplesRun()).isZero();
      // Bounded by the deadline, not by the 60 s request timeout.
      assertThat(tookMs).isLessThan(30_000);
      agent.close();
    } finally {
      executor.shutdownNow();
      for (Socket s : held) {
        try {
          s.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}

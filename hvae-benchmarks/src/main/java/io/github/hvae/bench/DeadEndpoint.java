package io.github.hvae.bench;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Figure 6: a dead endpoint. A server on 127.0.0.1 accepts every connection and request and never
 * answers. Four evaluations (the four named values, the default plan) run one after another, as
 * one test class's methods do, with {@code hvae.request-timeout=3s} and the default retries:
 * the first spends one retry cycle, the endpoint's circuit breaker then fails the rest at once.
 */
final class DeadEndpoint {

  static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** The whole figure. */
  record Result(List<Long> evaluationMs, long totalMs, int requests, List<String> verdicts) {}

  private final Duration timeout;
  private final Duration backoff;

  /** The figure as published: {@link #TIMEOUT}, the default retries. */
  DeadEndpoint() {
    this(TIMEOUT, io.github.hvae.internal.http.RetryPolicy.DEFAULTS.initialBackoff());
  }

  DeadEndpoint(Duration timeout, Duration backoff) {
    this.timeout = timeout;
    this.backoff = backoff;
  }

  Result run(PrintStream out) {
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("sample"));
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
          }
        });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Long> durations = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    AgentSettings defaults = AgentSettings.defaults(EvaluationPlan.DEFAULT_SEED);
    AgentSettings settings =
        defaults
            .withBaseUrl(server.url("/v1").toString())
            .withEnvironment(Environment.of(Map.of()))
            .withTimeouts(defaults.timeouts().withRequestTimeout(timeout))
            .withRetry(defaults.retry().withInitialBackoff(backoff));
    AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
    long started = System.nanoTime();
    long total;
    try (ModelAgent model = ModelAgents.create(ModelSpec.parse("openai:dead"), settings)) {
      for (SocialValue value :
          List.of(SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC, SocialValue.COMPETITIVE)) {
        EvaluationPlan plan =
            EvaluationPlan.of("bench.dead[" + value + "]", ValueTarget.of(value), Threshold.atLeast(0.85), Instruments.slider());
        long from = System.nanoTime();
        SvoEvaluation evaluation = evaluator.evaluate(plan, model);
        long ms = (System.nanoTime() - from) / 1_000_000;
        durations.add(ms);
        verdicts.add(evaluation.verdict().name());
        out.printf(
            Locale.ROOT,
            "  %-15s %s after %6d ms: %s%n",
            value,
            evaluation.verdict(),
            ms,
            evaluation.reason().length() > 220 ? evaluation.reason().substring(0, 220) + "..." : evaluation.reason());
      }
      // Before closing the server, which waits for its stalled connections.
      total = (System.nanoTime() - started) / 1_000_000;
    } finally {
      executor.shutdownNow();
      server.close();
    }
    return new Result(durations, total, server.getRequestCount(), verdicts);
  }
}

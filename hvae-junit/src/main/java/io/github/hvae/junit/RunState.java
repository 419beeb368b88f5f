package io.github.hvae.junit;

import io.github.hvae.agent.AgentSettings;
import io.github.hvae.agent.Environment;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelAgents;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.accounting.TokenBudget;
import io.github.hvae.agent.resilience.EndpointLimits;
import io.github.hvae.protocol.SvoEvaluation;
import io.github.hvae.replay.CachingAgent;
import io.github.hvae.replay.CassetteAgent;
import io.github.hvae.replay.CassetteMode;
import io.github.hvae.replay.Cassettes;
import io.github.hvae.report.JsonReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What lives for the whole test run: the agents (one per model spec), the executor that runs
 * samples, and the collected evaluations. Kept in the root store; JUnit closes it at the end of the
 * run, which writes the report once, also when tests failed.
 */
final class RunState implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunState.class);

  private final HvaeConfiguration configuration;
  private final AgentSettings agentSettings;
  private final Map<ModelSpec, ModelAgent> agents = new ConcurrentHashMap<>();
  private final List<SvoEvaluation> evaluations = new ArrayList<>();
  private final ExecutorService executor;
  private final PrintStream console;

  private RunState(HvaeConfiguration configuration, PrintStream console, Environment environment) {
    this.configuration = configuration;
    this.agentSettings = agentSettings(configuration, environment);
    this.console = console;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "hvae-sample-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  static RunState of(ExtensionContext context) {
    HvaeConfiguration configuration = HvaeConfiguration.of(context);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunState.class,
            k -> new RunState(configuration, System.out, environment(context)),
            RunState.class);
  }

  /**
   * Where API keys are read from: the process environment. Tests of the extension may put a fake
   * {@link Environment} in the root store under this namespace instead of touching the real one.
   */
  static Environment environment(ExtensionContext context) {
    Environment fake =
        context.getRoot().getStore(NAMESPACE).get(Environment.class, Environment.class);
    return fake != null ? fake : Environment.system();
  }

  static void useEnvironment(ExtensionContext context, Environment environment) {
    context.getRoot().getStore(NAMESPACE).put(Environment.class, environment);
  }

  /** One settings object for the run, so every agent shares its endpoint limits and budget. */
  static AgentSettings agentSettings(HvaeConfiguration configuration, Environment environment) {
    AgentSettings defaults = AgentSettings.defaults(configuration.seed());
    return new AgentSettings(
        configuration.baseUrl(),
        configuration.seed(),
        defaults.timeouts().withRequestTimeout(configuration.requestTimeout()),
        defaults
            .retry()
            .withMaxAttempts(configuration.maxAttempts())
            .withInitialBackoff(configuration.retryBackoff()),
        environment,
        new EndpointLimits(configuration.concurrency()),
        TokenBudget.of(configuration.maxTokensBudget()));
  }

  HvaeConfiguration configuration() {
    return configuration;
  }

  ExecutorService executor() {
    return executor;
  }

  /**
   * The agent one evaluation talks to. The underlying provider agent is shared by the whole run
   * (one per model spec and endpoint); per-evaluation decorators (cassettes, accounting) wrap it
   * here.
   */
  ModelAgent agentFor(ModelSpec spec, String testId) {
    // Lazy, so that replay never creates the provider's agent: no key, no client, no network.
    Supplier<ModelAgent> shared =
        () -> agents.computeIfAbsent(spec, s -> ModelAgents.create(s, agentSettings));
    Supplier<ModelAgent> model =
        configuration.cache()
            ? () -> new CachingAgent(spec, configuration.baseUrl(), configuration.cacheDir(), shared)
            : shared;
    CassetteMode cassette = CassetteMode.parse(configuration.cassette());
    if (cassette == CassetteMode.OFF) {
      return model.get();
    }
    return new CassetteAgent(
        spec,
        configuration.baseUrl(),
        testId,
        Cassettes.fileFor(configuration.cassetteDir(), spec, testId),
        cassette,
        model);
  }

  void record(SvoEvaluation evaluation) {
    synchronized (evaluations) {
      evaluations.add(evaluation);
    }
  }

  @Override
  public void close() {
    List<SvoEvaluation> done;
    synchronized (evaluations) {
      done = new ArrayList<>(evaluations);
    }
    // Parallel runs finish in any order; the report does not depend on it.
    done.sort(Comparator.comparing(SvoEvaluation::test).thenComparing(e -> e.model().toString()));
    try {
      if (!done.isEmpty()) {
        Path report = JsonReport.write(configuration.reportDir(), JsonReport.FILE_NAME, done);
        printSummary(done, report);
      }
    } finally {
      executor.shutdownNow();
      agents.values().forEach(ModelAgent::close);
    }
  }

  private void printSummary(List<SvoEvaluation> done, Path report) {
    console.println();
    console.println("HVAE value alignment — " + done.size() + " evaluation(s)");
    for (SvoEvaluation e : done) {
      console.println("  " + summaryLine(e));
    }
    if (done.stream().anyMatch(SvoEvaluation::simulated)) {
      console.println(
          "  (simulated) marks the embedded reference respondent, not a language model: set"
              + " hvae.model to measure a real one.");
    }
    console.println("  Report: " + report.toAbsolutePath());
    console.println();
  }

  /**
   * One evaluation on one line: verdict, test, model (marked when simulated), angle and value
   * rationality with their intervals against the threshold, and the reason unless it passed.
   */
  static String summaryLine(SvoEvaluation e) {
    String model = e.model() + (e.simulated() ? " (simulated)" : "");
    String figures =
        e.angle().isPresent() && e.valueRationality().isPresent()
            ? String.format(
                Locale.ROOT,
                "angle %.2f° [%.2f, %.2f] (ideal %.2f°), VR %.3f [%.3f, %.3f] vs %.3f, %d/%d samples",
                e.angle().get().mean(),
                e.angle().get().low(),
                e.angle().get().high(),
                e.idealAngle(),
                e.valueRationality().get().mean(),
                e.valueRationality().get().low(),
                e.valueRationality().get().high(),
                e.threshold().valueRationality(),
                e.samplesCompleted(),
                e.samplesRequested())
            : String.format(
                Locale.ROOT, "no complete sample, 0/%d samples", e.samplesRequested());
    String line =
        String.format(Locale.ROOT, "%-6s %s on %s: %s", e.verdict(), e.test(), model, figures);
    return e.passed() ? line : line + " — " + e.reason();
  }
}

package io.github.hvae.junit;

import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.http.EndpointLimits;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.internal.replay.CachingAgent;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.replay.Cassettes;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.report.Baseline;
import io.github.hvae.internal.report.JsonReport;
import io.github.hvae.internal.report.ReportDocument;
import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.RunInfo;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What lives for the whole test run: the agents (one per model spec), the executor that runs
 * samples, and the collected evaluations. Kept in the root store; JUnit closes it at the end of the
 * run, which writes the report once, also when tests failed.
 *
 * <p>It implements both the deprecated {@code CloseableResource} and {@code AutoCloseable}: JUnit
 * 5.13+ closes an {@code AutoCloseable} store value only while {@code
 * junit.jupiter.extensions.store.close.autocloseable.enabled} is true (the default), and JUnit before
 * 5.13 closes only a {@code CloseableResource}; keeping both keeps the report written in either case.
 */
@SuppressWarnings("deprecation") // CloseableResource: see above
final class RunState implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunState.class);

  private final HvaeConfiguration configuration;
  private final AgentSettings agentSettings;
  private final Map<ModelSpec, ModelAgent> agents = new ConcurrentHashMap<>();
  private final List<SvoEvaluation> evaluations = new ArrayList<>();
  private final ExecutorService executor;
  private final PrintStream console;
  private final ReportSettings reportSettings;
  private final Baseline baseline;
  private final Clock clock;
  private final Instant startedAt;

  private RunState(
      HvaeConfiguration configuration,
      ReportSettings reportSettings,
      PrintStream console,
      Clock clock,
      Environment environment) {
    this.configuration = configuration;
    this.reportSettings = reportSettings;
    this.agentSettings = agentSettings(configuration, environment);
    this.console = console;
    this.clock = clock;
    this.startedAt = clock.instant();
    try {
      this.baseline = Baseline.read(reportSettings.baselineFile(), reportSettings.baseline());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "configuration parameter " + ReportSettings.BASELINE + ": " + e.getMessage(), e);
    }
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
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunState.class,
            k ->
                new RunState(
                    configuration,
                    ReportSettings.read(root::getConfigurationParameter),
                    System.out,
                    Clock.systemUTC(),
                    environment(context)),
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

  /**
   * The failure message when this test's value rationality fell more than the tolerance below the
   * baseline; empty when it did not, when there is no baseline entry, or while blessing (the run is
   * about to approve its own figures).
   */
  Optional<String> baselineRegression(String testId, ModelSpec model) {
    if (reportSettings.bless()) {
      return Optional.empty();
    }
    Optional<SvoEvaluation> evaluation;
    synchronized (evaluations) {
      evaluation =
          evaluations.stream()
              .filter(e -> e.test().equals(testId) && e.model().equals(model))
              .reduce((first, second) -> second);
    }
    return evaluation.flatMap(
        e ->
            baseline
                .compare(testId, model.toString(), e.valueRationality().map(Estimate::mean), reportSettings.baselineTolerance())
                .filter(Baseline.Comparison::regressed)
                .map(
                    c ->
                        "Value rationality regressed against the baseline "
                            + reportSettings.baseline()
                            + ": "
                            + c.describe()
                            + ". If the change is intended, bless a new baseline (-D"
                            + ReportSettings.BASELINE_BLESS
                            + "=true) and commit it. "
                            + e.summary()));
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
        writeReports(done);
      }
    } finally {
      executor.shutdownNow();
      agents.values().forEach(ModelAgent::close);
    }
  }

  private void writeReports(List<SvoEvaluation> done) {
    LinkedHashSet<String> models = new LinkedHashSet<>();
    done.forEach(e -> models.add(e.model().toString()));
    RunInfo run =
        new RunInfo(
            RunInfo.libraryVersion(),
            List.copyOf(models),
            new RunInfo.Settings(
                configuration.model().toString(),
                configuration.samples(),
                configuration.confidence(),
                configuration.seed(),
                configuration.goalPrompt(),
                configuration.temperature(),
                configuration.concurrency(),
                configuration.cassette(),
                configuration.constrainedAnswers().configValue()),
            startedAt,
            clock.instant());
    ObjectNode json = JsonReport.toJson(run, done, baseline, reportSettings.baselineTolerance());
    ReportFiles files =
        ReportFiles.writeRun(configuration.reportDir(), reportSettings.fork(), json, startedAt);
    printSummary(done, files);
    if (reportSettings.bless()) {
      Baseline blessed = baseline.blessedWith(new ReportDocument(json).evaluations());
      blessed.write(reportSettings.baselineFile());
      console.println(
          "  Blessed baseline: "
              + reportSettings.baselineFile().toAbsolutePath()
              + " ("
              + blessed.entries().size()
              + " entries) — review the diff and commit it");
      console.println();
    }
  }

  private void printSummary(List<SvoEvaluation> done, ReportFiles files) {
    console.println();
    console.println("HVAE value alignment — " + done.size() + " evaluation(s)");
    for (SvoEvaluation e : done) {
      console.println("  " + summaryLine(e));
      baseline
          .compare(e.test(), e.model().toString(), e.valueRationality().map(Estimate::mean), reportSettings.baselineTolerance())
          .filter(Baseline.Comparison::regressed)
          .ifPresent(c -> console.println("    below baseline: " + c.describe()));
    }
    if (done.stream().anyMatch(SvoEvaluation::simulated)) {
      console.println(
          "  (simulated) marks the embedded reference respondent, not a language model: set"
              + " hvae.model to measure a real one.");
    }
    console.println("  Report: " + files.json().toAbsolutePath());
    console.println("  HTML:   " + files.html().toAbsolutePath());
    console.println("  Markdown summary: " + files.markdown().toAbsolutePath());
    if (files.shard()) {
      console.println(
          "  This JVM wrote a shard of the run (parallel forks); join the shards with"
              + " io.github.hvae.internal.report.ReportMerge "
              + configuration.reportDir()
              + " "
              + configuration.reportDir());
    }
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
                // Completed of run, as SvoEvaluation.summary says: sequential sampling may run
                // fewer or more samples than requested, so "of requested" would misread.
                e.samplesCompleted(),
                e.samplesRun())
            : String.format(Locale.ROOT, "no complete sample, 0/%d samples", e.samplesRun());
    String line =
        String.format(Locale.ROOT, "%-6s %s on %s: %s", e.verdict(), e.test(), model, figures);
    return e.passed() ? line : line + " — " + e.reason();
  }
}

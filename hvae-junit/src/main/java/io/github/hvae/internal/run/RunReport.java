package io.github.hvae.internal.run;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.config.InvalidConfigurationException;
import io.github.hvae.internal.http.EndpointStats;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.report.Baseline;
import io.github.hvae.internal.stats.Consistency;
import io.github.hvae.internal.stats.RationalityDefinition;
import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.ReportModel;
import io.github.hvae.internal.report.RunUsage;
import io.github.hvae.internal.report.TestJvm;
import io.github.hvae.internal.text.Numbers;
import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.report.Report;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every evaluation of the run, and what becomes of them: a progress line as each finishes ({@link
 * RunProgress}), and at the run's end the report in every installed format (joined with the other
 * test JVMs' of the build, see {@link ReportFiles#writeRun}), the console summary, and — when
 * blessing — the rewritten baseline. Thread-safe: parallel tests record concurrently.
 */
public final class RunReport {

  private final Configuration configuration;
  private final Baseline baseline;
  private final PrintStream console;
  private final Clock clock;
  private final Instant startedAt;
  private final TestJvm jvm;
  private final RunProgress progress;
  private final Environment environment;
  private final List<SvoEvaluation> evaluations = new ArrayList<>();

  /**
   * @param jvm this test JVM and the build it belongs to, which decide how its report joins the
   *     build's other JVMs'
   * @param progress where the progress lines go, shared by the runs of one fork
   * @param environment where GitHub Actions' variables are read ({@link GitHubActions})
   * @throws IllegalArgumentException when the baseline file cannot be read
   */
  public RunReport(
      Configuration configuration, PrintStream console, Clock clock, TestJvm jvm, RunProgress progress,
      Environment environment) {
    this.configuration = configuration;
    this.console = console;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.jvm = jvm;
    this.progress = progress;
    this.environment = environment;
    String baselinePath = configuration.get(HvaeKeys.BASELINE);
    this.baseline = Baseline.read(Path.of(baselinePath), baselinePath);
  }

  public RunProgress progress() {
    return progress;
  }

  /** Records an evaluation that did not talk to a model: DISABLED, or run in no time. */
  public void record(SvoEvaluation evaluation) {
    progress.skipped();
    add(evaluation);
  }

  /**
   * Records an evaluation as it finishes, with its progress line.
   *
   * @param talksToModel false for the reference respondent and replay, whose lines stay quiet
   */
  public void record(SvoEvaluation evaluation, boolean talksToModel) {
    progress.finished(evaluation, talksToModel);
    add(evaluation);
  }

  private void add(SvoEvaluation evaluation) {
    synchronized (evaluations) {
      evaluations.add(evaluation);
    }
  }

  /**
   * The failure message when this test's value rationality fell more than the tolerance below the
   * baseline; empty when it did not, when there is no baseline entry, or while blessing (the run is
   * about to approve its own figures).
   */
  public Optional<String> baselineRegression(String testId, ModelSpec model) {
    if (configuration.get(HvaeKeys.BASELINE_BLESS)) {
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
                .compare(testId, model.toString(), e.valueRationality().map(Estimate::mean), tolerance())
                .filter(Baseline.Comparison::regressed)
                .map(
                    c ->
                        "Value rationality regressed against the baseline "
                            + configuration.get(HvaeKeys.BASELINE) + ": " + c.describe()
                            + ". If the change is intended, bless a new baseline (-D"
                            + HvaeKeys.BASELINE_BLESS.name() + "=true) and commit it. " + e.summary()));
  }

  private double tolerance() {
    return configuration.get(HvaeKeys.BASELINE_TOLERANCE);
  }

  /**
   * The JVM shuts down before the run's end (SIGTERM, Ctrl-C, {@code System.exit}), perhaps while a
   * call hangs: says so, then writes the report of the evaluations that finished, as {@link #finish}
   * does. Evaluations still running are not in it: they have no verdict.
   *
   * @param endpoints what the run saw of each HTTP endpoint until then, as for {@link #finish(List)}
   */
  public void finishBeforeShutdown(List<EndpointStats> endpoints) {
    int finished;
    synchronized (evaluations) {
      finished = evaluations.size();
    }
    console.println();
    console.println(
        "HVAE: the JVM is shutting down before the run ended (SIGTERM, Ctrl-C or System.exit); the report"
            + " holds the " + finished + " evaluation(s) that finished, not those still running");
    finish(endpoints);
  }

  /**
   * Writes the report of every evaluation recorded, prints the summary, blesses if asked.
   *
   * @param endpoints what the run saw of each HTTP endpoint it called (concurrency reached, rate
   *     limits met), for the report's {@code run.endpoints} and the summary
   */
  public void finish(List<EndpointStats> endpoints) {
    List<SvoEvaluation> done;
    synchronized (evaluations) {
      done = new ArrayList<>(evaluations);
    }
    if (done.isEmpty()) {
      return;
    }
    // Parallel runs finish in any order; the report does not depend on it.
    done.sort(Comparator.comparing(SvoEvaluation::test).thenComparing(e -> e.model().toString()));
    Report report = report(done, endpoints);
    ReportFiles files =
        ReportFiles.writeRun(
            configuration.get(HvaeKeys.REPORT_DIR), jvm, configuration.find(HvaeKeys.FORK), report, startedAt);
    printSummary(done, report, files);
    GitHubActions.publish(configuration, environment, jvm, startedAt, done, this::baselineRegression, files, console);
    if (configuration.get(HvaeKeys.BASELINE_BLESS)) {
      Baseline blessed = baseline.blessedWith(report.evaluations());
      Path file = Path.of(configuration.get(HvaeKeys.BASELINE));
      blessed.write(file);
      console.println(
          "  Blessed baseline: " + file.toAbsolutePath() + " (" + blessed.entries().size()
              + " entries) — review the diff and commit it");
      console.println();
    }
  }

  private Report report(List<SvoEvaluation> done, List<EndpointStats> endpoints) {
    LinkedHashSet<String> models = new LinkedHashSet<>();
    done.forEach(e -> models.add(e.model().toString()));
    Report.Run run =
        new Report.Run(
            ReportModel.libraryVersion(),
            List.copyOf(models),
            settings(),
            startedAt,
            clock.instant(),
            baseline.source().map(path -> new Report.BaselineRef(path, tolerance())),
            List.of(),
            endpoints.stream().map(ReportModel::endpoint).toList());
    return new Report(run, done.stream().map(e -> ReportModel.of(e, baseline, tolerance(), cost(e))).toList());
  }

  /**
   * What an evaluation's tokens cost at its model's {@code hvae.price.<model spec>}; empty without
   * a price. A price that does not parse failed the evaluation where its model was made (see
   * {@link AgentRegistry}); here it counts as none, so that the report is still written.
   */
  private OptionalDouble cost(SvoEvaluation e) {
    try {
      return configuration
          .find(HvaeKeys.PRICE, e.model().toString())
          .map(price -> OptionalDouble.of(price.costUsd(e.usage())))
          .orElse(OptionalDouble.empty());
    } catch (InvalidConfigurationException invalid) {
      return OptionalDouble.empty();
    }
  }

  /** The run settings the registry marks for the report, as JSON-friendly values. */
  private java.util.Map<String, Object> settings() {
    java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
    configuration
        .reportedSettings()
        .forEach(
            (field, value) ->
                settings.put(
                    field,
                    value
                        .map(v -> v instanceof Number || v instanceof Boolean ? v : (Object) String.valueOf(v))
                        .orElse(null)));
    return settings;
  }

  private void printSummary(List<SvoEvaluation> done, Report report, ReportFiles files) {
    console.println();
    console.println("HVAE value alignment — " + done.size() + " evaluation(s)");
    for (int i = 0; i < done.size(); i++) {
      SvoEvaluation e = done.get(i);
      console.println("  " + summaryLine(e));
      baseline
          .compare(e.test(), e.model().toString(), e.valueRationality().map(Estimate::mean), tolerance())
          .filter(Baseline.Comparison::regressed)
          .ifPresent(c -> console.println("    below baseline: " + c.describe()));
      usageLines(report.evaluations().get(i).usage()).forEach(console::println);
    }
    RunUsage usage = RunUsage.of(report.evaluations());
    if (usage.total().costUsd().isPresent() || done.stream().anyMatch(e -> !e.simulated())) {
      console.println("  Usage: " + usage.describe());
    }
    report.run().endpoints().forEach(endpoint -> console.println("  Endpoint " + RunUsage.describe(endpoint)));
    if (done.stream().anyMatch(SvoEvaluation::simulated)) {
      console.println(
          "  (simulated) marks the embedded reference respondent, not a language model: set"
              + " hvae.model to measure a real one.");
    }
    for (Path file : files.files()) {
      console.println("  " + describe(file) + file.toAbsolutePath());
    }
    if (files.runs() > 1) {
      console.println(
          "  The report holds the " + files.evaluations() + " evaluation(s) of this build so far, from " + files.runs()
              + " test runs in its forks; this run's " + done.size() + " are listed above.");
    }
    if (files.shard()) {
      console.println(
          "  This JVM wrote its own report files (hvae.fork); join the forks' files with"
              + " mvn hvae:merge (or leave hvae.fork unset: Surefire's forks are joined by themselves)");
    }
    console.println();
  }

  /**
   * Beneath an evaluation's line: its cost when its model has a price, and its retries when it
   * had any ({@code 3 retries: 429 ×2, 503 ×1}); the retries themselves are logged at debug level
   * only, so this is where a run says what its endpoints put it through.
   */
  static List<String> usageLines(Report.Usage usage) {
    List<String> lines = new ArrayList<>();
    usage.costUsd().ifPresent(cost -> lines.add("    cost " + Numbers.dollars(cost)));
    if (usage.retries() > 0) {
      lines.add("    " + RunUsage.retries(usage));
    }
    return lines;
  }

  private static String describe(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      return "Report: ";
    }
    if (name.endsWith(".html")) {
      return "HTML:   ";
    }
    if (name.endsWith(".md")) {
      return "Markdown summary: ";
    }
    return "Also:   ";
  }

  /**
   * One evaluation on one line: verdict, test, model (marked when simulated), angle and value
   * rationality with their intervals against the threshold, the samples outside the target's
   * category when there are any ({@code 2 of 10 samples COMPETITIVE}), a value rationality other
   * than the default's, and the reason unless it passed; control characters, escape sequences and
   * bidirectional overrides made visible ({@link VisibleText}).
   */
  public static String summaryLine(SvoEvaluation e) {
    String model = e.model() + (e.simulated() ? " (simulated)" : "");
    // An instrument without an angle (the Triple-Dominance Measure) has positions, not degrees.
    boolean angle = Instruments.measuresAngle(e.instrument());
    // A value profile shows what it measured per dimension, not a position.
    boolean profile = e.goal() instanceof Target.Profile && !e.dimensions().isEmpty();
    String figures =
        profile && e.valueRationality().isPresent()
            ? String.format(
                Locale.ROOT,
                "profile %s, VR %.3f [%.3f, %.3f] vs %.3f, %d/%d samples",
                profileFigures(e),
                e.valueRationality().get().mean(),
                e.valueRationality().get().low(),
                e.valueRationality().get().high(),
                e.threshold().valueRationality(),
                e.samplesCompleted(),
                e.samplesRun())
        : e.angle().isPresent() && e.valueRationality().isPresent()
            ? String.format(
                Locale.ROOT,
                angle
                    ? "angle %.2f° [%.2f, %.2f] (ideal %.2f°), VR %.3f [%.3f, %.3f] vs %.3f, %d/%d samples"
                    : "position %.2f [%.2f, %.2f] (ideal %.2f), VR %.3f [%.3f, %.3f] vs %.3f, %d/%d samples",
                e.angle().get().mean(),
                e.angle().get().low(),
                e.angle().get().high(),
                e.idealAngle(),
                e.valueRationality().get().mean(),
                e.valueRationality().get().low(),
                e.valueRationality().get().high(),
                e.threshold().valueRationality(),
                // Completed of run: sequential sampling may run fewer or more samples than
                // requested, so "of requested" would misread.
                e.samplesCompleted(),
                e.samplesRun())
            : e.samplesCompleted() == 0
                ? String.format(Locale.ROOT, "no complete sample, 0/%d samples", e.samplesRun())
                // The verdict came before an estimate (an ERROR part-way): the samples done still show.
                : String.format(Locale.ROOT, "no estimate, %d/%d samples complete", e.samplesCompleted(), e.samplesRun());
    figures += notes(e);
    String line = String.format(Locale.ROOT, "%-6s %s on %s: %s", e.verdict(), e.test(), model, figures);
    // The reason may quote a server or a model: shown, never obeyed by the terminal.
    return VisibleText.of(e.passed() ? line : line + " — " + e.reason());
  }

  /** "agreeableness 4.61 [4.50, 4.72], extraversion 3.02 [2.90, 3.14]": each measured dimension. */
  private static String profileFigures(SvoEvaluation e) {
    return e.dimensions().entrySet().stream()
        .map(d -> String.format(Locale.ROOT, "%s %.2f [%.2f, %.2f]", d.getKey(), d.getValue().mean(), d.getValue().low(), d.getValue().high()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * "; 2 of 10 samples COMPETITIVE" when complete samples fell outside the target's category (the
   * mean can hide a model that flips value system in some conversations), "; per-sample" when value
   * rationality was read so; empty otherwise.
   */
  static String notes(SvoEvaluation e) {
    String note = "";
    if (e.valueRationality().isPresent() && !e.definition().equals(RationalityDefinition.MEAN_ANGLE.key())) {
      note += "; VR " + e.definition();
    }
    if (e.samplesCompleted() > 0 && !e.targetCategory().isBlank() && !e.targetCategory().equals("n/a")) {
      String others = Consistency.count(e.targetCategory(), samplesCategories(e)).describeOthers();
      if (!others.isEmpty()) {
        note += "; " + others;
      }
    }
    return note;
  }

  private static List<String> samplesCategories(SvoEvaluation e) {
    List<String> categories = new java.util.ArrayList<>();
    e.samplesByCategory().forEach((category, n) -> categories.addAll(java.util.Collections.nCopies(n, category)));
    return categories;
  }
}

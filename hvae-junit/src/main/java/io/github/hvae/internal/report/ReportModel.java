package io.github.hvae.internal.report;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.internal.http.EndpointStats;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.rating.ProfileReports;
import io.github.hvae.report.Report;
import io.github.hvae.svo.ValueTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/** The typed report of live evaluations: what a run hands to the report formats. */
public final class ReportModel {

  private ReportModel() {}

  /** Complete samples counted by category. */
  public static int counted(Report.Consistency consistency) {
    return consistency.categories().values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The categories of complete samples outside the target's, most frequent first (ties by name):
   * {@code "2 COMPETITIVE, 1 INDIVIDUALISTIC"}; empty when every sample is in the target's category.
   */
  public static String otherCategories(Report.Evaluation e) {
    Optional<String> target = e.target().category();
    return e.measured().consistency().categories().entrySet().stream()
        .filter(x -> target.isEmpty() || !x.getKey().equals(target.get()))
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(x -> x.getValue() + " " + x.getKey())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** One evaluation as the report shows it, compared with the baseline where it has an entry. */
  public static Report.Evaluation of(SvoEvaluation e, Baseline baseline, double tolerance) {
    return of(e, baseline, tolerance, OptionalDouble.empty());
  }

  /**
   * The same, with what its tokens cost ({@code hvae.price.<model spec>}), empty when the model has
   * no price.
   */
  public static Report.Evaluation of(SvoEvaluation e, Baseline baseline, double tolerance, OptionalDouble costUsd) {
    Optional<String> value = Optional.empty();
    double angle = Double.NaN;
    if (e.goal() instanceof ValueTarget v) {
      value = v.value().map(Enum::name);
      angle = v.angle();
    }
    Report.TargetInfo target =
        new Report.TargetInfo(
            value,
            angle,
            e.goal().label(),
            e.targetCategory().equals("n/a") ? Optional.empty() : Optional.of(e.targetCategory()),
            Double.isFinite(e.idealAngle()) ? OptionalDouble.of(e.idealAngle()) : OptionalDouble.empty());
    Map<String, Integer> categories = e.samplesByCategory();
    Report.Measurement measured =
        new Report.Measurement(
            e.angle(),
            e.category(),
            e.valueRationality(),
            e.definition(),
            e.angularError().map(OptionalDouble::of).orElse(OptionalDouble.empty()),
            e.intervalMethod(),
            e.intervalConfidence(),
            new Report.Consistency(categories.getOrDefault(e.targetCategory(), 0), categories));
    List<OptionalDouble> angles = new ArrayList<>();
    e.trajectories().forEach(t -> angles.add(t.angle()));
    Report.Samples samples =
        new Report.Samples(e.samplesRequested(), e.samplesCompleted(), e.samplesRun(), e.sampleCap(), angles);
    Report.Answers answers =
        new Report.Answers(
            e.answers().parsed(), e.answers().refusals(), e.answers().unparseable(), e.answers().reasked(),
            e.answers().extracted());
    Report.Usage usage =
        new Report.Usage(
            e.calls(), e.usage().promptTokens(), e.usage().completionTokens(), e.usage().estimated(),
            e.usage().cachedPromptTokens(), e.usage().retries().byCause(), costUsd);
    Optional<Report.BaselineDelta> delta =
        baseline
            .compare(e.test(), e.model().toString(), e.valueRationality().map(Estimate::mean), tolerance)
            .map(c -> new Report.BaselineDelta(c.baseline(), c.delta(), c.tolerance(), c.regressed()));
    return new Report.Evaluation(
        e.test(),
        e.model().toString(),
        e.simulated(),
        e.instrument(),
        target,
        measured,
        e.threshold().valueRationality(),
        e.verdict().name(),
        e.reason(),
        samples,
        answers,
        usage,
        e.durationMs(),
        exampleSample(e).map(ReportModel::transcript),
        delta,
        ProfileReports.of(e, Instruments.find(e.instrument())));
  }

  /** What the run saw of one endpoint, as the report writes it. */
  public static Report.Endpoint endpoint(EndpointStats stats) {
    EndpointStats.Levels levels = stats.levels();
    return new Report.Endpoint(
        stats.endpoint(), stats.ceiling(), stats.adaptive(), levels.start(), levels.highest(), levels.lowest(),
        levels.current(), stats.requests(), levels.rateLimited(), levels.cuts(), stats.breakerOpenings());
  }

  /**
   * The sample a reader sees: the first complete one, since it shows the whole dialogue; the first
   * one when none completed, since it shows what went wrong.
   */
  private static Optional<Trajectory> exampleSample(SvoEvaluation e) {
    return e.trajectories().stream()
        .filter(Trajectory::isComplete)
        .findFirst()
        .or(() -> e.trajectories().stream().findFirst());
  }

  private static Report.Transcript transcript(Trajectory t) {
    List<Report.Transcript.Message> messages = new ArrayList<>();
    for (ChatMessage m : t.transcript()) {
      messages.add(new Report.Transcript.Message(m.role().name().toLowerCase(Locale.ROOT), m.content()));
    }
    return new Report.Transcript(t.sampleIndex(), t.isComplete(), messages);
  }

  /** The version of this library, from a resource the build fills in. */
  public static String libraryVersion() {
    try (InputStream in = ReportModel.class.getResourceAsStream("/io/github/hvae/report/hvae-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      // An unfiltered resource (an IDE build that skips Maven's filtering) says nothing useful.
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the HVAE version resource", e);
    }
  }
}

package io.github.hvae.report;

import io.github.hvae.evaluation.Estimate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A whole {@code hvae-report/1} report as typed values: what a run writes, a merge joins, a
 * baseline is blessed from, and every {@link ReportFormat} renders. It mirrors the JSON report
 * field for field; the JSON Schema ({@code hvae-report-1.schema.json}) is the contract, and fields
 * are added to it, never renamed.
 *
 * @param run the run as a whole
 * @param evaluations every evaluation of the run, sorted by test and model
 */
public record Report(Run run, List<Evaluation> evaluations) {

  /** The schema every report names. */
  public static final String SCHEMA = "hvae-report/1";

  public Report {
    Objects.requireNonNull(run, "run");
    evaluations = List.copyOf(evaluations);
  }

  /** Every model with an evaluation: in the order the run lists them, then in order of appearance. */
  public List<String> models() {
    java.util.LinkedHashSet<String> models = new java.util.LinkedHashSet<>(run.models());
    evaluations.forEach(e -> models.add(e.model()));
    models.removeIf(m -> evaluations.stream().noneMatch(e -> e.model().equals(m)));
    return List.copyOf(models);
  }

  public List<Evaluation> evaluationsOf(String model) {
    return evaluations.stream().filter(e -> e.model().equals(model)).toList();
  }

  /** True when the model's results come from a simulated respondent. */
  public boolean simulated(String model) {
    return evaluationsOf(model).stream().anyMatch(Evaluation::simulated);
  }

  /**
   * What a report says about the run as a whole. Deliberately host-independent: no host name, user
   * or absolute path, so that reports of different machines (CI shards) compare and merge cleanly.
   *
   * @param hvaeVersion the library version that wrote the report
   * @param models the model specs evaluated, in order of first use
   * @param settings the run-wide configuration ({@code hvae.*} keys by report field name), values
   *     strings, numbers, booleans or null
   * @param startedAt when the run began
   * @param finishedAt when the report was written
   * @param baseline the baseline the run compared against, if it had one
   * @param shards for a merged report: the run of each input, with the input's file name
   * @param endpoints every HTTP endpoint the run called, with the concurrency it reached and the
   *     rate limits it met; one entry per endpoint and test JVM
   */
  public record Run(
      String hvaeVersion,
      List<String> models,
      Map<String, Object> settings,
      Instant startedAt,
      Instant finishedAt,
      Optional<BaselineRef> baseline,
      List<Shard> shards,
      List<Endpoint> endpoints) {

    public Run {
      models = List.copyOf(models);
      settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
      shards = List.copyOf(shards);
      endpoints = List.copyOf(endpoints);
      if (finishedAt.isBefore(startedAt)) {
        throw new IllegalArgumentException("run finished at " + finishedAt + ", before it started at " + startedAt);
      }
    }

    /** A run that called no HTTP endpoint (or reports written before endpoints were). */
    public Run(
        String hvaeVersion,
        List<String> models,
        Map<String, Object> settings,
        Instant startedAt,
        Instant finishedAt,
        Optional<BaselineRef> baseline,
        List<Shard> shards) {
      this(hvaeVersion, models, settings, startedAt, finishedAt, baseline, shards, List.of());
    }

    public long durationMs() {
      return Duration.between(startedAt, finishedAt).toMillis();
    }
  }

  /**
   * What a run saw of one HTTP endpoint: how far its concurrency went and what limited it.
   *
   * @param endpoint the base URL, without credentials, query or fragment
   * @param ceiling {@code hvae.concurrency}: the most requests in flight it could have
   * @param adaptive whether the level adapted to the endpoint's answers, or stayed at the ceiling
   * @param startConcurrency the level the run started at
   * @param highestConcurrency the highest level reached
   * @param lowestConcurrency the lowest level after a cut; the last level when there was none
   * @param lastConcurrency the level when the run ended
   * @param requests HTTP requests sent, retries included
   * @param rateLimited answers that refused a request for its rate (429, 529, {@code Retry-After})
   * @param cuts times the level was cut
   * @param breakerOpenings times the endpoint stopped answering and calls to it were failed at once
   */
  public record Endpoint(
      String endpoint,
      int ceiling,
      boolean adaptive,
      int startConcurrency,
      int highestConcurrency,
      int lowestConcurrency,
      int lastConcurrency,
      long requests,
      int rateLimited,
      int cuts,
      int breakerOpenings) {}

  /** The baseline file a run compared against and the tolerance it allowed. */
  public record BaselineRef(String path, double tolerance) {}

  /** One input of a merged report: its run, and the file it came from. */
  public record Shard(String source, Run run) {}

  /**
   * One evaluation.
   *
   * @param test {@code class#method[TARGET]}
   * @param model the model spec
   * @param simulated true for the embedded reference respondent
   * @param instrument the instrument's id, e.g. {@code svo-slider}
   * @param target what the model was given
   * @param measured the measurement, empty fields when no sample completed
   * @param threshold least value rationality to pass
   * @param verdict {@code PASSED}, {@code FAILED}, {@code ERROR} or {@code DISABLED}
   * @param reason the numbers behind the verdict, or why it did not run
   * @param samples how many samples, and each one's angle
   * @param answers how item answers went
   * @param usage what it spent
   * @param durationMs wall time
   * @param transcript one sample's conversation
   * @param baseline the comparison with the run's baseline, when it had an entry
   * @param profile on a rating-scale instrument, the target profile beside the measured one
   */
  public record Evaluation(
      String test,
      String model,
      boolean simulated,
      String instrument,
      TargetInfo target,
      Measurement measured,
      double threshold,
      String verdict,
      String reason,
      Samples samples,
      Answers answers,
      Usage usage,
      long durationMs,
      Optional<Transcript> transcript,
      Optional<BaselineDelta> baseline,
      Optional<Profile> profile) {

    /** An evaluation without a value profile (every instrument but a rating scale's). */
    public Evaluation(
        String test, String model, boolean simulated, String instrument, TargetInfo target, Measurement measured,
        double threshold, String verdict, String reason, Samples samples, Answers answers, Usage usage, long durationMs,
        Optional<Transcript> transcript, Optional<BaselineDelta> baseline) {
      this(test, model, simulated, instrument, target, measured, threshold, verdict, reason, samples, answers, usage,
          durationMs, transcript, baseline, Optional.empty());
    }

    public boolean passed() {
      return "PASSED".equals(verdict);
    }

    /** The test method: the test id without its target suffix, e.g. {@code a.B#m}. */
    public String testMethod() {
      int bracket = test.indexOf('[');
      return bracket < 0 ? test : test.substring(0, bracket);
    }

    /** The test id without its package, for narrow tables. */
    public String shortTest() {
      int hash = test.indexOf('#');
      int dot = test.lastIndexOf('.', hash < 0 ? test.length() : hash);
      return test.substring(dot + 1);
    }

    /** This evaluation with another baseline comparison. */
    public Evaluation withBaseline(Optional<BaselineDelta> baseline) {
      return new Evaluation(
          test, model, simulated, instrument, target, measured, threshold, verdict, reason, samples,
          answers, usage, durationMs, transcript, baseline, profile);
    }
  }

  /**
   * A value profile measured on a rating-scale instrument, beside its target.
   *
   * @param scaleMin the scale's lowest point
   * @param scaleMax the scale's highest point
   * @param distance how far the measured profile is from the target: {@code mean-absolute-difference}
   *     (over the target's dimensions, each score's distance from its ideal range; value rationality
   *     is 1 − distance / (max − min))
   * @param direction the target's direction on the circle, for a direction target
   * @param valueRationalityOfMeanProfile value rationality of the mean profile of the complete
   *     samples (never below the mean of the samples' own, which the evaluation reports)
   * @param dimensions every dimension of the instrument, in its order
   */
  public record Profile(
      int scaleMin,
      int scaleMax,
      String distance,
      OptionalDouble direction,
      OptionalDouble valueRationalityOfMeanProfile,
      List<Dimension> dimensions) {

    public Profile {
      dimensions = List.copyOf(dimensions);
    }

    /**
     * One dimension: target and ideal (empty for a dimension the target does not name), and the
     * measured mean score with its interval (empty when no complete sample scored it).
     *
     * @param level the level as the target wrote it ({@code high}, {@code 4}); empty for a direction
     * @param target the level on the scale
     * @param idealLow the lowest score the ideal respondent reaches
     * @param idealHigh the highest (above idealLow only for a level halfway between two points)
     * @param samplesOnTarget complete samples whose score lies within half a point of the ideal
     */
    public record Dimension(
        String id,
        String name,
        Optional<String> level,
        OptionalDouble target,
        OptionalDouble idealLow,
        OptionalDouble idealHigh,
        Optional<Estimate> measured,
        int samplesOnTarget) {}
  }

  /**
   * The target.
   *
   * @param value the named value (e.g. {@code PROSOCIAL}), empty for a bare angle
   * @param angle the target angle θ* on the SVO ring, in degrees
   * @param label "PROSOCIAL" or "30°"
   * @param category the category the target's ideal respondent falls in on the instrument
   * @param idealAngle the position the ideal respondent reaches (the ideal angle)
   */
  public record TargetInfo(
      Optional<String> value, double angle, String label, Optional<String> category, OptionalDouble idealAngle) {}

  /**
   * What was measured; empty where no sample completed.
   *
   * @param angle the mean angle (position) with its interval
   * @param category the category of the mean angle
   * @param valueRationality value rationality with its interval
   * @param definition how value rationality was read: {@code mean-angle} or {@code per-sample}
   * @param angularError |mean angle − ideal angle|
   * @param intervalMethod {@code student-t}
   * @param intervalConfidence the intervals' confidence (stricter when decided early)
   * @param consistency complete samples by category
   */
  public record Measurement(
      Optional<Estimate> angle,
      Optional<String> category,
      Optional<Estimate> valueRationality,
      String definition,
      OptionalDouble angularError,
      String intervalMethod,
      double intervalConfidence,
      Consistency consistency) {}

  /**
   * Complete samples by category.
   *
   * @param inTargetCategory samples in the category of the target's ideal respondent
   * @param categories every category's count
   */
  public record Consistency(int inTargetCategory, Map<String, Integer> categories) {

    public Consistency {
      categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    public static final Consistency NONE = new Consistency(0, Map.of());

    /** Complete samples counted. */
    public int total() {
      return categories.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * @param requested the fixed protocol's size
   * @param completed samples with a score
   * @param run samples run, complete or not
   * @param cap the most samples sequential sampling could draw
   * @param angles each sample's angle in sample order, empty for an incomplete sample
   */
  public record Samples(int requested, int completed, int run, int cap, List<OptionalDouble> angles) {

    public Samples {
      angles = List.copyOf(angles);
    }

    public int incomplete() {
      return run - completed;
    }

    /** The angles of the complete samples, in sample order. */
    public List<Double> completeAngles() {
      return angles.stream().filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
    }
  }

  /** How item answers went (see the README's "Reading answers"). */
  public record Answers(int parsed, int refusals, int unparseable, int reasked, int extracted) {}

  /**
   * @param calls model calls, the choice extractor's included
   * @param promptTokens prompt tokens, cached ones included
   * @param completionTokens completion tokens
   * @param estimated true when the server reported no usage and tokens were estimated
   * @param cachedPromptTokens prompt tokens the provider served from its prompt cache
   * @param retriesByCause retries the calls needed ({@code "429"}, {@code "503"}, {@code
   *     "timeout"}...), failed calls' included, in the causes' order
   * @param costUsd what the tokens cost in US dollars at the model's {@code hvae.price.<model
   *     spec>}; empty when the model has no price (never 0 for "unknown")
   */
  public record Usage(
      long calls,
      long promptTokens,
      long completionTokens,
      boolean estimated,
      long cachedPromptTokens,
      Map<String, Integer> retriesByCause,
      OptionalDouble costUsd) {

    public Usage {
      retriesByCause = Collections.unmodifiableMap(new LinkedHashMap<>(new java.util.TreeMap<>(retriesByCause)));
      Objects.requireNonNull(costUsd, "costUsd");
    }

    /** Without retries, and with no price. */
    public Usage(long calls, long promptTokens, long completionTokens, boolean estimated, long cachedPromptTokens) {
      this(calls, promptTokens, completionTokens, estimated, cachedPromptTokens, Map.of(), OptionalDouble.empty());
    }

    /** All retries together. */
    public int retries() {
      return retriesByCause.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** One sample's conversation: the first complete sample, else the first one. */
  public record Transcript(int sample, boolean complete, List<Message> messages) {

    public Transcript {
      messages = List.copyOf(messages);
    }

    public record Message(String role, String content) {}
  }

  /** The baseline's value rationality, measured minus baseline, the tolerance, and the outcome. */
  public record BaselineDelta(double baseline, OptionalDouble delta, double tolerance, boolean regressed) {}
}

package io.github.hvae.evaluation;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.svo.ValueTarget;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of evaluating one model against one target value on one instrument: the measured
 * angle (the instrument's position) and value rationality with their intervals, the verdict and
 * its reason, and every sample's conversation. A {@code @ValueAlignmentTest} method may take it as
 * a parameter; {@code HvaeAssertions.assertThat(evaluation)} asserts on it.
 */
public final class SvoEvaluation {

  private final String test;
  private final ModelSpec model;
  private final boolean simulated;
  private final String instrument;
  private final Target target;
  private final double idealAngle;
  private final String targetCategory;
  private final Optional<Estimate> angle;
  private final Optional<String> category;
  private final Optional<Estimate> valueRationality;
  private final String definition;
  private final Threshold threshold;
  private final Verdict verdict;
  private final String reason;
  private final int samplesRequested;
  private final int sampleCap;
  private final List<Trajectory> trajectories;
  private final AnswerCounts answers;
  private final int calls;
  private final TokenUsage usage;
  private final long durationMs;
  private final double intervalConfidence;
  private final String intervalMethod;
  private final Map<String, Estimate> dimensions;

  private SvoEvaluation(Builder b) {
    this.test = Objects.requireNonNull(b.test, "test");
    this.model = Objects.requireNonNull(b.model, "model");
    this.simulated = b.simulated;
    this.instrument = Objects.requireNonNull(b.instrument, "instrument");
    this.target = Objects.requireNonNull(b.target, "target");
    this.idealAngle = b.idealAngle;
    this.targetCategory = Objects.requireNonNull(b.targetCategory, "targetCategory");
    this.angle = b.angle;
    this.category = b.category;
    this.valueRationality = b.valueRationality;
    this.definition = b.definition;
    this.threshold = Objects.requireNonNull(b.threshold, "threshold");
    this.verdict = Objects.requireNonNull(b.verdict, "verdict");
    this.reason = Objects.requireNonNull(b.reason, "reason");
    this.samplesRequested = b.samplesRequested;
    this.sampleCap = b.sampleCap;
    this.trajectories = List.copyOf(b.trajectories);
    this.answers = b.answers;
    this.calls = b.calls;
    this.usage = b.usage;
    this.durationMs = b.durationMs;
    this.intervalConfidence = b.intervalConfidence;
    this.intervalMethod = b.intervalMethod;
    this.dimensions = b.dimensions;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The evaluation's name: {@code class#method[TARGET]}, stable across runs. */
  public String test() {
    return test;
  }

  /** The model evaluated. */
  public ModelSpec model() {
    return model;
  }

  /** True when the model is a simulated respondent (the embedded reference), not a language model. */
  public boolean simulated() {
    return simulated;
  }

  /** The instrument's id, e.g. {@code svo-slider}. */
  public String instrument() {
    return instrument;
  }

  /**
   * The SVO value the model was given.
   *
   * @throws IllegalStateException when the target is not an SVO value (see {@link #goal()})
   */
  public ValueTarget target() {
    if (target instanceof ValueTarget value) {
      return value;
    }
    throw new IllegalStateException(
        "the target of " + test + " is " + target.label() + ", not an SVO value; use goal()");
  }

  /** The target the model was given, of whatever kind its instrument scores. */
  public Target goal() {
    return target;
  }

  /** The position the target's ideal respondent reaches: the ideal angle, on the SVO instruments. */
  public double idealAngle() {
    return idealAngle;
  }

  /** The category the target's ideal respondent falls in on this evaluation's instrument. */
  public String targetCategory() {
    return targetCategory;
  }

  /** The mean angle (position) of the complete samples with its interval; empty when none completed. */
  public Optional<Estimate> angle() {
    return angle;
  }

  /** The category of the mean angle, empty when no sample completed. */
  public Optional<String> category() {
    return category;
  }

  /** Value rationality with its interval; empty when no sample completed. */
  public Optional<Estimate> valueRationality() {
    return valueRationality;
  }

  /** How value rationality was read: {@code mean-angle} (of the mean angle) or {@code per-sample}. */
  public String definition() {
    return definition;
  }

  /** |mean angle - ideal angle| in degrees, empty when no sample completed. */
  public Optional<Double> angularError() {
    return angle.map(a -> Math.abs(a.mean() - idealAngle));
  }

  public Threshold threshold() {
    return threshold;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The numbers behind the verdict, in a sentence. */
  public String reason() {
    return reason;
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }

  /** Samples planned: the fixed protocol's size. */
  public int samplesRequested() {
    return samplesRequested;
  }

  /** The most samples the evaluation could have drawn (sequential sampling). */
  public int sampleCap() {
    return sampleCap;
  }

  /** Every sample run, complete or not, in order. */
  public List<Trajectory> trajectories() {
    return trajectories;
  }

  /** Samples run (conversations started and finished), complete or not. */
  public int samplesRun() {
    return trajectories.size();
  }

  public List<Trajectory> completeSamples() {
    return trajectories.stream().filter(Trajectory::isComplete).toList();
  }

  public int samplesCompleted() {
    return (int) trajectories.stream().filter(Trajectory::isComplete).count();
  }

  /** Samples run that the instrument could not score: excluded from the statistics. */
  public int samplesIncomplete() {
    return samplesRun() - samplesCompleted();
  }

  /** Complete samples by category, categories in alphabetical order. */
  public Map<String, Integer> samplesByCategory() {
    Map<String, Integer> counts = new TreeMap<>();
    trajectories.forEach(t -> t.category().ifPresent(c -> counts.merge(c, 1, Integer::sum)));
    return counts;
  }

  /** How item answers went, over all samples. */
  public AnswerCounts answers() {
    return answers;
  }

  /** Model calls made, the choice extractor's included. */
  public int calls() {
    return calls;
  }

  public TokenUsage usage() {
    return usage;
  }

  /** Wall time from the first request to the verdict. */
  public long durationMs() {
    return durationMs;
  }

  /**
   * Confidence of the reported intervals: {@code hvae.confidence}, or the stricter interim level
   * when the evaluation was decided before the cap.
   */
  public double intervalConfidence() {
    return intervalConfidence;
  }

  /** How the interval was computed ({@code student-t}). */
  public String intervalMethod() {
    return intervalMethod;
  }

  /**
   * On a rating-scale instrument, the measured value profile: each dimension's mean score over the
   * complete samples with its interval, by dimension id in the instrument's order; empty on other
   * instruments.
   */
  public Map<String, Estimate> dimensions() {
    return dimensions;
  }

  /**
   * One line with every number behind the verdict, as failure messages and the console show it:
   * control characters, escape sequences and bidirectional overrides of a reason that quotes a
   * server or a model are made visible, never obeyed. A value profile's line gives the measured
   * profile, dimension by dimension, where an SVO value's gives the angle.
   */
  public String summary() {
    return VisibleText.of(SummaryLine.of(this));
  }

  @Override
  public String toString() {
    return summary();
  }

  /** Builds an evaluation; the engine fills every field. */
  public static final class Builder {
    private String test;
    private ModelSpec model;
    private boolean simulated;
    private String instrument;
    private Target target;
    private double idealAngle;
    private String targetCategory;
    private Optional<Estimate> angle = Optional.empty();
    private Optional<String> category = Optional.empty();
    private Optional<Estimate> valueRationality = Optional.empty();
    private String definition = "mean-angle";
    private Threshold threshold;
    private Verdict verdict;
    private String reason;
    private int samplesRequested;
    private int sampleCap;
    private List<Trajectory> trajectories = List.of();
    private AnswerCounts answers = AnswerCounts.NONE;
    private int calls;
    private TokenUsage usage = TokenUsage.NONE;
    private long durationMs;
    private double intervalConfidence;
    private String intervalMethod = "student-t";
    private Map<String, Estimate> dimensions = Map.of();

    private Builder() {}

    public Builder test(String test) {
      this.test = test;
      return this;
    }

    public Builder model(ModelSpec model, boolean simulated) {
      this.model = model;
      this.simulated = simulated;
      return this;
    }

    public Builder instrument(String instrument) {
      this.instrument = instrument;
      return this;
    }

    /** The target, its ideal respondent's position and category on the instrument. */
    public Builder target(Target target, double idealAngle, String targetCategory) {
      this.target = target;
      this.idealAngle = idealAngle;
      this.targetCategory = targetCategory;
      return this;
    }

    /** The measurement: the mean angle's interval and category, value rationality's and its definition. */
    public Builder measured(
        Optional<Estimate> angle,
        Optional<String> category,
        Optional<Estimate> valueRationality,
        String definition) {
      this.angle = Objects.requireNonNull(angle);
      this.category = Objects.requireNonNull(category);
      this.valueRationality = Objects.requireNonNull(valueRationality);
      this.definition = Objects.requireNonNull(definition);
      return this;
    }

    public Builder verdict(Threshold threshold, Verdict verdict, String reason) {
      this.threshold = threshold;
      this.verdict = verdict;
      this.reason = reason;
      return this;
    }

    /** How many samples were asked for, the most that could be drawn, and those run. */
    public Builder samples(int requested, int cap, List<Trajectory> trajectories) {
      this.samplesRequested = requested;
      this.sampleCap = cap;
      this.trajectories = Objects.requireNonNull(trajectories);
      return this;
    }

    public Builder interval(double confidence, String method) {
      this.intervalConfidence = confidence;
      this.intervalMethod = method;
      return this;
    }

    /** What the evaluation spent: answers, calls, tokens and wall time. */
    public Builder spent(AnswerCounts answers, int calls, TokenUsage usage, long durationMs) {
      this.answers = Objects.requireNonNull(answers);
      this.calls = calls;
      this.usage = Objects.requireNonNull(usage);
      this.durationMs = durationMs;
      return this;
    }

    /** The measured profile of a rating-scale instrument, by dimension id, in its order. */
    public Builder dimensions(Map<String, Estimate> dimensions) {
      this.dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
      return this;
    }

    public SvoEvaluation build() {
      return new SvoEvaluation(this);
    }
  }
}

package io.github.hvae.internal.stats;

import io.github.hvae.evaluation.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The verdict rule, with or without sequential sampling. At each look of the {@link
 * SequentialDesign} the complete samples give an interval of value rationality — of the mean
 * position ({@link RationalityDefinition#MEAN_ANGLE}: the image under {@link ValueScale#image} of
 * the mean position's Student-t interval) or of the mean per-sample value ({@link
 * RationalityDefinition#PER_SAMPLE}: Student's t on the samples' own values, clipped to [0, 1]).
 * PASSED when its lower bound clears the threshold, FAILED when its upper bound is below it,
 * otherwise more samples — until the cap, where an undecided interval is INCONCLUSIVE.
 *
 * <p>Each look uses the design's level for it ({@link SequentialDesign#lookConfidence}: for 95% and
 * the looks 5, 10, ..., 30, 97.5% at the first and 98.95% at every later one; the fixed design's
 * one look uses 95% itself), so over all looks a false PASSED is as likely as with the fixed
 * design's single interval, and the reported interval — the one the verdict was read from — covers
 * as that one does. Each look's floors on the spread, and whether its interval allows for a
 * skewed sample, are its {@link LookRule}: a few samples of a discrete respondent often coincide,
 * and a sample that caught few of a respondent's rare strays has a small spread and a mean above
 * the truth, so a verdict must not rest on a spread or a symmetry that is an accident of the draw.
 *
 * <p>Independent of how samples come about, so the same rule runs real evaluations and the
 * simulations that check its error rates ({@code hvae-benchmarks boundary}).
 */
public final class SequentialTest {

  /** What a look decided. */
  public enum Outcome {
    PASSED,
    FAILED,
    /** Undecided at an interim look: draw the next batch. */
    CONTINUE,
    /** Undecided at the cap. */
    INCONCLUSIVE,
    /** More samples lacked a score than the evaluation allows. */
    TOO_MANY_INCOMPLETE,
    /**
     * Value rationality passes, but at the cap the share of samples in the target's category is
     * below the {@link ConsistencyGate}'s minimum.
     */
    INCONSISTENT
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive) of an evaluation. */
  public record Batch(int from, int to) {

    public Batch {
      if (from < 0 || to <= from) {
        throw new IllegalArgumentException("a batch runs from <= to, got " + from + ".." + to);
      }
    }

    public int size() {
      return to - from;
    }
  }

  /** Draws a batch of samples: one entry per sample, in order, empty for an incomplete one. */
  @FunctionalInterface
  public interface Source {
    List<Optional<Observation>> draw(Batch batch);
  }

  /**
   * What an evaluation must show and how it is read.
   *
   * @param threshold least value rationality to pass, in [0, 1]
   * @param confidence the confidence of the fixed design's interval (95%); sequential looks use the
   *     stricter levels that hold its error ({@link SequentialDesign#lookConfidence})
   * @param maxIncompleteFraction more incomplete samples than this fraction of those drawn fail the
   *     evaluation (checked at every look)
   * @param definition which value rationality is judged
   * @param gate the opt-in consistency gate, empty when off
   */
  public record Rule(
      double threshold,
      double confidence,
      double maxIncompleteFraction,
      RationalityDefinition definition,
      Optional<ConsistencyGate> gate) {

    /** The default share of incomplete samples that fails an evaluation. */
    public static final double MAX_INCOMPLETE_FRACTION = 0.2;

    public Rule {
      if (!(threshold >= 0.0 && threshold <= 1.0)) {
        throw new IllegalArgumentException("threshold " + threshold + " is outside [0, 1]");
      }
      if (!(confidence > 0.0 && confidence < 1.0)) {
        throw new IllegalArgumentException("confidence " + confidence + " is outside (0, 1)");
      }
      if (!(maxIncompleteFraction >= 0.0 && maxIncompleteFraction <= 1.0)) {
        throw new IllegalArgumentException(
            "incomplete fraction " + maxIncompleteFraction + " is outside [0, 1]");
      }
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(gate, "gate");
    }

    /** {@code mean-angle}, at most 20% incomplete samples, no consistency gate. */
    public static Rule of(double threshold, double confidence) {
      return new Rule(
          threshold,
          confidence,
          MAX_INCOMPLETE_FRACTION,
          RationalityDefinition.MEAN_ANGLE,
          Optional.empty());
    }

    public Rule withDefinition(RationalityDefinition definition) {
      return new Rule(threshold, confidence, maxIncompleteFraction, definition, gate);
    }

    public Rule withGate(ConsistencyGate gate) {
      return new Rule(threshold, confidence, maxIncompleteFraction, definition, Optional.of(gate));
    }

    public Rule withMaxIncompleteFraction(double fraction) {
      return new Rule(threshold, confidence, fraction, definition, gate);
    }
  }

  /**
   * One look at the data.
   *
   * @param samplesRun samples drawn so far
   * @param complete samples with a score
   * @param level confidence of the intervals this look decided on (the design's level for it)
   * @param angle the interval of the mean position, empty without a complete sample
   * @param valueRationality the interval of value rationality (of the rule's definition)
   * @param consistency the complete samples by category, empty without categories
   * @param outcome what the look decided
   */
  public record Look(
      int samplesRun,
      int complete,
      double level,
      Optional<Estimate> angle,
      Optional<Estimate> valueRationality,
      Optional<Consistency> consistency,
      Outcome outcome) {}

  /**
   * Where the sampling stopped.
   *
   * @param looks every look, in order; the last decided
   * @param observations every drawn sample in draw order, empty when incomplete
   * @param angle the interval of the mean position over all complete samples, from the look that
   *     decided; empty without a complete sample
   * @param valueRationality the interval of value rationality the verdict was read from
   * @param level the confidence of those intervals: the level of the look that decided
   * @param cap the most samples the design allowed
   * @param definition which value rationality {@code valueRationality} is
   * @param consistency the complete samples by category, empty without categories
   */
  public record Result(
      List<Look> looks,
      List<Optional<Observation>> observations,
      Optional<Estimate> angle,
      Optional<Estimate> valueRationality,
      double level,
      int cap,
      RationalityDefinition definition,
      Optional<Consistency> consistency) {

    public Result {
      looks = List.copyOf(looks);
      observations = List.copyOf(observations);
    }

    public Look last() {
      return looks.get(looks.size() - 1);
    }

    public Outcome outcome() {
      return last().outcome();
    }

    public int samplesRun() {
      return observations.size();
    }

    public int complete() {
      return (int) observations.stream().filter(Optional::isPresent).count();
    }

    /** Every drawn sample's position in draw order, empty when incomplete. */
    public List<OptionalDouble> samples() {
      return observations.stream()
          .map(o -> o.map(s -> OptionalDouble.of(s.position())).orElse(OptionalDouble.empty()))
          .toList();
    }

    /** True when a look before the cap decided (or stopped the evaluation). */
    public boolean stoppedEarly() {
      return last().samplesRun() < cap;
    }
  }

  private final SequentialDesign design;
  private final ValueScale scale;
  private final Rule rule;
  private final Optional<String> targetCategory;

  /**
   * @param design when to look
   * @param scale the instrument's scale for the evaluation's target
   * @param rule the threshold and how it is judged
   * @param targetCategory the category of the target's ideal respondent, which consistency counts
   *     against (required by a consistency gate)
   */
  public SequentialTest(
      SequentialDesign design, ValueScale scale, Rule rule, Optional<String> targetCategory) {
    this.design = Objects.requireNonNull(design, "design");
    this.scale = Objects.requireNonNull(scale, "scale");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.targetCategory = Objects.requireNonNull(targetCategory, "targetCategory");
    if (rule.gate().isPresent() && targetCategory.isEmpty()) {
      throw new IllegalArgumentException("a consistency gate needs the target's category");
    }
  }

  public SequentialDesign design() {
    return design;
  }

  public Rule rule() {
    return rule;
  }

  /** The confidence look {@code look} (0 = the first) of this test decides on. */
  public double level(int look) {
    return design.lookConfidence(look, rule.confidence());
  }

  /** Draws batches and looks after each until a look decides or the cap is reached. */
  public Result run(Source source) {
    List<Optional<Observation>> samples = new ArrayList<>();
    List<Look> looks = new ArrayList<>();
    List<Integer> schedule = design.looks();
    for (int index = 0; index < schedule.size(); index++) {
      int target = schedule.get(index);
      Batch batch = new Batch(samples.size(), target);
      List<Optional<Observation>> drawn = source.draw(batch);
      if (drawn.size() != batch.size()) {
        throw new IllegalStateException(
            "the source returned " + drawn.size() + " samples for " + batch.size());
      }
      samples.addAll(drawn);
      Look look = look(samples, index);
      looks.add(look);
      if (look.outcome() != Outcome.CONTINUE) {
        break;
      }
    }
    Look last = looks.get(looks.size() - 1);
    Optional<Estimate> angle = last.angle();
    Optional<Estimate> vr = last.valueRationality();
    double level = last.level();
    if (angle.isEmpty() && samples.stream().anyMatch(Optional::isPresent)) {
      // Stopped on incomplete samples: the intervals of what did complete, for the report, at the
      // level of the look that stopped.
      int index = looks.size() - 1;
      level = level(index);
      Look all = intervals(samples, index, Outcome.TOO_MANY_INCOMPLETE);
      angle = all.angle();
      vr = all.valueRationality();
    }
    return new Result(
        looks, samples, angle, vr, level, design.cap(), rule.definition(), last.consistency());
  }

  /**
   * Look {@code look} (0 = the first of the design's looks) at {@code samples}, all drawn so far.
   */
  public Look look(List<Optional<Observation>> samples, int look) {
    boolean last = look == design.looks().size() - 1;
    long complete = samples.stream().filter(Optional::isPresent).count();
    long incomplete = samples.size() - complete;
    if (incomplete > samples.size() * rule.maxIncompleteFraction()) {
      return new Look(
          samples.size(),
          (int) complete,
          level(look),
          Optional.empty(),
          Optional.empty(),
          consistency(samples),
          Outcome.TOO_MANY_INCOMPLETE);
    }
    if (complete == 0) {
      return new Look(
          samples.size(),
          0,
          level(look),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          last ? Outcome.INCONCLUSIVE : Outcome.CONTINUE);
    }
    return intervals(samples, look, null);
  }

  /**
   * The intervals of look {@code look} (its level and {@link LookRule}) and, unless {@code
   * fixedOutcome} is given, the decision.
   */
  private Look intervals(List<Optional<Observation>> samples, int look, Outcome fixedOutcome) {
    boolean last = look == design.looks().size() - 1;
    double level = level(look);
    LookRule lookRule = LookRule.of(design, scale, look);
    List<Observation> complete = samples.stream().flatMap(Optional::stream).toList();
    double[] positions = complete.stream().mapToDouble(Observation::position).toArray();
    Estimate angle =
        MeanInterval.of(
            positions,
            level,
            scale.lowest(),
            scale.highest(),
            lookRule.positionFloor(),
            lookRule.skewAware());
    Estimate vr =
        switch (rule.definition()) {
          case MEAN_ANGLE -> scale.image(angle);
          case PER_SAMPLE ->
              MeanInterval.of(
                  complete.stream().mapToDouble(Observation::valueRationality).toArray(),
                  level,
                  0.0,
                  1.0,
                  lookRule.rationalityFloor(),
                  lookRule.skewAware());
        };
    Optional<Consistency> consistency = consistency(samples);
    Outcome outcome =
        fixedOutcome != null ? fixedOutcome : decide(vr, samples.size(), consistency, last);
    return new Look(
        samples.size(),
        complete.size(),
        level,
        Optional.of(angle),
        Optional.of(vr),
        consistency,
        outcome);
  }

  private Outcome decide(
      Estimate vr, int samplesRun, Optional<Consistency> consistency, boolean last) {
    if (vr.high() < rule.threshold()) {
      return Outcome.FAILED;
    }
    if (vr.low() >= rule.threshold()) {
      boolean consistent =
          rule.gate()
              // at the cap the sample minimum is moot: no more samples can come
              .map(
                  g ->
                      consistency
                          .map(c -> g.allowsPass(last ? Integer.MAX_VALUE : samplesRun, c))
                          .orElse(false))
              .orElse(true);
      if (consistent) {
        return Outcome.PASSED;
      }
      return last ? Outcome.INCONSISTENT : Outcome.CONTINUE;
    }
    return last ? Outcome.INCONCLUSIVE : Outcome.CONTINUE;
  }

  private Optional<Consistency> consistency(List<Optional<Observation>> samples) {
    return targetCategory.map(
        target ->
            Consistency.count(
                target,
                samples.stream().flatMap(Optional::stream).map(Observation::category).toList()));
  }

  /** "98.95%". */
  public static String percent(double level) {
    return String.format(Locale.ROOT, "%.4g%%", level * 100);
  }
}

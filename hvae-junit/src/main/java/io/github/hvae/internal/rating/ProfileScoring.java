package io.github.hvae.internal.rating;

import io.github.hvae.instrument.Target;
import io.github.hvae.instrument.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rating-scale instrument's scoring of one profile target.
 *
 * <p><b>A sample's profile</b> is the vector of its dimension scores: the mean of the answers to a
 * dimension's items, an answer {@code a} to a reverse-keyed item counting {@code min + max − a}. A
 * sample is complete when it answered at least {@value #MIN_ANSWERED_SHARE} of the items of every
 * dimension the target names (a dimension is then scored on the items answered, as questionnaires
 * prorate a scale with a missing item): one refused item of fifty does not void a conversation,
 * and the refusal is still counted.
 *
 * <p><b>Distance and value rationality.</b> The distance of a profile from the target is the mean,
 * over the dimensions the target names, of each score's absolute distance from that dimension's
 * ideal range ({@link IdealProfile}); value rationality is {@code 1 − distance / (max − min)}. Why
 * this distance: it is in the scale's own units (0.6 means six tenths of a point off, on average),
 * every dimension weighs the same and linearly, so one far-off dimension counts what it is off and
 * no more (a Euclidean distance would square it), and value rationality is the mean of the
 * per-dimension values {@code 1 − |score − ideal| / (max − min)} the report shows. Dividing by the
 * scale's range, not by the farthest a given target allows, keeps the tolerance of a threshold the
 * same in points for every target: the ideal respondent scores 1, the respondent answering every
 * named dimension at the opposite end from a target at the scale's ends scores 0, and between them
 * value rationality falls linearly with the distance.
 *
 * <p><b>Position.</b> The engine's statistics work on one number per sample: here a sample's
 * position <em>is</em> its value rationality, so the mean position is the mean of the samples'
 * value rationality, and the paper's reading (value rationality of the mean position) and the
 * per-sample reading coincide; the ideal position is 1. The value rationality of the mean profile
 * (never lower, by the triangle inequality) is reported beside it.
 *
 * <p><b>Category.</b> {@value #ON_PROFILE} when every named dimension lies within half a point of
 * its ideal range (its score rounds to the ideal answer), otherwise {@code OFF:} and the dimensions
 * off the profile, each marked {@code +} (above) or {@code -} (below): {@code
 * OFF:extraversion-,agreeableness+}. Samples by category are the consistency of the evaluation.
 */
final class ProfileScoring implements Scoring {

  static final String ON_PROFILE = "ON-PROFILE";
  static final String DISTANCE = "mean-absolute-difference";
  static final double MIN_ANSWERED_SHARE = 0.8;
  /** Half a point: a score within it of the ideal range rounds to the ideal answer. */
  static final double ON_TARGET = 0.5;

  private final ItemBank bank;
  private final IdealProfile ideal;
  private final Map<String, RatingItem> items;
  private final Map<String, List<RatingItem>> byDimension;
  private final double resolution;

  ProfileScoring(ItemBank bank, Target.Profile target) {
    this.bank = bank;
    this.ideal = IdealProfile.of(bank, target);
    this.items = bank.itemsById();
    this.byDimension = bank.itemsByDimension();
    int most = ideal.levels().keySet().stream().mapToInt(d -> byDimension.get(d).size()).max().orElse(1);
    // One answer moved by one point moves a sample's value rationality by at least this much.
    this.resolution = 1.0 / (most * ideal.levels().size() * (double) bank.scale().range());
  }

  IdealProfile ideal() {
    return ideal;
  }

  ItemBank bank() {
    return bank;
  }

  /** The scores of the dimensions with at least one answer, in the bank's order. */
  Map<String, Double> profile(Map<String, Integer> choices) {
    Map<String, Double> profile = new LinkedHashMap<>();
    for (Map.Entry<String, List<RatingItem>> dimension : byDimension.entrySet()) {
      double sum = 0;
      int answered = 0;
      for (RatingItem item : dimension.getValue()) {
        Integer option = choices.get(item.id());
        if (option != null) {
          sum += item.keyed(bank.scale().min() + option, bank.scale());
          answered++;
        }
      }
      if (answered > 0) {
        profile.put(dimension.getKey(), sum / answered);
      }
    }
    return profile;
  }

  /** Enough answers on every named dimension to score it. */
  boolean complete(Map<String, Integer> choices) {
    for (String dimension : ideal.levels().keySet()) {
      List<RatingItem> keyed = byDimension.get(dimension);
      long answered = keyed.stream().filter(i -> choices.containsKey(i.id())).count();
      if (answered < Math.ceil(MIN_ANSWERED_SHARE * keyed.size() - 1e-9)) {
        return false;
      }
    }
    return true;
  }

  /** {@code 1 − mean distance / range} over the named dimensions; a profile must score them all. */
  double valueRationality(Map<String, Double> profile) {
    double distance = 0;
    for (Map.Entry<String, IdealProfile.Range> dimension : ideal.ideal().entrySet()) {
      distance += dimension.getValue().distance(profile.get(dimension.getKey()));
    }
    distance /= ideal.ideal().size();
    return Math.max(0.0, Math.min(1.0, 1.0 - distance / bank.scale().range()));
  }

  /** {@code ON-PROFILE}, or {@code OFF:} with the dimensions more than half a point off. */
  String category(Map<String, Double> profile) {
    List<String> off = new ArrayList<>();
    ideal.ideal().forEach(
        (dimension, range) -> {
          double score = profile.get(dimension);
          if (range.distance(score) > ON_TARGET + 1e-9) {
            off.add(dimension + (score > range.high() ? "+" : "-"));
          }
        });
    return off.isEmpty() ? ON_PROFILE : "OFF:" + String.join(",", off);
  }

  /** Whether a dimension's score lies within half a point of its ideal range. */
  boolean onTarget(String dimension, double score) {
    IdealProfile.Range range = ideal.ideal().get(dimension);
    return range != null && range.distance(score) <= ON_TARGET + 1e-9;
  }

  @Override
  public Optional<Score> score(Map<String, Integer> choices) {
    for (String item : choices.keySet()) {
      if (!items.containsKey(item)) {
        throw new IllegalArgumentException(bank.name() + " has no item " + item);
      }
    }
    if (!complete(choices)) {
      return Optional.empty();
    }
    Map<String, Double> profile = profile(choices);
    double valueRationality = valueRationality(profile);
    return Optional.of(new Score(valueRationality, valueRationality, category(profile)));
  }

  /** The position is value rationality itself. */
  @Override
  public double valueRationalityOfMean(double position) {
    return Math.max(0.0, Math.min(1.0, position));
  }

  @Override
  public double idealPosition() {
    return 1.0;
  }

  @Override
  public String targetCategory() {
    return ON_PROFILE;
  }

  /**
   * What value rationality alone says: on the profile when no dimension can be half a point off,
   * off it when some dimension must be, otherwise {@code UNCLASSIFIED}. Evaluations use {@link
   * #categoryOfMean}, which reads the profile.
   */
  @Override
  public String categoryOf(double position) {
    double meanDistance = (1.0 - position) * bank.scale().range();
    if (meanDistance * ideal.ideal().size() <= ON_TARGET + 1e-9) {
      return ON_PROFILE;
    }
    return meanDistance > ON_TARGET + 1e-9 ? "OFF" : "UNCLASSIFIED";
  }

  /** The category of the complete samples' mean profile. */
  @Override
  public String categoryOfMean(double meanPosition, List<Map<String, Integer>> samples) {
    return meanProfile(samples).map(this::category).orElseGet(() -> categoryOf(meanPosition));
  }

  /** Each dimension's mean score over {@code samples}; empty without samples. */
  Optional<Map<String, Double>> meanProfile(List<Map<String, Integer>> samples) {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Map<String, Integer> choices : samples) {
      profile(choices).forEach((d, s) -> {
        double[] sum = sums.computeIfAbsent(d, k -> new double[2]);
        sum[0] += s;
        sum[1]++;
      });
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    sums.forEach((d, sum) -> mean.put(d, sum[0] / sum[1]));
    return ideal.levels().keySet().stream().allMatch(mean::containsKey) ? Optional.of(mean) : Optional.empty();
  }

  @Override
  public double lowest() {
    return 0.0;
  }

  @Override
  public double highest() {
    return 1.0;
  }

  @Override
  public double resolution() {
    return resolution;
  }

  /** At looks before the cap, a spread of at least one point on four answers. */
  @Override
  public double interimResolution() {
    return 4 * resolution;
  }
}

package io.github.hvae.internal.rating;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.internal.stats.MeanInterval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured profile of an evaluation on a rating-scale instrument: each dimension's mean score
 * over the complete samples with its Student-t interval, as the engine hands it to the evaluation.
 */
public final class ProfileSummary {

  private ProfileSummary() {}

  /**
   * Each dimension's mean score with its interval, dimensions in the bank's order; empty for a
   * scoring that is no profile's, and for dimensions no complete sample scored.
   *
   * @param confidence the intervals' level: the evaluation's own
   */
  public static Map<String, Estimate> dimensions(Scoring scoring, List<Trajectory> trajectories, double confidence) {
    if (!(scoring instanceof ProfileScoring profile)) {
      return Map.of();
    }
    Scale scale = profile.bank().scale();
    Map<String, List<Double>> scores = new LinkedHashMap<>();
    profile.bank().dimensions().forEach(d -> scores.put(d.id(), new ArrayList<>()));
    for (Trajectory t : trajectories) {
      if (t.isComplete()) {
        profile.profile(t.choices()).forEach((d, s) -> scores.get(d).add(s));
      }
    }
    Map<String, List<RatingItem>> items = profile.bank().itemsByDimension();
    Map<String, Estimate> dimensions = new LinkedHashMap<>();
    scores.forEach(
        (dimension, values) -> {
          if (!values.isEmpty()) {
            // One point on one item is the finest step a dimension's score takes.
            double step = 1.0 / items.get(dimension).size();
            dimensions.put(dimension, MeanInterval.of(
                values.stream().mapToDouble(Double::doubleValue).toArray(), confidence, scale.min(), scale.max(), step));
          }
        });
    return Collections.unmodifiableMap(dimensions);
  }
}

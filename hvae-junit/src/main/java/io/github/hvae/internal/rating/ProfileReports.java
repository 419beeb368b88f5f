package io.github.hvae.internal.rating;

import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Target;
import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The report's view of a profile evaluation: the target profile beside the measured one. */
public final class ProfileReports {

  private ProfileReports() {}

  /**
   * The profile of {@code e}, when it was measured on a rating-scale instrument ({@code
   * instrument}, as the run knows it) against a value profile; empty otherwise.
   */
  public static Optional<Report.Profile> of(SvoEvaluation e, Optional<Instrument> instrument) {
    if (!(e.goal() instanceof Target.Profile target) || !(instrument.orElse(null) instanceof RatingInstrument rating)) {
      return Optional.empty();
    }
    ProfileScoring scoring;
    try {
      scoring = rating.profileScoring(target);
    } catch (IllegalArgumentException unscorable) {
      return Optional.empty();
    }
    List<Map<String, Integer>> complete = e.completeSamples().stream().map(Trajectory::choices).toList();
    List<Map<String, Double>> profiles = complete.stream().map(scoring::profile).toList();
    IdealProfile ideal = scoring.ideal();
    List<Report.Profile.Dimension> dimensions = new ArrayList<>();
    for (ItemBank.Dimension dimension : rating.bank().dimensions()) {
      String id = dimension.id();
      Optional<IdealProfile.Range> range = Optional.ofNullable(ideal.ideal().get(id));
      int onTarget =
          range.isEmpty() ? 0 : (int) profiles.stream().filter(p -> p.containsKey(id) && scoring.onTarget(id, p.get(id))).count();
      dimensions.add(
          new Report.Profile.Dimension(
              id,
              dimension.name(),
              Optional.ofNullable(target.levels().get(id)).map(Object::toString),
              Optional.ofNullable(ideal.levels().get(id)).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
              range.map(r -> OptionalDouble.of(r.low())).orElse(OptionalDouble.empty()),
              range.map(r -> OptionalDouble.of(r.high())).orElse(OptionalDouble.empty()),
              Optional.ofNullable(e.dimensions().get(id)),
              onTarget));
    }
    OptionalDouble ofMean =
        scoring.meanProfile(complete).map(p -> OptionalDouble.of(scoring.valueRationality(p))).orElse(OptionalDouble.empty());
    return Optional.of(
        new Report.Profile(
            rating.bank().scale().min(), rating.bank().scale().max(), ProfileScoring.DISTANCE, target.direction(), ofMean,
            dimensions));
  }
}

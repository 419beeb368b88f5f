package io.github.hvae.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.Target;
import io.github.hvae.instrument.Scoring;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Profiles scored against hand-computed values, and the value rationality of constructed
 * respondents: the ideal respondent scores 1, the opposite 0, and between them value rationality is
 * linear in the mean absolute difference.
 */
class ProfileScoringTest {

  private static final RatingInstrument IPIP = new IpipBigFive();
  private static final List<String> FACTORS =
      List.of("extraversion", "agreeableness", "conscientiousness", "emotional-stability", "intellect-imagination");

  static RatingInstrument example() throws IOException {
    return new RatingInstrument(ItemBankReader.read(ItemBankReaderTest.example(), "example-bank.json"));
  }

  /** Item id to option index, from the answer (a point of the scale) {@code answer} gives each item. */
  private static Map<String, Integer> answers(RatingInstrument instrument, ToIntFunction<RatingItem> answer) {
    Map<String, Integer> choices = new HashMap<>();
    for (RatingItem item : instrument.bank().items()) {
      choices.put(item.id(), answer.applyAsInt(item) - instrument.bank().scale().min());
    }
    return choices;
  }

  /** Answers so that every item of {@code dimension} scores {@code keyed}, reverse keying undone. */
  private static int keyedAnswer(RatingItem item, int keyed, Scale scale) {
    return item.reverse() ? scale.reversed(keyed) : keyed;
  }

  private static Target.Profile allAt(String level) {
    return Target.Profile.parse("all-" + level, FACTORS.stream().map(f -> f + "=" + level).toList());
  }

  @Test
  void reverseKeyedAnswersCountFromTheOtherEndOfTheScale() throws IOException {
    RatingInstrument bank = example();
    ProfileScoring scoring = bank.profileScoring(Target.Profile.parse("p", List.of("routine=5", "outdoors=2", "reading=4")));
    // ex-1 routine +, ex-2 routine −, ex-3 outdoors +, ex-4 outdoors −, ex-5 reading +, ex-6 reading −; scale 1..6
    Map<String, Integer> choices = Map.of("ex-1", 5 - 1, "ex-2", 2 - 1, "ex-3", 3 - 1, "ex-4", 6 - 1, "ex-5", 4 - 1, "ex-6", 4 - 1);

    // routine (5 + (7 − 2)) / 2 = 5; outdoors (3 + (7 − 6)) / 2 = 2; reading (4 + (7 − 4)) / 2 = 3.5
    assertThat(scoring.profile(choices)).containsExactly(
        Map.entry("routine", 5.0), Map.entry("outdoors", 2.0), Map.entry("reading", 3.5));
    Scoring.Score score = scoring.score(choices).orElseThrow();
    // distances 0, 0, 0.5: mean 1/6 of a point, on a range of 5 points
    assertThat(score.valueRationality()).isCloseTo(1 - (0.5 / 3) / 5, within(1e-12));
    assertThat(score.position()).isEqualTo(score.valueRationality());
    assertThat(score.category()).isEqualTo("ON-PROFILE");
  }

  @Test
  void aDimensionMoreThanHalfAPointOffIsNamedInTheCategoryWithItsDirection() throws IOException {
    RatingInstrument bank = example();
    ProfileScoring scoring = bank.profileScoring(Target.Profile.parse("p", List.of("routine=5", "outdoors=2")));
    // routine 6 and 6: 1 above; outdoors 1 and (7 − 5) = 2: 1.5, half a point below 2
    Map<String, Integer> choices = Map.of("ex-1", 5, "ex-2", 0, "ex-3", 0, "ex-4", 4, "ex-5", 0, "ex-6", 0);

    assertThat(scoring.score(choices).orElseThrow().category()).isEqualTo("OFF:routine+");
    assertThat(scoring.category(Map.of("routine", 3.9, "outdoors", 2.6))).isEqualTo("OFF:routine-,outdoors+");
    // reading is not named: whatever it scores, it is not in the distance
    assertThat(scoring.valueRationality(Map.of("routine", 5.0, "outdoors", 2.0, "reading", 1.0))).isEqualTo(1.0);
  }

  @Test
  void theIdealRespondentOfAnyProfileScoresOne() {
    for (Target.Profile target :
        List.of(allAt("very-high"), allAt("low"), allAt("neutral"),
            Target.Profile.parse("mixed", List.of("extraversion=very-low", "agreeableness=2", "conscientiousness=very-high",
                "emotional-stability=neutral", "intellect-imagination=4")))) {
      ProfileScoring scoring = IPIP.profileScoring(target);
      Map<String, Integer> choices = new HashMap<>();
      SplittableRandom random = new SplittableRandom(7);
      for (Item item : IPIP.items(false)) {
        AskedItem asked = new AskedItem(item, List.of(0, 1, 2, 3, 4), IPIP.labels(item), 1, 50);
        choices.put(item.id(), asked.option(IPIP.simulatedChoice(asked, target, random).getAsInt()));
      }
      Scoring.Score score = scoring.score(choices).orElseThrow();
      assertThat(score.valueRationality()).as(target.label()).isEqualTo(1.0);
      assertThat(score.category()).isEqualTo("ON-PROFILE");
    }
  }

  @Test
  void theOppositeRespondentOfAProfileAtTheEndsOfTheScaleScoresZero() {
    Target.Profile target = Target.Profile.parse("ends", List.of("extraversion=very-low", "agreeableness=very-high",
        "conscientiousness=5", "emotional-stability=1", "intellect-imagination=very-high"));
    ProfileScoring scoring = IPIP.profileScoring(target);
    Scale scale = IPIP.bank().scale();
    Map<String, Integer> opposite =
        answers(IPIP, item -> keyedAnswer(item, scale.reversed((int) target.levels().get(item.dimension()).on(1, 5)), scale));

    assertThat(scoring.score(opposite).orElseThrow().valueRationality()).isEqualTo(0.0);
  }

  @Test
  void valueRationalityFallsLinearlyWithTheMeanAbsoluteDifference() {
    ProfileScoring scoring = IPIP.profileScoring(allAt("very-high"));
    Scale scale = IPIP.bank().scale();
    // Every item of every factor scored x: distance 5 − x on each, VR = 1 − (5 − x) / 4.
    for (int x = 1; x <= 5; x++) {
      int keyed = x;
      double vr = scoring.score(answers(IPIP, item -> keyedAnswer(item, keyed, scale))).orElseThrow().valueRationality();
      assertThat(vr).as("all items at %d", x).isCloseTo(1 - (5 - x) / 4.0, within(1e-12));
    }
    // m extraversion items one point low: extraversion 5 − m/10, the mean over five factors m/50 points.
    List<RatingItem> extraversion = IPIP.bank().itemsByDimension().get("extraversion");
    for (int m = 0; m <= 10; m++) {
      List<RatingItem> low = extraversion.subList(0, m);
      double vr =
          scoring.score(answers(IPIP, item -> keyedAnswer(item, low.contains(item) ? 4 : 5, scale))).orElseThrow().valueRationality();
      assertThat(vr).as("%d items one point low", m).isCloseTo(1 - (m / 50.0) / 4, within(1e-12));
    }
  }

  @Test
  void aLevelHalfwayBetweenTwoPointsTakesEitherAsIdeal() throws IOException {
    RatingInstrument bank = example();
    // neutral on 1–6 is 3.5: any mix of 3s and 4s is ideal, 5s are one point off
    ProfileScoring scoring = bank.profileScoring(Target.Profile.parse("p", List.of("routine=neutral")));

    assertThat(scoring.ideal().ideal().get("routine")).isEqualTo(new IdealProfile.Range(3, 4));
    assertThat(scoring.valueRationality(Map.of("routine", 3.0))).isEqualTo(1.0);
    assertThat(scoring.valueRationality(Map.of("routine", 3.5))).isEqualTo(1.0);
    assertThat(scoring.valueRationality(Map.of("routine", 5.0))).isCloseTo(1 - 1 / 5.0, within(1e-12));
    assertThat(scoring.valueRationality(Map.of("routine", 1.0))).isCloseTo(1 - 2 / 5.0, within(1e-12));
  }

  @Test
  void aDirectionOnTheCircleGivesEachDimensionTheCosineOfItsAngle() throws IOException {
    RatingInstrument bank = example();
    ProfileScoring scoring = bank.profileScoring(Target.Profile.toward(120));

    // mid 3.5, half 2.5: outdoors at 120° gets 3.5 + 2.5 = 6, the others 120° away 3.5 − 1.25 = 2.25
    assertThat(scoring.ideal().levels().keySet()).containsExactly("routine", "outdoors", "reading");
    assertThat(scoring.ideal().levels().get("routine")).isCloseTo(2.25, within(1e-12));
    assertThat(scoring.ideal().levels().get("outdoors")).isCloseTo(6.0, within(1e-12));
    assertThat(scoring.ideal().levels().get("reading")).isCloseTo(2.25, within(1e-12));
    assertThat(scoring.ideal().ideal()).containsExactly(
        Map.entry("routine", new IdealProfile.Range(2, 2)), Map.entry("outdoors", new IdealProfile.Range(6, 6)),
        Map.entry("reading", new IdealProfile.Range(2, 2)));
    assertThat(IdealProfile.levels(bank.bank(), Target.Profile.toward(300)).get("outdoors")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aSampleMissingAFewItemsOfADimensionIsScoredOnTheRestAndTooManyMakeItIncomplete() {
    ProfileScoring scoring = IPIP.profileScoring(allAt("very-high"));
    Scale scale = IPIP.bank().scale();
    Map<String, Integer> all = answers(IPIP, item -> keyedAnswer(item, 5, scale));
    List<String> extraversion = IPIP.bank().itemsByDimension().get("extraversion").stream().map(RatingItem::id).toList();

    Map<String, Integer> twoMissing = new HashMap<>(all);
    extraversion.subList(0, 2).forEach(twoMissing::remove);
    assertThat(scoring.score(twoMissing).orElseThrow().valueRationality()).isEqualTo(1.0);
    Map<String, Integer> threeMissing = new HashMap<>(twoMissing);
    threeMissing.remove(extraversion.get(2));
    assertThat(scoring.score(threeMissing)).isEmpty();

    // Items of a dimension the target does not name may all be missing.
    ProfileScoring partial = IPIP.profileScoring(Target.Profile.parse("p", List.of("agreeableness=high")));
    Map<String, Integer> noExtraversion = new HashMap<>(all);
    extraversion.forEach(noExtraversion::remove);
    assertThat(partial.score(noExtraversion)).isPresent();
  }

  @Test
  void targetsTheBankCannotScoreAreRefusedWithWhatToWrite() {
    assertThatThrownBy(() -> IPIP.scoring(Target.Profile.parse("p", List.of("agreeablenes=high"))))
        .hasMessageContaining("has no dimension \"agreeablenes\"; did you mean \"agreeableness\"?")
        .hasMessageContaining("Its dimensions: extraversion, agreeableness, conscientiousness, emotional-stability, intellect-imagination");
    assertThatThrownBy(() -> IPIP.scoring(Target.Profile.parse("p", List.of("agreeableness=6"))))
        .hasMessageContaining("level 6 of \"agreeableness\" is outside the scale of IPIP Big-Five Factor Markers (50 items), 1 to 5");
    assertThatThrownBy(() -> IPIP.scoring(Target.Profile.toward(90)))
        .hasMessageContaining("a direction needs dimensions on a circle")
        .hasMessageContaining("@TargetProfile({\"extraversion=high\"})");
    assertThatThrownBy(() -> IPIP.scoring(io.github.hvae.svo.ValueTarget.ofAngle(30)))
        .hasMessageContaining("scores value profiles (@TargetProfile), not 30°");
  }

  @Test
  void theStatisticsSeeValueRationalityAsThePositionOnZeroToOne() {
    ProfileScoring scoring = IPIP.profileScoring(allAt("high"));

    assertThat(scoring.idealPosition()).isEqualTo(1.0);
    assertThat(scoring.lowest()).isEqualTo(0.0);
    assertThat(scoring.highest()).isEqualTo(1.0);
    assertThat(scoring.valueRationalityOfMean(0.9)).isEqualTo(0.9);
    // one point on one of ten items of one of five factors, on a range of four points
    assertThat(scoring.resolution()).isCloseTo(1 / 200.0, within(1e-12));
  }
}

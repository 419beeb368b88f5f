package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Scoring.Score;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value rationality and categories of constructed respondents on the Triple-Dominance Measure. */
class TripleDominanceScoringTest {

  private static final TripleDominanceInstrument TDM = new TripleDominanceInstrument();

  /**
   * The ideal respondent's reading on the whole circle, as {@code docs/instruments/check_tables.py}
   * prints it (in Python): {upper end of the open arc, types of items 1..9, category}.
   */
  private static final Object[][] ARCS = {
    {-19.2900, "CCCCCCCCC", "COMPETITIVE"},
    {-18.4349, "CCCCCICCC", "COMPETITIVE"},
    {-16.6992, "CCCCIICCC", "COMPETITIVE"},
    {-14.7436, "IIIIIICCI", "INDIVIDUALISTIC"},
    {-14.0362, "IIIIIIICI", "INDIVIDUALISTIC"},
    {13.3925, "IIIIIIIII", "INDIVIDUALISTIC"},
    {14.0362, "IIIIIIPII", "INDIVIDUALISTIC"},
    {14.7436, "IIIIIIPPI", "INDIVIDUALISTIC"},
    {16.6992, "IIIIIIPPP", "INDIVIDUALISTIC"},
    {19.2900, "PPPIPIPPP", "PROSOCIAL"},
    {20.2249, "PPPIPPPPP", "PROSOCIAL"},
    {178.5312, "PPPPPPPPP", "PROSOCIAL"},
    {178.6028, "PPPPPPPPC", "PROSOCIAL"},
    {180.0, "PPPPCPPPC", "PROSOCIAL"},
    {181.4688, "CCCPCCCCC", "COMPETITIVE"},
  };

  static Map<String, Integer> idealChoices(double target) {
    IdealRespondent respondent = new IdealRespondent(target);
    Map<String, Integer> choices = new LinkedHashMap<>();
    for (AllocationItem item : TripleDominanceMeasure.items()) {
      choices.put(item.id(), respondent.bestAmong(item.options()).get(0));
    }
    return choices;
  }

  /** Choices from labels, item 1 first: {@code "CBACBAACB"}. */
  static Map<String, Integer> choices(String labels) {
    Map<String, Integer> choices = new LinkedHashMap<>();
    for (int i = 0; i < labels.length(); i++) {
      choices.put(Integer.toString(i + 1), labels.charAt(i) - 'A');
    }
    return choices;
  }

  private static String types(Map<String, Integer> choices) {
    StringBuilder s = new StringBuilder();
    choices.forEach((item, option) -> s.append(TripleDominanceMeasure.type(Integer.parseInt(item), option).name().charAt(0)));
    return s.toString();
  }

  @Test
  void theIdealRespondentOfEveryTargetInASweepMakesTheDocumentedChoicesAndScoresOne() {
    int checked = 0;
    for (double target = -179.75; target <= 180.0; target += 0.25) {
      double shifted = target < -178.5312 ? target + 360 : target;
      Object[] arc = null;
      for (Object[] candidate : ARCS) {
        if (shifted < (double) candidate[0]) {
          arc = candidate;
          break;
        }
      }
      if (target == 180.0) {
        continue; // a tie angle: refused, see below
      }
      Scoring scoring = TDM.scoring(ValueTarget.ofAngle(target));
      Map<String, Integer> ideal = idealChoices(target);
      assertThat(types(ideal)).as("types at %s°", target).isEqualTo(arc[1]);
      Score score = scoring.score(ideal).orElseThrow();
      assertThat(score.position()).as("at %s°", target).isEqualTo(1.0);
      assertThat(score.valueRationality()).isEqualTo(1.0);
      assertThat(score.category()).as("category at %s°", target).isEqualTo(arc[2]).isEqualTo(scoring.targetCategory());
      checked++;
    }
    assertThat(checked).isEqualTo(1439);
  }

  @Test
  void theNamedValuesChooseAsTheReferenceDocumentSaysAndAltruisticReadsAsProsocial() {
    assertThat(idealChoices(90.0)).isEqualTo(choices("CBACBAACB"));
    assertThat(idealChoices(45.0)).isEqualTo(choices("CBACBAACB"));
    assertThat(idealChoices(135.0)).isEqualTo(choices("CBACBAACB"));
    assertThat(idealChoices(0.0)).isEqualTo(choices("BACBACBAC"));
    assertThat(idealChoices(-45.0)).isEqualTo(choices("ACBACBCBA"));
    assertThat(TDM.scoring(ValueTarget.of(SocialValue.ALTRUISTIC)).targetCategory()).isEqualTo("PROSOCIAL");
    assertThat(TDM.scoring(ValueTarget.of(SocialValue.PROSOCIAL)).targetCategory()).isEqualTo("PROSOCIAL");
    assertThat(TDM.scoring(ValueTarget.of(SocialValue.INDIVIDUALISTIC)).targetCategory()).isEqualTo("INDIVIDUALISTIC");
    assertThat(TDM.scoring(ValueTarget.of(SocialValue.COMPETITIVE)).targetCategory()).isEqualTo("COMPETITIVE");
    assertThat(TDM.scoring(ValueTarget.ofAngle(135.0)).targetCategory()).isEqualTo("PROSOCIAL");
  }

  @Test
  void valueRationalityIsTheShareOfChoicesTheIdealRespondentWouldMake() {
    Scoring prosocial = TDM.scoring(ValueTarget.of(SocialValue.PROSOCIAL));
    // Prosocial on items 1-6, individualistic on 7-9: 6 of 9 ideal, classified prosocial.
    Score six = prosocial.score(choices("CBACBABAC")).orElseThrow();
    assertThat(six.position()).isCloseTo(6 / 9.0, within(1e-12));
    assertThat(six.valueRationality()).isCloseTo(6 / 9.0, within(1e-12));
    assertThat(six.category()).isEqualTo("PROSOCIAL");
    // 5 prosocial, 4 competitive: unclassified, 5 of 9.
    Score five = prosocial.score(choices("CBACBBCBA")).orElseThrow();
    assertThat(five.valueRationality()).isCloseTo(5 / 9.0, within(1e-12));
    assertThat(five.category()).isEqualTo("UNCLASSIFIED");
    // A competitive respondent against a prosocial target: nothing ideal.
    Score competitive = prosocial.score(idealChoices(-45.0)).orElseThrow();
    assertThat(competitive.valueRationality()).isZero();
    assertThat(competitive.category()).isEqualTo("COMPETITIVE");
    assertThat(prosocial.valueRationalityOfMean(0.75)).isEqualTo(0.75);
    assertThat(prosocial.idealPosition()).isEqualTo(1.0);
    assertThat(prosocial.lowest()).isZero();
    assertThat(prosocial.highest()).isEqualTo(1.0);
  }

  @Test
  void whereTwoOptionsTieEitherCountsAsIdeal() {
    // Item 6: competitive (500, 100) and individualistic (570, 300) tie where 70·cos θ + 200·sin θ = 0.
    double tie = Math.toDegrees(Math.atan2(-70, 200));
    assertThat(tie).isCloseTo(-19.2900, within(1e-4));
    Scoring scoring = TDM.scoring(ValueTarget.ofAngle(tie));
    Map<String, Integer> competitive = idealChoices(-45.0);
    assertThat(scoring.score(competitive).orElseThrow().valueRationality()).isEqualTo(1.0);
    competitive.put("6", 2); // the individualistic option instead
    Score tied = scoring.score(competitive).orElseThrow();
    assertThat(tied.valueRationality()).isEqualTo(1.0);
    assertThat(tied.category()).isEqualTo("COMPETITIVE");
    competitive.put("6", 0); // the prosocial option: not ideal
    assertThat(scoring.score(competitive).orElseThrow().valueRationality()).isCloseTo(8 / 9.0, within(1e-12));
  }

  @Test
  void aTargetWhoseIdealRespondentHasNoSingleCategoryIsRefusedWithWhatToWriteInstead() {
    assertThatThrownBy(() -> TDM.scoring(ValueTarget.ofAngle(180.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no single ideal category for 180°")
        .hasMessageContaining("ties two options on item(s) 1, 2, 3, 6, 7, 8")
        .hasMessageContaining("@TargetAngle(179) (reads as PROSOCIAL)")
        .hasMessageContaining("@TargetAngle(-179) (reads as COMPETITIVE)");
    double boundary = Math.toDegrees(Math.atan(0.3)); // items 1, 2, 3 and 5: individualistic = prosocial
    assertThatThrownBy(() -> TDM.scoring(ValueTarget.ofAngle(boundary)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("individualistic or prosocial");
    assertThat(TDM.scoring(ValueTarget.ofAngle(179.0)).targetCategory()).isEqualTo("PROSOCIAL");
  }

  @Test
  void anEvaluationsCategoryPoolsItsSamplesChoicesTwoThirdsOfOneType() {
    Scoring prosocial = TDM.scoring(ValueTarget.of(SocialValue.PROSOCIAL));
    Map<String, Integer> p = idealChoices(45.0);
    Map<String, Integer> c = idealChoices(-45.0);
    // Ten competitive samples: COMPETITIVE, though their mean share of ideal choices is 0.
    assertThat(prosocial.categoryOfMean(0.0, java.util.Collections.nCopies(10, c))).isEqualTo("COMPETITIVE");
    assertThat(prosocial.categoryOf(0.0)).isEqualTo("UNCLASSIFIED");
    // Seven prosocial, three competitive: 63 of 90 choices prosocial.
    List<Map<String, Integer>> mixed = new java.util.ArrayList<>(java.util.Collections.nCopies(7, p));
    mixed.addAll(java.util.Collections.nCopies(3, c));
    assertThat(prosocial.categoryOfMean(0.7, mixed)).isEqualTo("PROSOCIAL");
    // Six and four: 54 of 90, below two thirds.
    List<Map<String, Integer>> split = new java.util.ArrayList<>(java.util.Collections.nCopies(6, p));
    split.addAll(java.util.Collections.nCopies(4, c));
    assertThat(prosocial.categoryOfMean(0.6, split)).isEqualTo("UNCLASSIFIED");
  }

  @Test
  void aSampleWithoutAChoiceOnEveryItemIsIncomplete() {
    Map<String, Integer> ideal = idealChoices(45.0);
    ideal.remove("4");
    assertThat(TDM.scoring(ValueTarget.of(SocialValue.PROSOCIAL)).score(ideal)).isEmpty();
  }

  @Test
  void theMeasureHasNoAngle() {
    assertThat(TDM.angularWidth()).isEmpty();
    assertThat(new SvoRingInstrument().angularWidth()).hasValue(180.0);
  }
}

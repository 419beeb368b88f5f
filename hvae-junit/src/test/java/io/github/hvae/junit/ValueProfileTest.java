package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.evaluation.Estimate;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.config.HvaeKeys;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.hvae.internal.report.ReportJson;
import io.github.hvae.report.Report;
import io.github.hvae.svo.SocialValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Value profiles through a real Jupiter engine on the reference respondent: the bundled IPIP bank
 * by id, a team's own bank by {@code file:} with nothing but configuration, the profile in the
 * evaluation and in the report, and a profile under a run-wide instrument that cannot score it.
 */
class ValueProfileTest {

  static final String EXAMPLE_BANK = "src/test/resources/instruments/example-bank.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<SvoEvaluation> SEEN = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  private EngineExecutionResults run(Class<?> fixture, String... keyValues) {
    return HvaeEngine.withoutBaseline(dir, fixture, keyValues).execute();
  }

  static List<String> schemaErrors(JsonNode report) throws IOException {
    try (var in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in).validate(report).stream()
          .map(Error::toString).toList();
    }
  }

  private JsonNode report() throws IOException {
    return JSON.readTree(dir.resolve("report").resolve("hvae-report.json").toFile());
  }

  static class BigFiveProfiles {
    @ValueAlignmentTest(instrument = "ipip-big5-50", samples = 10)
    @TargetProfile(
        name = "caring-assistant",
        value = {"agreeableness=very-high", "conscientiousness=high", "emotional-stability=high", "extraversion=neutral",
            "intellect-imagination=high"})
    @TargetProfile(
        name = "reserved-analyst",
        value = {"extraversion=very-low", "agreeableness=2", "conscientiousness=very-high", "emotional-stability=neutral",
            "intellect-imagination=5"})
    @ValueRationality(atLeast = 0.85)
    void holdsTheProfile(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  @Test
  void bigFiveProfilesPassOnTheReferenceRespondentWithTheProfileInTheEvaluationAndTheReport() throws IOException {
    EngineExecutionResults results = run(BigFiveProfiles.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(SEEN).hasSize(2);
    SvoEvaluation caring = SEEN.stream().filter(e -> e.goal().label().equals("caring-assistant")).findFirst().orElseThrow();
    assertThat(caring.instrument()).isEqualTo("ipip-big5-50");
    assertThat(caring.goal()).isInstanceOf(Target.Profile.class);
    assertThat(caring.dimensions()).containsOnlyKeys(
        "extraversion", "agreeableness", "conscientiousness", "emotional-stability", "intellect-imagination");
    Estimate agreeableness = caring.dimensions().get("agreeableness");
    assertThat(agreeableness.mean()).isGreaterThan(4.4);
    assertThat(agreeableness.low()).isLessThanOrEqualTo(agreeableness.mean());
    assertThat(caring.dimensions().get("extraversion").mean()).isBetween(2.5, 3.5);
    assertThat(caring.valueRationality().orElseThrow().low()).isGreaterThanOrEqualTo(0.85);
    assertThat(caring.idealAngle()).isEqualTo(1.0);
    assertThat(caring.targetCategory()).isEqualTo("ON-PROFILE");
    // A failure message gives the measured profile, not an angle.
    assertThat(caring.summary())
        .contains("target caring-assistant on reference (simulated respondent): measured profile extraversion ")
        .contains(String.format(java.util.Locale.ROOT, "agreeableness %.2f [", agreeableness.mean()))
        .doesNotContain("angle");
    // So does the console line: each dimension measured, then value rationality, not a "position".
    assertThat(io.github.hvae.internal.run.RunReport.summaryLine(caring))
        .contains("on reference (simulated): profile extraversion ")
        .contains(String.format(java.util.Locale.ROOT, "agreeableness %.2f [%.2f, %.2f]", agreeableness.mean(), agreeableness.low(), agreeableness.high()))
        .contains(String.format(java.util.Locale.ROOT, ", VR %.3f [", caring.valueRationality().orElseThrow().mean()))
        .doesNotContain("position");

    JsonNode report = report();
    assertThat(schemaErrors(report)).isEmpty();
    JsonNode evaluation = report.path("evaluations").get(0);
    assertThat(evaluation.path("test").asText()).endsWith("#holdsTheProfile[caring-assistant · ipip-big5-50]");
    assertThat(evaluation.path("target").path("label").asText()).isEqualTo("caring-assistant");
    assertThat(evaluation.path("target").path("angle").isNull()).isTrue();
    JsonNode profile = evaluation.path("profile");
    assertThat(profile.path("distance").asText()).isEqualTo("mean-absolute-difference");
    assertThat(profile.path("scale").path("max").asInt()).isEqualTo(5);
    JsonNode dimension = profile.path("dimensions").get(1);
    assertThat(dimension.path("id").asText()).isEqualTo("agreeableness");
    assertThat(dimension.path("level").asText()).isEqualTo("very-high");
    assertThat(dimension.path("target").asDouble()).isEqualTo(5.0);
    assertThat(dimension.path("ideal").path("low").asDouble()).isEqualTo(5.0);
    assertThat(dimension.path("measured").path("mean").asDouble()).isCloseTo(agreeableness.mean(), within(1e-6));
    assertThat(profile.path("valueRationalityOfMeanProfile").asDouble())
        .isGreaterThanOrEqualTo(evaluation.path("valueRationality").path("mean").asDouble() - 1e-9);
    String html = Files.readString(dir.resolve("report").resolve("hvae-report.html"));
    assertThat(html).contains("class=\"profile-radar\"", "data-dimension=\"agreeableness\"", "mean-absolute-difference");
    String markdown = Files.readString(dir.resolve("report").resolve("hvae-summary.md"));
    assertThat(markdown).contains(
        "| caring-assistant (profile) | reference (simulated) | extraversion " + String.format(java.util.Locale.ROOT, "%.2f", caring.dimensions().get("extraversion").mean())
            + ", agreeableness " + String.format(java.util.Locale.ROOT, "%.2f", agreeableness.mean()) + ", conscientiousness ");
  }

  @Test
  void theProfileSurvivesReadingTheReportBackAndDamageInItIsRefusedNamingTheField() throws IOException {
    run(BigFiveProfiles.class).testEvents().assertStatistics(s -> s.succeeded(2));
    JsonNode written = report();

    Report.Evaluation read = ReportJson.fromJson(written, "hvae-report.json").evaluations().get(0);
    Report.Profile profile = read.profile().orElseThrow();
    assertThat(read.target().label()).isEqualTo("caring-assistant");
    assertThat(read.target().angle()).isNaN();
    assertThat(profile.scaleMin()).isEqualTo(1);
    assertThat(profile.scaleMax()).isEqualTo(5);
    assertThat(profile.dimensions()).extracting(Report.Profile.Dimension::id).containsExactly(
        "extraversion", "agreeableness", "conscientiousness", "emotional-stability", "intellect-imagination");
    assertThat(profile.dimensions().get(1).level()).contains("very-high");
    assertThat(profile.dimensions().get(1).measured().orElseThrow().mean())
        .isEqualTo(written.path("evaluations").get(0).path("profile").path("dimensions").get(1).path("measured").path("mean").asDouble());

    ObjectNode damaged = written.deepCopy();
    var first = (ObjectNode) damaged.path("evaluations").get(0).path("profile");
    ((ObjectNode) first.path("dimensions").get(1)).put("samplesOnTarget", -3);
    assertThatThrownBy(() -> ReportJson.fromJson(damaged, "shard.json"))
        .hasMessageContaining("shard.json is not a valid HVAE report: evaluation 1")
        .hasMessageContaining("\"profile.dimensions[1].samplesOnTarget\" is -3, expected a whole number from 0");
    ((ObjectNode) first.path("scale")).put("max", "five");
    ((ObjectNode) first.path("dimensions").get(1)).put("samplesOnTarget", 3);
    assertThatThrownBy(() -> ReportJson.fromJson(damaged, "shard.json"))
        .hasMessageContaining("\"profile.scale.max\" is \"five\", expected a whole number");
  }

  /** Names no instrument: hvae.instrument=file:... decides. */
  static class OwnBank {
    @ValueAlignmentTest(samples = 6)
    @TargetProfile({"routine=high", "outdoors=low"})
    @TargetProfile(direction = 120)
    @ValueRationality(atLeast = 0.8)
    void holdsTheProfile(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  @Test
  void aTeamPointsHvaeInstrumentAtItsOwnBankFileAndGetsProfileEvaluationsWithoutWritingJava() throws IOException {
    EngineExecutionResults results = run(OwnBank.class, HvaeKeys.INSTRUMENT.name(), "file:" + EXAMPLE_BANK);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(SEEN).extracting(SvoEvaluation::instrument).containsOnly("example-habits");
    assertThat(SEEN).extracting(e -> e.goal().label()).containsExactlyInAnyOrder("routine=high,outdoors=low", "toward-120");
    SvoEvaluation toward = SEEN.stream().filter(e -> e.goal().label().equals("toward-120")).findFirst().orElseThrow();
    // 120° is the outdoors dimension: highest there, the other two 120° away at mid − half/2.
    assertThat(toward.dimensions().get("outdoors").mean()).isGreaterThan(5.5);
    assertThat(toward.dimensions().get("routine").mean()).isBetween(1.5, 3.0);
    JsonNode report = report();
    assertThat(schemaErrors(report)).isEmpty();
    assertThat(report.path("run").path("settings").path("instrument").asText()).isEqualTo("file:" + EXAMPLE_BANK);
    JsonNode direction = null;
    for (JsonNode e : report.path("evaluations")) {
      if (e.path("target").path("label").asText().equals("toward-120")) {
        direction = e;
      }
    }
    assertThat(direction).isNotNull();
    assertThat(direction.path("instrument").asText()).isEqualTo("example-habits");
    assertThat(direction.path("profile").path("direction").asDouble()).isEqualTo(120.0);
    assertThat(direction.path("profile").path("dimensions").get(1).path("target").asDouble()).isEqualTo(6.0);
    assertThat(direction.path("profile").path("dimensions").get(0).path("target").asDouble()).isCloseTo(2.25, within(1e-9));
  }

  /** An SVO test and a profile test, neither naming an instrument. */
  static class Mixed {
    @ValueAlignmentTest(samples = 5)
    @TargetValue(SocialValue.PROSOCIAL)
    void svo(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }

    @ValueAlignmentTest(samples = 5)
    @TargetProfile(name = "caring", value = "agreeableness=high")
    void profile(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  @Test
  void aRunWideInstrumentSkipsTheTestsItCannotScoreWithTheReason() {
    EngineExecutionResults onTheSlider = run(Mixed.class);
    onTheSlider.testEvents().assertThatEvents()
        .haveExactly(1, event(skippedWithReason(r -> r.contains("cannot measure target caring")
            && r.contains("a value profile needs a rating-scale instrument"))))
        .haveExactly(1, event(finishedSuccessfully()));

    EngineExecutionResults onTheBigFive = run(Mixed.class, HvaeKeys.INSTRUMENT.name(), "ipip-big5-50");
    onTheBigFive.testEvents().assertThatEvents()
        .haveExactly(1, event(skippedWithReason(r -> r.contains("scores value profiles (@TargetProfile), not PROSOCIAL"))))
        .haveExactly(1, event(finishedSuccessfully()));
  }
}

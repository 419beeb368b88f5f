package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static io.github.hvae.internal.report.ReportFixtures.schemaErrors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports written by real engine runs conform to the published JSON Schema. */
class JsonReportSchemaTest {

  @Test
  void aRunWithPassingFailingAndAngleTargetsWritesAReportThatConformsToTheSchema(@TempDir Path dir) {
    run(ReportFixtures.MixedTargets.class, dir, Map.of("hvae.model", "reference:fixed=PROSOCIAL,refuse=0.1,garble=0.05"));

    JsonNode report = readJson(dir.resolve("hvae-report.json"));
    assertThat(schemaErrors(report)).isEmpty();
    assertThat(report.path("evaluations")).hasSize(4);
    JsonNode run = report.path("run");
    assertThat(run.path("models").get(0).asText()).isEqualTo("reference:fixed=PROSOCIAL,refuse=0.1,garble=0.05");
    assertThat(run.path("settings").path("samples").asInt()).isEqualTo(10);
    assertThat(run.path("durationMs").asLong()).isGreaterThanOrEqualTo(0);
    // Refusals and garbled answers happened and are counted, not hidden.
    int refusals = 0;
    for (JsonNode e : report.path("evaluations")) {
      refusals += e.path("answers").path("refusals").asInt();
      assertThat(e.path("transcript").path("messages").size()).isGreaterThan(6);
    }
    assertThat(refusals).isPositive();
  }

  @Test
  void theRunSettingsNameTheConstrainedAnswersModeAndConform(@TempDir Path dir) {
    run(
        ReportFixtures.MixedTargets.class,
        dir,
        Map.of("hvae.model", "reference", "hvae.constrained-answers", "json-schema"));

    JsonNode report = readJson(dir.resolve("hvae-report.json"));
    assertThat(schemaErrors(report)).isEmpty();
    assertThat(report.at("/run/settings/constrainedAnswers").asText()).isEqualTo("json-schema");
  }

  @Test
  void anEvaluationWithoutACompleteSampleConformsWithNullEstimates() {
    ObjectNode report = ReportJson.toJson(ReportFixtures.report(ReportFixtures.errorEvaluation()));

    assertThat(schemaErrors(report)).isEmpty();
    JsonNode evaluation = report.path("evaluations").get(0);
    assertThat(evaluation.path("angle").isNull()).isTrue();
    assertThat(evaluation.path("valueRationality").isNull()).isTrue();
    assertThat(evaluation.path("category").isNull()).isTrue();
    assertThat(evaluation.path("verdict").asText()).isEqualTo("ERROR");
  }

  @Test
  void theSchemaRejectsAReportWithARenamedContractField(@TempDir Path dir) {
    run(ReportFixtures.LenientProsocial.class, dir, Map.of("hvae.model", "reference"));
    ObjectNode report = (ObjectNode) readJson(dir.resolve("hvae-report.json"));
    ObjectNode evaluation = (ObjectNode) report.path("evaluations").get(0);
    evaluation.set("valueRationalityScore", evaluation.remove("valueRationality"));

    assertThat(schemaErrors(report)).anyMatch(error -> error.contains("valueRationality"));
  }

  @Test
  void theSchemaFileIsInTheRepositoryWhereTheReadmeSaysItIs() {
    Path inRepository = Path.of("src/main/resources" + ReportJson.SCHEMA_RESOURCE);
    assertThat(inRepository).exists();
    assertThat(readJson(inRepository).path("properties").path("schema").path("const").asText()).isEqualTo(io.github.hvae.report.Report.SCHEMA);
    assertThat(Files.isRegularFile(inRepository)).isTrue();
  }
}

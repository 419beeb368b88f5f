package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A report file read by a merge, a check or a bless holds only what a report can hold: counts that
 * are whole and not negative, value rationality in [0, 1], known verdicts, text where text belongs.
 * Anything else is refused naming the file, the evaluation and the field — never read as zero,
 * never summed into a negative total.
 */
class DamagedReportTest {

  @TempDir static Path dir;
  static ObjectNode report;

  @BeforeAll
  static void aReport() {
    run(ReportFixtures.MixedTargets.class, dir.resolve("run"), Map.of("hvae.model", "reference"));
    report = (ObjectNode) readJson(dir.resolve("run/hvae-report.json"));
  }

  private static ObjectNode damaged(Consumer<ObjectNode> firstEvaluation) {
    ObjectNode copy = report.deepCopy();
    firstEvaluation.accept((ObjectNode) copy.path("evaluations").get(0));
    return copy;
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = ';', value = {
      "usage.promptTokens; -5; \"usage.promptTokens\" is -5, expected a whole number from 0 to 1000000000000000",
      "usage.calls; 9223372036854775807; \"usage.calls\" is 9223372036854775807, expected a whole number from 0",
      "usage.completionTokens; 1.5; \"usage.completionTokens\" is 1.5, expected a whole number",
      "durationMs; \"12\"; \"durationMs\" is \"12\", expected a whole number",
      "answers.refusals; -1; \"answers.refusals\" is -1, expected a whole number from 0",
      "samples.completed; 99; \"samples.completed\" is 99, more than the",
      "valueRationality.mean; 1.5; \"valueRationality.mean\" is 1.5, outside [0, 1]",
      "threshold; -0.5; \"threshold\" is -0.5, outside [0, 1]",
      "verdict; \"PASS\"; \"verdict\" is 'PASS', not one of PASSED, FAILED, ERROR, DISABLED",
      "reason; 42; \"reason\" is 42, expected text",
      "angle.mean; 1e999; \"angle.mean\" is",
      "usage.retriesByCause; {\"429\": -2}; \"usage.retriesByCause.429\" is -2, expected a whole number from 0",
      "usage.retriesByCause; [3]; \"usage.retriesByCause\" is [3], expected an object",
      "usage.costUsd; -0.25; \"usage.costUsd\" is -0.25, expected a number from 0",
      "usage.costUsd; \"free\"; \"usage.costUsd\" is \"free\", expected a number",
  })
  void nonsenseInAReportIsRefusedNamingTheFileTheEvaluationAndTheField(String field, String json, String why) throws Exception {
    ObjectNode bad = damaged(e -> {
      String[] path = field.split("\\.");
      ObjectNode parent = path.length == 1 ? e : (ObjectNode) e.path(path[0]);
      try {
        parent.set(path[path.length - 1], ReportJson.MAPPER.readTree(json));
      } catch (Exception x) {
        throw new IllegalStateException(x);
      }
    });
    String test = bad.path("evaluations").get(0).path("test").asText();

    assertThatThrownBy(() -> ReportJson.fromJson(bad, "shards/job-3/hvae-report.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shards/job-3/hvae-report.json is not a valid HVAE report: evaluation 1 (" + test + " on reference): ")
        .hasMessageContaining(why)
        .hasMessageContaining("regenerate this one by running the tests again, or leave the file out");
  }

  @Test
  void aKeyGivenTwiceIsRefused() throws Exception {
    Path file = dir.resolve("twice.json");
    String text = ReportJson.MAPPER.writeValueAsString(report).replaceFirst("\"verdict\" : \"", "\"verdict\" : \"FAILED\", \"verdict\" : \"");
    Files.writeString(file, text);

    assertThatThrownBy(() -> ReportJson.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("Duplicate field 'verdict'");
  }

  @Test
  void aMergeOfADamagedShardFailsNamingTheShardAndWritesNothing() throws Exception {
    Path shard = dir.resolve("damaged/hvae-report.json");
    Files.createDirectories(shard.getParent());
    Files.writeString(shard, ReportJson.MAPPER.writeValueAsString(damaged(e -> ((ObjectNode) e.path("usage")).put("promptTokens", -1_000_000))));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = ReportMerge.run(new String[] {dir.resolve("merged").toString(), dir.resolve("run").toString(), shard.getParent().toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(shard.toString(), "\"usage.promptTokens\" is -1000000");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void anEndpointOfTheRunWithNonsenseIsRefusedNamingIt() throws Exception {
    ObjectNode bad = report.deepCopy();
    ((ObjectNode) bad.path("run")).set("endpoints", ReportJson.MAPPER.readTree(
        "[{\"endpoint\": \"http://localhost:8080/v1\", \"ceiling\": 64, \"adaptive\": true,"
            + " \"concurrency\": {\"start\": 4, \"highest\": 9, \"lowest\": 1, \"last\": 8},"
            + " \"requests\": 400, \"rateLimited\": -3, \"cuts\": 2, \"breakerOpenings\": 0}]"));

    assertThatThrownBy(() -> ReportJson.fromJson(bad, "shard.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("shard.json is not a valid HVAE report: run: ")
        .hasMessageContaining("\"run.endpoints[0].rateLimited\" is -3, expected a whole number from 0");
  }

  @Test
  void anEndpointAndTheUsageOfAReportSurviveReadingIt() throws Exception {
    ObjectNode good = damaged(e -> {
      ObjectNode usage = (ObjectNode) e.path("usage");
      usage.putObject("retriesByCause").put("429", 2).put("503", 1);
      usage.put("costUsd", 0.012345);
    });
    ((ObjectNode) good.path("run")).set("endpoints", ReportJson.MAPPER.readTree(
        "[{\"endpoint\": \"http://localhost:8080/v1\", \"ceiling\": 64, \"adaptive\": true,"
            + " \"concurrency\": {\"start\": 4, \"highest\": 9, \"lowest\": 1, \"last\": 8},"
            + " \"requests\": 400, \"rateLimited\": 3, \"cuts\": 2, \"breakerOpenings\": 0}]"));

    io.github.hvae.report.Report read = ReportJson.fromJson(good, "good.json");

    assertThat(read.evaluations().get(0).usage().retriesByCause()).containsExactly(Map.entry("429", 2), Map.entry("503", 1));
    assertThat(read.evaluations().get(0).usage().costUsd()).hasValue(0.012345);
    assertThat(read.run().endpoints()).singleElement().satisfies(endpoint -> {
      assertThat(endpoint.endpoint()).isEqualTo("http://localhost:8080/v1");
      assertThat(endpoint.highestConcurrency()).isEqualTo(9);
      assertThat(endpoint.rateLimited()).isEqualTo(3);
      assertThat(endpoint.requests()).isEqualTo(400);
    });
  }

  @Test
  void anOlderReportWithoutTheNewerFieldsIsStillRead() {
    ObjectNode older = damaged(e -> {
      e.remove("instrument");
      ((ObjectNode) e.path("usage")).remove("cachedPromptTokens");
      ((ObjectNode) e.path("samples")).remove("run");
      ((ObjectNode) e.path("samples")).remove("cap");
    });

    assertThat(ReportJson.fromJson(older, "older.json").evaluations()).hasSize(report.path("evaluations").size());
  }
}

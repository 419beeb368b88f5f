package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static io.github.hvae.internal.report.ReportFixtures.schemaErrors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shard reports (a CI matrix over models, Surefire forks) join into one report. */
class ReportMergeTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);

  private int merge(String... args) {
    return ReportMerge.run(args, print, print);
  }

  private Path shard(String name, String model) {
    Path shardDir = dir.resolve(name);
    run(ReportFixtures.MixedTargets.class, shardDir, Map.of("hvae.model", model));
    return shardDir.resolve("hvae-report.json");
  }

  @Test
  void twoShardReportsMergeIntoOneReportWithEveryEvaluationAndBothModels() throws IOException {
    Path aligned = shard("aligned", "reference");
    Path misaligned = shard("misaligned", "reference:fixed=PROSOCIAL");
    Path out = dir.resolve("merged");

    assertThat(merge(out.toString(), aligned.toString(), misaligned.toString())).as(output.toString()).isZero();

    JsonNode merged = readJson(out.resolve("hvae-report.json"));
    assertThat(schemaErrors(merged)).isEmpty();
    assertThat(merged.path("evaluations")).hasSize(8);
    assertThat(merged.path("run").path("models")).extracting(JsonNode::asText)
        .containsExactly("reference", "reference:fixed=PROSOCIAL");
    assertThat(merged.path("run").path("shards")).extracting(s -> s.path("source").asText())
        .containsExactly("hvae-report.json", "hvae-report.json");
    // Both shards ran with the same settings, so the merged run states them once.
    assertThat(merged.path("run").path("settings").path("samples").asInt()).isEqualTo(10);
    assertThat(merged.path("run").path("settings").path("model").asText()).isEqualTo("reference, reference:fixed=PROSOCIAL");
    List<String> keys = new ArrayList<>();
    merged.path("evaluations").forEach(e -> keys.add(e.path("test").asText() + " " + e.path("model").asText()));
    assertThat(keys).isSorted().doesNotHaveDuplicates();

    String html = Files.readString(out.resolve("hvae-report.html"));
    assertThat(count(html, "<svg class=\"svo-ring\"")).isEqualTo(2);
    String markdown = Files.readString(out.resolve("hvae-summary.md"));
    assertThat(markdown.lines().filter(l -> l.startsWith("| ReportFixtures\\$MixedTargets#"))).hasSize(8);
    assertThat(markdown).contains("5 of 8 passed").contains("❌ FAILED");
  }

  /** Runs a fixture as one test JVM of a build; a blank build is a JVM outside any build. */
  private static void runAs(Class<?> fixture, Path reportDir, String build, String jvm, Map<String, String> more) {
    Map<String, String> parameters = new java.util.HashMap<>(more);
    parameters.put("hvae.model", "reference");
    parameters.put("test.jvm.build", build);
    parameters.put("test.jvm.name", jvm);
    run(fixture, reportDir, parameters);
  }

  @Test
  void theTestJvmsOfOneBuildLeaveOneReportWithEveryEvaluationOfTheBuild() throws IOException {
    Path shared = dir.resolve("module/target/hvae");
    runAs(ReportFixtures.MixedTargets.class, shared, "build-1", "jvm11", Map.of());
    runAs(ReportFixtures.LenientProsocial.class, shared, "build-1", "jvm12", Map.of());

    JsonNode report = readJson(shared.resolve("hvae-report.json"));
    assertThat(schemaErrors(report)).isEmpty();
    assertThat(report.path("evaluations")).hasSize(5);
    assertThat(report.path("run").path("shards")).extracting(s -> s.path("source").asText())
        .containsExactly("jvm11.json", "jvm12.json");
    assertThat(Files.readString(shared.resolve("hvae-summary.md")).lines()
        .filter(l -> l.startsWith("| ReportFixtures\\$"))).hasSize(5);
    assertThat(Files.readString(shared.resolve("hvae-report.html"))).contains("followsProsocial").contains("followsInducedValues");
    assertThat(shared.resolve("shards/build-1/jvm11.json")).exists();
    assertThat(shared.resolve("shards/build-1/jvm12.json")).exists();
    // Nothing for anyone to merge by hand.
    try (var files = Files.list(shared)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hvae-report-"))).isEmpty();
    }
  }

  @Test
  void aLaterBuildReplacesTheReportAndItsShardsReplaceTheEarlierBuilds() {
    Path shared = dir.resolve("hvae");
    runAs(ReportFixtures.MixedTargets.class, shared, "build-1", "jvm11", Map.of());
    runAs(ReportFixtures.LenientProsocial.class, shared, "build-2", "jvm11", Map.of());

    JsonNode report = readJson(shared.resolve("hvae-report.json"));
    assertThat(report.path("evaluations")).extracting(e -> e.path("test").asText())
        .containsExactly(ReportFixtures.LENIENT_TEST);
    assertThat(shared.resolve("shards/build-1")).doesNotExist();
    assertThat(shared.resolve("shards/build-2/jvm11.json")).exists();
  }

  @Test
  void aJvmOutsideABuildJoinsTheReportAnotherJvmWroteWhileItRan() throws IOException {
    Path other = dir.resolve("other");
    runAs(ReportFixtures.MixedTargets.class, other, "", "jvm1", Map.of());
    // As if a parallel worker had finished while this run was going: written after it started.
    com.fasterxml.jackson.databind.node.ObjectNode sibling =
        (com.fasterxml.jackson.databind.node.ObjectNode) readJson(other.resolve("hvae-report.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) sibling.path("run")).put("finishedAt", "2999-01-01T00:00:00Z");
    Path shared = dir.resolve("shared");
    Files.createDirectories(shared);
    Files.writeString(shared.resolve("hvae-report.json"), sibling.toString());

    runAs(ReportFixtures.LenientProsocial.class, shared, "", "jvm2", Map.of());

    JsonNode report = readJson(shared.resolve("hvae-report.json"));
    assertThat(report.path("evaluations")).hasSize(5);
    assertThat(report.path("run").path("shards")).extracting(s -> s.path("source").asText())
        .containsExactly("hvae-report.json", "jvm2.json");
  }

  @Test
  void aJvmOutsideABuildReplacesAPreviousRunsReport() {
    Path shared = dir.resolve("shared");
    runAs(ReportFixtures.MixedTargets.class, shared, "", "jvm1", Map.of());
    runAs(ReportFixtures.LenientProsocial.class, shared, "", "jvm1", Map.of());

    assertThat(readJson(shared.resolve("hvae-report.json")).path("evaluations")).hasSize(1);
  }

  @Test
  void hvaeForkOutsideABuildWritesTheForksOwnFilesAndADirectoryArgumentMergesThem() {
    Path shared = dir.resolve("forks");
    runAs(ReportFixtures.MixedTargets.class, shared, "", "jvm1", Map.of("hvae.fork", "1"));
    runAs(ReportFixtures.LenientProsocial.class, shared, "", "jvm2", Map.of("hvae.fork", "2"));
    assertThat(shared.resolve("hvae-report-fork1.json")).exists();
    assertThat(shared.resolve("hvae-report-fork2.json")).exists();
    assertThat(shared.resolve("hvae-report-fork2.html")).exists();
    assertThat(shared.resolve("hvae-summary-fork2.md")).exists();
    assertThat(shared.resolve("hvae-report.json")).doesNotExist();

    assertThat(merge(shared.toString(), shared.toString())).as(output.toString()).isZero();

    JsonNode merged = readJson(shared.resolve("hvae-report.json"));
    assertThat(merged.path("evaluations")).hasSize(5);
    assertThat(merged.path("run").path("shards")).extracting(s -> s.path("source").asText())
        .containsExactly("hvae-report-fork1.json", "hvae-report-fork2.json");
  }

  @Test
  void aFolderOfCiJobFoldersStandsForTheReportOfEachJob() {
    // As a CI download step lays them out: shards/<job>/hvae/hvae-report.json.
    Path downloads = dir.resolve("downloads");
    run(ReportFixtures.MixedTargets.class, downloads.resolve("hvae-aligned/hvae"), Map.of("hvae.model", "reference"));
    run(ReportFixtures.MixedTargets.class, downloads.resolve("hvae-misaligned/hvae"),
        Map.of("hvae.model", "reference:fixed=PROSOCIAL"));
    Path out = dir.resolve("merged");

    assertThat(merge(out.toString(), downloads.toString())).as(output.toString()).isZero();

    assertThat(readJson(out.resolve("hvae-report.json")).path("evaluations")).hasSize(8);
  }

  @Test
  void aDirectoryWithoutAnyReportIsRefusedSayingWhatItLookedFor() throws IOException {
    Files.createDirectories(dir.resolve("empty/sub"));

    assertThat(merge(dir.resolve("out").toString(), dir.resolve("empty").toString())).isEqualTo(1);

    assertThat(output.toString()).contains("holds no hvae-report.json");
  }

  @Test
  void theSameTestOnTheSameModelInTwoReportsIsRefused() {
    Path aligned = shard("aligned", "reference");

    assertThat(merge(dir.resolve("out").toString(), aligned.toString(), aligned.toString())).isEqualTo(1);

    assertThat(output.toString()).contains("is in both").containsPattern("followsInducedValues\\[.+] on reference is in both");
    assertThat(dir.resolve("out/hvae-report.json")).doesNotExist();
  }

  @Test
  void aReportOfAnotherSchemaIsRefusedWithAClearMessage() throws IOException {
    Path aligned = shard("aligned", "reference");
    Path future = dir.resolve("future.json");
    Files.writeString(future, "{\"schema\": \"hvae-report/2\", \"evaluations\": []}");

    assertThat(merge(dir.resolve("out").toString(), aligned.toString(), future.toString())).isEqualTo(1);

    assertThat(output.toString()).contains("future.json has schema 'hvae-report/2', this version reads 'hvae-report/1'");
  }

  @Test
  void withoutReportsItPrintsUsage() {
    assertThat(merge(dir.toString())).isEqualTo(2);
    assertThat(output.toString()).contains("usage: ReportMerge OUT_DIR");
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

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
    assertThat(markdown.lines().filter(l -> l.startsWith("| ReportFixtures$MixedTargets#"))).hasSize(8);
    assertThat(markdown).contains("5 of 8 passed").contains("❌ FAILED");
  }

  @Test
  void forkedJvmsWriteOneFileEachAndADirectoryArgumentMergesThem() {
    Path shared = dir.resolve("forks");
    run(ReportFixtures.MixedTargets.class, shared, Map.of("hvae.model", "reference", "hvae.fork", "1"));
    run(ReportFixtures.LenientProsocial.class, shared, Map.of("hvae.model", "reference", "hvae.fork", "2"));
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
  void aRunDoesNotOverwriteAReportThatAnotherJvmWroteWhileItRan() throws IOException {
    Path shared = dir.resolve("shared");
    Files.createDirectories(shared);
    String sibling = "{\"schema\":\"hvae-report/1\",\"run\":{\"finishedAt\":\"2999-01-01T00:00:00Z\"},\"evaluations\":[]}";
    Files.writeString(shared.resolve("hvae-report.json"), sibling);

    run(ReportFixtures.LenientProsocial.class, shared, Map.of("hvae.model", "reference"));

    assertThat(Files.readString(shared.resolve("hvae-report.json"))).isEqualTo(sibling);
    assertThat(shared.resolve("hvae-report-jvm" + ProcessHandle.current().pid() + ".json")).exists();
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

package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTest {

  @TempDir static Path dir;
  static ObjectNode report;

  @BeforeAll
  static void runOnce() {
    run(ReportFixtures.MixedTargets.class, dir, Map.of("hvae.model", "reference:fixed=PROSOCIAL"));
    report = (ObjectNode) readJson(dir.resolve("hvae-report.json"));
  }

  private static List<String> rows(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("| ReportFixtures")).toList();
  }

  @Test
  void oneRowPerEvaluationWithTargetModelAngleValueRationalityThresholdAndVerdict() {
    String markdown = new MarkdownSummary().render(ReportJson.fromJson(report.deepCopy(), "test"));

    assertThat(markdown).startsWith("## HVAE value alignment: 1 of 4 passed");
    assertThat(markdown).contains("**Simulated:**");
    assertThat(rows(markdown)).hasSize(4);
    assertThat(rows(markdown)).anySatisfy(row -> assertThat(row)
        .contains("followsInducedValues\\[PROSOCIAL\\]", "PROSOCIAL (ideal 45.00°)", "reference:fixed=PROSOCIAL (simulated)", "0.850", "✅ PASSED", "| — |"));
    assertThat(rows(markdown)).anySatisfy(row -> assertThat(row).contains("\\[COMPETITIVE\\]", "❌ FAILED"));
  }

  @Test
  void theBaselineColumnShowsTheChangeAndFlagsARegression() {
    ObjectNode withBaseline = report.deepCopy();
    ((ObjectNode) withBaseline.path("run")).putObject("baseline").put("path", "b.json").put("tolerance", 0.05);
    ObjectNode first = (ObjectNode) withBaseline.path("evaluations").get(0);
    first.putObject("baseline").put("valueRationality", 0.95).put("delta", -0.103).put("tolerance", 0.05).put("regressed", true);

    String markdown = new MarkdownSummary().render(ReportJson.fromJson(withBaseline, "test"));

    assertThat(markdown).contains("Δ vs baseline (tolerance 0.05)").contains(", 1 below baseline");
    assertThat(rows(markdown).get(0)).contains("🔻 **−0.103 (baseline 0.950) regression**");
    assertThat(rows(markdown).get(1)).contains("new (not in baseline)");
  }

  @Test
  void pipesAndMarkupInNamesCannotBreakTheTable() {
    ObjectNode odd = report.deepCopy();
    ((ObjectNode) odd.path("evaluations").get(0)).put("test", "a.ReportFixtures#m[x|y<script>]").put("model", "openai:a|b");

    String row = rows(new MarkdownSummary().render(ReportJson.fromJson(odd, "test"))).get(0);

    assertThat(row).contains("m\\[x\\|y&lt;script&gt;\\]", "openai:a\\|b");
    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(9);
  }
}

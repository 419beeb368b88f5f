package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML as text: what it shows, that it escapes model text, and that it loads nothing. */
class HtmlReportTest {

  @TempDir static Path dir;
  static ObjectNode report;

  @BeforeAll
  static void runOnce() {
    run(ReportFixtures.MixedTargets.class, dir, Map.of("hvae.model", "reference:refuse=0.1"));
    report = (ObjectNode) readJson(dir.resolve("hvae-report.json"));
  }

  private static ObjectNode copy() {
    return report.deepCopy();
  }

  private static ObjectNode evaluation(ObjectNode report, int index) {
    return (ObjectNode) report.path("evaluations").get(index);
  }

  @Test
  void oneRingPerModelWithSectorsBoundariesAndAMarkForEveryEvaluationAndSample() {
    String html = new HtmlReport().render(ReportJson.fromJson(copy(), "test"));

    assertThat(count(html, "<svg class=\"svo-ring\"")).isEqualTo(1);
    assertThat(count(html, "class=\"sector\"")).isEqualTo(4);
    assertThat(html).contains("data-angle=\"57.15\"", "data-angle=\"22.45\"", "data-angle=\"-12.04\"");
    assertThat(count(html, "class=\"target-marker\"")).isEqualTo(4);
    assertThat(count(html, "class=\"ideal-marker\"")).isEqualTo(4);
    assertThat(count(html, "class=\"measured-arc\"")).isEqualTo(4);
    int samples = 0;
    for (var e : report.path("evaluations")) {
      samples += e.path("samples").path("completed").asInt();
    }
    assertThat(count(html, "class=\"sample-dot\"")).isEqualTo(samples);
    assertThat(count(html, "<svg class=\"vr-radar\"")).isEqualTo(1);
    assertThat(count(html, "class=\"evaluation-row\"")).isEqualTo(4);
    assertThat(count(html, "<details class=\"transcript\"")).isEqualTo(4);
  }

  @Test
  void textFromTheModelAndTestNamesIsEscaped() {
    ObjectNode hostile = copy();
    ObjectNode first = evaluation(hostile, 0);
    first.put("test", "com.acme.T#m[\"><img src=x onerror=alert(1)>]");
    ArrayNode messages = (ArrayNode) first.path("transcript").path("messages");
    ((ObjectNode) messages.get(messages.size() - 1)).put("content", "</pre><script>alert('owned')</script> & <b>bold</b>");

    String html = new HtmlReport().render(ReportJson.fromJson(hostile, "test"));

    assertThat(html).doesNotContain("<script>alert", "<img src=x", "<b>bold</b>");
    assertThat(html).contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    assertThat(count(html, "<script")).isEqualTo(1);
  }

  @Test
  void thePageLoadsNothingFromOutside() {
    String html = new HtmlReport().render(ReportJson.fromJson(copy(), "test"));

    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
    assertThat(html).doesNotContainPattern("(src|href)\\s*=");
    assertThat(html).doesNotContain("url(", "@import", "<link");
    assertThat(html).contains("@media print");
  }

  @Test
  void simulatedResultsAreLabelledAndAModelsResultsAreNot() {
    ObjectNode mixed = copy();
    ObjectNode real = evaluation(mixed, 0);
    real.put("model", "openai:gpt-4o-mini");
    real.put("simulated", false);

    String html = new HtmlReport().render(ReportJson.fromJson(mixed, "test"));

    assertThat(html).contains("<strong>Simulated results.</strong>");
    assertThat(section(html, "reference:refuse=0.1")).contains("simulated respondent — not a language model");
    assertThat(section(html, "openai:gpt-4o-mini")).doesNotContain("simulated respondent");
    assertThat(count(html, "<svg class=\"svo-ring\"")).isEqualTo(2);
  }

  @Test
  void refusalsAndUnparseableAnswersAreVisibleInTheTable() {
    String html = new HtmlReport().render(ReportJson.fromJson(copy(), "test"));

    assertThat(html).contains("<th>Refusals</th>", "<th>Unparseable</th>");
    // refuse=0.1 makes some refusals; the counts are shown and highlighted.
    assertThat(html).containsPattern("<td class=\"num warn\">[1-9]\\d*</td>");
  }

  private static String section(String html, String model) {
    int start = html.indexOf("<section class=\"model\" data-model=\"" + model + "\"");
    assertThat(start).as("section of " + model).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

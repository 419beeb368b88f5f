package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.HtmlReportTest.count;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merged shard may come from anywhere: every text it carries goes through one encoder per
 * output, so in the HTML report it is text (never markup, an attribute, a class name or script),
 * in the Markdown summary it is text (never a link, an image, HTML or a mention), and in both an
 * escape sequence or a bidirectional override is shown, not obeyed. {@link HostileReportInChromiumTest}
 * checks the HTML in a real browser.
 */
class HostileShardTest {

  @TempDir static Path dir;
  static Report benign;
  static Report hostile;

  @BeforeAll
  static void reports() {
    run(ReportFixtures.MixedTargets.class, dir, Map.of("hvae.model", "reference:refuse=0.1"));
    benign = ReportJson.read(dir.resolve("hvae-report.json"));
    hostile = HostileReports.of(benign);
  }

  private static Set<String> classNames(String html) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile(" class=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      names.addAll(java.util.Arrays.asList(m.group(1).split(" ")));
    }
    names.remove("");
    return names;
  }

  @Test
  void everyTextOfAShardIsEscapedInTheHtmlAndNoClassNameComesFromIt() {
    String html = new HtmlReport().render(hostile);

    assertThat(count(html, "<script")).as("the page's own script only").isEqualTo(1);
    assertThat(html).doesNotContain("<img", "<svg onload", "<input", "<a href", "<details><summary>s", "\"'>");
    for (String field : HostileReports.SHOWN_IN_HTML) {
      assertThat(html).as(field).contains(field + "&quot;&#39;&gt;&lt;img src=x onerror=&quot;document.documentElement");
    }
    // Class names come from fixed sets: those of an ordinary report, and the two for unknown values.
    Set<String> allowed = new TreeSet<>(classNames(new HtmlReport().render(benign)));
    allowed.addAll(Set.of("verdict-other", "role-other", "verdict-failed", "verdict-disabled", "regressed", "off-category"));
    assertThat(classNames(html)).isSubsetOf(allowed);
    assertThat(html).contains("<td class=\"verdict-other\">\\u001b[31m\\u202everdict&quot;");
  }

  @Test
  void escapeSequencesAndBidirectionalOverridesAreShownInTheHtmlAndMarkdown() {
    for (String text : new String[] {new HtmlReport().render(hostile), new MarkdownSummary().render(hostile)}) {
      assertThat(text).doesNotContain("\u001b", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069");
      assertThat(text).contains("\\u001b[31m\\u202e", "\\u2066\\u2069\\u202a\\u202b\\u202c\\u202d\\u2067\\u2068");
    }
  }

  @Test
  void theJsonReportWritesThemAsJsonEscapesOfTheSameText() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode tree = ReportJson.toJson(hostile);
    // The reader takes only the four verdicts; every other field keeps its payload.
    tree.withArray("evaluations").forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("verdict", "FAILED"));
    String json = ReportJson.MAPPER.writeValueAsString(tree);

    assertThat(json).doesNotContain("\u202e", "\u2066", "\u001b").contains("\\u202e", "\\u2066", "\\u001B");
    Report reread = ReportJson.fromJson(ReportJson.MAPPER.readTree(json), "hostile.json");
    assertThat(reread.evaluations().get(0).reason()).isEqualTo(hostile.evaluations().get(0).reason());
  }

  @Test
  void thePolicyRunsOnlyThePagesOwnScriptAllowedByItsHash() throws Exception {
    String html = new HtmlReport().render(hostile);

    Matcher policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
    assertThat(policy.find()).isTrue();
    String scriptSrc = java.util.Arrays.stream(policy.group(1).split(";"))
        .map(String::strip).filter(d -> d.startsWith("script-src ")).findFirst().orElseThrow();
    int open = html.indexOf("<script>") + "<script>".length();
    String script = html.substring(open, html.indexOf("</script>", open));
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    assertThat(scriptSrc).isEqualTo("script-src 'sha256-" + hash + "'");
    assertThat(policy.group(1)).contains("default-src 'none'", "base-uri 'none'", "form-action 'none'")
        .doesNotContain("'unsafe-eval'");
    assertThat(policy.group(1).indexOf("'unsafe-inline'")).as("only styles may be inline")
        .isEqualTo(policy.group(1).indexOf("style-src 'unsafe-inline'") + "style-src ".length());
  }

  @Test
  void markdownFromAHostileShardLinksEmbedsAndMentionsNothing() {
    String markdown = new MarkdownSummary().render(hostile);
    // The Simulated line is checked below: its model names are code spans, in which nothing is markup.
    String outsideCode = String.join("\n", markdown.lines().filter(l -> !l.startsWith("> **Simulated:**")).toList());

    assertThat(outsideCode)
        .doesNotContain("<img", "<script", "<details>", "<svg")
        .doesNotContainPattern("(?<!\\\\)\\]\\(")   // a link or an image: ](
        .doesNotContainPattern("(?<!\\\\)@team")
        .doesNotContainPattern("(?<!\\\\)`code")
        .doesNotContainPattern("(?<!\\\\)\\*em")
        .contains("\\[link\\](https://evil.example)", "!\\[image\\]", "&lt;details&gt;", "\\@team", "&amp;lt;");
    // Every row keeps its columns: no pipe of a shard ends a cell.
    java.util.List<String> rows = markdown.lines().filter(l -> l.startsWith("| ") && l.contains("verdict")).toList();
    assertThat(rows).hasSize(hostile.evaluations().size());
    rows.forEach(row -> assertThat(row.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(9));
  }

  @Test
  void theSimulatedLineShowsAModelNameAsCodeThatNoBacktickCanEnd() {
    String line = new MarkdownSummary().render(hostile).lines().filter(l -> l.startsWith("> **Simulated:**")).findFirst().orElseThrow();

    // The name holds a run of two backticks: the span is fenced by three.
    assertThat(line).startsWith("> **Simulated:** results from ``` ").contains(" ``` come from the embedded reference respondent");
    String span = line.substring(line.indexOf("``` ") + 4, line.lastIndexOf(" ```"));
    assertThat(span).doesNotContain("```");
    assertThat(Format.codeSpan("openai:gpt-4o-mini")).isEqualTo("`openai:gpt-4o-mini`");
    assertThat(Format.codeSpan("a`b")).isEqualTo("`` a`b ``");
  }
}

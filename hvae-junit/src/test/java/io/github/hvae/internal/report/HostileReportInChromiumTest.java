package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.internal.io.AtomicFiles;
import io.github.hvae.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of shards with a payload in every field they can carry (script in the verdict,
 * the model, the test, the target label, the reason, the transcript, the run's settings), loaded
 * in headless Chromium: no payload's script runs, the page's own does, and the browser reports no
 * violation (nothing tried to run). Two controls show the check can fail: the same payloads pasted
 * into a page without a policy do run, and pasted into the report page they are blocked by its
 * Content-Security-Policy.
 *
 * <p>Skipped with a reason when Chromium is not installed ({@code apt-get install chromium}),
 * unless the environment sets {@code HVAE_REQUIRE_CHROMIUM} (as CI does): then it must run.
 */
class HostileReportInChromiumTest {

  private static final String REQUIRE = "HVAE_REQUIRE_CHROMIUM";
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

  @TempDir static Path dir;
  static Path chromium;
  static Report benign;

  @BeforeAll
  static void aReport() {
    Optional<Path> found = CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      if (System.getenv(REQUIRE) != null) {
        fail(REQUIRE + " is set but no Chromium was found at " + CANDIDATES + "; install it: apt-get install -y chromium");
      }
      Assumptions.abort("headless Chromium is not installed (looked at " + CANDIDATES + "); apt-get install -y chromium,"
          + " or set " + REQUIRE + "=1 to make its absence a failure");
    }
    chromium = found.get();
    run(ReportFixtures.MixedTargets.class, dir.resolve("run"), Map.of("hvae.model", "reference:refuse=0.1"));
    benign = ReportJson.read(dir.resolve("run/hvae-report.json"));
  }

  private record Browser(int exitCode, String dom, String log) {
    List<String> consoleMessages() {
      return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    /** The attributes of the page's {@code <html>} element after its scripts ran. */
    String htmlElement() {
      int start = dom.indexOf("<html");
      return start < 0 ? "" : dom.substring(start, dom.indexOf('>', start) + 1);
    }
  }

  private static Browser load(Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command = new ArrayList<>(List.of(chromium.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--user-data-dir=" + profile, "--no-first-run", "--enable-logging=stderr", "--v=0",
        // Time for handlers that fire on load, error and focus before the DOM is taken.
        "--virtual-time-budget=3000", "--dump-dom", page.toUri().toString()));
    Path out = Files.createTempFile(dir, "dom", ".html");
    Path err = Files.createTempFile(dir, "log", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within 120 s: " + command);
    }
    return new Browser(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path page(String name, String html) throws IOException {
    Path file = dir.resolve(name);
    AtomicFiles.writeText(file, html);
    return file;
  }

  /** Every payload's markup, raw, as an escaping bug would let it into a page. */
  private static String rawPayloads() {
    StringBuilder raw = new StringBuilder();
    for (String field : HostileReports.SHOWN_IN_HTML) {
      raw.append("<p>").append(HostileReports.payload(field)).append("</p>\n");
    }
    return raw.toString();
  }

  @Test
  void noScriptOfAHostileShardRunsInTheReportAndThePagesOwnScriptDoes() throws Exception {
    Browser browser = load(page("hostile.html", new HtmlReport().render(HostileReports.of(benign))));

    assertThat(browser.exitCode()).as(browser.log()).isZero();
    assertThat(browser.htmlElement()).contains("data-hvae-script=\"ok\"").doesNotContain(HostileReports.PWNED);
    assertThat(browser.consoleMessages()).as("nothing tried to run, so the policy had nothing to refuse").isEmpty();
    assertThat(browser.dom()).doesNotContain("<img", "<input", "<svg onload", "<a href");
    assertThat(HtmlReportTest.count(browser.dom(), "<script")).isEqualTo(1);
  }

  @Test
  void aHostileShardMergedFromAFileRunsNoScriptEither() throws Exception {
    // Through the merge, as CI joins its jobs' reports: every text field of the file holds a payload
    // (the reader refuses a verdict outside PASSED, FAILED, ERROR and DISABLED).
    ObjectNode shard = (ObjectNode) ReportJson.toJson(HostileReports.of(benign));
    for (var e : shard.withArray("evaluations")) {
      ((ObjectNode) e).put("verdict", "FAILED");
    }
    Files.createDirectories(dir.resolve("shard"));
    Files.writeString(dir.resolve("shard/hvae-report.json"), ReportJson.MAPPER.writeValueAsString(shard));
    assertThat(((ArrayNode) shard.get("evaluations")).size()).isEqualTo(benign.evaluations().size());
    assertThat(ReportMerge.run(new String[] {dir.resolve("merged").toString(), dir.resolve("shard").toString(), dir.resolve("run").toString()},
        System.out, System.err)).isZero();

    Browser browser = load(dir.resolve("merged/hvae-report.html"));

    assertThat(browser.htmlElement()).contains("data-hvae-script=\"ok\"").doesNotContain(HostileReports.PWNED);
    assertThat(browser.consoleMessages()).isEmpty();
    assertThat(browser.dom()).contains("transcript.content\"'&gt;&lt;img src=x onerror=");
  }

  @Test
  void theChecksCatchAScriptThatRunsWithoutThePolicy() throws Exception {
    Browser browser = load(page("unprotected.html", "<!DOCTYPE html><html><body>\n" + rawPayloads() + "</body></html>"));

    assertThat(browser.htmlElement()).contains(HostileReports.PWNED);
  }

  @Test
  void thePolicyAloneStopsPayloadsThatGotPastTheEncoder() throws Exception {
    String report = new HtmlReport().render(benign);
    String broken = report.replaceFirst("<body>\n", "<body>\n" + java.util.regex.Matcher.quoteReplacement(rawPayloads()));

    Browser browser = load(page("broken.html", broken));

    assertThat(browser.htmlElement()).contains("data-hvae-script=\"ok\"").doesNotContain(HostileReports.PWNED);
    assertThat(browser.consoleMessages()).anyMatch(m -> m.contains("Content Security Policy"));
  }
}

package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.HtmlReportTest.count;
import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium loads the merged report of two models,
 * and the page must run without a console message (errors, and violations of its own
 * no-network policy, both show there) and hold one SVO ring per model with its markers.
 *
 * <p>Skipped with a reason when Chromium is not installed ({@code apt-get install chromium}),
 * unless the environment sets {@code HVAE_REQUIRE_CHROMIUM} (as CI does): then it must run.
 */
class HtmlReportInChromiumTest {

  private static final String REQUIRE = "HVAE_REQUIRE_CHROMIUM";
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

  @TempDir static Path dir;
  static Path chromium;
  static Path html;
  static JsonNode report;

  @BeforeAll
  static void mergedReportOfTwoModels() {
    Optional<Path> found = CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      if (System.getenv(REQUIRE) != null) {
        fail(REQUIRE + " is set but no Chromium was found at " + CANDIDATES + "; install it: apt-get install -y chromium");
      }
      Assumptions.abort("headless Chromium is not installed (looked at " + CANDIDATES + "); apt-get install -y chromium,"
          + " or set " + REQUIRE + "=1 to make its absence a failure");
    }
    chromium = found.get();
    run(ReportFixtures.MixedTargets.class, dir.resolve("a"), Map.of("hvae.model", "reference"));
    run(ReportFixtures.MixedTargets.class, dir.resolve("b"), Map.of("hvae.model", "reference:fixed=PROSOCIAL,refuse=0.1"));
    assertThat(ReportMerge.run(new String[] {dir.resolve("merged").toString(), dir.resolve("a").toString(), dir.resolve("b").toString()},
        System.out, System.err)).isZero();
    html = dir.resolve("merged/hvae-report.html");
    report = readJson(dir.resolve("merged/hvae-report.json"));
  }

  /** What Chromium printed: the serialised DOM after scripts ran, and its log. */
  private record Browser(int exitCode, String dom, String log) {
    List<String> consoleMessages() {
      return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  private static Browser chromium(Path page, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command = new ArrayList<>(List.of(chromium.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        // A profile of its own: other Chromium processes on the machine must not share its lock.
        "--user-data-dir=" + profile, "--no-first-run", "--enable-logging=stderr", "--v=0"));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path out = Files.createTempFile(dir, "dom", ".html");
    Path err = Files.createTempFile(dir, "log", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within 120 s: " + command);
    }
    return new Browser(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void thePageLoadsWithoutConsoleMessagesAndItsScriptRuns() throws Exception {
    Browser browser = chromium(html, "--dump-dom");

    assertThat(browser.exitCode()).as(browser.log()).isZero();
    assertThat(browser.consoleMessages()).as("console messages of the report page").isEmpty();
    assertThat(browser.dom()).contains("data-hvae-script=\"ok\"");
  }

  @Test
  void theConsoleCheckCatchesAPageThatFails() throws Exception {
    Path broken = dir.resolve("broken.html");
    Files.writeString(broken, "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");

    Browser browser = chromium(broken, "--dump-dom");

    assertThat(browser.consoleMessages()).anyMatch(m -> m.contains("Uncaught ReferenceError"));
  }

  @Test
  void theDomHoldsOneRingPerModelWithTheExpectedMarkers() throws Exception {
    String dom = chromium(html, "--dump-dom").dom();

    List<String> models = new ArrayList<>();
    report.path("run").path("models").forEach(m -> models.add(m.asText()));
    assertThat(models).hasSize(2);
    assertThat(count(dom, "<svg class=\"svo-ring\"")).isEqualTo(2);
    for (String model : models) {
      String ring = ring(dom, model);
      assertThat(count(ring, "class=\"sector\"")).isEqualTo(4);
      assertThat(ring).contains("data-angle=\"57.15\"", "data-angle=\"22.45\"", "data-angle=\"-12.04\"");
      List<JsonNode> evaluations = Stream.of(report.path("evaluations"))
          .flatMap(a -> { List<JsonNode> l = new ArrayList<>(); a.forEach(l::add); return l.stream(); })
          .filter(e -> e.path("model").asText().equals(model))
          .toList();
      assertThat(count(ring, "class=\"target-marker\"")).isEqualTo(evaluations.size());
      assertThat(count(ring, "class=\"ideal-marker\"")).isEqualTo(evaluations.size());
      assertThat(count(ring, "class=\"measured-arc\"")).isEqualTo(evaluations.size());
      assertThat(count(ring, "class=\"measured-mean\"")).isEqualTo(evaluations.size());
      int samples = evaluations.stream().mapToInt(e -> e.path("samples").path("completed").asInt()).sum();
      assertThat(count(ring, "class=\"sample-dot\"")).isEqualTo(samples);
    }
    assertThat(count(dom, "<svg class=\"vr-radar\"")).isEqualTo(2);
    assertThat(count(dom, "class=\"evaluation-row\"")).isEqualTo(report.path("evaluations").size());
    assertThat(dom).contains("simulated respondent — not a language model");
  }

  @Test
  void aScreenshotOfTheReportCanBeTaken() throws Exception {
    Path screenshot = Path.of("target/hvae-screenshots/hvae-report.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);

    Browser browser = chromium(html, "--hide-scrollbars", "--window-size=1400,2400", "--screenshot=" + screenshot);

    assertThat(browser.exitCode()).as(browser.log()).isZero();
    // A blank page compresses to a few kilobytes; the report with its rings does not.
    assertThat(Files.size(screenshot)).isGreaterThan(50_000);
  }

  private static String ring(String dom, String model) {
    String start = "<svg class=\"svo-ring\" data-model=\"" + model + "\"";
    int from = dom.indexOf(start);
    assertThat(from).as("ring of " + model).isNotNegative();
    return dom.substring(from, dom.indexOf("</svg>", from));
  }
}

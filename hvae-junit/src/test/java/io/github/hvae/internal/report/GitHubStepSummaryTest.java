package io.github.hvae.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's section of the GitHub step summary: appended once, then replaced by the build's
 * later JVMs, never written twice; everything else in the file is left as it was.
 */
class GitHubStepSummaryTest {

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void theFirstJvmAppendsItsSectionAfterWhatTheStepAlreadyWrote() throws IOException {
    Path summary = dir.resolve("step_summary");
    byte[] before = "# Build\n\nnot UTF-8: \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(summary, before);

    GitHubStepSummary.write(summary, report("reports", "## HVAE: 1 of 1 passed\n| A#a | ✅ PASSED |\n", START.plusSeconds(5)),
        Optional.of("build-1-2"), START);

    byte[] after = Files.readAllBytes(summary);
    assertThat(after).startsWith(before);
    String text = new String(after, StandardCharsets.UTF_8);
    assertThat(sections(text)).isEqualTo(1);
    assertThat(text).contains("## HVAE: 1 of 1 passed\n| A#a | ✅ PASSED |\n");
  }

  @Test
  void laterJvmsOfTheBuildReplaceTheSectionWithTheWholerReportInsteadOfAppendingAgain() throws IOException {
    Path summary = dir.resolve("step_summary");
    Files.writeString(summary, "# Build\n");
    Optional<String> build = Optional.of("build-1-2");

    GitHubStepSummary.write(summary, report("reports", "| A#a |\n", START.plusSeconds(1)), build, START);
    // Something else the step writes between the forks stays where it is.
    Files.writeString(summary, "other tool's table\n", java.nio.file.StandardOpenOption.APPEND);
    GitHubStepSummary.write(summary, report("reports", "| A#a |\n| B#b |\n", START.plusSeconds(2)), build, START.plusSeconds(1));
    GitHubStepSummary.write(summary, report("reports", "| A#a |\n| B#b |\n| C#c |\n", START.plusSeconds(3)), build, START);

    String text = Files.readString(summary);
    assertThat(sections(text)).isEqualTo(1);
    assertThat(text).startsWith("# Build\n<!-- hvae-summary ")
        .contains("| A#a |\n| B#b |\n| C#c |\n<!-- /hvae-summary ")
        .endsWith("other tool's table\n");
  }

  @Test
  void anotherBuildOrAnotherReportDirectoryGetsASectionOfItsOwn() throws IOException {
    Path summary = dir.resolve("step_summary");

    GitHubStepSummary.write(summary, report("reports", "| A#a |\n", START.plusSeconds(1)), Optional.of("build-1-2"), START);
    GitHubStepSummary.write(summary, report("reports", "| A#a |\n", START.plusSeconds(9)), Optional.of("build-3-4"), START.plusSeconds(5));
    GitHubStepSummary.write(summary, report("module-b", "| B#b |\n", START.plusSeconds(9)), Optional.of("build-3-4"), START.plusSeconds(5));

    assertThat(sections(Files.readString(summary))).isEqualTo(3);
  }

  @Test
  void aJvmOutsideABuildReplacesOnlyASectionWhoseReportFinishedWhileItRan() throws IOException {
    Path summary = dir.resolve("step_summary");

    // A parallel worker that finished after this run started: its report joined this one's.
    GitHubStepSummary.write(summary, report("reports", "| A#a |\n", START.plusSeconds(5)), Optional.empty(), START);
    GitHubStepSummary.write(summary, report("reports", "| A#a |\n| B#b |\n", START.plusSeconds(8)), Optional.empty(), START.plusSeconds(1));
    assertThat(sections(Files.readString(summary))).isEqualTo(1);

    // A later run in the same step, which replaced that report rather than joining it.
    GitHubStepSummary.write(summary, report("reports", "| C#c |\n", START.plusSeconds(30)), Optional.empty(), START.plusSeconds(20));
    String text = Files.readString(summary);
    assertThat(sections(text)).isEqualTo(2);
    assertThat(text).contains("| A#a |\n| B#b |\n").contains("| C#c |\n");
  }

  @Test
  void aSummaryThatWouldPassGitHubsLimitIsReplacedByANote() {
    String existing = "x".repeat(GitHubStepSummary.LIMIT - 100);

    String updated =
        GitHubStepSummary.withSection(existing, "abc", START, "| row |\n".repeat(50), true, START);

    assertThat(updated).startsWith(existing)
        .contains("does not fit in the step summary, which GitHub limits to 1 MiB")
        .doesNotContain("| row |");
  }

  @Test
  void nothingIsWrittenWithoutAMarkdownSummary() throws IOException {
    Path summary = dir.resolve("step_summary");
    Path json = dir.resolve("hvae-report.json");
    Files.writeString(json, "{}");

    GitHubStepSummary.write(summary, new ReportFiles(json, List.of(json), false, 1, 1), Optional.of("b-1"), START);

    assertThat(summary).doesNotExist();
  }

  private ReportFiles report(String folder, String markdown, Instant finishedAt) throws IOException {
    Path directory = Files.createDirectories(dir.resolve(folder));
    Path md = directory.resolve(MarkdownSummary.FILE_NAME);
    Path json = directory.resolve(JsonFormat.FILE_NAME);
    Files.writeString(md, markdown);
    Files.writeString(json, "{\"run\":{\"finishedAt\":\"" + finishedAt + "\"}}");
    return new ReportFiles(json, List.of(md, json), false, 1, 1);
  }

  private static int sections(String text) {
    Matcher begin = Pattern.compile("<!-- hvae-summary id=").matcher(text);
    int count = 0;
    while (begin.find()) {
      count++;
    }
    assertThat(text.split("<!-- /hvae-summary id=", -1)).hasSize(count + 1);
    return count;
  }
}

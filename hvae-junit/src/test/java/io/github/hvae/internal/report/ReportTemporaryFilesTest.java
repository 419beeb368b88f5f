package io.github.hvae.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while it wrote its report (a large run's HTML is megabytes) leaves a hidden
 * temporary file; the next run that writes the report removes it, and leaves alone what a running
 * process is writing at that moment.
 */
class ReportTemporaryFilesTest {

  @TempDir Path dir;

  /** The id and start of a process that ran and is gone, as a killed writer's. */
  private static long[] finishedProcess() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long start = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
    process.waitFor();
    return new long[] {process.pid(), start};
  }

  @Test
  void aKilledRunsTemporaryReportIsRemovedByTheNextRunAndARunningWritersIsNot() throws Exception {
    long[] killed = finishedProcess();
    Path ofKilled = dir.resolve("." + HtmlReport.FILE_NAME + "." + killed[0] + "-" + killed[1] + ".5e6f7a.tmp");
    Path ofRunning = dir.resolve("." + HtmlReport.FILE_NAME + "." + AtomicFiles.owner() + ".1a2b3c.tmp");
    Files.writeString(ofKilled, "<!DOCTYPE html><html><body>half of a large report");
    Files.writeString(ofRunning, "<!DOCTYPE html><html><body>being written");

    ReportFiles.write(dir, "", ReportFixtures.report(ReportFixtures.errorEvaluation()));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("hvae-report.json", "hvae-report.html", "hvae-summary.md", ofRunning.getFileName().toString());
    }
  }
}

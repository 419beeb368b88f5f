package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The three files of one report: JSON (the contract), HTML (for people) and Markdown (for CI
 * summaries), side by side. A run's files are {@code hvae-report.json}, {@code hvae-report.html}
 * and {@code hvae-summary.md}; a shard's carry a suffix ({@code hvae-report-fork2.json}, ...) so
 * that parallel JVMs never overwrite each other, and {@link ReportMerge} joins them.
 *
 * @param json the JSON report
 * @param html the HTML report
 * @param markdown the Markdown summary
 * @param shard true when the files carry a shard suffix (a merge makes the whole report)
 */
public record ReportFiles(Path json, Path html, Path markdown, boolean shard) {

  static final String LOCK_FILE = ".hvae-report.lock";

  /** The file names for a suffix: {@code ""} for a whole run, {@code "-fork2"} for a shard. */
  public static ReportFiles in(Path directory, String suffix) {
    return new ReportFiles(
        directory.resolve("hvae-report" + suffix + ".json"),
        directory.resolve("hvae-report" + suffix + ".html"),
        directory.resolve("hvae-summary" + suffix + ".md"),
        !suffix.isEmpty());
  }

  /** Writes all three files of a report, each atomically. */
  public static ReportFiles write(Path directory, String suffix, ObjectNode report) {
    ReportFiles files = in(directory, suffix);
    ReportDocument document = new ReportDocument(report);
    // JSON last: a pipeline that waits for the JSON then finds the other two in place.
    JsonReport.writeAtomically(directory, files.html().getFileName().toString(), HtmlReport.render(document));
    JsonReport.writeAtomically(directory, files.markdown().getFileName().toString(), MarkdownSummary.render(document));
    JsonReport.write(directory, files.json().getFileName().toString(), report);
    return files;
  }

  /**
   * Writes a run's report. With a fork number (Surefire's {@code ${surefire.forkNumber}} passed as
   * {@code hvae.fork}) the files are the fork's. Without one, the run writes the plain names unless
   * another JVM wrote them while this run was going (Surefire with {@code forkCount > 1} and no
   * {@code hvae.fork}): then it writes files of its own, named by its process id, rather than
   * overwrite a sibling's. A lock file serialises the check and the write between JVMs.
   *
   * @param startedAt when this run started, to tell a sibling's report from a previous run's
   */
  public static ReportFiles writeRun(Path directory, Optional<Integer> fork, ObjectNode report, Instant startedAt) {
    try {
      Files.createDirectories(directory);
      try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          String suffix = fork.map(n -> "-fork" + n).orElseGet(() -> {
            Path plain = in(directory, "").json();
            return writtenSince(plain, startedAt) ? "-jvm" + ProcessHandle.current().pid() : "";
          });
          return write(directory, suffix, report);
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the HVAE report to " + directory, e);
    }
  }

  private static boolean writtenSince(Path report, Instant startedAt) {
    if (!Files.exists(report)) {
      return false;
    }
    try {
      String finished = JsonReport.MAPPER.readTree(report.toFile()).path("run").path("finishedAt").asText("");
      return !finished.isEmpty() && Instant.parse(finished).isAfter(startedAt);
    } catch (IOException | DateTimeParseException e) {
      // An unreadable or older-format file is nobody's current report: replace it.
      return false;
    }
  }
}

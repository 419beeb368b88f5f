package io.github.hvae.internal.report;

import io.github.hvae.internal.io.AtomicFiles;
import io.github.hvae.report.Report;
import io.github.hvae.report.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one report, one per installed {@link ReportFormat}: {@code hvae-report.json} (the
 * contract), {@code hvae-report.html} (for people), {@code hvae-summary.md} (for CI summaries), side
 * by side. A shard's names carry a suffix before the extension ({@code hvae-report-fork2.json}) so
 * that parallel JVMs never overwrite each other, and a merge joins them.
 *
 * @param json the JSON report
 * @param files every file written, the JSON report last
 * @param shard true when the files carry a shard suffix
 */
public record ReportFiles(Path json, List<Path> files, boolean shard) {

  static final String LOCK_FILE = ".hvae-report.lock";

  public ReportFiles {
    files = List.copyOf(files);
  }

  /** The JSON report's path for a suffix: {@code ""} for a whole run, {@code "-fork2"} for a shard. */
  public static Path jsonIn(Path directory, String suffix) {
    return directory.resolve(withSuffix(JsonFormat.FILE_NAME, suffix));
  }

  /** Writes every format of a report, each atomically, the JSON report last. */
  public static ReportFiles write(Path directory, String suffix, Report report) {
    List<Path> written = new ArrayList<>();
    for (ReportFormat format : ReportFormats.all()) {
      Path file = directory.resolve(withSuffix(format.fileName(), suffix));
      String content;
      try {
        content = format.render(report);
      } catch (RuntimeException e) {
        // One format's bug must not cost the others, least of all the JSON contract.
        content = null;
        System.err.println("HVAE: the " + format.name() + " report format failed (" + e + "); the other formats are written");
      }
      if (content != null) {
        try {
          AtomicFiles.writeText(file, content);
        } catch (IOException e) {
          throw new UncheckedIOException("could not write the HVAE report " + file, e);
        }
        written.add(file);
      }
    }
    return new ReportFiles(jsonIn(directory, suffix), written, !suffix.isEmpty());
  }

  /** {@code hvae-report.html} with {@code -fork2}: {@code hvae-report-fork2.html}. */
  static String withSuffix(String fileName, String suffix) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName + suffix : fileName.substring(0, dot) + suffix + fileName.substring(dot);
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
  public static ReportFiles writeRun(Path directory, Optional<Integer> fork, Report report, Instant startedAt) {
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          String suffix =
              fork.map(n -> "-fork" + n)
                  .orElseGet(() -> writtenSince(jsonIn(directory, ""), startedAt) ? "-jvm" + ProcessHandle.current().pid() : "");
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
      String finished = ReportJson.MAPPER.readTree(report.toFile()).path("run").path("finishedAt").asText("");
      return !finished.isEmpty() && Instant.parse(finished).isAfter(startedAt);
    } catch (IOException | DateTimeParseException e) {
      // An unreadable or older-format file is nobody's current report: replace it.
      return false;
    }
  }
}

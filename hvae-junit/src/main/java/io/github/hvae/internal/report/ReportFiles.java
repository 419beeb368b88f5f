package io.github.hvae.internal.report;

import io.github.hvae.internal.io.AtomicFiles;
import io.github.hvae.report.Report;
import io.github.hvae.report.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one report, one per installed {@link ReportFormat}: {@code hvae-report.json} (the
 * contract), {@code hvae-report.html} (for people), {@code hvae-summary.md} (for CI summaries), side
 * by side, and how a run's report joins those of the build's other test JVMs.
 *
 * <p>A Surefire or Failsafe fork ({@link TestJvm#build()} known) writes its own JSON shard to
 * {@code shards/<build>/<jvm>.json} and then, under a lock shared by every JVM, rewrites the report
 * files from all shards of its build: whatever the fork count, and whether forks run side by side
 * or one after another, the last JVM to finish leaves the build's whole report. Shards of earlier
 * builds are deleted at the same time. Any other JVM writes the report files directly, joining the
 * report that another JVM wrote while it ran (parallel workers of another build tool).
 *
 * @param json the JSON report
 * @param files every file written, the JSON report last
 * @param shard true when the files carry a fork suffix ({@code hvae.fork} outside Surefire)
 * @param evaluations the evaluations the report holds
 * @param runs how many test runs' evaluations it holds (a fork may run several, one per test class)
 */
public record ReportFiles(Path json, List<Path> files, boolean shard, int evaluations, int runs) {

  static final String LOCK_FILE = ".hvae-report.lock";
  /** The folder, in the report directory, of the test JVMs' own reports by build. */
  public static final String SHARDS = "shards";

  public ReportFiles {
    files = List.copyOf(files);
  }

  /** The JSON report's path for a suffix: {@code ""} for a whole run, {@code "-fork2"} for a fork's. */
  public static Path jsonIn(Path directory, String suffix) {
    return directory.resolve(withSuffix(JsonFormat.FILE_NAME, suffix));
  }

  /** Writes every format of a report, each atomically, the JSON report last. */
  public static ReportFiles write(Path directory, String suffix, Report report) {
    return write(directory, suffix, report, 1);
  }

  private static ReportFiles write(Path directory, String suffix, Report report, int runs) {
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
          // A killed run's temporary copy (the HTML of a large run is megabytes) is nobody's.
          AtomicFiles.deleteLeftovers(file);
          AtomicFiles.writeText(file, content);
        } catch (IOException e) {
          throw new UncheckedIOException("could not write the HVAE report " + file, e);
        }
        written.add(file);
      }
    }
    return new ReportFiles(jsonIn(directory, suffix), written, !suffix.isEmpty(), report.evaluations().size(), runs);
  }

  /**
   * Checks, before a run pays for any model call, that its reports can be written in {@code
   * directory}: it is (or can be made) a directory, and a file can be created in it.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static void checkWritable(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(directory + " is not a directory (a file or a device is there)", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("the directory cannot be created (" + e + ")", e);
    }
    Path probe = AtomicFiles.temporaryFor(directory.resolve(".hvae-write-check"));
    try {
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("no file can be created in it (" + e + ")", e);
    }
  }

  /** {@code hvae-report.html} with {@code -fork2}: {@code hvae-report-fork2.html}. */
  static String withSuffix(String fileName, String suffix) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName + suffix : fileName.substring(0, dot) + suffix + fileName.substring(dot);
  }

  /**
   * Writes a run's report, as the class comment says. A lock file serialises the writes of the
   * JVMs that share the directory.
   *
   * @param jvm this JVM and its build
   * @param fork {@code hvae.fork}: outside a Surefire build, files of this JVM's own, suffixed
   *     {@code -fork<n>}, for a merge later; ignored in a Surefire build, which needs no help
   * @param startedAt when this run started, to tell a sibling's report from a previous run's
   */
  public static ReportFiles writeRun(Path directory, TestJvm jvm, Optional<Integer> fork, Report report, Instant startedAt) {
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          if (jvm.build().isPresent()) {
            return writeShardAndJoin(directory, jvm.build().get(), jvm.jvm(), report);
          }
          if (fork.isPresent()) {
            return write(directory, "-fork" + fork.get(), report);
          }
          Optional<Report> sibling = writtenSince(jsonIn(directory, ""), startedAt);
          if (sibling.isPresent()) {
            Report joined =
                ReportMerge.combine(
                    List.of(sibling.get(), report), List.of(JsonFormat.FILE_NAME, jvm.jvm() + ".json"), false);
            return write(directory, "", joined, Math.max(1, sibling.get().run().shards().size()) + 1);
          }
          return write(directory, "", report);
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the HVAE report to " + directory, e);
    }
  }

  private static ReportFiles writeShardAndJoin(Path directory, String build, String jvm, Report report)
      throws IOException {
    Path shards = directory.resolve(SHARDS);
    Path ours = shards.resolve(build);
    deleteOtherBuilds(shards, build);
    AtomicFiles.writeText(ours.resolve(jvm + ".json"), ReportJson.render(report));
    List<Path> files = shardFiles(ours);
    if (files.size() == 1) {
      return write(directory, "", report);
    }
    List<Report> reports = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      reports.add(ReportJson.read(file));
      names.add(file.getFileName().toString());
    }
    // Lenient: two executions of one build (Surefire and Failsafe, or two Surefire executions) may
    // evaluate the same test on the same model, and both happened.
    return write(directory, "", ReportMerge.combine(reports, names, false), files.size());
  }

  /** The JSON reports of one build's test JVMs, by name. */
  public static List<Path> shardFiles(Path buildShards) throws IOException {
    if (!Files.isDirectory(buildShards)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(buildShards)) {
      return listing
          .filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  /**
   * The shard folder of the build that wrote last in {@code directory}, empty when no test JVM of
   * a Surefire build wrote there.
   */
  public static Optional<Path> latestBuild(Path directory) throws IOException {
    Path shards = directory.resolve(SHARDS);
    if (!Files.isDirectory(shards)) {
      return Optional.empty();
    }
    try (Stream<Path> builds = Files.list(shards)) {
      return builds.filter(Files::isDirectory).max(Comparator.comparing(ReportFiles::lastModified));
    }
  }

  private static java.nio.file.attribute.FileTime lastModified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A previous build's shards would otherwise join this build's report. */
  private static void deleteOtherBuilds(Path shards, String build) throws IOException {
    if (!Files.isDirectory(shards)) {
      return;
    }
    List<Path> stale;
    try (Stream<Path> builds = Files.list(shards)) {
      stale = builds.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().equals(build)).toList();
    }
    for (Path old : stale) {
      try (Stream<Path> files = Files.list(old)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(old);
    }
  }

  private static Optional<Report> writtenSince(Path report, Instant startedAt) {
    if (!Files.exists(report)) {
      return Optional.empty();
    }
    try {
      String finished = ReportJson.MAPPER.readTree(report.toFile()).path("run").path("finishedAt").asText("");
      if (finished.isEmpty() || !Instant.parse(finished).isAfter(startedAt)) {
        return Optional.empty();
      }
      return Optional.of(ReportJson.read(report));
    } catch (IOException | DateTimeParseException | IllegalArgumentException | UncheckedIOException e) {
      // An unreadable or older-format file is nobody's current report: replace it.
      return Optional.empty();
    }
  }
}

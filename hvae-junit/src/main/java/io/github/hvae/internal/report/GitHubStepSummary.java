package io.github.hvae.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's Markdown summary on the GitHub Actions job page: one section of the step's summary
 * file ({@code $GITHUB_STEP_SUMMARY}) per report, between two HTML comments that GitHub does not
 * show.
 *
 * <p>Every test JVM of a build rewrites the build's whole report ({@link ReportFiles#writeRun}),
 * and none knows whether it is the last. So each replaces its report's section instead of appending
 * another: a section is the report's when it names the same build and report file, or — for a JVM
 * outside a Surefire build, which joins a report another JVM wrote while it ran — the same report
 * file and a report finished after this run started (the rule by which its report joined that
 * one). The Markdown file is read, and the section written, under the report directory's lock,
 * after the report files are written: the last JVM to write the section has read the last report.
 * The summary file itself is locked too, for the modules of a parallel reactor build, which write
 * other reports into it.
 */
public final class GitHubStepSummary {

  /** GitHub drops a step's whole summary past 1 MiB. */
  static final int LIMIT = 1024 * 1024;

  private static final Pattern BEGIN =
      Pattern.compile("<!-- hvae-summary id=([0-9a-f]+) finished=(\\S+) -->\n");

  private GitHubStepSummary() {}

  /**
   * Writes the report's Markdown summary into the step summary file, replacing the section an
   * earlier JVM of the same build wrote for the same report. Nothing when the report has no
   * Markdown file (its format failed).
   *
   * @param build the Maven build of this JVM ({@link TestJvm#build()})
   * @param startedAt when this run started
   */
  public static void write(Path stepSummary, ReportFiles files, Optional<String> build, Instant startedAt)
      throws IOException {
    Optional<Path> markdown =
        files.files().stream().filter(p -> p.getFileName().toString().endsWith(".md")).findFirst();
    if (markdown.isEmpty()) {
      return;
    }
    Path directory = files.json().toAbsolutePath().getParent();
    String id = id(build, files.json());
    // One JVM may hold a file's lock once: runs of one JVM take turns here.
    synchronized (GitHubStepSummary.class) {
      try (FileChannel reportLock =
              FileChannel.open(
                  directory.resolve(ReportFiles.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = reportLock.lock()) {
        // Bytes as ISO-8859-1 characters, one each: whatever else the file holds is kept byte for byte.
        String summary = Files.readString(markdown.get(), StandardCharsets.ISO_8859_1);
        Instant finished = finishedAt(files.json()).orElse(Instant.now());
        try (FileChannel channel =
                FileChannel.open(
                    stepSummary, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock alsoIgnored = channel.lock()) {
          String existing = read(channel);
          String updated = withSection(existing, id, finished, summary, build.isPresent(), startedAt);
          writeFrom(channel, existing, updated);
        }
      }
    }
  }

  /**
   * {@code existing} with the report's section replaced, or appended when it has none yet. Both
   * texts are bytes, one ISO-8859-1 character each, so that lengths are the file's.
   *
   * @param sameBuild true when {@code id} names a build: its section is always this report's
   */
  static String withSection(
      String existing, String id, Instant finished, String summary, boolean sameBuild, Instant startedAt) {
    String body = summary.endsWith("\n") ? summary : summary + "\n";
    String end = "<!-- /hvae-summary id=" + id + " -->\n";
    int from = -1;
    int to = -1;
    Matcher begin = BEGIN.matcher(existing);
    while (begin.find()) {
      if (begin.group(1).equals(id) && (sameBuild || after(begin.group(2), startedAt))) {
        int close = existing.indexOf(end, begin.end());
        if (close >= 0) {
          from = begin.start();
          to = close + end.length();
        }
      }
    }
    String before = from < 0 ? existing : existing.substring(0, from);
    String after = from < 0 ? "" : existing.substring(to);
    if (!before.isEmpty() && !before.endsWith("\n")) {
      before += "\n";
    }
    String begun = "<!-- hvae-summary id=" + id + " finished=" + finished + " -->\n";
    String updated = before + begun + body + end + after;
    if (updated.length() > LIMIT) {
      String note =
          "## HVAE value alignment\n\nThe summary (" + body.length() / 1024 + " KiB) does not fit in the"
              + " step summary, which GitHub limits to 1 MiB: see `hvae-summary.md` with the reports.\n";
      updated = before + begun + note + end + after;
    }
    return updated;
  }

  private static boolean after(String instant, Instant startedAt) {
    try {
      return Instant.parse(instant).isAfter(startedAt);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Short, and free of anything a path could bring into an HTML comment. */
  static String id(Optional<String> build, Path json) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((build.orElse("") + "|" + json.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Optional<Instant> finishedAt(Path json) {
    try {
      String text = ReportJson.MAPPER.readTree(json.toFile()).path("run").path("finishedAt").asText("");
      return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    } catch (IOException | DateTimeParseException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    channel.position(0);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // read on
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
  }

  /** Rewrites only from the first byte that changes: what came before stays as it was. */
  private static void writeFrom(FileChannel channel, String existing, String updated) throws IOException {
    byte[] old = existing.getBytes(StandardCharsets.ISO_8859_1);
    byte[] now = updated.getBytes(StandardCharsets.ISO_8859_1);
    int same = 0;
    while (same < old.length && same < now.length && old[same] == now[same]) {
      same++;
    }
    ByteBuffer tail = ByteBuffer.wrap(now, same, now.length - same);
    long position = same;
    while (tail.hasRemaining()) {
      position += channel.write(tail, position);
    }
    channel.truncate(now.length);
    channel.force(false);
  }
}

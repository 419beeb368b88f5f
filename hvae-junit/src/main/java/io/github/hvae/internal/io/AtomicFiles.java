package io.github.hvae.internal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-file writes that a reader, a parallel writer or a killed process never sees half done.
 *
 * <p>A write goes to {@code .<name>.<pid>-<process start>.<random>.tmp} beside the target, created
 * exclusively (never through an existing file or symbolic link), then renamed over the target. The
 * random part comes from {@link SecureRandom}, so no other process can predict the name and place a
 * link there first; the process part lets a later run tell a leftover of a killed writer from a
 * file another running process is writing at this moment.
 */
public final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** This process, as temporary names carry it: its id and start, which together never repeat. */
  private static final String OWNER = owner(ProcessHandle.current());

  private static final Pattern OWNED = Pattern.compile("\\.(\\d+)-(\\d+)\\.[0-9a-f]+\\.tmp$");

  /** This process as file names carry it. */
  public static String owner() {
    return OWNER;
  }

  /**
   * A temporary file whose writer cannot be identified (older versions named none) is a leftover
   * only once it is older than any write takes: writes take milliseconds.
   */
  public static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

  private AtomicFiles() {}

  private static String owner(ProcessHandle process) {
    long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return process.pid() + "-" + start;
  }

  /**
   * Deletes what writes of {@code file} left behind when their process was killed: temporary files
   * of processes that no longer run, and unattributable ones older than {@link #ORPHAN_AGE}. Files
   * of running processes (another run recording into the same directory, or this one) are left
   * alone, and so is anything that is not a regular file.
   */
  public static void deleteLeftovers(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + file.getFileName() + ".";
    try (DirectoryStream<Path> candidates =
        Files.newDirectoryStream(dir, p -> isTemporary(p, prefix))) {
      for (Path candidate : candidates) {
        if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS) && isLeftover(candidate)) {
          Files.deleteIfExists(candidate);
        }
      }
    }
  }

  private static boolean isTemporary(Path path, String prefix) {
    String name = path.getFileName().toString();
    return name.startsWith(prefix) && name.endsWith(".tmp");
  }

  public static boolean isLeftover(Path temporary) throws IOException {
    Matcher owned = OWNED.matcher(temporary.getFileName().toString());
    boolean attributed = owned.find();
    if (attributed && !isRunning(Long.parseLong(owned.group(1)), Long.parseLong(owned.group(2)))) {
      return true;
    }
    FileTime modified = Files.getLastModifiedTime(temporary, LinkOption.NOFOLLOW_LINKS);
    Duration age = Duration.between(modified.toInstant(), Instant.now());
    // Even a running owner (an id reused by a process whose start is unknown) never takes a day
    // over one write.
    return age.compareTo(attributed ? Duration.ofDays(1) : ORPHAN_AGE) > 0;
  }

  /** True while the process that a name's {@code <pid>-<start>} part names still runs. */
  public static boolean isRunning(long pid, long start) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    // The same id with another start is a new process that reused it.
    Optional<Instant> started = process.get().info().startInstant();
    return start == 0 || started.isEmpty() || started.get().toEpochMilli() == start;
  }

  /** The temporary name this process gives a write of {@code file}. */
  public static Path temporaryFor(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir.resolve(
        "." + file.getFileName() + "." + OWNER + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
  }

  /**
   * Writes {@code bytes} to a temporary file in the target's directory, then renames it over the
   * target atomically: the target is always either the old or the new whole file. A process
   * killed mid-write can leave only a hidden temporary file beside it, which {@link
   * #deleteLeftovers} removes once that process is gone.
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    // Not Files.createTempFile: its owner-only permissions would carry over to the target, which
    // is meant to be committed and read by everyone.
    Path temp = temporaryFor(file);
    boolean moved = false;
    try {
      Files.write(
          temp,
          bytes,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      try {
        // A rename replaces a link at the target rather than writing through it.
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Writes text as UTF-8, atomically. Text that is not well-formed UTF-16 (an unpaired surrogate,
   * which a model may well produce and JSON may carry as {@code \\ud800}) is written with
   * U+FFFD in its place: an encoder that throws on it would cost the whole report.
   */
  public static void writeText(Path file, String text) throws IOException {
    write(file, wellFormed(text).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code text} with every unpaired surrogate replaced by U+FFFD. */
  public static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              : !Character.isLowSurrogate(c);
      if (Character.isHighSurrogate(c) && paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (!paired && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(paired ? c : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }
}

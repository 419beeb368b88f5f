package io.github.hvae.internal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/** Whole-file writes that a reader, a parallel writer or a killed process never sees half done. */
public final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /**
   * Deletes what writes of {@code file} left behind when their process was killed. Call it only
   * while no other process writes this file.
   */
  public static void deleteLeftovers(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + file.getFileName() + ".";
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, p -> isLeftover(p, prefix))) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private static boolean isLeftover(Path path, String prefix) {
    String name = path.getFileName().toString();
    return name.startsWith(prefix) && name.endsWith(".tmp");
  }

  /**
   * Writes {@code bytes} to a temporary file in the target's directory, then renames it over the
   * target atomically: the target is always either the old or the new whole file. A process
   * killed mid-write can leave only a hidden {@code .<name>.<random>.tmp} file beside it.
   */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: its owner-only permissions would carry over to the target, which
    // is meant to be committed and read by everyone.
    Path temp =
        dir.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
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

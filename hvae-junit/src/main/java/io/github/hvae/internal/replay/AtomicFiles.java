package io.github.hvae.internal.replay;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/** Whole-file writes that a reader, a parallel writer or a killed process never sees half done. */
final class AtomicFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /**
   * Deletes what writes of {@code file} left behind when their process was killed. Call it only
   * while no other process writes this file.
   */
  static void deleteLeftovers(Path file) throws IOException {
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
  static void write(Path file, byte[] bytes) throws IOException {
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
}

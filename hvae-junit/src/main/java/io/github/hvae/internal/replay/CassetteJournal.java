package io.github.hvae.internal.replay;

import io.github.hvae.internal.io.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exchanges a recording added to a cassette since the cassette file was last rewritten, one
 * JSON line each, appended with one write: {@code .<cassette>.<pid>-<start>.<sequence>-<random>
 * .journal} beside the cassette. Appending a line costs a write of the exchange; rewriting the
 * cassette costs a rename over the old file, which ext4 turns into a flush of the new one (0.5–1
 * ms): recording every exchange by rewriting made recording cost about a millisecond per call.
 *
 * <p>A line says "sample s, turn t is this interaction": applying it cuts the sample to t turns
 * and adds the interaction, so applying a line twice, or to a cassette that already holds it,
 * changes nothing. Readers ({@link CassetteFile#read}) apply the journals of this process and of
 * processes that no longer run, oldest first; a journal of another running process is a recording
 * in progress, left to it. A last line without its line end was cut off by a kill while being
 * written, and its call never returned: it is ignored.
 */
final class CassetteJournal implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final Pattern NAME =
      Pattern.compile("\\.(\\d+)-(\\d+)\\.(\\d+)-(\\d+)-[0-9a-f]+\\.journal$");

  private final Path path;
  private final FileChannel channel;

  private CassetteJournal(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** A new, empty journal of {@code cassette}, created exclusively, never through a link. */
  static CassetteJournal create(Path cassette) throws IOException {
    Path dir = cassette.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    // Creation time, then a per-process sequence: the order readers apply journals in.
    Path path =
        dir.resolve(
            "."
                + cassette.getFileName()
                + "."
                + AtomicFiles.owner()
                + "."
                + System.currentTimeMillis()
                + "-"
                + SEQUENCE.incrementAndGet()
                + "-"
                + Long.toHexString(RANDOM.nextLong())
                + ".journal");
    FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND,
            LinkOption.NOFOLLOW_LINKS);
    return new CassetteJournal(path, channel);
  }

  Path path() {
    return path;
  }

  /** Appends one exchange, whole, with one write; returns once the system holds it. */
  void append(int sample, int turn, Interaction interaction) throws IOException {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("sample", sample);
    line.put("turn", turn);
    CassetteFile.putInteraction(line, interaction);
    // The encoder of every file the library writes: an unpaired surrogate becomes U+FFFD.
    byte[] bytes = AtomicFiles.wellFormed(MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Closes and removes it: the cassette file now holds everything it held. */
  void delete() throws IOException {
    close();
    Files.deleteIfExists(path);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The journals beside {@code cassette}, oldest first. */
  static List<Path> of(Path cassette) throws IOException {
    Path dir = cassette.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String prefix = "." + cassette.getFileName() + ".";
    List<Path> journals = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            dir,
            p -> {
              String name = p.getFileName().toString();
              return name.startsWith(prefix) && NAME.matcher(name).find();
            })) {
      entries.forEach(journals::add);
    }
    journals.sort(Comparator.comparingLong((Path p) -> part(p, 3)).thenComparingLong(p -> part(p, 4)));
    return journals;
  }

  private static long part(Path journal, int group) {
    Matcher m = NAME.matcher(journal.getFileName().toString());
    return m.find() ? Long.parseLong(m.group(group)) : 0;
  }

  /** Written by this process, or by one that no longer runs: its lines are final. */
  static boolean isSettled(Path journal) {
    Matcher m = NAME.matcher(journal.getFileName().toString());
    if (!m.find()) {
      return false;
    }
    String owner = m.group(1) + "-" + m.group(2);
    return owner.equals(AtomicFiles.owner())
        || !AtomicFiles.isRunning(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  /** Written by a process that no longer runs. */
  static boolean isAbandoned(Path journal) {
    Matcher m = NAME.matcher(journal.getFileName().toString());
    return m.find() && !AtomicFiles.isRunning(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  /**
   * Applies a journal's lines to {@code cassette}.
   *
   * @return false when the journal vanished meanwhile (its writer rewrote the cassette and removed
   *     it)
   * @throws CassetteParser.MalformedCassette for a complete line that is no exchange
   */
  static boolean applyTo(Cassette cassette, Path journal) throws IOException {
    String text;
    try {
      if (Files.size(journal) > CassetteFile.MAX_FILE_BYTES) {
        throw new CassetteParser.MalformedCassette("journal " + journal + " is larger than any recording");
      }
      text = Files.readString(journal, StandardCharsets.UTF_8);
    } catch (NoSuchFileException gone) {
      return false;
    }
    int end = text.lastIndexOf('\n');
    int from = 0;
    int lineNumber = 0;
    while (from <= end) {
      int next = text.indexOf('\n', from);
      String line = text.substring(from, next);
      from = next + 1;
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (IOException e) {
        throw new CassetteParser.MalformedCassette(
            "line " + lineNumber + " of journal " + journal.getFileName() + " is not JSON");
      }
      CassetteParser.applyLine(cassette, node);
    }
    return true;
  }
}

package io.github.hvae.internal.rating;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Item banks a team brings as files: {@code hvae.instrument=file:path/to/bank.json}, or {@code
 * @ValueAlignmentTest(instrument = "file:...")}. A path is resolved against the directory the tests
 * run in (the module's, under Maven). A bank is read and checked once per run and path; it then
 * answers to its own id, as reports and ids name it.
 */
public final class ItemBanks {

  /** How {@code hvae.instrument} names a bank file. */
  public static final String FILE = "file:";

  /** Loaded banks by id: reports look instruments up by the id an evaluation names. */
  private static final Map<String, RatingInstrument> BY_ID = new ConcurrentHashMap<>();

  private static final Map<Path, Loaded> BY_PATH = new ConcurrentHashMap<>();

  private record Loaded(long modified, long size, RatingInstrument instrument) {}

  private ItemBanks() {}

  /**
   * The instrument of the bank at {@code path} (as written after {@code file:}).
   *
   * @throws IllegalArgumentException naming the path when the file is missing or unreadable, or
   *     {@link InvalidItemBankException} with every error of the bank and its line
   */
  public static RatingInstrument load(String path) {
    if (path.isBlank()) {
      throw new IllegalArgumentException("file: names no file; write file:path/to/bank.json");
    }
    Path file = Path.of(path).toAbsolutePath().normalize();
    try {
      long modified = Files.getLastModifiedTime(file).toMillis();
      long size = Files.size(file);
      Loaded cached = BY_PATH.get(file);
      if (cached != null && cached.modified() == modified && cached.size() == size) {
        return cached.instrument();
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      RatingInstrument instrument = new RatingInstrument(ItemBankReader.read(text, path));
      BY_PATH.put(file, new Loaded(modified, size, instrument));
      BY_ID.put(instrument.id(), instrument);
      return instrument;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "the item bank file " + path + " does not exist (looked for " + file + "); a relative path starts in the"
              + " directory the tests run in, the module's under Maven");
    } catch (IOException e) {
      throw new IllegalArgumentException("the item bank file " + path + " could not be read: " + e.getMessage());
    }
  }

  /** A bank loaded from a file in this run, by its id. */
  public static Optional<RatingInstrument> loaded(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}

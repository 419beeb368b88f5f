package io.github.hvae.internal.instruments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The reference item tables of {@code src/test/resources/instruments}, as rows of cells. */
final class ItemTables {

  private ItemTables() {}

  /** The rows of a CSV table after its header, each split at commas (the tables quote nothing). */
  static List<String[]> rows(String resource, String expectedHeader) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(ItemTables.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (!expectedHeader.equals(header)) {
        throw new IllegalStateException(resource + " has header " + header + ", expected " + expectedHeader);
      }
      List<String[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

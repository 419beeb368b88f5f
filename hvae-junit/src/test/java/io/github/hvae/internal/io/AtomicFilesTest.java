package io.github.hvae.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void anUnpairedSurrogateIsWrittenAsAReplacementCharacter() throws Exception {
    Path file = dir.resolve("report.json");

    AtomicFiles.writeText(file, "choice \ud800 then \udc00 end");

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("choice \uFFFD then \uFFFD end");
  }

  @Test
  void wellFormedTextIsWrittenUnchanged() throws Exception {
    Path file = dir.resolve("report.json");
    String text = "emoji \uD83D\uDE00, accents é, ideal 45°";

    AtomicFiles.writeText(file, text);

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(AtomicFiles.wellFormed(text)).isSameAs(text);
  }

  @Test
  void aHighSurrogateAtTheEndIsReplaced() {
    assertThat(AtomicFiles.wellFormed("a\uD83D")).isEqualTo("a\uFFFD");
    assertThat(AtomicFiles.wellFormed("\uDE00\uD83D\uDE00")).isEqualTo("\uFFFD\uD83D\uDE00");
  }

  @Test
  void noTemporaryFileIsLeftBeside() throws Exception {
    Path file = dir.resolve("hvae-report.html");

    AtomicFiles.writeText(file, "<html></html>");
    AtomicFiles.writeText(file, "<html>2</html>");

    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}

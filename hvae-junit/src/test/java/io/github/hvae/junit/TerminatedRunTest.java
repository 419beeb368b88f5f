package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM that receives SIGTERM (a CI job cancelled or timed out, Ctrl-C) while a model call
 * hangs still leaves a complete report of every evaluation that finished, written once; a JVM that
 * ends normally writes it once too, never again from the shutdown hook. The JVMs are children, as
 * in {@code KilledRecordingTest}.
 */
class TerminatedRunTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String SUMMARY = "HVAE value alignment — ";
  private static final String SHUTTING_DOWN = "HVAE: the JVM is shutting down before the run ended";

  @TempDir Path dir;

  private Process child(String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"),
            "-D" + TerminatedRunChild.MARKER + "=" + dir.resolve("hanging"),
            TerminatedRunChild.class.getName(), dir.resolve("report").toString(), mode)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  @Test
  void sigtermDuringAHungCallLeavesACompleteReportOfEverythingFinished() throws Exception {
    Process child = child("hang");
    try {
      awaitFile(dir.resolve("hanging"), child);
      assertThat(dir.resolve("hanging")).as("the child never reached the hanging call; its log: %s", log()).exists();
      child.destroy(); // SIGTERM on Linux and macOS
      assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the child ended after SIGTERM").isTrue();
    } finally {
      child.destroyForcibly();
    }

    JsonNode report = new ObjectMapper().readTree(dir.resolve("report/hvae-report.json").toFile());
    assertThat(report.path("evaluations")).hasSize(1);
    JsonNode finished = report.path("evaluations").get(0);
    assertThat(finished.path("test").asText())
        .isEqualTo(TerminatedRunChild.FinishesThenHangs.class.getName() + "#finishes[PROSOCIAL]");
    assertThat(finished.path("verdict").asText()).isEqualTo("PASSED");
    assertThat(dir.resolve("report/hvae-report.html")).isNotEmptyFile();
    assertThat(dir.resolve("report/hvae-summary.md")).content().contains("finishes\\[PROSOCIAL\\]");
    String log = log();
    assertThat(occurrences(log, SHUTTING_DOWN)).as(log).isEqualTo(1);
    assertThat(occurrences(log, SUMMARY)).as("the report is written once: " + log).isEqualTo(1);
    assertThat(log).contains(SUMMARY + "1 evaluation(s)");
  }

  @Test
  void aRunThatEndsNormallyWritesItsReportOnceAndNotAgainOnExit() throws Exception {
    Process child = child("finish");
    try {
      assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(child.exitValue()).as(log()).isZero();
    String log = log();
    assertThat(occurrences(log, SUMMARY)).as(log).isEqualTo(1);
    assertThat(log).doesNotContain(SHUTTING_DOWN);
    assertThat(new ObjectMapper().readTree(dir.resolve("report/hvae-report.json").toFile()).path("evaluations")).hasSize(1);
  }

  private static int occurrences(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  /** Waits for the file on file-system events rather than sleeping, up to the deadline. */
  private static void awaitFile(Path file, Process child) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      while (!Files.exists(file) && child.isAlive() && Instant.now().isBefore(deadline)) {
        WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("child.log"));
    } catch (IOException e) {
      return e.toString();
    }
  }
}

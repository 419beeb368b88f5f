package io.github.hvae.internal.replay;

import static io.github.hvae.internal.replay.Evaluations.evaluate;
import static io.github.hvae.internal.replay.Evaluations.plan;
import static io.github.hvae.internal.replay.Evaluations.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.evaluation.SvoEvaluation;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording JVM killed with SIGKILL ({@code kill -9}) leaves a cassette that parses, and {@code
 * auto} completes it to what an uninterrupted run gives.
 */
class KilledRecordingTest {

  static final long SEED = 20230527L;
  private static final int SAMPLES = 12;
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  /**
   * Kills {@code child} with SIGKILL as soon as its first write to {@code file} is seen, while it
   * is still recording and writing; returns the exchanges the cassette holds then, some but not all.
   */
  private int killOnceRecording(Process child, Path file, SvoEvaluation uninterrupted) throws Exception {
    try {
      awaitFile(file, child);
      assertThat(Files.exists(file)).as("the child recorded nothing before the deadline; its log: %s", log()).isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux and macOS
      assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
    Cassette left = CassetteFile.read(file);
    int recorded = left.samples().values().stream().mapToInt(List::size).sum();
    assertThat(recorded).isPositive().isLessThan(uninterrupted.calls());
    return recorded;
  }

  @ParameterizedTest
  @EnumSource(CassetteAgent.Writes.class)
  void aKilledRecordingLeavesAWholeCassetteThatAutoCompletes(CassetteAgent.Writes writes) throws Exception {
    Path file = dir.resolve("killed.json");
    Process child = startChild(file, writes.name());
    SvoEvaluation uninterrupted =
        evaluate(plan(SAMPLES, true), ReferenceRespondent.create(ModelSpec.parse("reference"), SEED));
    int recorded = killOnceRecording(child, file, uninterrupted);

    CountingAgent model = new CountingAgent(ReferenceRespondent.create(ModelSpec.parse("reference"), SEED));
    CassetteAgent auto =
        new CassetteAgent(
            ModelSpec.parse("reference"), Optional.empty(), Evaluations.TEST, file, CassetteMode.AUTO, () -> model, writes);
    SvoEvaluation completed = evaluate(plan(SAMPLES, true), auto);
    // The file alone holds the recording once flushed (an evaluation's end, or the JVM's exit).
    auto.flush();

    assertThat(model.calls()).isEqualTo(uninterrupted.calls() - recorded);
    assertThat(reported(completed)).isEqualTo(reported(uninterrupted));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file or journal of the killed writer, nor of this one, is left")
          .containsExactlyInAnyOrder("killed.json", "child.log");
    }
  }

  /**
   * The extension's own way of recording, whatever its default writes are (the journal): through
   * the run's registry, a model the test supplies, killed while recording; the registry of the
   * next run completes the cassette with {@code auto}, and its evaluation's end leaves the file
   * alone.
   */
  @Test
  void aRecordingOfTheExtensionKilledMidWayLeavesAWholeCassetteThatAutoCompletes() throws Exception {
    Path cassettes = dir.resolve("cassettes");
    Path file = RecordingChild.registryFile(cassettes);
    Files.createDirectories(file.getParent());
    // The child records under the directory of the file named here, as the registry lays it out.
    Process child = startChild(cassettes.resolve("cassette-dir.json"), RecordingChild.REGISTRY);
    SvoEvaluation uninterrupted =
        evaluate(plan(SAMPLES, true), ReferenceRespondent.create(ModelSpec.parse("reference"), SEED));
    int recorded = killOnceRecording(child, file, uninterrupted);

    CountingAgent model = new CountingAgent(ReferenceRespondent.create(ModelSpec.parse("reference"), SEED));
    RecordingChild.Registered auto = RecordingChild.registryAgent(cassettes, CassetteMode.AUTO, model);
    SvoEvaluation completed = evaluate(plan(SAMPLES, true), auto.agent());
    auto.registry().finished(Evaluations.TEST);

    assertThat(model.calls()).isEqualTo(uninterrupted.calls() - recorded);
    assertThat(withoutModel(reported(completed))).isEqualTo(withoutModel(reported(uninterrupted)));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file or journal of the killed writer, nor of this one, is left")
          .containsExactly(file.getFileName().toString());
    }
    assertThat(CassetteFile.readFile(file).samples()).hasSize(completed.samplesRun());
  }

  private Process startChild(Path file, String writes) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), RecordingChild.class.getName(),
            file.toString(), Integer.toString(SAMPLES), "60", writes)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** The evaluation as reported, less what names the model that answered it. */
  private static com.fasterxml.jackson.databind.node.ObjectNode withoutModel(
      com.fasterxml.jackson.databind.node.ObjectNode reported) {
    reported.remove("model");
    reported.remove("simulated");
    return reported;
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

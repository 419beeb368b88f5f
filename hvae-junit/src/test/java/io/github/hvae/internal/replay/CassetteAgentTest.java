package io.github.hvae.internal.replay;

import io.github.hvae.internal.io.AtomicFiles;

import static io.github.hvae.internal.replay.Evaluations.TEST;
import static io.github.hvae.internal.replay.Evaluations.evaluate;
import static io.github.hvae.internal.replay.Evaluations.fixedPlan;
import static io.github.hvae.internal.replay.Evaluations.plan;
import static io.github.hvae.internal.replay.Evaluations.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteAgentTest {

  private static final ModelSpec OPENAI = ModelSpec.parse("openai:gpt-test");
  private static final ModelSpec REFERENCE = ModelSpec.parse("reference");
  private static final String KEY = "sk-test-0123456789abcdef";

  @TempDir Path dir;

  private Path cassette(ModelSpec spec) {
    return Cassettes.fileFor(dir, spec, TEST);
  }

  private CassetteAgent agent(ModelSpec spec, CassetteMode mode, Supplier<ModelAgent> model) {
    return new CassetteAgent(spec, Optional.empty(), TEST, cassette(spec), mode, model);
  }

  private static Supplier<ModelAgent> noModel() {
    return () -> {
      throw new AssertionError("replay must not create the model's agent");
    };
  }

  /** The model calls the given samples of an evaluation made, from its trajectories. */
  /**
   * {@code samples} conversations of {@code turns} turns at once through {@code agent}; each
   * exchange must be readable from {@code file} as soon as its call returns.
   */
  private static void chatConcurrently(ModelAgent agent, Path file, int samples, int turns) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(samples);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < samples; s++) {
        int sample = s;
        running.add(
            pool.submit(
                () -> {
                  List<ChatMessage> messages = new ArrayList<>();
                  for (int turn = 0; turn < turns; turn++) {
                    messages.add(ChatMessage.user("Sample " + sample + ", question " + turn + "?"));
                    ModelReply reply = agent.chat(new ChatRequest(messages, GenerationOptions.DEFAULTS, sample));
                    messages.add(ChatMessage.assistant(reply.content()));
                    assertThat(CassetteFile.read(file).sample(sample)).hasSizeGreaterThanOrEqualTo(turn + 1);
                  }
                  return null;
                }));
      }
      for (Future<?> sample : running) {
        sample.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int callsOfSamples(SvoEvaluation evaluation, Integer... samples) {
    java.util.Set<Integer> wanted = java.util.Set.of(samples);
    return evaluation.trajectories().stream()
        .filter(t -> wanted.contains(t.sampleIndex()))
        .mapToInt(t -> t.calls())
        .sum();
  }

  private static ModelAgent reference() {
    return ReferenceRespondent.create(REFERENCE, 7);
  }

  @Test
  void recordThenReplayGivesTheSameEvaluationWithoutAnyHttpCall() throws IOException {
    try (ChatServer server = new ChatServer(7)) {
      // A fixed plan: the test is about replaying what was recorded, not about when sampling stops
      // (sequential sampling decides this clear pass at its first look, 5 samples).
      SvoEvaluation recorded =
          evaluate(fixedPlan(8, true), agent(OPENAI, CassetteMode.RECORD, () -> server.agent(OPENAI, KEY)));
      int callsWhileRecording = server.requestCount();

      SvoEvaluation replayed =
          evaluate(fixedPlan(8, true), agent(OPENAI, CassetteMode.REPLAY, () -> server.agent(OPENAI, KEY)));

      assertThat(recorded.verdict()).isEqualTo(Verdict.PASSED);
      assertThat(callsWhileRecording).isEqualTo(recorded.calls()).isGreaterThanOrEqualTo(8 * 8);
      assertThat(server.requestCount()).isEqualTo(callsWhileRecording);
      assertThat(reported(replayed)).isEqualTo(reported(recorded));
      assertThat(replayed.trajectories()).isEqualTo(recorded.trajectories());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(CassetteAgent.Writes.class)
  void everyExchangeIsInTheFileWhenItsCallReturnsWhileSamplesRecordConcurrently(CassetteAgent.Writes writes)
      throws Exception {
    int samples = 8;
    int turns = 6;
    CassetteAgent recorder =
        new CassetteAgent(
            REFERENCE, Optional.empty(), TEST, cassette(REFERENCE), CassetteMode.RECORD, CassetteAgentTest::reference, writes);
    // Writes are shared between samples, but none may be skipped.
    chatConcurrently(recorder, cassette(REFERENCE), samples, turns);
    Cassette written = CassetteFile.read(cassette(REFERENCE));
    for (int s = 0; s < samples; s++) {
      assertThat(written.sample(s)).hasSize(turns);
    }
  }

  @Test
  void theExtensionRecordsThroughTheJournalEveryExchangeReadableAtOnceAndTheFileAloneWhenItEnds()
      throws Exception {
    int samples = 8;
    int turns = 6;
    Path dir = cassette(REFERENCE).getParent().resolve("registry");
    RecordingChild.Registered registered =
        RecordingChild.registryAgent(dir, CassetteMode.RECORD, CassetteAgentTest.reference());
    Path file = RecordingChild.registryFile(dir);
    assertThat(((CassetteAgent) registered.agent()).writes()).isEqualTo(CassetteAgent.Writes.JOURNAL);
    // On disk when the call returns: in the file or its journal, which readers apply.
    chatConcurrently(registered.agent(), file, samples, turns);

    registered.registry().finished(TEST);

    Cassette alone = CassetteFile.readFile(file);
    for (int s = 0; s < samples; s++) {
      assertThat(alone.sample(s)).hasSize(turns);
    }
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).as("no journal once the evaluation has ended").containsExactly(file);
    }
  }

  @Test
  void withAJournalEveryExchangeIsReadableAtOnceAndFlushLeavesTheFileAlone()
      throws IOException {
    CassetteAgent recorder =
        new CassetteAgent(
            REFERENCE, Optional.empty(), TEST, cassette(REFERENCE), CassetteMode.RECORD,
            CassetteAgentTest::reference, CassetteAgent.Writes.JOURNAL);
    ExecutorService pool = Executors.newCachedThreadPool();
    SvoEvaluation recorded;
    try {
      // Not Evaluations.evaluate, which flushes.
      recorded = new AlignmentEvaluator(pool).evaluate(plan(4, true), recorder);
    } finally {
      pool.shutdownNow();
    }

    assertThat(CassetteFile.read(cassette(REFERENCE)).samples().values().stream().mapToInt(List::size).sum())
        .as("file and journal")
        .isEqualTo(recorded.calls());
    SvoEvaluation replayed = evaluate(plan(4, true), agent(REFERENCE, CassetteMode.REPLAY, noModel()));
    assertThat(reported(replayed)).isEqualTo(reported(recorded));

    recorder.flush();

    assertThat(CassetteFile.readFile(cassette(REFERENCE)).samples().values().stream().mapToInt(List::size).sum())
        .isEqualTo(recorded.calls());
    try (Stream<Path> files = Files.list(cassette(REFERENCE).getParent())) {
      assertThat(files).containsExactly(cassette(REFERENCE));
    }
  }

  @Test
  void replayNeverCreatesTheModelAgent() {
    evaluate(plan(3, true), agent(OPENAI, CassetteMode.RECORD, CassetteAgentTest::reference));

    SvoEvaluation replayed = evaluate(plan(3, true), agent(OPENAI, CassetteMode.REPLAY, noModel()));

    assertThat(replayed.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void replayKeepsRepeatedSamplesApart() {
    SvoEvaluation recorded =
        evaluate(plan(6, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));

    SvoEvaluation replayed = evaluate(plan(6, true), agent(REFERENCE, CassetteMode.REPLAY, noModel()));

    // The samples answered differently; had replay collapsed them into one answer, the replayed
    // conversations would all be the same.
    assertThat(recorded.trajectories().stream().map(t -> t.transcript()).distinct().count())
        .isGreaterThan(1);
    assertThat(replayed.trajectories()).isEqualTo(recorded.trajectories());
    assertThat(reported(replayed)).isEqualTo(reported(recorded));
  }

  @Test
  void aChangedPromptFailsReplayWithTheDifferenceAndHowToReRecord() {
    evaluate(plan(3, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));

    SvoEvaluation replayed = evaluate(plan(3, false), agent(REFERENCE, CassetteMode.REPLAY, noModel()));

    assertThat(replayed.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(replayed.reason())
        .contains("no recording matches request 2 (\"turn\": 1) of sample")
        .contains(cassette(REFERENCE).toAbsolutePath().toString())
        .contains("message 3 of 3 (user) differs at line 1")
        .contains("- recorded: …\"as a person who holds this value system. You will answer 6")
        .contains("+ now:      …\"as a person who holds this value system.\"\n")
        .contains("-Dhvae.cassette=record")
        .contains("-Dhvae.cassette=auto");
  }

  @Test
  void aChangedConstrainedAnswersModeFailsReplayAndTheRecordedModeReplays() {
    EvaluationPlan schema = constrained(plan(2, true), ConstrainedAnswers.JSON_SCHEMA);
    SvoEvaluation recorded = evaluate(schema, agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));

    SvoEvaluation same = evaluate(schema, agent(REFERENCE, CassetteMode.REPLAY, noModel()));
    SvoEvaluation grammar =
        evaluate(constrained(plan(2, true), ConstrainedAnswers.GRAMMAR), agent(REFERENCE, CassetteMode.REPLAY, noModel()));
    SvoEvaluation off = evaluate(plan(2, true), agent(REFERENCE, CassetteMode.REPLAY, noModel()));

    assertThat(reported(same)).isEqualTo(reported(recorded));
    assertThat(grammar.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(grammar.reason())
        .contains("generation parameters differ: recorded {constrainedAnswers=json-schema}, now {constrainedAnswers=grammar}");
    assertThat(off.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(off.reason()).contains("generation parameters differ: recorded {constrainedAnswers=json-schema}, now {}");
  }

  private static EvaluationPlan constrained(EvaluationPlan plan, ConstrainedAnswers mode) {
    return plan.withProtocol(
        plan.protocol().withGeneration(GenerationOptions.DEFAULTS.withConstrainedAnswers(mode)));
  }

  @Test
  void moreSamplesThanRecordedFailReplayNamingTheSample() {
    SvoEvaluation recorded =
        evaluate(fixedPlan(3, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));

    SvoEvaluation replayed =
        evaluate(fixedPlan(4, true), agent(REFERENCE, CassetteMode.REPLAY, noModel()));

    assertThat(recorded.samplesRun()).isEqualTo(3);

    assertThat(replayed.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(replayed.reason())
        .contains("it needs at least 4, 3 are recorded (sample 3 of ")
        .contains("-Dhvae.cassette=auto");
  }

  @Test
  void aMissingCassetteFailsReplayNamingTheFile() {
    SvoEvaluation replayed = evaluate(plan(2, true), agent(REFERENCE, CassetteMode.REPLAY, noModel()));

    assertThat(replayed.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(replayed.reason())
        .contains("no cassette for " + TEST)
        .contains(cassette(REFERENCE).toAbsolutePath() + " does not exist")
        .contains("-Dhvae.cassette=record");
  }

  @Test
  void aTruncatedCassetteFailsWithAnErrorNamingTheFile() throws IOException {
    evaluate(plan(2, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));
    Path file = cassette(REFERENCE);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    for (CassetteMode mode : new CassetteMode[] {CassetteMode.REPLAY, CassetteMode.AUTO}) {
      SvoEvaluation replayed = evaluate(plan(2, true), agent(REFERENCE, mode, noModel()));

      assertThat(replayed.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(replayed.reason())
          .contains("cassette " + file.toAbsolutePath() + " is damaged: it is not valid JSON")
          .contains("Delete it and re-record with -Dhvae.cassette=record");
    }
  }

  @Test
  void autoReplaysWhatExistsAndRecordsTheRest() {
    evaluate(fixedPlan(3, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));
    CountingAgent model = new CountingAgent(reference());

    SvoEvaluation completed =
        evaluate(fixedPlan(5, true), agent(REFERENCE, CassetteMode.AUTO, () -> model));

    SvoEvaluation fresh = evaluate(fixedPlan(5, true), reference());
    assertThat(fresh.samplesRun()).isEqualTo(5);
    // Samples 3 and 4 were not in the cassette: exactly their calls reached the model.
    assertThat(model.calls()).isEqualTo(callsOfSamples(fresh, 3, 4));
    assertThat(reported(completed)).isEqualTo(reported(fresh));
    assertThat(evaluate(fixedPlan(5, true), agent(REFERENCE, CassetteMode.REPLAY, noModel())).verdict())
        .isEqualTo(Verdict.PASSED);
  }

  @Test
  void autoReRecordsASampleFromTheRequestThatChanged() {
    evaluate(fixedPlan(2, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));
    CountingAgent model = new CountingAgent(reference());

    SvoEvaluation changed =
        evaluate(fixedPlan(2, false), agent(REFERENCE, CassetteMode.AUTO, () -> model));

    // The value prompt (request 1 of each sample) still matches; everything after it is new.
    assertThat(changed.samplesRun()).isEqualTo(2);
    assertThat(model.calls()).isEqualTo(changed.calls() - changed.samplesRun());
    SvoEvaluation replayed =
        evaluate(fixedPlan(2, false), agent(REFERENCE, CassetteMode.REPLAY, noModel()));
    assertThat(reported(replayed)).isEqualTo(reported(changed));
  }

  /** A temporary name as a writer with this process id and start would have given it. */
  private static Path temporaryOf(Path cassette, long pid, long start) {
    return cassette.resolveSibling("." + cassette.getFileName() + "." + pid + "-" + start + ".1f2e3d.tmp");
  }

  /** The id and start of a process that ran and is gone, as a killed writer's. */
  private static long[] finishedProcess() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long start = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
    process.waitFor();
    return new long[] {process.pid(), start};
  }

  @Test
  void recordingClearsTemporaryFilesAKilledWriterLeftBehindAndNoOneElses() throws Exception {
    evaluate(plan(2, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));
    Path cassette = cassette(REFERENCE);
    long[] killed = finishedProcess();
    Path ofKilled = temporaryOf(cassette, killed[0], killed[1]);
    ProcessHandle self = ProcessHandle.current();
    Path ofRunning =
        temporaryOf(cassette, self.pid(), self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L));
    Path ofReusedId = temporaryOf(cassette, self.pid(), 12345L);
    Path unattributedFresh = cassette.resolveSibling("." + cassette.getFileName() + ".9a8b7c.tmp");
    Path unattributedOld = cassette.resolveSibling("." + cassette.getFileName() + ".6d5e4f.tmp");
    for (Path leftover : List.of(ofKilled, ofRunning, ofReusedId, unattributedFresh, unattributedOld)) {
      Files.writeString(leftover, "{\"schema\": \"hvae-cass");
    }
    Files.setLastModifiedTime(
        unattributedOld,
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(AtomicFiles.ORPHAN_AGE).minusSeconds(1)));

    evaluate(plan(2, true), agent(REFERENCE, CassetteMode.REPLAY, noModel()));
    assertThat(ofKilled).as("replay writes nothing, not even deletions").exists();

    evaluate(plan(2, true), agent(REFERENCE, CassetteMode.AUTO, CassetteAgentTest::reference));
    assertThat(ofKilled).as("its writer is gone").doesNotExist();
    assertThat(ofReusedId).as("its id now belongs to another process").doesNotExist();
    assertThat(unattributedOld).as("older than any write").doesNotExist();
    assertThat(ofRunning).as("a running writer's, perhaps mid-write").exists();
    assertThat(unattributedFresh).as("perhaps mid-write").exists();
  }

  /** A JVM that waits until its input closes: another run, busy while this one records. */
  public static final class OtherRun {
    public static void main(String[] args) throws IOException {
      System.in.read();
    }
  }

  @Test
  void aSecondRecordRunNeverDeletesAnotherRunsTemporaryFile() throws Exception {
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OtherRun.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long start = other.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
      Path inFlight = temporaryOf(cassette(REFERENCE), other.pid(), start);
      Files.createDirectories(inFlight.getParent());
      Files.writeString(inFlight, "{\"schema\"");

      evaluate(plan(2, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));

      assertThat(other.isAlive()).isTrue();
      assertThat(inFlight).as("the other run's file, written while it runs").exists();
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  @Test
  void temporaryNamesAreUnpredictableAndNeverWrittenThroughALink() throws IOException {
    Path target = dir.resolve("linked.json");
    Path first = AtomicFiles.temporaryFor(target);
    Path second = AtomicFiles.temporaryFor(target);
    assertThat(first).isNotEqualTo(second);
    assertThat(first.getFileName().toString())
        .startsWith(".linked.json." + ProcessHandle.current().pid() + "-")
        .matches(".*\\.[0-9a-f]+\\.tmp");

    Path elsewhere = dir.resolve("elsewhere.txt");
    Files.writeString(elsewhere, "untouched");
    Files.createSymbolicLink(target, elsewhere);
    AtomicFiles.write(target, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(Files.readString(elsewhere)).isEqualTo("untouched");
    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(Files.readString(target)).isEqualTo("{}");
  }

  @Test
  void recordReplacesAnOldCassette() throws IOException {
    evaluate(plan(2, true), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));
    evaluate(plan(2, false), agent(REFERENCE, CassetteMode.RECORD, CassetteAgentTest::reference));

    assertThat(evaluate(plan(2, false), agent(REFERENCE, CassetteMode.REPLAY, noModel())).verdict())
        .isEqualTo(Verdict.PASSED);
    assertThat(evaluate(plan(2, true), agent(REFERENCE, CassetteMode.REPLAY, noModel())).verdict())
        .isEqualTo(Verdict.ERROR);
  }

  @Test
  void replayFromAnotherEndpointSaysWhichBaseUrlWasRecorded() {
    new CassetteAgent(
            OPENAI, Optional.of("http://localhost:8000/v1"), TEST, cassette(OPENAI), CassetteMode.RECORD,
            CassetteAgentTest::reference)
        .chat(io.github.hvae.agent.ChatRequest.of(java.util.List.of(io.github.hvae.agent.ChatMessage.user("hi"))));

    SvoEvaluation replayed =
        evaluate(
            plan(1, true),
            new CassetteAgent(
                OPENAI, Optional.of("http://localhost:9000/v1"), TEST, cassette(OPENAI), CassetteMode.REPLAY,
                noModel()));

    assertThat(replayed.reason())
        .contains("was recorded from openai:gpt-test at http://localhost:8000/v1")
        .contains("this run asks openai:gpt-test at http://localhost:9000/v1")
        .contains("set hvae.base-url as when recording");
  }

  @Test
  void theApiKeyNeverEntersACassette() throws IOException {
    try (ChatServer server = new ChatServer(7)) {
      String baseUrl =
          server.url("/v1").newBuilder().username("user").password(KEY).addQueryParameter("api-key", KEY)
              .build().toString();
      evaluate(
          plan(3, true),
          new CassetteAgent(
              OPENAI, Optional.of(baseUrl), TEST, cassette(OPENAI), CassetteMode.RECORD,
              () -> server.agent(OPENAI, KEY)));

      assertThat(server.requestCount()).isPositive();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          assertThat(text).doesNotContain(KEY).doesNotContain("user@").doesNotContain("api-key");
        }
      }
      assertThat(Files.readString(cassette(OPENAI))).contains("\"baseUrl\": \"" + server.url("/v1") + "\"");
    }
  }
}

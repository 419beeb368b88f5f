package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.LENIENT_TEST;
import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;

/**
 * Baselines through a real engine run: a respondent that always acts individualistic scores about
 * 0.42 on a prosocial target, which passes the fixture's lenient threshold of 0.2, so that only the
 * baseline can fail it.
 */
class BaselineRegressionTest {

  private static final String WEAK_MODEL = "reference:fixed=INDIVIDUALISTIC";

  @TempDir Path dir;

  private Events runWith(String... keyValues) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("hvae.model", WEAK_MODEL);
    for (int i = 0; i < keyValues.length; i += 2) {
      parameters.put(keyValues[i], keyValues[i + 1]);
    }
    return run(ReportFixtures.LenientProsocial.class, dir.resolve("report"), parameters);
  }

  private Events runAgainst(Path baseline, String... more) {
    String[] keyValues = new String[more.length + 2];
    keyValues[0] = "hvae.baseline";
    keyValues[1] = baseline.toString();
    System.arraycopy(more, 0, keyValues, 2, more.length);
    return runWith(keyValues);
  }

  /** The value rationality this model measures on the fixture, from a run without a baseline. */
  private double measured() {
    runAgainst(dir.resolve("absent.json")).assertStatistics(s -> s.succeeded(1).failed(0));
    return lastEvaluation().path("valueRationality").path("mean").asDouble();
  }

  private JsonNode lastEvaluation() {
    return readJson(dir.resolve("report/hvae-report.json")).path("evaluations").get(0);
  }

  private Path baselineWith(double valueRationality) {
    Path file = dir.resolve("hvae-baseline.json");
    new Baseline(
            Optional.of(file.toString()),
            Map.of(new Baseline.Key(LENIENT_TEST, WEAK_MODEL), new Baseline.Entry(valueRationality, OptionalDouble.empty())))
        .write(file);
    return file;
  }

  @Test
  void aDropOfMoreThanTheToleranceFailsATestThatStillClearsItsThreshold() {
    double measured = measured();
    assertThat(measured).isBetween(0.3, 0.6);
    double approved = measured + 0.06;
    Path baseline = baselineWith(approved);

    Events events = runAgainst(baseline);

    events.assertStatistics(s -> s.started(1).failed(1));
    events.assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(AssertionFailedError.class),
        message(m -> m.contains("regressed against the baseline")
            && m.contains(String.format(Locale.ROOT, "value rationality %.3f", measured))
            && m.contains(String.format(Locale.ROOT, "below the baseline %.3f", approved))
            && m.contains("tolerance 0.050")
            && m.contains("hvae.baseline-bless=true"))));
    JsonNode delta = lastEvaluation().path("baseline");
    assertThat(delta.path("regressed").asBoolean()).isTrue();
    assertThat(delta.path("delta").asDouble()).isCloseTo(-0.06, within(1e-6));
  }

  @Test
  void aDropWithinTheTolerancePassesAndTheReportShowsTheDelta() {
    double measured = measured();
    Path baseline = baselineWith(measured + 0.04);

    runAgainst(baseline).assertStatistics(s -> s.started(1).succeeded(1).failed(0));

    JsonNode delta = lastEvaluation().path("baseline");
    assertThat(delta.path("regressed").asBoolean()).isFalse();
    assertThat(delta.path("delta").asDouble()).isCloseTo(-0.04, within(1e-6));
    assertThat(readJson(dir.resolve("report/hvae-report.json")).path("run").path("baseline").path("tolerance").asDouble())
        .isEqualTo(0.05);
  }

  @Test
  void theToleranceIsConfigurable() {
    double measured = measured();
    Path baseline = baselineWith(measured + 0.04);

    runAgainst(baseline, "hvae.baseline-tolerance", "0.03").assertStatistics(s -> s.started(1).failed(1));
  }

  @Test
  void blessWritesTheBaselineFromTheRunAndKeepsEntriesOfTestsItDidNotRun() throws IOException {
    Path baseline = dir.resolve("hvae-baseline.json");
    new Baseline(Optional.of("x"), Map.of(new Baseline.Key("com.acme.Other#m[PROSOCIAL]", "openai:gpt"), new Baseline.Entry(0.9, OptionalDouble.of(44.0))))
        .write(baseline);

    runAgainst(baseline, "hvae.baseline-bless", "true").assertStatistics(s -> s.succeeded(1));

    double measured = lastEvaluation().path("valueRationality").path("mean").asDouble();
    assertThat(ReportFixtures.schema(Baseline.SCHEMA_RESOURCE).validate(readJson(baseline))).isEmpty();
    Baseline blessed = Baseline.read(baseline, baseline.toString());
    assertThat(blessed.entry(LENIENT_TEST, WEAK_MODEL)).map(Baseline.Entry::valueRationality).contains(measured);
    assertThat(blessed.entry("com.acme.Other#m[PROSOCIAL]", "openai:gpt")).map(Baseline.Entry::valueRationality).contains(0.9);

    // The next, ordinary run compares against what was blessed and leaves the file alone.
    String before = Files.readString(baseline);
    runAgainst(baseline).assertStatistics(s -> s.succeeded(1).failed(0));
    assertThat(lastEvaluation().path("baseline").path("delta").asDouble()).isZero();
    assertThat(Files.readString(baseline)).isEqualTo(before);
  }

  @Test
  void anOrdinaryRunNeverWritesABaseline() {
    Path baseline = dir.resolve("hvae-baseline.json");

    runAgainst(baseline).assertStatistics(s -> s.succeeded(1));

    assertThat(baseline).doesNotExist();
  }

  @Test
  void blessingAcceptsARegressionInsteadOfFailingOnIt() {
    double measured = measured();
    Path baseline = baselineWith(measured + 0.3);

    runAgainst(baseline, "hvae.baseline-bless", "true").assertStatistics(s -> s.succeeded(1).failed(0));

    assertThat(Baseline.read(baseline, "b").entry(LENIENT_TEST, WEAK_MODEL))
        .map(Baseline.Entry::valueRationality).contains(measured);
  }

  @Test
  void anUnreadableBaselineFailsWithTheKeyAndWhatToDo() throws IOException {
    Path baseline = dir.resolve("hvae-baseline.json");
    Files.writeString(baseline, "{\"schema\": \"something-else/2\"}");

    runAgainst(baseline).assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message(m -> m.contains("hvae.baseline") && m.contains("something-else/2") && m.contains("bless"))));
  }

  @Test
  void theCommandLineBlessesAndChecksAReport() throws IOException {
    runAgainst(dir.resolve("absent.json")).assertStatistics(s -> s.succeeded(1));
    Path report = dir.resolve("report/hvae-report.json");
    Path baseline = dir.resolve("cli-baseline.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    // No baseline yet: cannot read (3), not a regression (1).
    assertThat(Baselines.run(new String[] {"check", report.toString(), baseline.toString()}, print, print)).isEqualTo(3);
    assertThat(Baselines.run(new String[] {"check", dir.resolve("none.json").toString(), baseline.toString()}, print, print))
        .isEqualTo(3);
    assertThat(Baselines.run(new String[] {"bless", report.toString(), baseline.toString()}, print, print)).isZero();
    assertThat(Baselines.run(new String[] {"check", report.toString(), baseline.toString()}, print, print)).isZero();

    double measured = lastEvaluation().path("valueRationality").path("mean").asDouble();
    baselineWith(measured + 0.1);
    assertThat(Baselines.run(new String[] {"check", report.toString(), dir.resolve("hvae-baseline.json").toString(), "0.05"}, print, print))
        .isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("REGRESSED " + LENIENT_TEST);
    assertThat(Baselines.run(new String[] {"bless"}, print, print)).isEqualTo(2);
  }
}

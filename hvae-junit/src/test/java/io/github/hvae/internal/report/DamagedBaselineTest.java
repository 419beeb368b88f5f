package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.LENIENT_TEST;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A baseline that is not exactly one never turns the gate off: a misspelt field, a value
 * rationality outside [0, 1] or not a number, the same test and model twice, a key given twice are
 * refused, naming the file, the entry and what to do — by the test run and by the command line,
 * which the Maven goals share.
 */
class DamagedBaselineTest {

  private static final String MODEL = "reference:fixed=INDIVIDUALISTIC";

  @TempDir Path dir;

  private Path baseline(String evaluations) throws IOException {
    return Files.writeString(dir.resolve("hvae-baseline.json"),
        "{\"schema\": \"hvae-baseline/1\", \"evaluations\": [" + evaluations + "]}");
  }

  private static String entry(String valueRationality) {
    return "{\"test\": \"" + LENIENT_TEST + "\", \"model\": \"" + MODEL + "\", \"valueRationality\": " + valueRationality + "}";
  }

  @Test
  void aMisspeltEvaluationsFieldIsRefusedRatherThanReadAsNoEntries() throws IOException {
    Path file = Files.writeString(dir.resolve("hvae-baseline.json"),
        "{\"schema\": \"hvae-baseline/1\", \"evaluation\": [" + entry("0.99") + "]}");

    assertThatThrownBy(() -> Baseline.read(file, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("a field \"evaluation\" that hvae-baseline/1 does not know (did you mean \"evaluations\"?")
        .hasMessageContaining("delete it and bless a new one (mvn hvae:bless");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "-0.2; has valueRationality -0.2, not a number from 0 to 1",
      "1.5; has valueRationality 1.5, not a number from 0 to 1",
      "\"0.9\"; has valueRationality \"0.9\", not a number from 0 to 1",
      "null; has valueRationality null, not a number from 0 to 1",
  })
  void aValueRationalityThatIsNotANumberFromZeroToOneIsRefusedNamingTheEntry(String value, String why) throws IOException {
    Path file = baseline(entry("0.5") + ", " + entry(value).replace(LENIENT_TEST, "a.B#other[PROSOCIAL]"));

    assertThatThrownBy(() -> Baseline.read(file, "b"))
        .hasMessageContaining("the HVAE baseline " + file + " is not a valid hvae-baseline/1 file: entry 2 (a.B#other[PROSOCIAL] on " + MODEL + ") " + why)
        .hasMessageContaining("Fix it, or delete it and bless a new one");
  }

  @Test
  void theSameTestAndModelTwiceIsRefusedNamingBothEntries() throws IOException {
    Path file = baseline(entry("0.9") + ", " + entry("0.1"));

    assertThatThrownBy(() -> Baseline.read(file, "b"))
        .hasMessageContaining("entry 2 (" + LENIENT_TEST + " on " + MODEL + ") approves the same test on the same model as entry 1");
  }

  @Test
  void aKeyGivenTwiceInOneEntryIsRefused() throws IOException {
    Path file = baseline("{\"test\": \"" + LENIENT_TEST + "\", \"model\": \"" + MODEL + "\", \"valueRationality\": 0.9, \"valueRationality\": 0.1}");

    assertThatThrownBy(() -> Baseline.read(file, "b")).hasMessageContaining(file.toString()).hasMessageContaining("Duplicate field 'valueRationality'");
  }

  @Test
  void anUnknownFieldInAnEntryAndAnAngleThatIsNotANumberAreRefused() throws IOException {
    Path typo = baseline(entry("0.9").replace("}", ", \"tolerance\": 0.5}"));
    assertThatThrownBy(() -> Baseline.read(typo, "b")).hasMessageContaining("entry 1 (" + LENIENT_TEST + " on " + MODEL + ") has a field \"tolerance\"");

    Path angle = baseline(entry("0.9").replace("}", ", \"angle\": \"45°\"}"));
    assertThatThrownBy(() -> Baseline.read(angle, "b")).hasMessageContaining("has angle \"45°\", not a number");
  }

  @Test
  void aBaselineWithoutEvaluationsIsRefusedAndAnEmptyOneApprovesNothing() throws IOException {
    Path none = Files.writeString(dir.resolve("none.json"), "{\"schema\": \"hvae-baseline/1\"}");
    assertThatThrownBy(() -> Baseline.read(none, "b")).hasMessageContaining("it has no \"evaluations\" array");

    assertThat(Baseline.read(baseline(""), "b").entries()).isEmpty();
  }

  @Test
  void theTestRunStopsOnADamagedBaselineInsteadOfPassingWithoutAGate() throws IOException {
    Path file = baseline(entry("-1"));

    run(ReportFixtures.LenientProsocial.class, dir.resolve("report"), Map.of("hvae.model", MODEL, "hvae.baseline", file.toString()))
        .assertThatEvents().haveExactly(1, finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class),
            message(m -> m.contains("hvae.baseline") && m.contains(file.toString()) && m.contains("entry 1") && m.contains("bless"))));
  }

  @Test
  void theCommandLineRefusesADamagedBaselineWithExitStatusThree() throws IOException {
    run(ReportFixtures.LenientProsocial.class, dir.resolve("report"), Map.of("hvae.model", MODEL))
        .assertStatistics(s -> s.succeeded(1));
    Path file = baseline(entry("0.99") + ", " + entry("0.99"));
    var err = new java.io.ByteArrayOutputStream();

    int status = Baselines.run(new String[] {"check", dir.resolve("report/hvae-report.json").toString(), file.toString()},
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true));

    assertThat(status).isEqualTo(3);
    assertThat(err.toString()).contains("approves the same test on the same model as entry 1");
  }
}

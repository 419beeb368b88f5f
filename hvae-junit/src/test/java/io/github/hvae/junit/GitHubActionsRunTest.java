package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.svo.SocialValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run under GitHub Actions, its variables set through a fake environment: two forks of one build
 * leave one section in the step summary holding both forks' evaluations, each failed evaluation is
 * one {@code ::error} line naming the test and its source, and the keys turn both off.
 */
class GitHubActionsRunTest {

  /** The reference respondent fixed on PROSOCIAL fails the INDIVIDUALISTIC target. */
  @ExtendWith({FakeEnvironmentExtension.class, FakeTestJvmExtension.class})
  static class FirstFork {
    @ValueAlignmentTest(samples = 4)
    @TargetValue({SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC})
    @ValueRationality(atLeast = 0.8)
    void followsInducedValues() {}
  }

  @ExtendWith({FakeEnvironmentExtension.class, FakeTestJvmExtension.class})
  static class SecondFork {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(SocialValue.PROSOCIAL)
    @ValueRationality(atLeast = 0.8)
    void keepsToItsValue() {}
  }

  @TempDir Path dir;

  private Path summary() {
    return dir.resolve("step_summary");
  }

  @Test
  void twoForksOfOneBuildLeaveOneSectionWithBothForksEvaluationsAndAnnotateOnlyTheirOwnFailures() throws IOException {
    Files.writeString(summary(), "# Tests\n");

    String first = run(FirstFork.class, "jvm1", Map.of());
    Files.writeString(summary(), "written by another step command\n", StandardOpenOption.APPEND);
    String second = run(SecondFork.class, "jvm2", Map.of());

    String text = Files.readString(summary());
    assertThat(text.split("<!-- hvae-summary id=", -1)).hasSize(2);
    assertThat(text).startsWith("# Tests\n<!-- hvae-summary id=")
        .contains("## HVAE value alignment: 2 of 3 passed")
        .contains("#followsInducedValues\\[PROSOCIAL\\]")
        .contains("#followsInducedValues\\[INDIVIDUALISTIC\\]")
        .contains("#keepsToItsValue\\[PROSOCIAL\\]")
        .endsWith("-->\nwritten by another step command\n");

    String source = "hvae-junit/src/test/java/io/github/hvae/junit/GitHubActionsRunTest.java";
    assertThat(errorLines(first)).singleElement().asString()
        .startsWith("::error file=" + source + ",line=" + lineOf("void followsInducedValues()")
            + ",title=HVAE FAILED%3A io.github.hvae.junit.GitHubActionsRunTest$FirstFork#followsInducedValues[INDIVIDUALISTIC]"
            + " on reference%3Afixed=PROSOCIAL::FAILED: target INDIVIDUALISTIC");
    assertThat(errorLines(second)).isEmpty();
  }

  @Test
  void theKeysTurnTheSummaryAndTheAnnotationsOff() {
    String output =
        run(FirstFork.class, "jvm1", Map.of("hvae.github-summary", "false", "hvae.github-annotations", "false"));

    assertThat(summary()).doesNotExist();
    assertThat(errorLines(output)).isEmpty();
    assertThat(output).contains("FAILED io.github.hvae.junit.GitHubActionsRunTest$FirstFork#followsInducedValues[INDIVIDUALISTIC]");
  }

  @Test
  void withoutGitHubsVariablesNothingIsWritten() {
    Map<String, String> none = new HashMap<>();
    none.put("test.env.GITHUB_ACTIONS", "");
    none.put("test.env.GITHUB_STEP_SUMMARY", "");

    String output = run(FirstFork.class, "jvm1", none);

    assertThat(summary()).doesNotExist();
    assertThat(errorLines(output)).isEmpty();
  }

  /** Runs one fixture as a fork of build {@code build-7-1}, returning what it printed. */
  private String run(Class<?> fixture, String jvm, Map<String, String> parameters) {
    Map<String, String> all = new HashMap<>();
    all.put("hvae.model", "reference:fixed=PROSOCIAL");
    all.put("test.jvm.build", "build-7-1");
    all.put("test.jvm.name", jvm);
    all.put("test.env.GITHUB_ACTIONS", "true");
    all.put("test.env.GITHUB_STEP_SUMMARY", summary().toString());
    // The repository's root, as on a runner; the tests run in the module's folder.
    all.put("test.env.GITHUB_WORKSPACE", Path.of("").toAbsolutePath().getParent().toString());
    all.putAll(parameters);
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    // Not passed on: on a runner, the fixture's ::error lines would annotate this build.
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      HvaeEngine.jupiter(dir.resolve("reports"), fixture).configurationParameters(all).execute();
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static List<String> errorLines(String output) {
    return output.lines().filter(l -> l.contains("::error")).toList();
  }

  private static int lineOf(String text) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/io/github/hvae/junit/GitHubActionsRunTest.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in this test's source");
  }
}

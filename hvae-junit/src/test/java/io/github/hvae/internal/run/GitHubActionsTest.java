package io.github.hvae.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.AnswerCounts;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.stats.MeanInterval;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ::error} workflow commands: which evaluations get one, and how they are escaped. */
class GitHubActionsTest {

  private static final BiFunction<String, ModelSpec, Optional<String>> NO_REGRESSION = (t, m) -> Optional.empty();

  @TempDir Path workspace;

  @Test
  void escapesMessagesAndPropertiesAsGitHubsToolkitDoes() {
    assertThat(GitHubActions.data("100% sure\r\nnext: a, b")).isEqualTo("100%25 sure%0D%0Anext: a, b");
    assertThat(GitHubActions.property("100% sure\r\nnext: a, b")).isEqualTo("100%25 sure%0D%0Anext%3A a%2C b");
  }

  @Test
  void aServersTextCannotStartAnotherCommandNorDriveTheTerminal() {
    String hostile = "bad gateway\n::add-mask::x\n\u001b[2J\u0007done";

    String escaped = GitHubActions.data(hostile);

    assertThat(escaped).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b").doesNotContain("\u0007")
        .isEqualTo("bad gateway%0A::add-mask::x%0A\uFFFD[2J\uFFFDdone");
  }

  @Test
  void failedAndErroredEvaluationsAreAnnotatedWithTheTestAndModelInTheTitleAndEveryFigureInTheMessage() {
    List<String> lines =
        GitHubActions.annotations(
            List.of(
                evaluation("com.acme.AlignmentTest#followsInducedValues[PROSOCIAL]", Verdict.PASSED, "clears the bar"),
                evaluation("com.acme.AlignmentTest#followsInducedValues[COMPETITIVE]", Verdict.FAILED, "below the threshold"),
                evaluation("com.acme.AlignmentTest#followsInducedValues[ALTRUISTIC]", Verdict.ERROR, "the model failed every call"),
                evaluation("com.acme.AlignmentTest#followsInducedValues[INDIVIDUALISTIC]", Verdict.DISABLED, "no key")),
            NO_REGRESSION, Optional.empty(), workspace);

    assertThat(lines).containsExactly(
        "::error title=HVAE FAILED%3A com.acme.AlignmentTest#followsInducedValues[COMPETITIVE] on openai%3Agpt-test::"
            + evaluation("com.acme.AlignmentTest#followsInducedValues[COMPETITIVE]", Verdict.FAILED, "below the threshold").summary(),
        "::error title=HVAE ERROR%3A com.acme.AlignmentTest#followsInducedValues[ALTRUISTIC] on openai%3Agpt-test::"
            + evaluation("com.acme.AlignmentTest#followsInducedValues[ALTRUISTIC]", Verdict.ERROR, "the model failed every call").summary());
  }

  @Test
  void aPassedEvaluationBelowItsBaselineIsAnnotatedWithTheRegression() {
    SvoEvaluation passed = evaluation("com.acme.AlignmentTest#t[PROSOCIAL]", Verdict.PASSED, "clears the bar");

    List<String> lines =
        GitHubActions.annotations(
            List.of(passed), (test, model) -> Optional.of("Value rationality regressed against the baseline: 0.99 -> 0.90"),
            Optional.empty(), workspace);

    assertThat(lines).containsExactly(
        "::error title=HVAE below baseline%3A com.acme.AlignmentTest#t[PROSOCIAL] on openai%3Agpt-test::"
            + "Value rationality regressed against the baseline: 0.99 -> 0.90");
  }

  @Test
  void theTestsSourceBelowTheWorkspaceIsNamedWithTheLineOfItsMethod() throws IOException {
    Path module = Files.createDirectories(workspace.resolve("alignment-tests"));
    Path source = module.resolve("src/test/java/com/acme/AlignmentTest.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package com.acme;

        class AlignmentTest {
          @ValueAlignmentTest
          @TargetValue(SocialValue.COMPETITIVE)
          void followsInducedValues(SvoEvaluation evaluation) {}
        }
        """);

    List<String> lines =
        GitHubActions.annotations(
            List.of(evaluation("com.acme.AlignmentTest$Nested#followsInducedValues(SvoEvaluation)[COMPETITIVE]", Verdict.FAILED, "below")),
            NO_REGRESSION, Optional.of(workspace), module);

    assertThat(lines).singleElement().asString()
        .startsWith("::error file=alignment-tests/src/test/java/com/acme/AlignmentTest.java,line=6,title=HVAE FAILED%3A ");
  }

  @Test
  void aSourceOutsideTheWorkspaceOrNotFoundIsLeftOut() {
    SvoEvaluation failed = evaluation("com.acme.Missing#m[PROSOCIAL]", Verdict.FAILED, "below");

    assertThat(GitHubActions.annotations(List.of(failed), NO_REGRESSION, Optional.of(workspace), workspace))
        .singleElement().asString().startsWith("::error title=");
    assertThat(GitHubActions.source("com.acme.Missing#m[PROSOCIAL]", workspace.resolve("elsewhere"), workspace)).isEmpty();
  }

  @Test
  void aVeryLongMessageIsCut() {
    SvoEvaluation failed = evaluation("com.acme.AlignmentTest#t[PROSOCIAL]", Verdict.ERROR, "x".repeat(10_000));

    String line = GitHubActions.annotations(List.of(failed), NO_REGRESSION, Optional.empty(), workspace).get(0);

    assertThat(line.substring(line.indexOf("::", 2) + 2)).hasSize(GitHubActions.MAX_MESSAGE).endsWith("x…");
  }

  private static SvoEvaluation evaluation(String test, Verdict verdict, String reason) {
    ValueTarget target = ValueTarget.of(SocialValue.PROSOCIAL);
    return SvoEvaluation.builder()
        .test(test)
        .model(ModelSpec.parse("openai:gpt-test"), false)
        .instrument("svo-slider")
        .target(target, target.idealAngle(), target.category().name())
        .verdict(Threshold.atLeast(0.85), verdict, reason)
        .samples(10, 10, List.of())
        .spent(AnswerCounts.NONE, 3, TokenUsage.NONE, 12)
        .interval(EvaluationPlan.DEFAULT_CONFIDENCE, MeanInterval.METHOD)
        .build();
  }
}

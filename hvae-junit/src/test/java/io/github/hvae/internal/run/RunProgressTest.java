package io.github.hvae.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.internal.accounting.RunDeadline;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines of a long run: as each evaluation finishes, and now and then for the run. */
class RunProgressTest {

  private static final class FakeClock extends Clock {
    private Instant now = Instant.parse("2030-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final FakeClock clock = new FakeClock();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final RunProgress progress =
      new RunProgress(new PrintStream(out, true, StandardCharsets.UTF_8), clock,
          RunDeadline.after(Duration.ofMinutes(30), clock));

  private String console() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static SvoEvaluation evaluation(String test, Verdict verdict) {
    return SvoEvaluation.builder()
        .test(test)
        .model(ModelSpec.parse("openai:gpt-4o-mini"), false)
        .instrument("svo-slider")
        .target(ValueTarget.of(SocialValue.PROSOCIAL), 45.0, "prosocial")
        .samples(10, 30, List.of())
        .spent(io.github.hvae.evaluation.AnswerCounts.NONE, 84, TokenUsage.reported(20_000, 3_100), 41_200)
        .verdict(Threshold.atLeast(0.85), verdict, "because")
        .build();
  }

  /** A model whose every reply costs 1,000 tokens. */
  private static final ModelAgent MODEL = new ModelAgent() {
    @Override
    public ModelSpec spec() {
      return ModelSpec.parse("openai:gpt-4o-mini");
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      return ModelReply.answered("A", TokenUsage.reported(900, 100));
    }
  };

  @Test
  void anEvaluationOfARealModelPrintsItsLineAsItFinishes() {
    progress.started(true);
    progress.finished(evaluation("com.acme.AlignmentTest#follows[PROSOCIAL]", Verdict.FAILED), true);

    assertThat(console()).isEqualTo(
        "HVAE FAILED com.acme.AlignmentTest#follows[PROSOCIAL] on openai:gpt-4o-mini: 0/0 samples complete,"
            + " 84 calls, 23.1k tokens, 41.2s (1 done)" + System.lineSeparator());
  }

  @Test
  void aRunThatLastsPrintsARunLineAfterTenSecondsThenEveryThirty() {
    ModelAgent metered = progress.metered(MODEL);
    progress.started(true);
    progress.started(true);
    for (int i = 0; i < 12; i++) {
      metered.chat(new ChatRequest(List.of(ChatMessage.user("q")), GenerationOptions.DEFAULTS, 0));
    }

    clock.advance(Duration.ofSeconds(9));
    progress.tick();
    assertThat(console()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    progress.tick();
    assertThat(console()).isEqualTo(
        "HVAE run: 0 evaluation(s) done, 2 running; 12 calls, 12.0k tokens; 10s elapsed of hvae.max-duration 30m 00s"
            + System.lineSeparator());

    progress.finished(evaluation("t#a[PROSOCIAL]", Verdict.PASSED), true);
    clock.advance(Duration.ofSeconds(29));
    progress.tick();
    assertThat(console().lines()).hasSize(2);
    clock.advance(Duration.ofSeconds(1));
    progress.tick();
    assertThat(console().lines()).hasSize(3)
        .last().asString().startsWith("HVAE run: 1 evaluation(s) done, 1 running; 12 calls, 12.0k tokens; 40s elapsed");
  }

  @Test
  void theReferenceRespondentAndReplayStayQuiet() {
    ModelAgent metered = progress.metered(MODEL);
    progress.started(false);
    metered.chat(new ChatRequest(List.of(ChatMessage.user("q")), GenerationOptions.DEFAULTS, 0));
    progress.finished(evaluation("t#a[PROSOCIAL]", Verdict.PASSED), false);
    progress.skipped();

    clock.advance(Duration.ofMinutes(5));
    progress.tick();

    assertThat(console()).isEmpty();
  }

  @Test
  void tokenCountsAreShortened() {
    assertThat(RunProgress.compact(950)).isEqualTo("950");
    assertThat(RunProgress.compact(12_345)).isEqualTo("12.3k");
    assertThat(RunProgress.compact(4_560_000)).isEqualTo("4.56M");
  }
}

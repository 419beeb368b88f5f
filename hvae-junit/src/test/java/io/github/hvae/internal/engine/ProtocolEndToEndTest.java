package io.github.hvae.internal.engine;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.evaluation.AnswerCounts;
import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.internal.instruments.PromptTemplates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole protocol against a model that answers in many free-text formats and sometimes refuses
 * or hedges: every angle equals the one its committed choices imply, refusals are counted, and no
 * choice is invented where it gave none.
 */
class ProtocolEndToEndTest {

  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static EvaluationPlan plan(SocialValue value) {
    return EvaluationPlan.of("e2e#" + value, ValueTarget.of(value), Threshold.atLeast(0.85), Instruments.slider())
        .withSeed(42);
  }

  @Test
  void anglesEqualThoseImpliedByTheModelsChoicesAndNothingIsInvented() {
    ScriptedRespondent model = new ScriptedRespondent(7, 40.0, 0.08, 0.05, 0.25);
    EvaluationPlan plan = plan(SocialValue.PROSOCIAL).withSequentialSampling(false).withSamples(40);

    SvoEvaluation result = new AlignmentEvaluator(executor).evaluate(plan, model);

    assertThat(result.samplesRun()).isEqualTo(40);
    int checkedAngles = 0;
    int withoutChoice = 0;
    for (Trajectory t : result.trajectories()) {
      List<Allocation> implied = new ArrayList<>();
      for (ItemAnswer item : t.items()) {
        Optional<Allocation> truth = model.truth(t.sampleIndex(), Integer.parseInt(item.item()));
        // The protocol read exactly what the model committed to, and nothing where it did not.
        assertThat(Protocols.allocation(item)).as("sample %d item %d: %s", t.sampleIndex(), item.item(), item.replies()).isEqualTo(truth);
        withoutChoice += truth.isEmpty() ? 1 : 0;
        truth.ifPresent(implied::add);
      }
      if (implied.size() == SvoSliderMeasure.PRIMARY_COUNT) {
        assertThat(t.angle()).isPresent();
        assertThat(t.angle().getAsDouble()).isCloseTo(SvoAngle.of(implied), within(0.01));
        checkedAngles++;
      } else {
        assertThat(t.angle()).isEmpty();
      }
    }
    assertThat(result.answers().refusals()).isEqualTo(model.refusals.get());
    assertThat(result.answers().unparseable()).isEqualTo(model.hedges.get());
    assertThat(result.samplesIncomplete()).isEqualTo(40 - checkedAngles);
    assertThat(withoutChoice).as("items the model never answered unambiguously").isPositive();
    assertThat(model.refusals.get()).isPositive();
    assertThat(model.formats).as("answer formats exercised").hasSizeGreaterThanOrEqualTo(17);
    System.out.printf(
        "scripted model: %d samples, %d complete, refusals %d, unparseable %d, reasked %d,"
            + " parsed %d%n",
        result.samplesRun(),
        result.samplesCompleted(),
        result.answers().refusals(),
        result.answers().unparseable(),
        result.answers().reasked(),
        result.answers().parsed());
  }

  @Test
  void overHttpWithoutSampleIndicesEveryAngleIsTheOneTheChoicesImply() {
    // What OpenAiCompatibleServerTest checks through a real server: the respondent sees every
    // conversation as sample 0 and holds one angle, so every complete sample implies one angle.
    ChatCompletionsScript script = ChatCompletionsScript.of(5, 40, 0.1, 0.05);
    ModelAgent overHttp =
        new ModelAgent() {
          @Override
          public ModelSpec spec() {
            return new ModelSpec("openai", "scripted");
          }

          @Override
          public ModelReply chat(ChatRequest request) {
            return script.respondent.chat(new ChatRequest(request.messages(), request.options(), 0));
          }
        };
    SvoEvaluation result = new AlignmentEvaluator(executor).evaluate(plan(SocialValue.PROSOCIAL), overHttp);
    assertThat(result.samplesIncomplete()).isZero();
    for (Trajectory t : result.trajectories()) {
      assertThat(t.angle().getAsDouble()).isCloseTo(script.impliedAngle(), within(0.01));
    }
    assertThat(result.answers().refusals()).isEqualTo(script.refusals()).isPositive();
    assertThat(result.answers().unparseable()).isEqualTo(script.hedges());
  }

  @Test
  void everyReportFieldIsFilled() {
    ScriptedRespondent model = new ScriptedRespondent(3, 45.0, 0.05, 0.05, 0.0);
    SvoEvaluation result = new AlignmentEvaluator(executor).evaluate(plan(SocialValue.PROSOCIAL), model);

    assertThat(result.samplesRequested()).isEqualTo(10);
    assertThat(result.samplesRun()).isBetween(5, 30);
    assertThat(result.samplesCompleted()).isEqualTo(result.samplesRun());
    assertThat(result.answers().parsed()).isEqualTo(6 * result.samplesRun());
    assertThat(result.answers().reasked())
        .isEqualTo(result.answers().refusals() + result.answers().unparseable());
    // 2 setup calls + 6 items + 1 per re-ask, per sample
    assertThat(result.calls()).isEqualTo(8 * result.samplesRun() + result.answers().reasked());
    assertThat(result.usage().promptTokens()).isPositive();
    assertThat(result.usage().completionTokens()).isPositive();
    assertThat(result.durationMs()).isNotNegative();
    assertThat(result.angle()).isPresent();
    assertThat(result.intervalMethod()).isEqualTo("student-t");
    assertThat(result.sampleCap()).isEqualTo(30);
  }

  @Test
  void theGoalTheModelStatesIsCarriedIntoEveryItemPrompt() {
    ScriptedRespondent model = new ScriptedRespondent(1, 45.0, 0, 0, 0);
    Trajectory t =
        Conversation.of(model, ValueTarget.of(SocialValue.PROSOCIAL), Protocols.DEFAULTS, 0, 9).run();
    assertThat(t.goal()).isEqualTo(ScriptedRespondent.GOAL);
    assertThat(model.itemPrompts).hasSize(6).allMatch(p -> p.contains(ScriptedRespondent.GOAL));
    assertThat(t.transcript().get(0).content()).contains("prosocial").doesNotContain("altruistic", "competitive", "individualistic");
  }

  @Test
  void withoutGoalPromptingTheFixedGoalIsUsed() {
    ScriptedRespondent model = new ScriptedRespondent(1, 45.0, 0, 0, 0);
    ProtocolSettings settings = Protocols.DEFAULTS.withGoalPrompting(false);
    Trajectory t = Conversation.of(model, ValueTarget.of(SocialValue.PROSOCIAL), settings, 0, 9).run();
    assertThat(t.goal()).isEqualTo(PromptTemplates.DEFAULTS.fixedGoal());
    assertThat(model.itemPrompts).allMatch(p -> p.contains(PromptTemplates.DEFAULTS.fixedGoal()));
  }

  @Test
  void theCompetitiveValueIsPresentedAsHyperCompetitive() {
    ScriptedRespondent model = new ScriptedRespondent(1, -20.0, 0, 0, 0);
    Trajectory t = Conversation.of(model, ValueTarget.of(SocialValue.COMPETITIVE), Protocols.DEFAULTS, 0, 9).run();
    assertThat(t.transcript().get(0).content()).contains("hyper-competitive");
  }

  @Test
  void anAngleTargetIsDescribedInWords() {
    ScriptedRespondent model = new ScriptedRespondent(1, 30.0, 0, 0, 0);
    Trajectory t = Conversation.of(model, ValueTarget.ofAngle(30), Protocols.DEFAULTS, 0, 9).run();
    assertThat(t.transcript().get(0).content())
        .contains("30°", "a coin for the other person matters 0.58 times as much")
        .doesNotContain("prosocial", "altruistic", "individualistic", "competitive");
  }

  @Test
  void secondaryItemsAreAskedWhenAskedFor() {
    ScriptedRespondent model = new ScriptedRespondent(1, 45.0, 0, 0, 0);
    ProtocolSettings settings = Protocols.DEFAULTS.withOptionalItems(true);
    Trajectory t = Conversation.of(model, ValueTarget.of(SocialValue.PROSOCIAL), settings, 0, 9).run();
    assertThat(t.items()).hasSize(15);
    assertThat(Protocols.slider(t).hasAllSecondary()).isTrue();
  }

  @Test
  void counterbalancingShowsItemsFromEitherEndInShuffledOrderWithoutChangingScores() {
    List<Trajectory> balanced = new ArrayList<>();
    List<Trajectory> plain = new ArrayList<>();
    for (int sample = 0; sample < 12; sample++) {
      balanced.add(Conversation.of(new ScriptedRespondent(5, 30, 0, 0, 0), ValueTarget.of(SocialValue.PROSOCIAL), Protocols.DEFAULTS, sample, 77).run());
      plain.add(Conversation.of(new ScriptedRespondent(5, 30, 0, 0, 0), ValueTarget.of(SocialValue.PROSOCIAL), Protocols.DEFAULTS.withCounterbalance(false), sample, 77).run());
    }
    long reversed = balanced.stream().flatMap(t -> t.items().stream()).filter(ItemAnswer::reversed).count();
    assertThat(reversed).isBetween(20L, 52L); // about half of 72
    assertThat(balanced.stream().map(t -> t.items().stream().map(ItemAnswer::item).toList()).distinct().count())
        .as("distinct item orders").isGreaterThan(6);
    assertThat(plain.stream().flatMap(t -> t.items().stream()).noneMatch(ItemAnswer::reversed)).isTrue();
    for (int i = 0; i < balanced.size(); i++) {
      // The respondent chooses by allocation, so its angle must not depend on how it was shown.
      assertThat(balanced.get(i).angle().getAsDouble()).isCloseTo(plain.get(i).angle().getAsDouble(), within(1e-9));
    }
  }

  @Test
  void aFirstPositionBiasCancelsUnderCounterbalancing() {
    // A model that always answers "A": without counterbalancing it looks like a fixed respondent;
    // with it, its choices are spread over both ends of every item.
    ModelAgent alwaysA = new Fixed("A");
    Trajectory plain = Conversation.of(alwaysA, ValueTarget.of(SocialValue.PROSOCIAL), Protocols.DEFAULTS.withCounterbalance(false), 0, 1).run();
    assertThat(plain.items()).allMatch(i -> i.option().orElseThrow() == 0);
    long atEitherEnd = 0;
    long atOptionI = 0;
    for (int sample = 0; sample < 10; sample++) {
      Trajectory t = Conversation.of(alwaysA, ValueTarget.of(SocialValue.PROSOCIAL), Protocols.DEFAULTS, sample, 1).run();
      atEitherEnd += t.items().stream().filter(i -> i.option().orElseThrow() == 0 || i.option().orElseThrow() == 8).count();
      atOptionI += t.items().stream().filter(i -> i.option().orElseThrow() == 8).count();
    }
    assertThat(atEitherEnd).isEqualTo(60);
    assertThat(atOptionI).isBetween(15L, 45L);
  }

  @Test
  void parallelAndSerialRunsAskTheSameQuestionsAndGetTheSameResult() {
    EvaluationPlan plan = plan(SocialValue.PROSOCIAL);
    SvoEvaluation parallel = new AlignmentEvaluator(executor).evaluate(plan, new ScriptedRespondent(9, 40, 0.05, 0.05, 0.2));
    SvoEvaluation serial = new AlignmentEvaluator(Runnable::run).evaluate(plan, new ScriptedRespondent(9, 40, 0.05, 0.05, 0.2));
    assertThat(parallel.trajectories()).isEqualTo(serial.trajectories());
    assertThat(parallel.angle()).isEqualTo(serial.angle());
    assertThat(parallel.verdict()).isEqualTo(serial.verdict());
  }

  @Test
  void anUnparseableAnswerIsReaskedOnceAndThenLeftWithoutAChoice() {
    ModelAgent model = new Fixed("Hmm, B or C.");
    Trajectory t = Conversation.of(model, ValueTarget.of(SocialValue.PROSOCIAL), Protocols.DEFAULTS, 0, 1).run();
    assertThat(t.items()).allMatch(i -> i.replies().size() == 2 && i.shownIndex().isEmpty());
    assertThat(t.answerCounts()).isEqualTo(new AnswerCounts(0, 0, 12, 6, 0));
    assertThat(t.transcript().get(6).content()).isEqualTo(PromptTemplates.DEFAULTS.reask());
    assertThat(t.isComplete()).isFalse();
  }

  @Test
  void theChoiceExtractorReadsWhatTheParserCannotAndIsCounted() {
    ModelAgent model = new Fixed("Hmm, B or C.");
    Fixed extractor = new Fixed("C", false);
    ProtocolSettings settings = Protocols.DEFAULTS.withChoiceExtractor(extractor);
    Trajectory t = Conversation.of(model, ValueTarget.of(SocialValue.PROSOCIAL), settings, 0, 1).run();
    assertThat(t.items()).allMatch(i -> i.shownLabel().orElseThrow().equals("C") && !i.reasked());
    assertThat(t.answerCounts().extracted()).isEqualTo(6);
    assertThat(t.calls()).isEqualTo(2 + 6 + 6);
    assertThat(extractor.calls.get()).isEqualTo(6);
    assertThat(extractor.lastPrompt).contains("Hmm, B or C.", "A. You get");
  }

  @Test
  void anExtractorThatAnswersNoneLeavesTheAnswerUnparseable() {
    ProtocolSettings settings = Protocols.DEFAULTS.withChoiceExtractor(new Fixed("NONE", false));
    Trajectory t = Conversation.of(new Fixed("B or C"), ValueTarget.of(SocialValue.PROSOCIAL), settings, 0, 1).run();
    assertThat(t.items()).allMatch(i -> i.shownIndex().isEmpty() && i.reasked());
  }

  @Test
  void tooManyIncompleteSamplesFailTheEvaluationAndAreReported() {
    SvoEvaluation result = new AlignmentEvaluator(executor).evaluate(plan(SocialValue.PROSOCIAL), new Fixed("I'm sorry, but I can't help with that."));
    assertThat(result.verdict()).isEqualTo(io.github.hvae.evaluation.Verdict.FAILED);
    assertThat(result.reason()).contains("too many incomplete samples: 5 of 5");
    assertThat(result.samplesIncomplete()).isEqualTo(5);
    assertThat(result.answers().refusals()).isEqualTo(60);
  }

  /** Answers every item with the same text. */
  static final class Fixed implements ModelAgent {
    final String answer;
    final AtomicInteger calls = new AtomicInteger();
    final boolean conversational;
    volatile String lastPrompt = "";

    Fixed(String answer) {
      this(answer, true);
    }

    /** {@code conversational}: answers the value and goal prompts with "Understood." first. */
    Fixed(String answer, boolean conversational) {
      this.answer = answer;
      this.conversational = conversational;
    }

    @Override
    public ModelSpec spec() {
      return new ModelSpec("openai", "fixed");
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      calls.incrementAndGet();
      lastPrompt = request.lastMessage().content();
      long users = request.messages().stream().filter(m -> m.role() == ChatMessage.Role.USER).count();
      String reply = conversational && users <= 2 ? "Understood." : answer;
      return ModelReply.answered(reply, TokenUsage.reported(10, 2));
    }
  }
}

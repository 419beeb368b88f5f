package io.github.hvae.langchain4j;

import static io.github.hvae.langchain4j.Fixtures.run;
import static io.github.hvae.svo.SocialValue.COMPETITIVE;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.junit.HvaeModel;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LangChain4j ChatModel in an {@code @HvaeModel} field, evaluated by the JUnit extension. */
class ChatModelEvaluationTest {

  static final List<SvoEvaluation> EVALUATIONS = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  @BeforeEach
  void clear() {
    EVALUATIONS.clear();
  }

  static class SupportBotTest {
    @HvaeModel("support-bot")
    static ChatModel bot = new ScriptedChatModel();

    @ValueAlignmentTest(models = "support-bot", samples = 6)
    @TargetValue({PROSOCIAL, COMPETITIVE})
    void followsTheTarget(SvoEvaluation evaluation) {
      EVALUATIONS.add(evaluation);
    }
  }

  static class BrokenBotTest {
    @HvaeModel("broken-bot")
    static ChatModel bot =
        new ChatModel() {
          @Override
          public dev.langchain4j.model.chat.response.ChatResponse doChat(ChatRequest request) {
            throw new RateLimitException("quota exceeded for support-bot-v2");
          }
        };

    @ValueAlignmentTest(models = "broken-bot", samples = 3)
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  private static ScriptedChatModel freshBot() {
    ScriptedChatModel bot = new ScriptedChatModel();
    SupportBotTest.bot = bot;
    return bot;
  }

  @Test
  void aChatModelInAFieldIsEvaluatedUnderItsName() throws Exception {
    ScriptedChatModel bot = freshBot();

    run(dir, SupportBotTest.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(EVALUATIONS).hasSize(2).allSatisfy(e -> {
      assertThat(e.model()).isEqualTo(new ModelSpec("support-bot", ""));
      assertThat(e.simulated()).isFalse();
      assertThat(e.passed()).isTrue();
      assertThat(e.answers().parsed()).isEqualTo(e.samplesRun() * 6);
      assertThat(e.usage().estimated()).as("the model reports its tokens").isFalse();
      assertThat(e.usage().promptTokens()).isEqualTo(120L * e.calls());
    });
    assertThat(bot.received).isNotEmpty();
    assertThat(Files.readString(dir.resolve("report/hvae-report.json"))).contains("\"model\" : \"support-bot\"");
  }

  @Test
  void eachCallSendsTheSamplesWholeTranscriptOnce() {
    ScriptedChatModel bot = freshBot();

    run(dir, SupportBotTest.class).testEvents().assertStatistics(s -> s.succeeded(2));

    List<List<String>> sent = bot.received.stream().map(r -> r.messages().stream().map(ScriptedChatModel::text).toList()).toList();
    for (SvoEvaluation evaluation : EVALUATIONS) {
      for (Trajectory sample : evaluation.trajectories()) {
        List<String> transcript = sample.transcript().stream().map(io.github.hvae.agent.ChatMessage::content).toList();
        // Each call of a sample is its transcript up to that question: user first, roles alternating.
        for (int end = 1; end < transcript.size(); end += 2) {
          assertThat(sent).contains(transcript.subList(0, end));
        }
      }
    }
    assertThat(bot.received).allSatisfy(r -> {
      for (int i = 0; i < r.messages().size(); i++) {
        assertThat(r.messages().get(i)).isInstanceOf(i % 2 == 0 ? UserMessage.class : AiMessage.class);
      }
    });
  }

  @Test
  void onlyItemPromptsCarryTheJsonSchema() {
    ScriptedChatModel bot = freshBot();

    run(dir, SupportBotTest.class, "hvae.constrained-answers", "json-schema")
        .testEvents()
        .assertStatistics(s -> s.succeeded(2));

    List<ChatRequest> items = bot.received.stream().filter(ChatModelEvaluationTest::asksAnItem).toList();
    List<ChatRequest> others = bot.received.stream().filter(r -> !asksAnItem(r)).toList();
    assertThat(items).isNotEmpty().allSatisfy(r -> assertThat(r.parameters().responseFormat()).isNotNull());
    assertThat(others).isNotEmpty().allSatisfy(r -> assertThat(r.parameters().responseFormat()).isNull());
    assertThat(EVALUATIONS).allSatisfy(e -> assertThat(e.passed()).isTrue());
  }

  private static boolean asksAnItem(ChatRequest request) {
    return ScriptedChatModel.text(request.messages().get(request.messages().size() - 1)).contains("A. You get");
  }

  @Test
  void filteredAndTruncatedItemAnswersAreCountedAndReaskedNeverChosen() {
    ScriptedChatModel bot = freshBot();
    bot.override =
        request -> {
          String question = ScriptedChatModel.text(request.messages().get(request.messages().size() - 1));
          if (question.startsWith("Question 1 of")) {
            return ChatResponse.builder().aiMessage(AiMessage.from("")).finishReason(FinishReason.CONTENT_FILTER).build();
          }
          if (question.startsWith("Question 2 of")) {
            return ChatResponse.builder().aiMessage(AiMessage.from("I pick")).finishReason(FinishReason.LENGTH).build();
          }
          return null;
        };

    run(dir, SupportBotTest.class, "hvae.sequential", "false");

    assertThat(EVALUATIONS).hasSize(2).allSatisfy(e -> {
      assertThat(e.answers().refusals()).as("filtered: one per sample").isEqualTo(e.samplesRun());
      assertThat(e.answers().unparseable()).as("truncated: one per sample").isEqualTo(e.samplesRun());
      assertThat(e.answers().reasked()).isEqualTo(2 * e.samplesRun());
    });
  }

  @Test
  void aModelThatThrowsIsAnErrorVerdictNamingItAndTheCause() {
    run(dir, BrokenBotTest.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m -> m.startsWith("Value alignment ERROR")
                            && m.contains("the model broken-bot (a LangChain4j ChatModel) failed")
                            && m.contains("RateLimitException: quota exceeded for support-bot-v2")))));
  }

  @Test
  void aChatModelRecordsToACassetteAndReplaysWithoutACall() {
    ScriptedChatModel recording = freshBot();
    run(dir, SupportBotTest.class, "hvae.cassette", "record").testEvents().assertStatistics(s -> s.succeeded(2));
    List<SvoEvaluation> recorded = List.copyOf(EVALUATIONS);
    EVALUATIONS.clear();

    ScriptedChatModel replaying = freshBot();
    run(dir, SupportBotTest.class, "hvae.cassette", "replay").testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(recording.received).isNotEmpty();
    assertThat(replaying.received).as("calls to the model in strict replay").isEmpty();
    assertThat(EVALUATIONS).extracting(SvoEvaluation::angle).containsExactlyInAnyOrderElementsOf(
        recorded.stream().map(SvoEvaluation::angle).toList());
  }
}

package io.github.hvae.langchain4j;

import static io.github.hvae.langchain4j.Fixtures.adapt;
import static io.github.hvae.langchain4j.Fixtures.run;
import static io.github.hvae.svo.SocialValue.INDIVIDUALISTIC;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import io.github.hvae.adaptertesting.RuleFollowingAssistant;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.junit.HvaeModel;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LangChain4j AI service with chat memory per {@code @MemoryId} as a model under test. */
class AiServiceTest {

  static final List<SvoEvaluation> EVALUATIONS = new CopyOnWriteArrayList<>();
  static final Set<Object> MEMORY_IDS = ConcurrentHashMap.newKeySet();
  static final String SYSTEM = "You are the support bot of ACME.";

  @TempDir Path dir;

  interface SupportBot {
    Result<String> chat(@MemoryId String conversation, @dev.langchain4j.service.UserMessage String message);
  }

  interface TunableSupportBot {
    String chat(
        @MemoryId Object conversation,
        @dev.langchain4j.service.UserMessage String message,
        ChatRequestParameters parameters);
  }

  interface ForgetfulBot {
    String chat(@dev.langchain4j.service.UserMessage String message);
  }

  static <T> T service(Class<T> type, ScriptedChatModel model) {
    return AiServices.builder(type)
        .chatModel(model)
        .systemMessageProvider(id -> SYSTEM)
        .chatMemoryProvider(
            id -> {
              MEMORY_IDS.add(id);
              return MessageWindowChatMemory.builder().id(id).maxMessages(100).build();
            })
        .build();
  }

  static class SupportBotTest {
    static final ScriptedChatModel MODEL = new ScriptedChatModel();

    @HvaeModel("support-bot")
    static SupportBot bot = service(SupportBot.class, MODEL);

    @ValueAlignmentTest(models = "support-bot", samples = 8)
    @TargetValue({PROSOCIAL, INDIVIDUALISTIC})
    void followsTheTarget(SvoEvaluation evaluation) {
      EVALUATIONS.add(evaluation);
    }
  }

  static class TunableBotTest {
    static final ScriptedChatModel MODEL = new ScriptedChatModel();

    @HvaeModel("tunable-bot")
    static TunableSupportBot bot() {
      return service(TunableSupportBot.class, MODEL);
    }

    @ValueAlignmentTest(models = "tunable-bot", samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget(SvoEvaluation evaluation) {
      EVALUATIONS.add(evaluation);
    }
  }

  @BeforeEach
  void clear() {
    EVALUATIONS.clear();
    MEMORY_IDS.clear();
  }

  @Test
  void concurrentSamplesEachKeepTheirOwnMemoryAndSeeEveryTurnOnce() {
    ScriptedChatModel model = SupportBotTest.MODEL;
    model.received.clear();

    run(dir, SupportBotTest.class, "hvae.concurrency", "8").testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    int samples = EVALUATIONS.stream().mapToInt(SvoEvaluation::samplesRun).sum();
    assertThat(model.mostInFlight.get()).as("samples ran concurrently").isGreaterThan(1);
    for (ChatRequest request : model.received) {
      var lines = ScriptedChatModel.lines(request.messages());
      List<String> userTexts = lines.stream().filter(RuleFollowingAssistant.Line::fromUser).map(RuleFollowingAssistant.Line::text).toList();
      assertThat(request.messages().get(0)).isEqualTo(SystemMessage.from(SYSTEM));
      assertThat(userTexts.stream().filter(t -> t.contains("value system?"))).as("one value prompt: one conversation").hasSize(1);
      assertThat(userTexts).as("no turn sent twice").doesNotHaveDuplicates();
      assertThat(Set.copyOf(RuleFollowingAssistant.signatures(lines))).as("answers of one conversation only").hasSizeLessThanOrEqualTo(1);
      for (int i = 0; i < lines.size(); i++) {
        assertThat(lines.get(i).fromUser()).isEqualTo(i % 2 == 0);
      }
    }
    assertThat(MEMORY_IDS).as("one memory per sample").hasSize(samples)
        .allSatisfy(id -> assertThat(id.toString()).hasSize(36));
    assertThat(EVALUATIONS).allSatisfy(e -> {
      assertThat(e.passed()).isTrue();
      assertThat(e.answers().parsed()).isEqualTo(e.samplesRun() * 6);
      assertThat(e.usage()).as("Result<String> reports the tokens").isEqualTo(TokenUsage.reported(120L * e.calls(), 7L * e.calls()));
    });
  }

  @Test
  void aServiceThatTakesParametersGetsTheTemperatureAndTheSchemaOnItemPromptsOnly() {
    ScriptedChatModel model = TunableBotTest.MODEL;
    model.received.clear();

    run(dir, TunableBotTest.class, "hvae.temperature", "0.2", "hvae.constrained-answers", "json-schema")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));

    assertThat(model.received).allSatisfy(r -> assertThat(r.parameters().temperature()).isEqualTo(0.2));
    assertThat(model.received).allSatisfy(r -> {
      boolean item = ScriptedChatModel.text(r.messages().get(r.messages().size() - 1)).contains("A. You get");
      assertThat(r.parameters().responseFormat() != null).isEqualTo(item);
    });
    assertThat(EVALUATIONS.get(0).passed()).isTrue();
    assertThat(EVALUATIONS.get(0).usage().estimated()).as("a String reply reports no tokens").isTrue();
  }

  @Test
  void aServiceWithoutAMemoryIdIsRefusedSayingWhatToWrite() {
    ForgetfulBot bot = AiServices.builder(ForgetfulBot.class).chatModel(new ScriptedChatModel()).build();

    assertThat(Fixtures.PROVIDER.adapts(ForgetfulBot.class)).isTrue();
    assertThatThrownBy(() -> adapt(bot))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ForgetfulBot.chat takes no @MemoryId, so all samples would share one chat memory")
        .hasMessageContaining("chat(@MemoryId String conversation, @UserMessage String message)");
  }

  @Test
  void theProviderAdaptsTheServiceInterfaceAndItsProxy() {
    SupportBot bot = service(SupportBot.class, new ScriptedChatModel());

    assertThat(Fixtures.PROVIDER.adapts(SupportBot.class)).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(bot.getClass())).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(Comparable.class)).isFalse();
  }

  static final Instrument SLIDER =
      ServiceLoader.load(Instrument.class).stream()
          .map(ServiceLoader.Provider::get)
          .filter(i -> i.id().equals("svo-slider"))
          .findFirst()
          .orElseThrow();

  private static ChatMessage user(String text) {
    return ChatMessage.user(text);
  }

  private static io.github.hvae.agent.ChatRequest inConversation(String id, List<ChatMessage> messages) {
    io.github.hvae.agent.ChatRequest.Turn turn =
        new io.github.hvae.agent.ChatRequest.Turn(
            id, SLIDER, ValueTarget.of(SocialValue.PROSOCIAL), Optional.empty(), 1);
    return new io.github.hvae.agent.ChatRequest(messages, GenerationOptions.DEFAULTS, 0, Optional.of(turn));
  }

  @Test
  void onlyTheNewMessageIsSentAndTheServiceRemembersTheRest() {
    ScriptedChatModel model = new ScriptedChatModel();
    ModelAgent agent = adapt(service(SupportBot.class, model));

    ModelReply first = agent.chat(inConversation("t#0", List.of(user("Do you know the prosocial value system?"))));
    agent.chat(inConversation("t#0", List.of(user("Do you know the prosocial value system?"), ChatMessage.assistant(first.content()), user("State your goal."))));

    assertThat(model.received.get(1).messages())
        .containsExactly(
            SystemMessage.from(SYSTEM),
            UserMessage.from("Do you know the prosocial value system?"),
            dev.langchain4j.data.message.AiMessage.from(first.content()),
            UserMessage.from("State your goal."));
  }

  @Test
  void aTurnTheServiceDidNotSeeIsAFailureNotAGapInItsMemory() {
    ModelAgent agent = adapt(service(SupportBot.class, new ScriptedChatModel()));
    agent.chat(inConversation("t#0", List.of(user("Do you know the prosocial value system?"))));

    assertThatThrownBy(
            () -> agent.chat(
                inConversation("t#0", List.of(user("1"), ChatMessage.assistant("2"), user("3"), ChatMessage.assistant("4"), user("5")))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("reached it with 5 messages where its memory holds 2")
        .hasMessageContaining("hvae.cache");
  }

  @Test
  void aRequestOutsideAnEvaluationIsAConversationOfItsOwn() {
    ScriptedChatModel model = new ScriptedChatModel();
    ModelAgent agent = adapt(service(SupportBot.class, model));

    agent.chat(io.github.hvae.agent.ChatRequest.of(List.of(user("Hello"))));
    agent.chat(io.github.hvae.agent.ChatRequest.of(List.of(user("Hello again"))));

    assertThat(MEMORY_IDS).hasSize(2);
    assertThatThrownBy(() -> agent.chat(io.github.hvae.agent.ChatRequest.of(List.of(user("Hi"), ChatMessage.assistant("Hello"), user("Bye")))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("must hold one user message, not 3 messages");
  }
}

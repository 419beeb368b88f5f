package io.github.hvae.springai;

import static io.github.hvae.springai.Fixtures.run;
import static io.github.hvae.svo.SocialValue.COMPETITIVE;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.adaptertesting.RuleFollowingAssistant;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.junit.HvaeModel;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

/** Spring AI models in {@code @HvaeModel} fields, evaluated by the JUnit extension. */
class SpringEvaluationTest {

  static final List<SvoEvaluation> EVALUATIONS = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  /** Spring AI's in-memory repository, noting every conversation id it stores. */
  static final class RecordingRepository implements ChatMemoryRepository {
    final Set<String> conversations = ConcurrentHashMap.newKeySet();
    private final InMemoryChatMemoryRepository delegate = new InMemoryChatMemoryRepository();

    @Override
    public List<String> findConversationIds() {
      return delegate.findConversationIds();
    }

    @Override
    public List<Message> findByConversationId(String conversationId) {
      return delegate.findByConversationId(conversationId);
    }

    @Override
    public void saveAll(String conversationId, List<Message> messages) {
      conversations.add(conversationId);
      delegate.saveAll(conversationId, messages);
    }

    @Override
    public void deleteByConversationId(String conversationId) {
      delegate.deleteByConversationId(conversationId);
    }
  }

  static ChatClient supportClient(ScriptedChatModel model, ChatMemoryRepository repository) {
    return ChatClient.builder(model)
        .defaultSystem("You are the support bot of ACME.")
        .defaultAdvisors(
            MessageChatMemoryAdvisor.builder(
                    MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(100).build())
                .build())
        .build();
  }

  static class ModelTest {
    static ScriptedChatModel model = new ScriptedChatModel();

    @HvaeModel("support-model")
    static ChatModel bot = model;

    @ValueAlignmentTest(models = "support-model", samples = 6)
    @TargetValue({PROSOCIAL, COMPETITIVE})
    void followsTheTarget(SvoEvaluation evaluation) {
      EVALUATIONS.add(evaluation);
    }
  }

  static class ClientTest {
    static ScriptedChatModel model = new ScriptedChatModel();
    static RecordingRepository memory = new RecordingRepository();

    @HvaeModel("support-bot")
    static ChatClient bot = supportClient(model, memory);

    @ValueAlignmentTest(models = "support-bot", samples = 8)
    @TargetValue({PROSOCIAL, COMPETITIVE})
    void followsTheTarget(SvoEvaluation evaluation) {
      EVALUATIONS.add(evaluation);
    }
  }

  static class BrokenClientTest {
    @HvaeModel("broken-bot")
    static ChatClient bot =
        ChatClient.create(
            new ScriptedChatModel() {
              @Override
              public org.springframework.ai.chat.model.ChatResponse call(Prompt prompt) {
                throw new IllegalStateException("the vector store is down");
              }
            });

    @ValueAlignmentTest(models = "broken-bot", samples = 3)
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  @BeforeEach
  void clear() {
    EVALUATIONS.clear();
  }

  private static ScriptedChatModel freshClient() {
    ClientTest.model = new ScriptedChatModel();
    ClientTest.memory = new RecordingRepository();
    ClientTest.bot = supportClient(ClientTest.model, ClientTest.memory);
    return ClientTest.model;
  }

  @Test
  void aChatModelInAFieldIsEvaluatedUnderItsName() throws Exception {
    ModelTest.bot = ModelTest.model = new ScriptedChatModel();

    run(dir, ModelTest.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(EVALUATIONS).hasSize(2).allSatisfy(e -> {
      assertThat(e.model()).isEqualTo(new ModelSpec("support-model", ""));
      assertThat(e.passed()).isTrue();
      assertThat(e.answers().parsed()).isEqualTo(e.samplesRun() * 6);
      assertThat(e.usage().estimated()).isFalse();
    });
    assertThat(ModelTest.model.received).allSatisfy(p -> {
      var lines = ScriptedChatModel.lines(p.getInstructions());
      for (int i = 0; i < lines.size(); i++) {
        assertThat(lines.get(i).fromUser()).as("the whole transcript, roles alternating").isEqualTo(i % 2 == 0);
      }
    });
    assertThat(Files.readString(dir.resolve("report/hvae-report.json"))).contains("\"model\" : \"support-model\"");
  }

  @Test
  void concurrentSamplesOfAClientWithMemoryEachKeepTheirOwnConversation() {
    ScriptedChatModel model = freshClient();

    run(dir, ClientTest.class, "hvae.concurrency", "8").testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(model.mostInFlight.get()).as("samples ran concurrently").isGreaterThan(1);
    for (Prompt prompt : model.received) {
      var lines = ScriptedChatModel.lines(prompt.getInstructions());
      List<String> userTexts = lines.stream().filter(RuleFollowingAssistant.Line::fromUser).map(RuleFollowingAssistant.Line::text).toList();
      assertThat(userTexts.stream().filter(t -> t.contains("value system?"))).as("one value prompt: one conversation").hasSize(1);
      assertThat(userTexts).as("no turn sent twice").doesNotHaveDuplicates();
      assertThat(Set.copyOf(RuleFollowingAssistant.signatures(lines))).as("answers of one conversation only").hasSizeLessThanOrEqualTo(1);
    }
    int samples = EVALUATIONS.stream().mapToInt(SvoEvaluation::samplesRun).sum();
    assertThat(ClientTest.memory.conversations).as("one conversation id per sample").hasSize(samples)
        .allSatisfy(id -> assertThat(id).hasSize(36));
    assertThat(EVALUATIONS).hasSize(2).allSatisfy(e -> {
      assertThat(e.passed()).isTrue();
      assertThat(e.answers().parsed()).isEqualTo(e.samplesRun() * 6);
    });
  }

  @Test
  void onlyItemPromptsCarryTheJsonSchema() {
    ScriptedChatModel model = freshClient();

    run(dir, ClientTest.class, "hvae.constrained-answers", "json-schema").testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(model.received).isNotEmpty().allSatisfy(p -> {
      String last = p.getInstructions().get(p.getInstructions().size() - 1).getText();
      String schema = ((ScriptedOptions) p.getOptions()).getOutputSchema();
      assertThat(schema != null).as(last).isEqualTo(last.contains("A. You get"));
    });
    assertThat(EVALUATIONS).allSatisfy(e -> assertThat(e.passed()).isTrue());
  }

  @Test
  void aClientThatThrowsIsAnErrorVerdictNamingItAndTheCause() {
    run(dir, BrokenClientTest.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m -> m.startsWith("Value alignment ERROR")
                            && m.contains("the model broken-bot (a Spring AI ChatClient) failed")
                            && m.contains("the vector store is down")))));
  }

  @Test
  void aClientRecordsToACassetteAndReplaysWithoutACall() {
    ScriptedChatModel recording = freshClient();
    run(dir, ClientTest.class, "hvae.cassette", "record").testEvents().assertStatistics(s -> s.succeeded(2));
    List<SvoEvaluation> recorded = List.copyOf(EVALUATIONS);
    EVALUATIONS.clear();

    ScriptedChatModel replaying = freshClient();
    run(dir, ClientTest.class, "hvae.cassette", "replay").testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(recording.received).isNotEmpty();
    assertThat(replaying.received).as("calls to the model in strict replay").isEmpty();
    assertThat(EVALUATIONS).extracting(SvoEvaluation::angle)
        .containsExactlyInAnyOrderElementsOf(recorded.stream().map(SvoEvaluation::angle).toList());
  }
}

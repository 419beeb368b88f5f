package io.github.hvae.springai;

import static io.github.hvae.springai.ChatModelMappingTest.SCHEMA;
import static io.github.hvae.springai.ChatModelMappingTest.expectingChoice;
import static io.github.hvae.springai.ChatModelMappingTest.request;
import static io.github.hvae.springai.Fixtures.adapt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;

/** A Spring AI ChatClient as a model under test: with and without a chat-memory advisor. */
class ChatClientMappingTest {

  static final Instrument SLIDER =
      ServiceLoader.load(Instrument.class).stream()
          .map(ServiceLoader.Provider::get)
          .filter(i -> i.id().equals("svo-slider"))
          .findFirst()
          .orElseThrow();

  private final ScriptedChatModel model = new ScriptedChatModel();

  static ChatClient withMemory(ScriptedChatModel model) {
    return ChatClient.builder(model)
        .defaultSystem("You are the support bot of ACME.")
        .defaultAdvisors(MessageChatMemoryAdvisor.builder(MessageWindowChatMemory.builder().maxMessages(100).build()).build())
        .build();
  }

  static ChatRequest inConversation(String id, List<ChatMessage> messages) {
    ChatRequest.Turn turn =
        new ChatRequest.Turn(id, SLIDER, ValueTarget.of(SocialValue.PROSOCIAL), Optional.empty(), 1);
    return new ChatRequest(messages, GenerationOptions.DEFAULTS, 0, Optional.of(turn));
  }

  @Test
  void aClientWithoutMemoryIsSentTheWholeConversationAfterItsOwnSystemText() {
    ModelAgent agent = adapt(ChatClient.builder(model).defaultSystem("Be brief.").build());

    agent.chat(request(GenerationOptions.DEFAULTS));

    assertThat(model.received.get(0).getInstructions())
        .containsExactly(
            new SystemMessage("Be brief."),
            new SystemMessage("You are the support bot."),
            new UserMessage("Hello"),
            new AssistantMessage("Hi, how can I help?"),
            new UserMessage("Pick one."));
  }

  @Test
  void optionsGoOverTheClientsOwnAndKeepTheRest() {
    ModelAgent agent = adapt(ChatClient.builder(model).defaultOptions(ScriptedOptions.of("client-model", 0.5)).build());

    agent.chat(request(GenerationOptions.DEFAULTS.withTemperature(0.3)));
    agent.chat(request(expectingChoice(ConstrainedAnswers.JSON_SCHEMA)));
    agent.chat(request(GenerationOptions.DEFAULTS));

    ScriptedOptions tuned = (ScriptedOptions) model.received.get(0).getOptions();
    assertThat(tuned.getModel()).isEqualTo("client-model");
    assertThat(tuned.getTemperature()).isEqualTo(0.3);
    ScriptedOptions constrained = (ScriptedOptions) model.received.get(1).getOptions();
    assertThat(constrained.getOutputSchema()).isEqualTo(SCHEMA);
    assertThat(constrained.getTemperature()).isEqualTo(0.5);
    ScriptedOptions untouched = (ScriptedOptions) model.received.get(2).getOptions();
    assertThat(untouched.getOutputSchema()).as("the client's defaults, not the last request's").isNull();
  }

  @Test
  void aClientWithoutOptionsOfItsOwnTakesItsModelsSoTheSchemaReachesIt() {
    ModelAgent agent = adapt(ChatClient.create(model));

    agent.chat(request(expectingChoice(ConstrainedAnswers.JSON_SCHEMA).withTemperature(0.3)));

    ScriptedOptions sent = (ScriptedOptions) model.received.get(0).getOptions();
    assertThat(sent.getOutputSchema()).isEqualTo(SCHEMA);
    assertThat(sent.getTemperature()).isEqualTo(0.3);
    assertThat(sent.getModel()).isEqualTo("support-bot-v2");
  }

  @Test
  void aClientOverPortableOptionsGetsTheTemperatureButNoSchema() {
    ScriptedChatModel portable =
        new ScriptedChatModel() {
          @Override
          public ChatOptions getDefaultOptions() {
            return ChatOptions.builder().model("plain").build();
          }
        };

    adapt(ChatClient.create(portable)).chat(request(expectingChoice(ConstrainedAnswers.JSON_SCHEMA).withTemperature(0.3)));

    ChatOptions sent = portable.received.get(0).getOptions();
    assertThat(sent).isNotInstanceOf(ScriptedOptions.class);
    assertThat(sent.getTemperature()).isEqualTo(0.3);
    assertThat(sent.getModel()).isEqualTo("plain");
  }

  @Test
  void aClientWithMemoryIsSentOnlyTheNewMessageAndRemembersTheRest() {
    ModelAgent agent = adapt(withMemory(model));

    ModelReply first = agent.chat(inConversation("t#0", List.of(ChatMessage.user("Do you know the prosocial value system?"))));
    agent.chat(
        inConversation(
            "t#0",
            List.of(
                ChatMessage.user("Do you know the prosocial value system?"),
                ChatMessage.assistant(first.content()),
                ChatMessage.user("State your goal."))));
    agent.chat(inConversation("t#1", List.of(ChatMessage.user("Do you know the competitive value system?"))));

    assertThat(model.received.get(1).getInstructions())
        .containsExactly(
            new UserMessage("Do you know the prosocial value system?"),
            new AssistantMessage(first.content()),
            new SystemMessage("You are the support bot of ACME."),
            new UserMessage("State your goal."));
    assertThat(model.received.get(2).getInstructions())
        .as("another sample, another memory")
        .containsExactly(new SystemMessage("You are the support bot of ACME."), new UserMessage("Do you know the competitive value system?"));
  }

  @Test
  void aTurnTheClientDidNotSeeIsAFailureNotAGapInItsMemory() {
    ModelAgent agent = adapt(withMemory(model));
    agent.chat(inConversation("t#0", List.of(ChatMessage.user("Do you know the prosocial value system?"))));

    assertThatThrownBy(
            () -> agent.chat(
                inConversation(
                    "t#0",
                    List.of(
                        ChatMessage.user("1"), ChatMessage.assistant("2"), ChatMessage.user("3"),
                        ChatMessage.assistant("4"), ChatMessage.user("5")))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("reached it with 5 messages where its memory holds 2")
        .hasMessageContaining("hvae.cache");
  }

  @Test
  void aClientThatThrowsIsAModelExceptionNamingIt() {
    IllegalStateException down = new IllegalStateException("the vector store is down");
    model.override =
        p -> {
          throw down;
        };

    assertThatThrownBy(() -> adapt(ChatClient.create(model)).chat(request(GenerationOptions.DEFAULTS)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("the model support-bot (a Spring AI ChatClient) failed")
        .hasRootCause(down);
  }
}

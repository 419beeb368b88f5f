package io.github.hvae.springai;

import static io.github.hvae.springai.Fixtures.adapt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A Spring AI ChatModel as a model under test: what it is sent, and how its answers read. */
class ChatModelMappingTest {

  static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"choice\":{\"type\":\"string\",\"enum\":[\"A\",\"B\",\"C\"]}},"
          + "\"required\":[\"choice\"],\"additionalProperties\":false}";

  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ModelAgent agent = adapt(model);

  static ChatRequest request(GenerationOptions options) {
    return new ChatRequest(
        List.of(
            ChatMessage.system("You are the support bot."),
            ChatMessage.user("Hello"),
            ChatMessage.assistant("Hi, how can I help?"),
            ChatMessage.user("Pick one.")),
        options,
        0);
  }

  static GenerationOptions expectingChoice(ConstrainedAnswers mode) {
    return GenerationOptions.DEFAULTS.withConstrainedAnswers(mode).expectingChoice(ChoiceConstraint.letters(3));
  }

  private ModelReply answering(ChatResponse response) {
    model.override = p -> response;
    return agent.chat(request(GenerationOptions.DEFAULTS));
  }

  @Test
  void everyCallSendsTheWholeConversationWithItsRoles() {
    agent.chat(request(GenerationOptions.DEFAULTS));

    assertThat(model.received.get(0).getInstructions())
        .containsExactly(
            new SystemMessage("You are the support bot."),
            new UserMessage("Hello"),
            new AssistantMessage("Hi, how can I help?"),
            new UserMessage("Pick one."));
  }

  @Test
  void temperatureAndTokenLimitGoOverACopyOfTheModelsOwnOptions() {
    agent.chat(request(GenerationOptions.DEFAULTS.withTemperature(0.3).withMaxTokens(50).withSeed(42)));

    ScriptedOptions sent = (ScriptedOptions) model.received.get(0).getOptions();
    assertThat(sent.getTemperature()).isEqualTo(0.3);
    assertThat(sent.getMaxTokens()).isEqualTo(50);
    assertThat(sent.getModel()).as("the team's own setting").isEqualTo("support-bot-v2");
    assertThat(sent.getOutputSchema()).isNull();
  }

  @Test
  void aRequestThatSetsNothingLeavesTheModelsDefaultsUntouched() {
    agent.chat(request(GenerationOptions.DEFAULTS));

    assertThat(model.received.get(0).getOptions()).isNull();
  }

  @Test
  void aRequestThatExpectsAChoiceSetsTheJsonSchemaWhereTheModelsOptionsTakeOne() {
    agent.chat(request(expectingChoice(ConstrainedAnswers.JSON_SCHEMA)));

    ScriptedOptions sent = (ScriptedOptions) model.received.get(0).getOptions();
    assertThat(sent.getOutputSchema()).isEqualTo(SCHEMA);
    assertThat(sent.getTemperature()).as("the model's own").isEqualTo(0.9);
  }

  @Test
  void portableOptionsHaveNoSchemaSoNoneIsSent() {
    ScriptedChatModel portable =
        new ScriptedChatModel() {
          @Override
          public ChatOptions getDefaultOptions() {
            return ChatOptions.builder().model("plain").build();
          }
        };

    adapt(portable).chat(request(expectingChoice(ConstrainedAnswers.JSON_SCHEMA)));

    assertThat(portable.received.get(0).getOptions()).isNull();
  }

  @Test
  void aGrammarHasNoSpringAiFormAndIsNotSent() {
    agent.chat(request(expectingChoice(ConstrainedAnswers.GRAMMAR)));

    assertThat(model.received.get(0).getOptions()).isNull();
  }

  @Test
  void lengthStopsAreTruncatedReplies() {
    for (String finish : List.of("LENGTH", "length", "max_tokens", "MAX_TOKENS", "MODEL_LENGTH")) {
      ModelReply reply = answering(ScriptedChatModel.response("I would pick", finish, null));
      assertThat(reply.outcome()).as(finish).isEqualTo(ModelReply.Outcome.TRUNCATED);
      assertThat(reply.content()).isEqualTo("I would pick");
    }
  }

  @Test
  void contentFilterStopsAreFilteredReplies() {
    for (String finish : List.of("CONTENT_FILTER", "content_filtered", "SAFETY", "guardrail_intervened", "refusal")) {
      assertThat(answering(ScriptedChatModel.response("", finish, null)).outcome())
          .as(finish)
          .isEqualTo(ModelReply.Outcome.CONTENT_FILTERED);
    }
  }

  @Test
  void aReplyWithoutTextIsEmptyAndAResponseWithoutGenerationsHasNoChoices() {
    assertThat(answering(ScriptedChatModel.response(" ", "STOP", null)).outcome()).isEqualTo(ModelReply.Outcome.EMPTY);
    assertThat(answering(new ChatResponse(List.of(), ChatResponseMetadata.builder().build())).outcome())
        .isEqualTo(ModelReply.Outcome.NO_CHOICES);
  }

  @Test
  void reportedTokensAreTakenAndMissingOnesEstimated() {
    assertThat(agent.chat(request(GenerationOptions.DEFAULTS)).usage()).isEqualTo(TokenUsage.reported(120, 7));

    ModelReply unreported = answering(ScriptedChatModel.response("B, for both of us", "STOP", null));
    String prompt = "You are the support bot.\nHello\nHi, how can I help?\nPick one.";
    assertThat(unreported.usage()).isEqualTo(TokenUsage.estimate(prompt, "B, for both of us"));
    assertThat(unreported.usage().estimated()).isTrue();
  }

  @Test
  void anExceptionIsAModelExceptionThatNamesTheModelAndKeepsTheCause() {
    IllegalStateException rejected = new IllegalStateException("HTTP 401 - invalid api key");
    model.override =
        p -> {
          throw rejected;
        };

    assertThatThrownBy(() -> agent.chat(request(GenerationOptions.DEFAULTS)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("the model support-bot (a Spring AI ChatModel) failed")
        .hasMessageContaining("invalid api key")
        .hasCause(rejected);
  }

  @Test
  void theProviderAdaptsChatModelsAndChatClientsAndNothingElse() {
    assertThat(Fixtures.PROVIDER.adapts(ChatModel.class)).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(ScriptedChatModel.class)).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(ChatClient.class)).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(ChatClient.create(model).getClass())).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(String.class)).isFalse();
    assertThat(Fixtures.PROVIDER.adapts(Prompt.class)).isFalse();
  }
}

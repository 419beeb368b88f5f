package io.github.hvae.langchain4j;

import static io.github.hvae.langchain4j.Fixtures.adapt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
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

/** A LangChain4j ChatModel as a model under test: what it is sent, and how its answers read. */
class ChatModelMappingTest {

  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ModelAgent agent = adapt(model);

  private static ChatRequest request(GenerationOptions options) {
    return new ChatRequest(
        List.of(
            ChatMessage.system("You are the support bot."),
            ChatMessage.user("Hello"),
            ChatMessage.assistant("Hi, how can I help?"),
            ChatMessage.user("Pick one.")),
        options,
        0);
  }

  private ModelReply answering(ChatResponse response) {
    model.override = r -> response;
    return agent.chat(request(GenerationOptions.DEFAULTS));
  }

  @Test
  void everyCallSendsTheWholeConversationWithItsRoles() {
    agent.chat(request(GenerationOptions.DEFAULTS));

    assertThat(model.received.get(0).messages())
        .containsExactly(
            SystemMessage.from("You are the support bot."),
            UserMessage.from("Hello"),
            AiMessage.from("Hi, how can I help?"),
            UserMessage.from("Pick one."));
  }

  @Test
  void temperatureAndTokenLimitOverrideTheModelsDefaultsAndKeepTheRest() {
    agent.chat(request(GenerationOptions.DEFAULTS.withTemperature(0.3).withMaxTokens(50).withSeed(42)));

    var parameters = model.received.get(0).parameters();
    assertThat(parameters.temperature()).isEqualTo(0.3);
    assertThat(parameters.maxOutputTokens()).isEqualTo(50);
    assertThat(parameters.modelName()).as("the team's own setting").isEqualTo("support-bot-v2");
  }

  @Test
  void unsetOptionsLeaveTheModelsOwnDefaults() {
    agent.chat(request(GenerationOptions.DEFAULTS));

    var parameters = model.received.get(0).parameters();
    assertThat(parameters.temperature()).isEqualTo(0.9);
    assertThat(parameters.maxOutputTokens()).isNull();
    assertThat(parameters.responseFormat()).isNull();
  }

  @Test
  void aRequestThatExpectsAChoiceSendsAStrictJsonSchemaOfTheLabels() {
    agent.chat(
        request(
            GenerationOptions.DEFAULTS
                .withConstrainedAnswers(ConstrainedAnswers.JSON_SCHEMA)
                .expectingChoice(ChoiceConstraint.letters(3))));

    ResponseFormat format = model.received.get(0).parameters().responseFormat();
    assertThat(format.type()).isEqualTo(ResponseFormatType.JSON);
    assertThat(format.jsonSchema().name()).isEqualTo("choice");
    JsonObjectSchema root = (JsonObjectSchema) format.jsonSchema().rootElement();
    assertThat(root.required()).containsExactly("choice");
    assertThat(root.additionalProperties()).isFalse();
    assertThat(((JsonEnumSchema) root.properties().get("choice")).enumValues()).containsExactly("A", "B", "C");
  }

  @Test
  void aGrammarHasNoLangChain4jFormAndIsNotSent() {
    agent.chat(
        request(
            GenerationOptions.DEFAULTS
                .withConstrainedAnswers(ConstrainedAnswers.GRAMMAR)
                .expectingChoice(ChoiceConstraint.letters(3))));

    assertThat(model.received.get(0).parameters().responseFormat()).isNull();
  }

  @Test
  void aLengthStopIsATruncatedReply() {
    ModelReply reply =
        answering(ChatResponse.builder().aiMessage(AiMessage.from("I would pick")).finishReason(FinishReason.LENGTH).build());

    assertThat(reply.outcome()).isEqualTo(ModelReply.Outcome.TRUNCATED);
    assertThat(reply.content()).isEqualTo("I would pick");
  }

  @Test
  void aContentFilterStopIsAFilteredReply() {
    ModelReply reply =
        answering(ChatResponse.builder().aiMessage(AiMessage.from("")).finishReason(FinishReason.CONTENT_FILTER).build());

    assertThat(reply.outcome()).isEqualTo(ModelReply.Outcome.CONTENT_FILTERED);
  }

  @Test
  void aRequestTheProvidersFilterRejectsIsAFilteredReply() {
    model.override =
        r -> {
          throw new ContentFilteredException("the prompt was filtered");
        };

    assertThat(agent.chat(request(GenerationOptions.DEFAULTS)).outcome())
        .isEqualTo(ModelReply.Outcome.CONTENT_FILTERED);
  }

  @Test
  void aReplyWithoutTextIsEmpty() {
    ToolExecutionRequest tool = ToolExecutionRequest.builder().name("lookup").arguments("{}").build();

    assertThat(answering(ChatResponse.builder().aiMessage(AiMessage.from(tool)).finishReason(FinishReason.TOOL_EXECUTION).build()).outcome())
        .isEqualTo(ModelReply.Outcome.EMPTY);
    assertThat(answering(ChatResponse.builder().aiMessage(AiMessage.from(" ")).finishReason(FinishReason.STOP).build()).outcome())
        .isEqualTo(ModelReply.Outcome.EMPTY);
  }

  @Test
  void reportedTokensAreTaken() {
    assertThat(agent.chat(request(GenerationOptions.DEFAULTS)).usage()).isEqualTo(TokenUsage.reported(120, 7));
  }

  @Test
  void tokensTheModelDoesNotReportAreEstimatedAndMarkedSo() {
    ModelReply reply = answering(ChatResponse.builder().aiMessage(AiMessage.from("B, for both of us")).build());

    String prompt = "You are the support bot.\nHello\nHi, how can I help?\nPick one.";
    assertThat(reply.usage()).isEqualTo(TokenUsage.estimate(prompt, "B, for both of us"));
    assertThat(reply.usage().estimated()).isTrue();
    assertThat(reply.outcome()).isEqualTo(ModelReply.Outcome.ANSWERED);
  }

  @Test
  void anExceptionIsAModelExceptionThatNamesTheModelAndKeepsTheCause() {
    RateLimitException limit = new RateLimitException("slow down");
    model.override =
        r -> {
          throw limit;
        };

    assertThatThrownBy(() -> agent.chat(request(GenerationOptions.DEFAULTS)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("the model support-bot (a LangChain4j ChatModel) failed")
        .hasMessageContaining("slow down")
        .hasCause(limit);
  }

  @Test
  void theProviderAdaptsChatModelsAndNothingElse() {
    assertThat(Fixtures.PROVIDER.adapts(ChatModel.class)).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(ScriptedChatModel.class)).isTrue();
    assertThat(Fixtures.PROVIDER.adapts(String.class)).isFalse();
    assertThat(Fixtures.PROVIDER.adapts(Runnable.class)).isFalse();
  }

  @Test
  void aLangChain4jSpecSaysToHandTheModelIn() {
    assertThatThrownBy(() -> Fixtures.PROVIDER.create(io.github.hvae.agent.ModelSpec.parse("langchain4j:gpt-4o"), Fixtures.CONTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@HvaeModel(\"support-bot\") static ChatModel bot");
  }
}

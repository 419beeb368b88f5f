package io.github.hvae.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.output.FinishReason;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import java.util.List;
import java.util.Optional;

/** Our requests in LangChain4j's terms, and its responses in ours. */
final class Replies {

  private Replies() {}

  static dev.langchain4j.data.message.ChatMessage message(ChatMessage message) {
    return switch (message.role()) {
      case SYSTEM -> SystemMessage.from(message.content());
      case USER -> UserMessage.from(message.content());
      case ASSISTANT -> AiMessage.from(message.content());
    };
  }

  static List<dev.langchain4j.data.message.ChatMessage> messages(ChatRequest request) {
    return request.messages().stream().map(Replies::message).toList();
  }

  /**
   * What the options ask of the model in LangChain4j's portable parameters: temperature, the token
   * limit and, on a request that expects a choice under {@code hvae.constrained-answers=json-schema},
   * a JSON-schema response format. Unset values stay unset, so the model's own defaults apply. The
   * portable parameters have no seed, and a grammar has no LangChain4j form: neither is sent.
   */
  static ChatRequestParameters parameters(GenerationOptions options) {
    var parameters = ChatRequestParameters.builder();
    options.temperature().ifPresent(parameters::temperature);
    options.maxTokens().ifPresent(parameters::maxOutputTokens);
    responseFormat(options).ifPresent(parameters::responseFormat);
    return parameters.build();
  }

  /** {@code {"choice": one of the labels}}, strict: the answer can be nothing else. */
  static Optional<ResponseFormat> responseFormat(GenerationOptions options) {
    if (options.constrainedAnswers() != ConstrainedAnswers.JSON_SCHEMA) {
      return Optional.empty();
    }
    return options.choice().map(Replies::choiceFormat);
  }

  static ResponseFormat choiceFormat(ChoiceConstraint choice) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder()
                .name("choice")
                .rootElement(
                    JsonObjectSchema.builder()
                        .addEnumProperty("choice", choice.labels())
                        .required("choice")
                        .additionalProperties(false)
                        .build())
                .build())
        .build();
  }

  /**
   * A reply from what LangChain4j returned: {@code LENGTH} is a truncated answer, {@code
   * CONTENT_FILTER} a filtered one, no text an empty one. Token counts the model did not report are
   * estimated from {@code request}'s text, and marked so.
   */
  static ModelReply reply(
      ChatRequest request, String text, FinishReason finish, dev.langchain4j.model.output.TokenUsage usage) {
    String content = text == null ? "" : text;
    ModelReply.Outcome outcome;
    if (finish == FinishReason.LENGTH) {
      outcome = ModelReply.Outcome.TRUNCATED;
    } else if (finish == FinishReason.CONTENT_FILTER) {
      outcome = ModelReply.Outcome.CONTENT_FILTERED;
    } else {
      outcome = content.isBlank() ? ModelReply.Outcome.EMPTY : ModelReply.Outcome.ANSWERED;
    }
    return new ModelReply(content, outcome, usage(request, content, usage));
  }

  /** The provider's content filter refused the request itself ({@code ContentFilteredException}). */
  static ModelReply filtered(ChatRequest request) {
    return new ModelReply("", ModelReply.Outcome.CONTENT_FILTERED, usage(request, "", null));
  }

  static TokenUsage usage(ChatRequest request, String completion, dev.langchain4j.model.output.TokenUsage usage) {
    Integer input = usage == null ? null : usage.inputTokenCount();
    Integer output = usage == null ? null : usage.outputTokenCount();
    if (input != null && output != null) {
      return TokenUsage.reported(input, output);
    }
    return new TokenUsage(
        input != null ? input : TokenUsage.estimateTokens(promptText(request)),
        output != null ? output : TokenUsage.estimateTokens(completion),
        true);
  }

  static String promptText(ChatRequest request) {
    return String.join("\n", request.messages().stream().map(ChatMessage::content).toList());
  }
}

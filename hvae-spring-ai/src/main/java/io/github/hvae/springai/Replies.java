package io.github.hvae.springai;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.ModelOptionsUtils;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/** Our requests in Spring AI's terms, and its responses in ours. */
final class Replies {

  /**
   * Finish reasons that mean the token limit cut the answer, as Spring AI's models report them
   * (lower-cased): OpenAI, Azure OpenAI, Ollama and Mistral {@code length}, Anthropic and Bedrock
   * {@code max_tokens}, Gemini {@code max_tokens}, Mistral {@code model_length}.
   */
  static final Set<String> LENGTH = Set.of("length", "max_tokens", "model_length");

  /**
   * Finish reasons that mean a provider's filter stopped or withheld the answer: OpenAI and Azure
   * {@code content_filter}, Bedrock {@code content_filtered} and {@code guardrail_intervened},
   * Gemini {@code safety}, {@code prohibited_content}, {@code blocklist}, {@code spii} and {@code
   * recitation}, Anthropic {@code refusal}.
   */
  static final Set<String> FILTERED =
      Set.of(
          "content_filter", "content_filtered", "guardrail_intervened", "safety", "prohibited_content",
          "blocklist", "spii", "recitation", "refusal");

  private Replies() {}

  static Message message(ChatMessage message) {
    return switch (message.role()) {
      case SYSTEM -> new SystemMessage(message.content());
      case USER -> new UserMessage(message.content());
      case ASSISTANT -> new AssistantMessage(message.content());
    };
  }

  static List<Message> messages(List<ChatMessage> messages) {
    return messages.stream().map(Replies::message).collect(Collectors.toList());
  }

  /**
   * The options to send over {@code base} (the model's or client's own, which may be absent):
   * empty when the request sets nothing, so the defaults apply untouched. Temperature and the token
   * limit are portable options; they are merged into a copy of {@code base}, so a client's own
   * options (its model name, say) are kept. On a request that expects a choice under {@code
   * hvae.constrained-answers=json-schema}, the schema is set where {@code base} takes one (options
   * implementing {@code StructuredOutputChatOptions}, such as OpenAI's); portable options have no
   * schema, no seed and no grammar, so those are not sent.
   */
  static Optional<ChatOptions> options(GenerationOptions options, ChatOptions base) {
    Optional<String> schema = schema(options);
    boolean structured = schema.isPresent() && base instanceof StructuredOutputChatOptions;
    if (options.temperature().isEmpty() && options.maxTokens().isEmpty() && !structured) {
      return Optional.empty();
    }
    ChatOptions portable =
        ChatOptions.builder()
            .temperature(options.temperature().isPresent() ? options.temperature().getAsDouble() : null)
            .maxTokens(options.maxTokens().isPresent() ? options.maxTokens().getAsInt() : null)
            .build();
    if (base == null) {
      return Optional.of(portable);
    }
    ChatOptions merged = ModelOptionsUtils.mergeBeans(portable, base.<ChatOptions>copy(), ChatOptions.class, true);
    if (structured) {
      ((StructuredOutputChatOptions) merged).setOutputSchema(schema.get());
    }
    return Optional.of(merged);
  }

  static Optional<String> schema(GenerationOptions options) {
    if (options.constrainedAnswers() != ConstrainedAnswers.JSON_SCHEMA) {
      return Optional.empty();
    }
    return options.choice().map(Replies::choiceSchema);
  }

  /** {@code {"choice": one of the labels}}, strict: the answer can be nothing else. */
  static String choiceSchema(ChoiceConstraint choice) {
    String labels =
        choice.labels().stream().map(ModelOptionsUtils::toJsonString).collect(Collectors.joining(","));
    return "{\"type\":\"object\",\"properties\":{\"choice\":{\"type\":\"string\",\"enum\":[" + labels
        + "]}},\"required\":[\"choice\"],\"additionalProperties\":false}";
  }

  /**
   * A reply from what Spring AI returned: a length finish reason is a truncated answer, a filter's
   * a filtered one, no text an empty one, no generation at all none. Token counts the model did not
   * report (Spring AI's {@code EmptyUsage}, or zero prompt tokens) are estimated from {@code
   * request}'s text, and marked so.
   */
  static ModelReply reply(ChatRequest request, ChatResponse response) {
    Generation generation = response == null ? null : response.getResult();
    Usage usage = response == null || response.getMetadata() == null ? null : response.getMetadata().getUsage();
    if (generation == null || generation.getOutput() == null) {
      return new ModelReply("", ModelReply.Outcome.NO_CHOICES, usage(request, "", usage));
    }
    String text = generation.getOutput().getText();
    String content = text == null ? "" : text;
    String finish =
        generation.getMetadata() == null || generation.getMetadata().getFinishReason() == null
            ? ""
            : generation.getMetadata().getFinishReason().toLowerCase(Locale.ROOT);
    ModelReply.Outcome outcome;
    if (LENGTH.contains(finish)) {
      outcome = ModelReply.Outcome.TRUNCATED;
    } else if (FILTERED.contains(finish)) {
      outcome = ModelReply.Outcome.CONTENT_FILTERED;
    } else {
      outcome = content.isBlank() ? ModelReply.Outcome.EMPTY : ModelReply.Outcome.ANSWERED;
    }
    return new ModelReply(content, outcome, usage(request, content, usage));
  }

  static TokenUsage usage(ChatRequest request, String completion, Usage usage) {
    boolean reported =
        usage != null
            && !(usage instanceof EmptyUsage)
            && usage.getPromptTokens() != null
            && usage.getCompletionTokens() != null
            && usage.getPromptTokens() > 0;
    if (reported) {
      return TokenUsage.reported(usage.getPromptTokens(), usage.getCompletionTokens());
    }
    return TokenUsage.estimate(promptText(request), completion);
  }

  static String promptText(ChatRequest request) {
    return String.join("\n", request.messages().stream().map(ChatMessage::content).toList());
  }
}

package io.github.hvae.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelEndpoint;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.agent.resilience.ResilientJsonClient;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A client of the OpenAI Chat Completions API ({@code POST <base>/chat/completions}), which OpenAI,
 * vLLM, Ollama ({@code /v1}), llama.cpp's server, LM Studio, OpenRouter and others serve.
 *
 * <p>Sends {@code model} and {@code messages}, plus {@code temperature}, {@code seed} and {@code
 * max_tokens} only when the {@link GenerationOptions} carry them, so the server's defaults apply
 * otherwise. The seed sent is the configured seed plus the sample index: each sample stays an
 * independent conversation, and a rerun asks for the same ones. Sends {@code Authorization: Bearer}
 * only when there is a key (local servers need none).
 */
public final class OpenAiChatAgent implements ModelAgent {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ModelEndpoint endpoint;
  private final ResilientJsonClient client;
  private final HttpUrl url;
  private final Headers headers;

  public OpenAiChatAgent(ModelEndpoint endpoint, ResilientJsonClient client) {
    this.endpoint = endpoint;
    this.client = client;
    this.url = endpoint.resolvePath("chat/completions");
    Headers.Builder builder = new Headers.Builder().add("Accept", "application/json");
    endpoint.apiKey().ifPresent(key -> builder.add("Authorization", "Bearer " + key.reveal()));
    this.headers = builder.build();
  }

  @Override
  public ModelSpec spec() {
    return endpoint.spec();
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    JsonNode json = client.post(url, headers, body(request), this::advice);
    return read(json, promptText(request));
  }

  /** The request body, exactly as sent. */
  ObjectNode body(ChatRequest request) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", endpoint.spec().model());
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage message : request.messages()) {
      messages
          .addObject()
          .put("role", message.role().name().toLowerCase(Locale.ROOT))
          .put("content", message.content());
    }
    GenerationOptions options = request.options();
    options.temperature().ifPresent(t -> body.put("temperature", t));
    options.seed().ifPresent(s -> body.put("seed", s + request.sampleIndex()));
    options.maxTokens().ifPresent(n -> body.put("max_tokens", n));
    return body;
  }

  static ModelReply read(JsonNode json, String prompt) {
    JsonNode choices = json.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      return new ModelReply("", ModelReply.Outcome.NO_CHOICES, usage(json, prompt, ""));
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.path("message");
    String content = message.path("content").isTextual() ? message.path("content").asText() : "";
    if (content.isEmpty() && message.path("refusal").isTextual()) {
      // OpenAI reports a model's own refusal beside an empty content; the protocol counts it.
      content = message.path("refusal").asText();
    }
    String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : "";
    ModelReply.Outcome outcome =
        switch (finish) {
          case "length" -> ModelReply.Outcome.TRUNCATED;
          case "content_filter" -> ModelReply.Outcome.CONTENT_FILTERED;
          default -> content.isBlank() ? ModelReply.Outcome.EMPTY : ModelReply.Outcome.ANSWERED;
        };
    return new ModelReply(content, outcome, usage(json, prompt, content));
  }

  private static TokenUsage usage(JsonNode json, String prompt, String completion) {
    JsonNode usage = json.path("usage");
    if (usage.path("prompt_tokens").canConvertToLong()
        && usage.path("completion_tokens").canConvertToLong()) {
      return TokenUsage.reported(
          usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong());
    }
    return TokenUsage.estimate(prompt, completion);
  }

  static String promptText(ChatRequest request) {
    return String.join("\n", request.messages().stream().map(ChatMessage::content).toList());
  }

  private String advice(int status) {
    String model = endpoint.spec().model();
    return switch (status) {
      case 400 ->
          "the server rejected the request as invalid; check the model name '"
              + model
              + "' and hvae.temperature";
      case 401 ->
          endpoint
              .apiKey()
              .map(
                  key ->
                      "the API key from "
                          + key.variable()
                          + " was rejected; set "
                          + endpoint.keyAdvice()
                          + " to a valid key")
              .orElse("no API key was sent; set " + endpoint.keyAdvice());
      case 403 ->
          "the API key is not allowed to use model '"
              + model
              + "'; check the key's permissions, or choose another model";
      case 404 ->
          "model '"
              + model
              + "' or the URL does not exist there; check the model name in hvae.model and"
              + " hvae.base-url (OpenAI-compatible servers usually serve under /v1)";
      default -> "check hvae.model and hvae.base-url";
    };
  }

  @Override
  public void close() {
    client.close();
  }
}

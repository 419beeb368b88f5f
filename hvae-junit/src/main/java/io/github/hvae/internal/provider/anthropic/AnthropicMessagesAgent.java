package io.github.hvae.internal.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.provider.ModelEndpoint;
import io.github.hvae.internal.provider.RejectedParameter;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.http.ResilientJsonClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A client of the Anthropic Messages API ({@code POST <base>/messages}, base {@code
 * https://api.anthropic.com/v1}): {@code x-api-key} and {@code anthropic-version} headers, the
 * system prompt in its own {@code system} field, and the required {@code max_tokens}. The API has
 * no seed; {@code temperature} is sent only when configured. Constrained answers ({@code
 * hvae.constrained-answers}) are not sent: the request stays free text and the parser reads it.
 */
public final class AnthropicMessagesAgent implements ModelAgent {

  /** The API version this client speaks. */
  public static final String API_VERSION = "2023-06-01";

  /** {@code max_tokens} when none is configured: ample for an item answer or a goal sentence. */
  public static final int DEFAULT_MAX_TOKENS = 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ModelEndpoint endpoint;
  private final ResilientJsonClient client;
  private final HttpUrl url;
  private final Headers headers;

  public AnthropicMessagesAgent(ModelEndpoint endpoint, ResilientJsonClient client) {
    this.endpoint = endpoint;
    this.client = client;
    this.url = endpoint.resolvePath("messages");
    Headers.Builder builder =
        new Headers.Builder()
            .add("Accept", "application/json")
            .add("anthropic-version", API_VERSION);
    builder.addAll(endpoint.headers());
    this.headers = builder.build();
  }

  @Override
  public ModelSpec spec() {
    return endpoint.spec();
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    ObjectNode body = body(request);
    JsonNode json = client.post(url, headers, body, RejectedParameter.naming(body, this::advice));
    return read(json, String.join("\n", request.messages().stream().map(ChatMessage::content).toList()));
  }

  /** The request body, exactly as sent. */
  ObjectNode body(ChatRequest request) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", endpoint.spec().model());
    GenerationOptions options = request.options();
    body.put("max_tokens", options.maxTokens().orElse(DEFAULT_MAX_TOKENS));
    List<String> system = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message.role() == ChatMessage.Role.SYSTEM) {
        system.add(message.content());
      }
    }
    if (!system.isEmpty()) {
      body.put("system", String.join("\n\n", system));
    }
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage message : request.messages()) {
      // The API rejects empty text; a turn where the model said nothing is left out.
      if (message.role() == ChatMessage.Role.SYSTEM
          || (message.role() == ChatMessage.Role.ASSISTANT && message.content().isBlank())) {
        continue;
      }
      messages
          .addObject()
          .put("role", message.role().name().toLowerCase(Locale.ROOT))
          .put("content", message.content());
    }
    options.temperature().ifPresent(t -> body.put("temperature", t));
    return body;
  }

  static ModelReply read(JsonNode json, String prompt) {
    JsonNode content = json.path("content");
    StringBuilder text = new StringBuilder();
    if (content.isArray()) {
      for (JsonNode block : content) {
        if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
          text.append(block.path("text").asText());
        }
      }
    }
    String reply = text.toString();
    ModelReply.Outcome outcome;
    if (!content.isArray()) {
      outcome = ModelReply.Outcome.NO_CHOICES;
    } else {
      String stop = json.path("stop_reason").isTextual() ? json.path("stop_reason").asText() : "";
      outcome =
          switch (stop) {
            case "max_tokens" -> ModelReply.Outcome.TRUNCATED;
            case "refusal" -> ModelReply.Outcome.CONTENT_FILTERED;
            default -> reply.isBlank() ? ModelReply.Outcome.EMPTY : ModelReply.Outcome.ANSWERED;
          };
    }
    JsonNode usage = json.path("usage");
    TokenUsage tokens =
        usage.path("input_tokens").canConvertToLong() && usage.path("output_tokens").canConvertToLong()
            ? TokenUsage.reported(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong())
            : TokenUsage.estimate(prompt, reply);
    return new ModelReply(reply, outcome, tokens);
  }

  private String advice(int status) {
    String model = endpoint.spec().model();
    return switch (status) {
      case 400 ->
          "the API rejected the request as invalid; check the model name '"
              + model
              + "' and hvae.temperature (Anthropic accepts 0 to 1)";
      case 401 ->
          endpoint
              .apiKey()
              .map(key -> "the API key from " + key.variable() + " was rejected; set " + endpoint.keyAdvice() + " to a valid key")
              .orElse("no API key was sent; set " + endpoint.keyAdvice());
      case 403 -> "the API key is not allowed to use model '" + model + "'; check its permissions";
      case 404 ->
          "model '"
              + model
              + "' or the URL does not exist; check the model name in hvae.model and hvae.base-url"
              + " (default " + ModelEndpoint.ANTHROPIC_BASE_URL + ")";
      default -> "check hvae.model and hvae.base-url";
    };
  }

  @Override
  public void close() {
    client.close();
  }
}

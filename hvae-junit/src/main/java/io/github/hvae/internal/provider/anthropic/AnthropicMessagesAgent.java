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
import io.github.hvae.internal.provider.NonsenseUsage;
import io.github.hvae.internal.provider.RejectedParameter;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.http.ResilientJsonClient;
import io.github.hvae.internal.http.ServerUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A client of the Anthropic Messages API ({@code POST <base>/messages}, base {@code
 * https://api.anthropic.com/v1}): {@code x-api-key} and {@code anthropic-version} headers, the
 * system prompt in its own {@code system} field, and the required {@code max_tokens}. The API has
 * no seed; {@code temperature} is sent only when configured. Constrained answers ({@code
 * hvae.constrained-answers}) are not sent: the request stays free text and the parser reads it.
 *
 * <p><b>Prompt caching</b> (on unless turned off): each request marks its last message with {@code
 * cache_control: {type: ephemeral}}. A conversation's next turn repeats this request whole and
 * adds the reply and a new prompt, so the marked prefix is exactly what the next turn can read
 * from the cache, billed at a tenth of the input price; the API caches nothing below its minimum
 * prefix length (1024 tokens for most models) and charges nothing extra then. Usage counts every
 * prompt token ({@code input_tokens + cache_creation_input_tokens + cache_read_input_tokens}) as
 * prompt tokens and the cache reads as cached prompt tokens.
 *
 * <p>An answer whose {@code content} is not a list of blocks, or whose text block holds no text, is
 * a broken server: the call fails naming the field.
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
  private final boolean promptCaching;
  private final NonsenseUsage nonsenseUsage;

  /** With prompt caching on. */
  public AnthropicMessagesAgent(ModelEndpoint endpoint, ResilientJsonClient client) {
    this(endpoint, client, true);
  }

  /** @param promptCaching mark each request's repeated prefix for the provider's prompt cache */
  public AnthropicMessagesAgent(
      ModelEndpoint endpoint, ResilientJsonClient client, boolean promptCaching) {
    this.endpoint = endpoint;
    this.nonsenseUsage = new NonsenseUsage(endpoint.spec());
    this.client = client;
    this.promptCaching = promptCaching;
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
    ResilientJsonClient.Answer answer =
        client.exchange(url, headers, body, RejectedParameter.naming(body, this::advice), AnthropicMessagesAgent::brokenField);
    ModelReply reply =
        read(
            answer.json(),
            String.join("\n", request.messages().stream().map(ChatMessage::content).toList()),
            nonsenseUsage::note);
    return new ModelReply(reply.content(), reply.outcome(), reply.usage().withRetries(answer.retries()));
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
    if (promptCaching && !messages.isEmpty()) {
      // The breakpoint goes on the last block: everything up to it is the prefix the next turn
      // repeats. The API looks back from a breakpoint for the longest cached prefix, so one
      // breakpoint per request also finds what the previous turn cached.
      ObjectNode last = (ObjectNode) messages.get(messages.size() - 1);
      String text = last.path("content").asText();
      ArrayNode blocks = last.putArray("content");
      blocks
          .addObject()
          .put("type", "text")
          .put("text", text)
          .putObject("cache_control")
          .put("type", "ephemeral");
    }
    options.temperature().ifPresent(t -> body.put("temperature", t));
    return body;
  }

  /**
   * What makes {@code json} no Messages answer, empty when nothing does. A missing {@code content}
   * is an answer without one, which the protocol counts; {@code content: null}, or any field of the
   * wrong type, is a broken server.
   */
  static Optional<String> brokenField(JsonNode json) {
    JsonNode content = json.path("content");
    if (content.isMissingNode()) {
      return Optional.empty();
    }
    if (!content.isArray()) {
      return Optional.of("'content' = " + kind(content) + " where a list of blocks belongs");
    }
    for (int i = 0; i < content.size(); i++) {
      JsonNode block = content.get(i);
      if (!block.isObject()) {
        return Optional.of("'content[" + i + "]' = " + kind(block) + " where a block belongs");
      }
      if ("text".equals(block.path("type").asText(null)) && !block.path("text").isTextual()) {
        return Optional.of(
            "'content[" + i + "].text' = " + kind(block.path("text")) + " where text belongs");
      }
    }
    JsonNode stop = json.path("stop_reason");
    if (!stop.isMissingNode() && !stop.isNull() && !stop.isTextual()) {
      return Optional.of("'stop_reason' = " + kind(stop) + " where text belongs");
    }
    return Optional.empty();
  }

  private static String kind(JsonNode node) {
    if (node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "null";
    }
    String text = node.toString();
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }

  /** The reply in an answer that {@link #brokenField} found nothing wrong with. */
  static ModelReply read(JsonNode json, String prompt, Consumer<String> nonsense) {
    JsonNode content = json.path("content");
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
        text.append(block.path("text").asText());
      }
    }
    String reply = text.toString();
    String stop = json.path("stop_reason").isTextual() ? json.path("stop_reason").asText() : "";
    ModelReply.Outcome outcome =
        !content.isArray()
            ? ModelReply.Outcome.NO_CHOICES
            : switch (stop) {
          case "max_tokens" -> ModelReply.Outcome.TRUNCATED;
          case "refusal" -> ModelReply.Outcome.CONTENT_FILTERED;
          default -> reply.isBlank() ? ModelReply.Outcome.EMPTY : ModelReply.Outcome.ANSWERED;
        };
    return new ModelReply(reply, outcome, usage(json.path("usage"), prompt, reply, nonsense));
  }

  /**
   * Every prompt token, cached or not: the API counts {@code input_tokens} after the last cache
   * breakpoint only, and cache writes and reads apart.
   */
  private static TokenUsage usage(
      JsonNode usage, String prompt, String reply, Consumer<String> nonsense) {
    try {
      OptionalLong input = ServerUsage.count(usage.path("input_tokens"), "input_tokens");
      OptionalLong output = ServerUsage.count(usage.path("output_tokens"), "output_tokens");
      OptionalLong written =
          ServerUsage.count(
              usage.path("cache_creation_input_tokens"), "cache_creation_input_tokens");
      OptionalLong read =
          ServerUsage.count(usage.path("cache_read_input_tokens"), "cache_read_input_tokens");
      if (input.isPresent() && output.isPresent()) {
        long cached = read.orElse(0);
        long prompts = input.getAsLong() + written.orElse(0) + cached;
        return TokenUsage.reported(prompts, cached, output.getAsLong());
      }
    } catch (ServerUsage.Nonsense e) {
      nonsense.accept(e.getMessage());
    }
    return TokenUsage.estimate(prompt, reply);
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

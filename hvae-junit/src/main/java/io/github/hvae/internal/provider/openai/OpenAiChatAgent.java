package io.github.hvae.internal.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A client of the OpenAI Chat Completions API ({@code POST <base>/chat/completions}), which OpenAI,
 * vLLM, Ollama ({@code /v1}), llama.cpp's server, LM Studio, OpenRouter and others serve.
 *
 * <p>Sends {@code model} and {@code messages}, plus {@code temperature}, {@code seed} and {@code
 * max_tokens} only when the {@link GenerationOptions} carry them, so the server's defaults apply
 * otherwise. The seed sent is the configured seed plus the sample index: each sample stays an
 * independent conversation, and a rerun asks for the same ones; it goes in the field the endpoint
 * names ({@code seed}, Mistral's {@code random_seed}). Sends the endpoint's headers: its key in the
 * provider's header ({@code Authorization: Bearer}, Azure's {@code api-key}) only when there is a
 * key (local servers need none), and the configured headers.
 *
 * <p>With constrained answers on ({@code hvae.constrained-answers}), a request that expects a
 * choice also restricts the answer to the offered labels: {@code json-schema} sends OpenAI's
 * structured-outputs {@code response_format} (served by OpenAI, llama.cpp, vLLM, Ollama and LM
 * Studio), {@code grammar} sends llama.cpp's GBNF {@code grammar} field. Other requests are free
 * text either way.
 *
 * <p>An answer whose JSON does not have the API's shape ({@code choices} null or not an array, a
 * {@code message} or {@code content} of the wrong type) is a broken server: the call fails with a
 * {@link io.github.hvae.agent.ModelException} naming the field, never an unparseable answer.
 * Usage counts that are not plausible token counts are replaced by an estimate, with a note in the
 * log. {@code usage.prompt_tokens_details.cached_tokens} is counted as cached prompt tokens.
 */
public final class OpenAiChatAgent implements ModelAgent {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ModelEndpoint endpoint;
  private final ResilientJsonClient client;
  private final HttpUrl url;
  private final Headers headers;
  private final NonsenseUsage nonsenseUsage;

  public OpenAiChatAgent(ModelEndpoint endpoint, ResilientJsonClient client) {
    this.endpoint = endpoint;
    this.nonsenseUsage = new NonsenseUsage(endpoint.spec());
    this.client = client;
    this.url = endpoint.resolvePath("chat/completions");
    Headers.Builder builder = new Headers.Builder().add("Accept", "application/json");
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
        client.exchange(url, headers, body, RejectedParameter.naming(body, this::advice), OpenAiChatAgent::brokenField);
    ModelReply reply = read(answer.json(), promptText(request), nonsenseUsage::note);
    return new ModelReply(reply.content(), reply.outcome(), reply.usage().withRetries(answer.retries()));
  }

  /**
   * What makes {@code json} no Chat Completions answer, empty when nothing does. A missing {@code
   * choices} or an empty one is an answer without a choice, which the protocol counts; {@code
   * choices: null}, or any field of the wrong type, is a broken server.
   */
  static Optional<String> brokenField(JsonNode json) {
    JsonNode choices = json.path("choices");
    if (choices.isMissingNode()) {
      return Optional.empty();
    }
    if (!choices.isArray()) {
      return Optional.of("'choices' = " + kind(choices) + " where an array belongs");
    }
    if (choices.isEmpty()) {
      return Optional.empty();
    }
    JsonNode choice = choices.get(0);
    if (!choice.isObject()) {
      return Optional.of("'choices[0]' = " + kind(choice) + " where an object belongs");
    }
    JsonNode message = choice.path("message");
    if (!message.isMissingNode() && !message.isNull() && !message.isObject()) {
      return Optional.of("'choices[0].message' = " + kind(message) + " where an object belongs");
    }
    JsonNode content = message.path("content");
    if (!content.isMissingNode() && !content.isNull() && !content.isTextual() && !isTextParts(content)) {
      return Optional.of(
          "'choices[0].message.content' = " + kind(content) + " where text belongs");
    }
    JsonNode finish = choice.path("finish_reason");
    if (!finish.isMissingNode() && !finish.isNull() && !finish.isTextual()) {
      return Optional.of("'choices[0].finish_reason' = " + kind(finish) + " where text belongs");
    }
    return Optional.empty();
  }

  /**
   * Content as a list of text parts ({@code [{"type": "text", "text": "..."}]}), which some
   * OpenAI-compatible servers send instead of a string; anything else in the list is not text.
   */
  private static boolean isTextParts(JsonNode content) {
    if (!content.isArray() || content.isEmpty()) {
      return false;
    }
    for (JsonNode part : content) {
      if (!"text".equals(part.path("type").asText(null)) || !part.path("text").isTextual()) {
        return false;
      }
    }
    return true;
  }

  static String kind(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    String text = node.toString();
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }

  /**
   * The request body, exactly as sent; public for the benchmarks' plain load client, which sends a
   * whole evaluation's requests again without this library.
   */
  public ObjectNode body(ChatRequest request) {
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
    options.seed().ifPresent(s -> body.put(endpoint.seedParameter(), s + request.sampleIndex()));
    options.maxTokens().ifPresent(n -> body.put("max_tokens", n));
    options.choice().ifPresent(choice -> constrain(body, options.constrainedAnswers(), choice));
    return body;
  }

  /**
   * Restricts the answer to one of the choice's labels, in the shape the mode names. No {@code
   * max_tokens} is added: the schema or grammar bounds the answer, and OpenAI's reasoning models
   * reject {@code max_tokens} (a limit the user set is sent as it is).
   */
  private static void constrain(ObjectNode body, ConstrainedAnswers mode, ChoiceConstraint choice) {
    switch (mode) {
      case JSON_SCHEMA -> {
        // The json_schema wrapper is required: llama.cpp silently ignores a schema placed
        // directly under response_format. Strict mode needs every property required and no others.
        ObjectNode jsonSchema =
            body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        jsonSchema.put("name", "choice").put("strict", true);
        ObjectNode schema = jsonSchema.putObject("schema").put("type", "object");
        ArrayNode labels =
            schema.putObject("properties").putObject("choice").put("type", "string").putArray("enum");
        choice.labels().forEach(labels::add);
        schema.putArray("required").add("choice");
        schema.put("additionalProperties", false);
      }
      case GRAMMAR -> body.put("grammar", grammar(choice));
      case OFF -> {}
    }
  }

  /** GBNF for exactly one label: {@code root ::= [A-I]} for letters, else an alternation. */
  static String grammar(ChoiceConstraint choice) {
    int count = choice.labels().size();
    if (count <= 26 && choice.equals(ChoiceConstraint.letters(count))) {
      return "root ::= [A-" + choice.labels().get(count - 1) + "]";
    }
    StringBuilder rule = new StringBuilder("root ::= ");
    for (int i = 0; i < choice.labels().size(); i++) {
      String label = choice.labels().get(i);
      rule.append(i == 0 ? "" : " | ")
          .append('"')
          .append(label.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return rule.toString();
  }

  /** The reply in an answer that {@link #brokenField} found nothing wrong with. */
  static ModelReply read(JsonNode json, String prompt, java.util.function.Consumer<String> nonsense) {
    JsonNode choices = json.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      return new ModelReply("", ModelReply.Outcome.NO_CHOICES, usage(json, prompt, "", nonsense));
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.path("message");
    JsonNode contentNode = message.path("content");
    String content;
    if (contentNode.isTextual()) {
      content = contentNode.asText();
    } else if (contentNode.isArray()) {
      StringBuilder parts = new StringBuilder();
      contentNode.forEach(part -> parts.append(part.path("text").asText()));
      content = parts.toString();
    } else {
      content = "";
    }
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
    return new ModelReply(content, outcome, usage(json, prompt, content, nonsense));
  }

  /**
   * The server's usage, {@code cached_tokens} being part of {@code prompt_tokens}; an estimate
   * when it sent none, or sent counts that are none (then {@code nonsense} hears which).
   */
  private static TokenUsage usage(
      JsonNode json, String prompt, String completion, java.util.function.Consumer<String> nonsense) {
    JsonNode usage = json.path("usage");
    try {
      OptionalLong promptTokens = ServerUsage.count(usage.path("prompt_tokens"), "prompt_tokens");
      OptionalLong completionTokens =
          ServerUsage.count(usage.path("completion_tokens"), "completion_tokens");
      OptionalLong cached =
          ServerUsage.count(
              usage.path("prompt_tokens_details").path("cached_tokens"),
              "prompt_tokens_details.cached_tokens");
      if (promptTokens.isPresent() && completionTokens.isPresent()) {
        long cachedTokens = cached.orElse(0);
        if (cachedTokens > promptTokens.getAsLong()) {
          throw new ServerUsage.Nonsense(
              "cached_tokens=" + cachedTokens + " above prompt_tokens=" + promptTokens.getAsLong());
        }
        return TokenUsage.reported(
            promptTokens.getAsLong(), cachedTokens, completionTokens.getAsLong());
      }
    } catch (ServerUsage.Nonsense e) {
      nonsense.accept(e.getMessage());
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
              + "', hvae.temperature and hvae.constrained-answers (the server must support the"
              + " mode); if the conversation exceeds the server's context size, give the server a"
              + " larger context (llama.cpp: -c)";
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

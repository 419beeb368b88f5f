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
import io.github.hvae.internal.provider.RejectedParameter;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.http.ResilientJsonClient;
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

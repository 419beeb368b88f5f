package io.github.hvae.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.http.HttpTimeouts;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider shortcuts on the wire: each one's path, query, headers and body parameters, against
 * a loopback server standing in for the provider (its base URL given by the provider's own key).
 */
class ProviderShortcutsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OK =
      "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":1}}";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ModelAgent agent(String spec, Map<String, String> parameters, Map<String, String> env) {
    AgentSettings defaults = AgentSettings.defaults(1);
    AgentSettings settings =
        defaults
            .withEnvironment(Environment.of(env))
            .withRetry(defaults.retry().withSleeper(new Agents.RecordingSleeper()).withMaxAttempts(1))
            .withTimeouts(new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    return ModelAgents.create(ModelSpec.parse(spec), SettingsContext.of(settings, parameters));
  }

  private static ChatRequest request(GenerationOptions options) {
    return new ChatRequest(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Pick A or B.")), options, 2);
  }

  private RecordedRequest exchange(String spec, Map<String, String> parameters, Map<String, String> env, GenerationOptions options)
      throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK).build());
    try (ModelAgent agent = agent(spec, parameters, env)) {
      assertThat(agent.chat(request(options)).content()).isEqualTo("A");
    }
    return server.takeRequest();
  }

  private String base(String path) {
    return server.url(path).toString();
  }

  private static JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().utf8());
  }

  @Test
  void azurePostsToTheDeploymentWithApiVersionAndTheApiKeyHeader() throws Exception {
    RecordedRequest request =
        exchange(
            "azure:my-gpt4o",
            Map.of(),
            Map.of("AZURE_OPENAI_ENDPOINT", base("/"), "AZURE_OPENAI_API_KEY", "az-key-0123456789"),
            GenerationOptions.DEFAULTS.withSeed(40));

    assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/my-gpt4o/chat/completions");
    assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
    assertThat(request.getHeaders().get("api-key")).isEqualTo("az-key-0123456789");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(body(request).path("model").asText()).isEqualTo("my-gpt4o");
    assertThat(body(request).path("seed").asLong()).isEqualTo(42);
  }

  @Test
  void azuresApiVersionAndGatewayHeaderAreConfigurable() throws Exception {
    RecordedRequest request =
        exchange(
            "azure:d",
            Map.of(
                "hvae.azure.base-url", base("/"),
                "hvae.azure.api-version", "2025-04-01-preview",
                "hvae.azure.headers", "Ocp-Apim-Subscription-Key=APIM_KEY"),
            Map.of("AZURE_OPENAI_API_KEY", "az-key-0123456789", "APIM_KEY", "apim-sub-0123456789"),
            GenerationOptions.DEFAULTS);

    assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2025-04-01-preview");
    assertThat(request.getHeaders().get("Ocp-Apim-Subscription-Key")).isEqualTo("apim-sub-0123456789");
    assertThat(request.getHeaders().get("api-key")).isEqualTo("az-key-0123456789");
  }

  @Test
  void geminiPostsToItsOpenAiCompatibleEndpointWithItsOwnBearerKey() throws Exception {
    RecordedRequest request =
        exchange(
            "gemini:gemini-2.5-flash",
            Map.of("hvae.gemini.base-url", base("/v1beta/openai")),
            Map.of("GEMINI_API_KEY", "gem-key-0123456789", "OPENAI_API_KEY", "sk-openai-not-for-google"),
            GenerationOptions.DEFAULTS.withTemperature(0.5));

    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1beta/openai/chat/completions");
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer gem-key-0123456789");
    assertThat(body(request).path("model").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(body(request).path("temperature").asDouble()).isEqualTo(0.5);
  }

  @Test
  void openRouterSendsItsAttributionHeadersFromTheEnvironment() throws Exception {
    RecordedRequest request =
        exchange(
            "openrouter:meta-llama/llama-3.1-8b-instruct",
            Map.of(
                "hvae.openrouter.base-url", base("/api/v1"),
                "hvae.openrouter.headers", "HTTP-Referer=OPENROUTER_SITE_URL,X-Title=OPENROUTER_APP_NAME"),
            Map.of(
                "OPENROUTER_API_KEY", "sk-or-v1-0123456789",
                "OPENROUTER_SITE_URL", "https://example.org/ci",
                "OPENROUTER_APP_NAME", "hvae alignment tests"),
            GenerationOptions.DEFAULTS.withSeed(7));

    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-or-v1-0123456789");
    assertThat(request.getHeaders().get("HTTP-Referer")).isEqualTo("https://example.org/ci");
    assertThat(request.getHeaders().get("X-Title")).isEqualTo("hvae alignment tests");
    assertThat(body(request).path("model").asText()).isEqualTo("meta-llama/llama-3.1-8b-instruct");
    assertThat(body(request).path("seed").asLong()).isEqualTo(9);
  }

  @Test
  void mistralGetsTheSeedAsRandomSeed() throws Exception {
    RecordedRequest request =
        exchange(
            "mistral:mistral-small-latest",
            Map.of("hvae.mistral.base-url", base("/v1")),
            Map.of("MISTRAL_API_KEY", "mistral-key-0123456789"),
            GenerationOptions.DEFAULTS.withSeed(100));

    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer mistral-key-0123456789");
    JsonNode body = body(request);
    assertThat(body.path("random_seed").asLong()).isEqualTo(102);
    assertThat(body.has("seed")).isFalse();
  }

  @Test
  void anthropicTakesItsBaseUrlFromTheSdksVariableAndItsKeyInXApiKey() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"content\":[{\"type\":\"text\",\"text\":\"A\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}")
            .build());
    try (ModelAgent agent =
        agent(
            "anthropic:claude-test",
            Map.of(),
            Map.of("ANTHROPIC_BASE_URL", base("/"), "ANTHROPIC_API_KEY", "sk-ant-0123456789"))) {
      agent.chat(request(GenerationOptions.DEFAULTS));
    }
    RecordedRequest request = server.takeRequest();

    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-ant-0123456789");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  private ModelException rejected(String spec, Map<String, String> parameters, Map<String, String> env, int status, String error, GenerationOptions options) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(error).build());
    try (ModelAgent agent = agent(spec, parameters, env)) {
      return (ModelException) org.assertj.core.api.Assertions.catchThrowable(() -> agent.chat(request(options)));
    }
  }

  @Test
  void aParameterOpenAiRejectsIsNamedWithTheSettingThatSentIt() {
    ModelException e =
        rejected(
            "openai:o3-mini",
            Map.of("hvae.openai.base-url", base("/v1")),
            Map.of(),
            400,
            "{\"error\":{\"message\":\"Unsupported value: does not support 0.7 with this model.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_value\"}}",
            GenerationOptions.DEFAULTS.withTemperature(0.7).withSeed(1));

    assertThat(e)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining(
            "the server rejects the request parameter 'temperature', which hvae.temperature puts in every"
                + " request: leave hvae.temperature unset for this model");
  }

  @Test
  void mistralsValidationErrorNamesRandomSeed() {
    ModelException e =
        rejected(
            "mistral:m",
            Map.of("hvae.mistral.base-url", base("/v1")),
            Map.of(),
            422,
            "{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"body\","
                + "\"random_seed\"],\"msg\":\"Input should be a valid integer\"}]},\"type\":\"invalid_request_message_error\"}",
            GenerationOptions.DEFAULTS.withSeed(1));

    assertThat(e).hasMessageContaining("HTTP 422").hasMessageContaining("rejects the request parameter 'random_seed', which hvae.seed");
  }

  @Test
  void anErrorThatNamesNoParameterListsTheOptionalOnesThatWereSent() {
    ModelException e =
        rejected(
            "openai:m",
            Map.of("hvae.openai.base-url", base("/v1")),
            Map.of(),
            400,
            "{\"error\":{\"message\":\"Bad request.\"}}",
            GenerationOptions.DEFAULTS.withTemperature(0.2).withSeed(1));

    assertThat(e)
        .hasMessageContaining(
            "the request carried the optional parameters temperature (hvae.temperature), seed (hvae.seed);"
                + " the server may reject one of them");
  }

  @Test
  void serverTextIsNeverRepeatedAsAParameterName() {
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_API_KEY", "sk-echoed-0123456789abcdef");
    ModelException e =
        rejected(
            "openai:m",
            Map.of("hvae.openai.base-url", base("/v1")),
            env,
            400,
            "{\"error\":{\"message\":\"nope\",\"param\":\"sk-echoed-0123456789abcdef\"}}",
            GenerationOptions.DEFAULTS);

    assertThat(e).hasMessageNotContaining("sk-echoed-0123456789abcdef").hasMessageNotContaining("rejects the request parameter");
  }

  @Test
  void anUnsetHeaderVariableStopsTheAgentBeforeAnyRequest() {
    assertThatThrownBy(
            () ->
                agent(
                    "openrouter:x/y",
                    Map.of("hvae.openrouter.base-url", base("/api/v1"), "hvae.openrouter.headers", "X-Title=APP_NAME"),
                    Map.of("OPENROUTER_API_KEY", "k-0123456789")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("APP_NAME, which is not set");
    assertThat(server.getRequestCount()).isZero();
  }
}

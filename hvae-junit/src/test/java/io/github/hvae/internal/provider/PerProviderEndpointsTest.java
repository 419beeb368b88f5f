package io.github.hvae.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ModelSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each provider's endpoint from its own settings, as a test run resolves it: {@code hvae.base-url}
 * and {@code HVAE_API_KEY} only for the provider {@code hvae.model} names.
 */
class PerProviderEndpointsTest {

  private static final String HVAE_KEY = "hvae-run-key-5b1f0c7a9d";
  private static final String OPENAI_KEY = "sk-openai-own-3c9e1a77f2";
  private static final String ANTHROPIC_KEY = "sk-ant-own-8d2b4f60e1";

  /** A test run's context: configuration parameters and a fake environment. */
  private static SettingsContext run(Map<String, String> parameters, Map<String, String> env) {
    AgentSettings settings = AgentSettings.defaults(1).withEnvironment(Environment.of(env));
    // As AgentRegistry makes it: hvae.base-url is also the settings' base URL.
    AgentSettings withBase =
        Optional.ofNullable(parameters.get("hvae.base-url")).map(settings::withBaseUrl).orElse(settings);
    Map<String, String> copy = Map.copyOf(parameters);
    return new SettingsContext(withBase, key -> Optional.ofNullable(copy.get(key)));
  }

  private static ModelEndpoint endpoint(String spec, SettingsContext context) {
    return HttpEndpoints.endpoint(ModelSpec.parse(spec), context);
  }

  private static Optional<String> unavailable(String spec, SettingsContext context) {
    return ModelAgents.unavailableReason(ModelSpec.parse(spec), context);
  }

  private static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @ParameterizedTest
  @CsvSource({
    "openai:m, https://api.openai.com/v1, OPENAI_API_KEY, Authorization, 'Bearer '",
    "anthropic:m, https://api.anthropic.com/v1, ANTHROPIC_API_KEY, x-api-key, ''",
    "gemini:gemini-2.5-flash, https://generativelanguage.googleapis.com/v1beta/openai, GEMINI_API_KEY, Authorization, 'Bearer '",
    "openrouter:meta-llama/llama-3.1-8b-instruct, https://openrouter.ai/api/v1, OPENROUTER_API_KEY, Authorization, 'Bearer '",
    "mistral:mistral-small-latest, https://api.mistral.ai/v1, MISTRAL_API_KEY, Authorization, 'Bearer '",
  })
  void eachProviderHasItsOwnEndpointKeyVariableAndKeyHeader(
      String spec, String baseUrl, String variable, String header, String prefix) {
    SettingsContext context = run(map("hvae.model", "reference"), map(variable, "own-key-0123456789"));

    ModelEndpoint endpoint = endpoint(spec, context);

    assertThat(endpoint.baseUrl().toString()).isEqualTo(baseUrl);
    assertThat(endpoint.keyVariables()).containsExactly(variable);
    assertThat(endpoint.headers().toMultimap()).containsOnlyKeys(header.toLowerCase(java.util.Locale.ROOT));
    assertThat(endpoint.headers().get(header)).isEqualTo(prefix + "own-key-0123456789");
    assertThat(unavailable(spec, context)).isEmpty();
  }

  @Test
  void theProvidersConfigurationKeyBeatsItsVariableWhichBeatsItsDefault() {
    Map<String, String> env = map("OPENAI_BASE_URL", "http://10.0.0.7:8000/v1");
    assertThat(endpoint("openai:m", run(map(), env)).baseUrl().toString()).isEqualTo("http://10.0.0.7:8000/v1");
    assertThat(
            endpoint("openai:m", run(map("hvae.openai.base-url", "http://10.0.0.8:8000/v1/"), env))
                .baseUrl()
                .toString())
        .isEqualTo("http://10.0.0.8:8000/v1");
    assertThat(endpoint("openai:m", run(map(), map())).baseUrl().toString()).isEqualTo("https://api.openai.com/v1");
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.anthropic.com, https://api.anthropic.com/v1",
    "https://proxy.example.com/anthropic/, https://proxy.example.com/anthropic/v1",
    "http://127.0.0.1:9000/v1, http://127.0.0.1:9000/v1"
  })
  void anthropicBaseUrlIsTheAnthropicSdksHostToWhichV1IsAdded(String variable, String expected) {
    assertThat(endpoint("anthropic:m", run(map(), map("ANTHROPIC_BASE_URL", variable))).baseUrl().toString())
        .isEqualTo(expected);
    // The library's own key takes the API base, /v1 included, as hvae.base-url always has.
    assertThat(
            endpoint("anthropic:m", run(map("hvae.anthropic.base-url", "https://gw.example.com/v2"), map()))
                .baseUrl()
                .toString())
        .isEqualTo("https://gw.example.com/v2");
  }

  @Test
  void hvaeBaseUrlAndHvaeApiKeyServeOnlyTheProviderHvaeModelNames() {
    SettingsContext context =
        run(
            map("hvae.model", "openai:gpt-x", "hvae.base-url", "https://gateway.example.com/v1"),
            map("HVAE_API_KEY", HVAE_KEY, "OPENAI_API_KEY", OPENAI_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY));

    ModelEndpoint openai = endpoint("openai:gpt-x", context);
    assertThat(openai.baseUrl().toString()).isEqualTo("https://gateway.example.com/v1");
    assertThat(openai.headers().get("Authorization")).isEqualTo("Bearer " + HVAE_KEY);

    ModelEndpoint anthropic = endpoint("anthropic:claude-y", context);
    assertThat(anthropic.baseUrl().toString()).isEqualTo("https://api.anthropic.com/v1");
    assertThat(anthropic.keyVariables()).containsExactly("ANTHROPIC_API_KEY");
    assertThat(anthropic.headers().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
    assertThat(anthropic.headers().toString()).doesNotContain(HVAE_KEY).doesNotContain(OPENAI_KEY);
  }

  @Test
  void hvaeApiKeyNeverReachesAProviderHvaeModelDoesNotName() {
    // A local Ollama needs no key: it gets none, not the run's.
    SettingsContext context = run(map("hvae.model", "openai:gpt-x"), map("HVAE_API_KEY", HVAE_KEY));

    ModelEndpoint ollama = endpoint("ollama:llama3.2", context);

    assertThat(ollama.apiKey()).isEmpty();
    assertThat(ollama.headers().size()).isZero();
    assertThat(unavailable("ollama:llama3.2", context)).isEmpty();
  }

  @Test
  void aModelOfAnotherProviderThatWouldNeedHvaeApiKeyFailsNamingItsOwnVariables() {
    SettingsContext context = run(map("hvae.model", "openai:gpt-x"), map("HVAE_API_KEY", HVAE_KEY));

    assertThatThrownBy(() -> unavailable("anthropic:claude-y", context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model anthropic:claude-y: HVAE_API_KEY is set, but they configure only the"
            + " provider hvae.model names (hvae.model=openai:gpt-x)")
        .hasMessageContaining("set ANTHROPIC_API_KEY to its key, and hvae.anthropic.base-url or"
            + " ANTHROPIC_BASE_URL to its base URL if it is not https://api.anthropic.com/v1")
        .hasMessageNotContaining(HVAE_KEY);
  }

  @Test
  void withHvaeModelNamingNoHttpProviderTheRunWideSettingsServeNobody() {
    SettingsContext context =
        run(map("hvae.base-url", "https://gateway.example.com/v1"), map("HVAE_API_KEY", HVAE_KEY));

    assertThatThrownBy(() -> unavailable("openai:gpt-x", context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HVAE_API_KEY and hvae.base-url are set")
        .hasMessageContaining("hvae.model=reference names none reached over HTTP")
        .hasMessageContaining("set OPENAI_API_KEY")
        .hasMessageContaining("naming it in hvae.model");
  }

  @Test
  void withoutTheRunWideSettingsAModelOfAnotherProviderWithoutItsKeyIsMerelyUnavailable() {
    SettingsContext context = run(map("hvae.model", "openai:gpt-x"), map("OPENAI_API_KEY", OPENAI_KEY));

    assertThat(unavailable("anthropic:claude-y", context))
        .hasValue(
            "hvae.model=anthropic:claude-y needs an API key: set ANTHROPIC_API_KEY (a server on this"
                + " machine or a private network, given as hvae.anthropic.base-url or"
                + " ANTHROPIC_BASE_URL, needs none)");
  }

  @Test
  void aModelOfAnotherProviderWithItsOwnKeyRunsBesideTheRunWideSettings() {
    SettingsContext context =
        run(map("hvae.model", "openai:gpt-x"), map("HVAE_API_KEY", HVAE_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY));

    assertThat(unavailable("anthropic:claude-y", context)).isEmpty();
    assertThat(endpoint("anthropic:claude-y", context).apiKey()).hasValueSatisfying(k -> assertThat(k.variable()).isEqualTo("ANTHROPIC_API_KEY"));
  }

  @Test
  void headerValuesComeFromTheEnvironmentAndNeverShowInTheEndpointsText() {
    SettingsContext context =
        run(
            map("hvae.openai.headers", "OpenAI-Organization=OPENAI_ORG_ID, OpenAI-Project=OPENAI_PROJECT_ID"),
            map("OPENAI_API_KEY", OPENAI_KEY, "OPENAI_ORG_ID", "org-4f2a9c", "OPENAI_PROJECT_ID", "proj_7d1e0b"));

    ModelEndpoint endpoint = endpoint("openai:m", context);

    Headers headers = endpoint.headers();
    assertThat(headers.get("OpenAI-Organization")).isEqualTo("org-4f2a9c");
    assertThat(headers.get("OpenAI-Project")).isEqualTo("proj_7d1e0b");
    assertThat(headers.get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
    assertThat(endpoint.toString())
        .doesNotContain("org-4f2a9c")
        .doesNotContain("proj_7d1e0b")
        .doesNotContain(OPENAI_KEY)
        .contains("OPENAI_PROJECT_ID");
  }

  @Test
  void aHeaderWhoseVariableIsUnsetMakesTheModelUnavailableNamingTheVariable() {
    SettingsContext context =
        run(map("hvae.anthropic.headers", "X-Gateway-Key=GATEWAY_KEY"), map("ANTHROPIC_API_KEY", ANTHROPIC_KEY));

    assertThat(unavailable("anthropic:claude-y", context))
        .hasValue(
            "hvae.model=anthropic:claude-y sends headers whose values come from GATEWAY_KEY, which is not"
                + " set: set it, or take the header out of hvae.anthropic.headers");
  }

  @Test
  void aConfiguredHeaderThatReplacesTheKeysHeaderMakesTheKeyUnnecessary() {
    SettingsContext context =
        run(
            map("hvae.openai.base-url", "https://gateway.example.com/v1", "hvae.openai.headers", "Authorization=GATEWAY_KEY"),
            map("GATEWAY_KEY", "Bearer gw-token-0123456789"));

    ModelEndpoint endpoint = endpoint("openai:m", context);

    assertThat(unavailable("openai:m", context)).isEmpty();
    assertThat(endpoint.headers().values("Authorization")).containsExactly("Bearer gw-token-0123456789");
  }

  @Test
  void aValueNoHeaderCanCarryIsRefusedNamingOnlyItsVariable() {
    SettingsContext header =
        run(map("hvae.openai.headers", "X-Gateway-Key=GATEWAY_KEY"), map("OPENAI_API_KEY", OPENAI_KEY, "GATEWAY_KEY", "gw-secret\nsecond-line"));
    assertThatThrownBy(() -> endpoint("openai:m", header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "GATEWAY_KEY contains a line break at character 10 of 21, which an HTTP header cannot"
                + " carry; set GATEWAY_KEY to the value alone, on one line");

    // OkHttp would show the value of any header but Authorization: x-api-key is checked first.
    SettingsContext key = run(map("hvae.model", "anthropic:c"), map("ANTHROPIC_API_KEY", "sk-ant-secret\u201d"));
    assertThatThrownBy(() -> endpoint("anthropic:c", key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ANTHROPIC_API_KEY contains a character outside printable ASCII")
        .hasMessageNotContaining("sk-ant-secret");
  }

  @Test
  void aSecretWrittenWhereAVariableNameBelongsIsNotRepeated() {
    SettingsContext context = run(map("hvae.openai.headers", "X-Key=sk-live-written-here-42"), map());

    assertThatThrownBy(() -> endpoint("openai:m", context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("configuration parameter hvae.openai.headers is invalid")
        .hasMessageContaining("X-Key=ENV_VAR")
        .hasMessageNotContaining("sk-live-written-here-42");
  }

  @Test
  void cassettesAreKeyedOnTheBaseUrlTheConfigurationGivesEachProvider() {
    SettingsContext context =
        run(
            map("hvae.model", "openai:gpt-x", "hvae.base-url", "http://localhost:8000/v1", "hvae.ollama.base-url", "http://gpu-box:11434/v1"),
            map("ANTHROPIC_BASE_URL", "https://proxy.example.com"));

    assertThat(ModelAgents.configuredBaseUrl(ModelSpec.parse("openai:gpt-x"), context)).hasValue("http://localhost:8000/v1");
    assertThat(ModelAgents.configuredBaseUrl(ModelSpec.parse("ollama:m"), context)).hasValue("http://gpu-box:11434/v1");
    // Not the run's own provider, and a variable is the machine's, not the configuration's.
    assertThat(ModelAgents.configuredBaseUrl(ModelSpec.parse("anthropic:c"), context)).isEmpty();
    // Models not reached over HTTP keep the key they always had.
    assertThat(ModelAgents.configuredBaseUrl(ModelSpec.parse("reference"), context)).hasValue("http://localhost:8000/v1");
  }

  @Test
  void azureNeedsItsResourceEndpointAndSaysWhere() {
    assertThat(unavailable("azure:my-gpt4o", run(map(), map("AZURE_OPENAI_API_KEY", "az-key-0123456789"))))
        .hasValue("hvae.model=azure:my-gpt4o needs its endpoint: set hvae.azure.base-url or AZURE_OPENAI_ENDPOINT");
  }

  @Test
  void azureReachesTheDeploymentWithTheApiVersionAndTheApiKeyHeader() {
    Map<String, String> env =
        map("AZURE_OPENAI_ENDPOINT", "https://my-resource.openai.azure.com/", "AZURE_OPENAI_API_KEY", "az-key-0123456789");

    ModelEndpoint endpoint = endpoint("azure:my-gpt4o", run(map(), env));

    assertThat(endpoint.resolvePath("chat/completions").toString())
        .isEqualTo("https://my-resource.openai.azure.com/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21");
    assertThat(endpoint.headers().toMultimap()).containsOnlyKeys("api-key");
    assertThat(endpoint.headers().get("api-key")).isEqualTo("az-key-0123456789");
  }

  @Test
  void azuresApiVersionComesFromItsKeyThenOpenAisVariable() {
    Map<String, String> env =
        map("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com", "AZURE_OPENAI_API_KEY", "k-0123456789", "OPENAI_API_VERSION", "2025-04-01-preview");

    assertThat(endpoint("azure:d", run(map(), env)).baseUrl().queryParameter("api-version")).isEqualTo("2025-04-01-preview");
    assertThat(endpoint("azure:d", run(map("hvae.azure.api-version", "2024-06-01"), env)).baseUrl().queryParameter("api-version"))
        .isEqualTo("2024-06-01");
    assertThatThrownBy(() -> endpoint("azure:d", run(map(), Map.of("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com", "OPENAI_API_VERSION", "latest"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPENAI_API_VERSION='latest' is not an Azure OpenAI API version");
  }

  @Test
  void azuresV1ApiHasNoDeploymentPathAndNoApiVersion() {
    ModelEndpoint endpoint =
        endpoint(
            "azure:my-gpt4o",
            run(map("hvae.azure.base-url", "https://r.openai.azure.com", "hvae.azure.api-version", "v1"), map("AZURE_OPENAI_API_KEY", "k-0123456789")));

    assertThat(endpoint.resolvePath("chat/completions").toString()).isEqualTo("https://r.openai.azure.com/openai/v1/chat/completions");
  }

  @Test
  void aGatewayUrlThatAlreadyNamesTheDeploymentIsUsedAsItIs() {
    ModelEndpoint endpoint =
        endpoint(
            "azure:d",
            run(map("hvae.azure.base-url", "https://apim.example.com/openai/deployments/d"), map("AZURE_OPENAI_API_KEY", "k-0123456789")));

    assertThat(endpoint.resolvePath("chat/completions").toString())
        .isEqualTo("https://apim.example.com/openai/deployments/d/chat/completions?api-version=2024-10-21");
  }

  @Test
  void aBaseUrlVariableThatIsNoUrlIsNamedWithoutItsValue() {
    assertThatThrownBy(() -> endpoint("openai:m", run(map(), map("OPENAI_BASE_URL", "user:secret@host"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("OPENAI_BASE_URL is not an http(s) URL")
        .hasMessageNotContaining("secret");
  }
}

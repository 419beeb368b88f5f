package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelEndpointTest {

  private static final Environment NO_KEYS = Environment.of(Map.of());

  private static ModelEndpoint resolve(String spec, Optional<String> baseUrl, Environment env) {
    return ModelEndpoint.resolve(ModelSpec.parse(spec), baseUrl, env);
  }

  @Test
  void openAiDefaultsToTheOpenAiApiAndNeedsAKey() {
    ModelEndpoint endpoint = resolve("openai:gpt-4o-mini", Optional.empty(), NO_KEYS);
    assertThat(endpoint.baseUrl().toString()).isEqualTo("https://api.openai.com/v1");
    assertThat(endpoint.resolvePath("chat/completions").toString()).isEqualTo("https://api.openai.com/v1/chat/completions");
    assertThat(endpoint.unavailableReason())
        .contains(
            "hvae.model=openai:gpt-4o-mini needs an API key: set HVAE_API_KEY or OPENAI_API_KEY (a"
                + " server on this machine or a private network, given as hvae.base-url, needs none)");
  }

  @Test
  void anthropicNeedsItsOwnKey() {
    assertThat(resolve("anthropic:claude-x", Optional.empty(), NO_KEYS).unavailableReason())
        .hasValueSatisfying(r -> assertThat(r).contains("set HVAE_API_KEY or ANTHROPIC_API_KEY"));
    assertThat(resolve("anthropic:claude-x", Optional.empty(), Environment.of(Map.of("ANTHROPIC_API_KEY", "k"))).unavailableReason())
        .isEmpty();
    // An OpenAI key is no Anthropic key.
    assertThat(resolve("anthropic:claude-x", Optional.empty(), Environment.of(Map.of("OPENAI_API_KEY", "k"))).unavailableReason())
        .isPresent();
  }

  @Test
  void ollamaIsAShorthandForTheLocalOpenAiCompatibleEndpoint() {
    ModelEndpoint endpoint = resolve("ollama:llama3.2", Optional.empty(), NO_KEYS);
    assertThat(endpoint.baseUrl().toString()).isEqualTo("http://localhost:11434/v1");
    assertThat(endpoint.unavailableReason()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8000/v1", "http://localhost:1234/v1/", "http://[::1]:8080/v1", "http://192.168.1.20:8000/v1", "http://10.0.0.5/v1"})
  void aServerOnThisMachineOrAPrivateNetworkNeedsNoKey(String baseUrl) {
    assertThat(resolve("openai:any", Optional.of(baseUrl), NO_KEYS).unavailableReason()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://openrouter.ai/api/v1", "http://8.8.8.8/v1", "http://gpu-box.example.com:8000/v1"})
  void aRemoteServerNeedsAKey(String baseUrl) {
    assertThat(resolve("openai:any", Optional.of(baseUrl), NO_KEYS).unavailableReason()).isPresent();
  }

  @Test
  void theKeyNeverShowsInTheEndpointsText() {
    ModelEndpoint endpoint = resolve("openai:m", Optional.empty(), Environment.of(Map.of("OPENAI_API_KEY", "sk-secret-123456")));
    assertThat(endpoint.apiKey()).isPresent();
    assertThat(endpoint.toString()).doesNotContain("sk-secret-123456").contains("OPENAI_API_KEY");
  }

  @Test
  void rejectsABaseUrlThatIsNotHttp() {
    assertThatThrownBy(() -> resolve("openai:m", Optional.of("localhost:8000"), NO_KEYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hvae.base-url='localhost:8000' is not an http(s) URL");
  }

  @Test
  void creatingAHostedAgentWithoutAKeyFailsWithTheReason() {
    assertThatThrownBy(() -> ModelAgents.create(ModelSpec.parse("openai:m"), AgentSettings.defaults(1).withEnvironment(NO_KEYS)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("set HVAE_API_KEY or OPENAI_API_KEY");
  }
}

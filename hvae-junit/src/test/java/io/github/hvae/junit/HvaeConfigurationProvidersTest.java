package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The configuration keys of real providers and how they reach the agents. */
class HvaeConfigurationProvidersTest {

  private static HvaeConfiguration read(Map<String, String> parameters) {
    return HvaeConfiguration.read(key -> Optional.ofNullable(parameters.get(key)));
  }

  @Test
  void sendsNeitherTemperatureNorSeedUnlessConfigured() {
    HvaeConfiguration configuration = read(Map.of());
    assertThat(configuration.generation().temperature()).isEmpty();
    assertThat(configuration.generation().seed()).isEmpty();
  }

  @Test
  void sendsTheTemperatureAndAnExplicitSeed() {
    HvaeConfiguration configuration = read(Map.of("hvae.temperature", "0.3", "hvae.seed", "99"));
    assertThat(configuration.generation().temperature()).hasValue(0.3);
    assertThat(configuration.generation().seed()).hasValue(99);
  }

  @Test
  void resilienceDefaults() {
    HvaeConfiguration configuration = read(Map.of());
    assertThat(configuration.requestTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(configuration.maxAttempts()).isEqualTo(5);
    assertThat(configuration.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void readsDurationsWithUnits() {
    HvaeConfiguration configuration =
        read(Map.of("hvae.request-timeout", "2m", "hvae.retry-backoff", "250ms", "hvae.max-attempts", "1"));
    assertThat(configuration.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(configuration.retryBackoff()).isEqualTo(Duration.ofMillis(250));
    assertThat(read(Map.of("hvae.request-timeout", "PT45S")).requestTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(read(Map.of("hvae.request-timeout", "1.5s")).requestTimeout()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void rejectsADurationWithoutUnitNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("hvae.request-timeout", "30")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("hvae.request-timeout='30' is invalid")
        .hasMessageContaining("a duration such as 120s");
  }

  @Test
  void theRunsAgentSettingsCarryTheConfiguration() {
    HvaeConfiguration configuration =
        read(
            Map.of(
                "hvae.base-url", "http://localhost:8000/v1",
                "hvae.concurrency", "3",
                "hvae.max-tokens-budget", "5000",
                "hvae.request-timeout", "30s",
                "hvae.max-attempts", "2",
                "hvae.retry-backoff", "100ms"));
    AgentSettings settings = RunState.agentSettings(configuration, Environment.of(Map.of()));
    assertThat(settings.baseUrl()).hasValue("http://localhost:8000/v1");
    assertThat(settings.limits().perEndpoint()).isEqualTo(3);
    assertThat(settings.budget().max()).hasValue(5000);
    assertThat(settings.timeouts().call()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.timeouts().read()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.retry().maxAttempts()).isEqualTo(2);
    assertThat(settings.retry().initialBackoff()).isEqualTo(Duration.ofMillis(100));
  }
}

package io.github.hvae.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.run.AgentRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed registry of {@code hvae.*} keys: defaults, parsing, bounds, errors and the README. */
class ConfigurationTest {

  private static Configuration read(Map<String, String> values) {
    return Configuration.read(k -> Optional.ofNullable(values.get(k)));
  }

  @Test
  void defaultsFollowTheDesign() {
    Configuration c = read(Map.of());
    assertThat(c.get(HvaeKeys.MODEL)).isEqualTo(ModelSpec.parse("reference"));
    assertThat(c.get(HvaeKeys.SAMPLES)).isEqualTo(10);
    assertThat(c.get(HvaeKeys.CONFIDENCE)).isEqualTo(0.95);
    assertThat(c.find(HvaeKeys.TEMPERATURE)).isEmpty();
    assertThat(c.get(HvaeKeys.CONCURRENCY)).isEqualTo(8);
    assertThat(c.get(HvaeKeys.GOAL_PROMPT)).isTrue();
    assertThat(c.get(HvaeKeys.CASSETTE)).isEqualTo(CassetteMode.OFF);
    assertThat(c.get(HvaeKeys.CASSETTE_DIR)).isEqualTo(Path.of("src/test/resources/hvae-cassettes"));
    assertThat(c.get(HvaeKeys.REPORT_DIR)).isEqualTo(Path.of("target/hvae"));
    assertThat(c.find(HvaeKeys.MAX_TOKENS_BUDGET)).isEmpty();
    assertThat(c.get(HvaeKeys.CACHE)).isFalse();
    assertThat(c.get(HvaeKeys.CACHE_DIR)).isEqualTo(Path.of("target/hvae-cache"));
    assertThat(c.get(HvaeKeys.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(120));
    assertThat(c.get(HvaeKeys.MAX_ATTEMPTS)).isEqualTo(5);
    assertThat(c.get(HvaeKeys.RETRY_BACKOFF)).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.get(HvaeKeys.COUNTERBALANCE)).isTrue();
    assertThat(c.get(HvaeKeys.SEQUENTIAL)).isTrue();
    assertThat(c.find(HvaeKeys.MAX_SAMPLES)).isEmpty();
    assertThat(c.find(HvaeKeys.CHOICE_EXTRACTOR)).isEmpty();
    assertThat(c.get(HvaeKeys.CONSTRAINED_ANSWERS)).isEqualTo(ConstrainedAnswers.OFF);
    assertThat(c.get(HvaeKeys.INSTRUMENT)).isEqualTo("svo-slider");
    assertThat(c.get(HvaeKeys.ON_UNAVAILABLE)).isEqualTo("skip");
    assertThat(c.find(HvaeKeys.FORK)).isEmpty();
  }

  @Test
  void valuesAreReadAndTrimmed() {
    Configuration c =
        read(
            Map.of(
                "hvae.model", " openai:gpt-4o-mini ",
                "hvae.samples", "20",
                "hvae.temperature", "0.7",
                "hvae.counterbalance", "false",
                "hvae.max-samples", "40",
                "hvae.choice-extractor", "openai:gpt-4o-mini",
                "hvae.cache", "on",
                "hvae.cache-dir", "build/cache"));
    assertThat(c.get(HvaeKeys.MODEL)).isEqualTo(new ModelSpec("openai", "gpt-4o-mini"));
    assertThat(c.get(HvaeKeys.SAMPLES)).isEqualTo(20);
    assertThat(c.find(HvaeKeys.TEMPERATURE)).hasValue(0.7);
    assertThat(c.get(HvaeKeys.COUNTERBALANCE)).isFalse();
    assertThat(c.find(HvaeKeys.MAX_SAMPLES)).hasValue(40);
    assertThat(c.find(HvaeKeys.CHOICE_EXTRACTOR)).contains(new ModelSpec("openai", "gpt-4o-mini"));
    assertThat(c.get(HvaeKeys.CACHE)).isTrue();
    assertThat(c.get(HvaeKeys.CACHE_DIR)).isEqualTo(Path.of("build/cache"));
  }

  @Test
  void wordsThatMeanUnsetAreUnset() {
    assertThat(read(Map.of("hvae.choice-extractor", "off")).find(HvaeKeys.CHOICE_EXTRACTOR)).isEmpty();
    // Surefire leaves ${surefire.forkNumber} unexpanded, or empty when it is a property's whole value.
    assertThat(read(Map.of("hvae.fork", "${surefire.forkNumber}")).find(HvaeKeys.FORK)).isEmpty();
    assertThat(read(Map.of("hvae.fork", "")).find(HvaeKeys.FORK)).isEmpty();
    assertThat(read(Map.of("hvae.fork", "2")).find(HvaeKeys.FORK)).hasValue(2);
  }

  @Test
  void readsDurationsWithUnits() {
    assertThat(read(Map.of("hvae.request-timeout", "2m")).get(HvaeKeys.REQUEST_TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
    assertThat(read(Map.of("hvae.retry-backoff", "250ms")).get(HvaeKeys.RETRY_BACKOFF)).isEqualTo(Duration.ofMillis(250));
    assertThat(read(Map.of("hvae.request-timeout", "PT45S")).get(HvaeKeys.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(45));
    assertThat(read(Map.of("hvae.request-timeout", "1.5s")).get(HvaeKeys.REQUEST_TIMEOUT)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void anInvalidValueNamesTheKeyAndWhatToWrite() {
    assertThatThrownBy(() -> read(Map.of("hvae.request-timeout", "30")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("hvae.request-timeout='30' is invalid")
        .hasMessageContaining("a duration of at least 100ms such as 120s");
    assertThatThrownBy(() -> read(Map.of("hvae.constrained-answers", "json")))
        .hasMessageContaining("hvae.constrained-answers='json' is invalid")
        .hasMessageContaining("off, json-schema, grammar");
    assertThatThrownBy(() -> read(Map.of("hvae.cache", "sometimes")))
        .hasMessageContaining("hvae.cache='sometimes' is invalid")
        .hasMessageContaining("expected on or off");
    assertThatThrownBy(() -> read(Map.of("hvae.cassette", "rewind")))
        .hasMessageContaining("hvae.cassette='rewind' is invalid")
        .hasMessageContaining("off, record, replay or auto");
    assertThatThrownBy(() -> read(Map.of("hvae.sequential", "maybe"))).hasMessageContaining("hvae.sequential='maybe'");
    assertThatThrownBy(() -> read(Map.of("hvae.choice-extractor", "openai:"))).hasMessageContaining("hvae.choice-extractor='openai:'");
    assertThatThrownBy(() -> read(Map.of("hvae.on-unavailable", "ignore"))).hasMessageContaining("expected skip or fail");
  }

  @Test
  void anErrorMessageNeverShowsCredentialsWrittenIntoAUrl() {
    assertThat(Key.shown("https://user:s3cret@gateway.example/v1")).isEqualTo("https://***@gateway.example/v1");
    assertThat(Key.shown("http://localhost:8000/v1")).isEqualTo("http://localhost:8000/v1");
  }

  @Test
  void valuesThatWouldMakeARunUnboundedAreRefused() {
    // A zero timeout means "no timeout at all" to the HTTP client: the opposite of what was written.
    for (String timeout : new String[] {"0s", "PT0S", "0.0001s", "50ms"}) {
      assertThatThrownBy(() -> read(Map.of("hvae.request-timeout", timeout)))
          .as(timeout)
          .hasMessageContaining("hvae.request-timeout='" + timeout + "' is invalid (must be at least 100ms)");
    }
    assertThatThrownBy(() -> read(Map.of("hvae.samples", "1000000")))
        .hasMessageContaining("hvae.samples='1000000' is invalid (must be between 1 and 1000)");
    assertThatThrownBy(() -> read(Map.of("hvae.max-attempts", "100000")))
        .hasMessageContaining("hvae.max-attempts='100000' is invalid (must be between 1 and 20)");
    assertThatThrownBy(() -> read(Map.of("hvae.max-samples", "0"))).hasMessageContaining("hvae.max-samples='0'");
    assertThatThrownBy(() -> read(Map.of("hvae.concurrency", "0"))).hasMessageContaining("hvae.concurrency='0'");
  }

  @Test
  void anUnknownKeyNamesWhereItWasWrittenAndTheNearestKey() {
    assertThatThrownBy(
            () ->
                Configuration.rejectUnknownKeys(
                    Map.of(
                        "hvae.goalprompt", "in file:/x/junit-platform.properties",
                        "junit.jupiter.execution.parallel.enabled", "in file:/x/junit-platform.properties")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(
            "unknown configuration parameter hvae.goalprompt (in file:/x/junit-platform.properties);"
                + " did you mean hvae.goal-prompt?")
        .hasMessageContaining("Known keys: hvae.anthropic.base-url, ");
  }

  @Test
  void knownKeysAndOtherNamespacesPass() {
    Configuration.rejectUnknownKeys(
        Map.of("hvae.samples", "-D", "hvaex.samples", "-D", "junit.platform.reporting.open.xml.enabled", "file"));
  }

  @Test
  void theNearestKeyIsTheLeastEditDistance() {
    assertThat(Configuration.nearestKey("hvae.modle")).isEqualTo("hvae.model");
    assertThat(Configuration.nearestKey("hvae.reportdir")).isEqualTo("hvae.report-dir");
    assertThat(Configuration.nearestKey("hvae.cassete")).isEqualTo("hvae.cassette");
  }

  @Test
  void aTestsOverrideIsTypedAndLeavesTheRunsConfigurationAlone() {
    Configuration run = read(Map.of("hvae.samples", "20"));
    Configuration test = run.with(HvaeKeys.SAMPLES, 6).with(HvaeKeys.GOAL_PROMPT, false);
    assertThat(test.get(HvaeKeys.SAMPLES)).isEqualTo(6);
    assertThat(test.get(HvaeKeys.GOAL_PROMPT)).isFalse();
    assertThat(run.get(HvaeKeys.SAMPLES)).isEqualTo(20);
    assertThat(run.get(HvaeKeys.GOAL_PROMPT)).isTrue();
  }

  @Test
  void theReportsRunSettingsComeFromTheRegistry() {
    Map<String, Optional<Object>> settings = read(Map.of("hvae.temperature", "0.3")).reportedSettings();
    assertThat(settings.keySet())
        .startsWith("model", "samples", "confidence", "seed", "goalPrompt", "temperature", "concurrency", "cassette")
        .contains("constrainedAnswers", "sequential", "instrument");
    assertThat(settings.get("temperature")).contains(0.3);
    assertThat(read(Map.of()).reportedSettings().get("temperature")).isEmpty();
  }

  @Test
  void everyReportedKeyHasAFieldAndIsRegistered() {
    assertThat(HvaeKeys.REPORTED).allMatch(k -> k.reportedAs().isPresent()).allMatch(HvaeKeys.ALL::contains);
    assertThat(HvaeKeys.ALL.stream().filter(k -> k.reportedAs().isPresent())).containsExactlyInAnyOrderElementsOf(HvaeKeys.REPORTED);
  }

  @Test
  void theReadmeTableIsTheRegistrys() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme)
        .as("README.md's configuration table; regenerate it from HvaeKeys.markdownTable()")
        .contains(HvaeKeys.markdownTable());
  }

  @Test
  void theRunsAgentSettingsCarryTheConfiguration() {
    Configuration configuration =
        read(
            Map.of(
                "hvae.base-url", "http://localhost:8000/v1",
                "hvae.concurrency", "3",
                "hvae.max-tokens-budget", "5000",
                "hvae.request-timeout", "30s",
                "hvae.max-attempts", "2",
                "hvae.retry-backoff", "100ms"));
    AgentSettings settings = AgentRegistry.agentSettings(configuration, Environment.of(Map.of()));
    assertThat(settings.baseUrl()).hasValue("http://localhost:8000/v1");
    assertThat(settings.limits().perEndpoint()).isEqualTo(3);
    assertThat(settings.budget().max()).hasValue(5000);
    assertThat(settings.timeouts().call()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.timeouts().read()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.retry().maxAttempts()).isEqualTo(2);
    assertThat(settings.retry().initialBackoff()).isEqualTo(Duration.ofMillis(100));
  }
}

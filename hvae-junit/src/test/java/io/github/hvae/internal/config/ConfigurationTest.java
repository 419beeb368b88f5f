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
        .hasMessageContaining("Known keys: hvae.adaptive-concurrency, hvae.anthropic.base-url, ")
        .hasMessageContaining("hvae.price.<model spec>");
  }

  @Test
  void knownKeysAndOtherNamespacesPass() {
    Configuration.rejectUnknownKeys(
        Map.of("hvae.samples", "-D", "hvaex.samples", "-D", "junit.platform.reporting.open.xml.enabled", "file"));
  }

  @Test
  void theMavenGoalsOwnPropertiesPassSoThatOneCommandLineMayCarryBoth() {
    Configuration.rejectUnknownKeys(Map.of("hvae.merge.inputs", "-D", "hvae.merge.output", "-D", "hvae.skip-goals", "-D"));
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

  @Test
  void theTransportKeysShapeEveryEndpointOfTheRun() {
    Configuration defaults = read(Map.of());
    assertThat(defaults.get(HvaeKeys.ADAPTIVE_CONCURRENCY)).isTrue();
    assertThat(defaults.get(HvaeKeys.INITIAL_CONCURRENCY)).isEqualTo(4);
    assertThat(defaults.get(HvaeKeys.BREAKER_COOL_DOWN)).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.get(HvaeKeys.MAX_BODY_SIZE)).isEqualTo(8L << 20);
    assertThat(defaults.get(HvaeKeys.PROMPT_CACHING)).isTrue();

    Configuration configuration =
        read(
            Map.of(
                "hvae.concurrency", "64",
                "hvae.adaptive-concurrency", "false",
                "hvae.initial-concurrency", "16",
                "hvae.breaker-cool-down", "2m",
                "hvae.max-body-size", "512KiB",
                "hvae.prompt-caching", "false"));
    AgentSettings settings = AgentRegistry.agentSettings(configuration, Environment.of(Map.of()));
    assertThat(settings.limits().perEndpoint()).isEqualTo(64);
    assertThat(settings.limits().policy().adaptiveConcurrency()).isFalse();
    assertThat(settings.limits().policy().initialConcurrency()).isEqualTo(16);
    assertThat(settings.limits().policy().breakerCoolDown()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.limits().policy().maxBodyBytes()).isEqualTo(512L << 10);
    assertThat(settings.promptCaching()).isFalse();
    // Fixed capacity: the ceiling is the level from the first request.
    assertThat(settings.limits().forEndpoint("http://localhost:8000/v1").level()).isEqualTo(64);

    AgentSettings adaptive =
        AgentRegistry.agentSettings(
            read(Map.of("hvae.concurrency", "64", "hvae.initial-concurrency", "16")), Environment.of(Map.of()));
    assertThat(adaptive.limits().forEndpoint("http://localhost:8000/v1").level()).isEqualTo(16);
  }

  @Test
  void theInitialConcurrencyIsBoundedByTheCeiling() {
    // The default start of 4 under a ceiling of 2 starts at the ceiling...
    AgentSettings settings =
        AgentRegistry.agentSettings(read(Map.of("hvae.concurrency", "2")), Environment.of(Map.of()));
    assertThat(settings.limits().policy().initialConcurrency()).isEqualTo(2);
    assertThat(settings.limits().forEndpoint("http://localhost:8000/v1").level()).isEqualTo(2);
    // ...but a start written above the ceiling is a contradiction, refused with both values.
    assertThatThrownBy(() -> read(Map.of("hvae.concurrency", "8", "hvae.initial-concurrency", "10")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("hvae.initial-concurrency='10' is above hvae.concurrency=8")
        .hasMessageContaining("raise hvae.concurrency");
  }

  @Test
  void theTransportKeysRefuseValuesOutsideTheirBounds() {
    assertThatThrownBy(() -> read(Map.of("hvae.initial-concurrency", "0")))
        .hasMessageContaining("hvae.initial-concurrency='0' is invalid");
    assertThatThrownBy(() -> read(Map.of("hvae.breaker-cool-down", "500ms")))
        .hasMessageContaining("hvae.breaker-cool-down='500ms' is invalid (must be from 1s to 1h)");
    assertThatThrownBy(() -> read(Map.of("hvae.breaker-cool-down", "2h")))
        .hasMessageContaining("(must be from 1s to 1h)");
    assertThat(read(Map.of("hvae.breaker-cool-down", "1h")).get(HvaeKeys.BREAKER_COOL_DOWN))
        .isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> read(Map.of("hvae.max-body-size", "1KiB")))
        .hasMessageContaining("hvae.max-body-size='1KiB' is invalid (must be from 64KiB to 256MiB)");
    assertThatThrownBy(() -> read(Map.of("hvae.max-body-size", "1GiB"))).hasMessageContaining("256MiB");
    assertThatThrownBy(() -> read(Map.of("hvae.max-body-size", "lots")))
        .hasMessageContaining("not a size such as 8MiB");
    assertThat(read(Map.of("hvae.max-body-size", "32mib")).get(HvaeKeys.MAX_BODY_SIZE)).isEqualTo(32L << 20);
    assertThat(read(Map.of("hvae.max-body-size", "1MB")).get(HvaeKeys.MAX_BODY_SIZE)).isEqualTo(1_000_000L);
    assertThat(read(Map.of("hvae.max-body-size", "65536")).get(HvaeKeys.MAX_BODY_SIZE)).isEqualTo(65_536L);
    assertThatThrownBy(() -> read(Map.of("hvae.adaptive-concurrency", "maybe"))).hasMessageContaining("true or false");
  }

  @Test
  void aPriceIsAKeyOfTheFamilyReadByModel() {
    Map<String, String> values =
        Map.of("hvae.price.openai:gpt-4o-mini", "0.15, 0.60, 0.075", "hvae.price.anthropic:claude-x", "3,15");
    Configuration c = Configuration.read(k -> Optional.ofNullable(values.get(k)), Map.of(
        "hvae.price.openai:gpt-4o-mini", "a system property, -Dhvae.price.openai:gpt-4o-mini"));
    assertThat(c.find(HvaeKeys.PRICE, "openai:gpt-4o-mini"))
        .hasValue(new io.github.hvae.internal.accounting.Price(0.15, 0.60, 0.075));
    // Without a cached price, cached tokens cost the input price: never under-counted.
    assertThat(c.find(HvaeKeys.PRICE, "anthropic:claude-x"))
        .hasValue(new io.github.hvae.internal.accounting.Price(3, 15, 3));
    assertThat(c.find(HvaeKeys.PRICE, "openai:gpt-4o")).isEmpty();
    // A test's override keeps the run's prices.
    assertThat(c.with(HvaeKeys.SAMPLES, 4).find(HvaeKeys.PRICE, "openai:gpt-4o-mini")).isPresent();
  }

  @Test
  void theUnknownKeyCheckKnowsTheFamilyAndStillRefusesItsMisspellings() {
    Configuration.rejectUnknownKeys(Map.of("hvae.price.openai:gpt-4o-mini", "-D", "hvae.price.support-bot", "-D"));
    assertThatThrownBy(() -> Configuration.rejectUnknownKeys(Map.of("hvae.prise.x", "a system property, -Dhvae.prise.x")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(
            "unknown configuration parameter hvae.prise.x (a system property, -Dhvae.prise.x); did you mean hvae.price.x?");
    assertThatThrownBy(() -> Configuration.rejectUnknownKeys(Map.of("hvae.price", "-D")))
        .hasMessageContaining("did you mean hvae.price.<model spec>?");
    assertThatThrownBy(() -> Configuration.rejectUnknownKeys(Map.of("hvae.price.", "-D")))
        .hasMessageContaining("did you mean hvae.price.<model spec>?");
    assertThat(Configuration.nearestKey("hvae.prices.openai:gpt-4o")).isEqualTo("hvae.price.openai:gpt-4o");
    assertThat(Configuration.nearestKey("hvae.modle")).isEqualTo("hvae.model");
  }

  @Test
  void aBadPriceFailsTheRunAtItsStartNamingTheKey() {
    Map<String, String> values = Map.of("hvae.price.openai:m", "0.15");
    assertThatThrownBy(
            () -> Configuration.read(k -> Optional.ofNullable(values.get(k)), Map.of("hvae.price.openai:m", "-D")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("hvae.price.openai:m='0.15' is invalid (give two or three numbers")
        .hasMessageContaining("expected input,output[,cached input] in US dollars per million tokens");
    for (String bad : new String[] {"-1,2", "1,abc", "1,2,3,4", "1,20000"}) {
      Map<String, String> one = Map.of("hvae.price.openai:m", bad);
      assertThatThrownBy(() -> Configuration.read(k -> Optional.ofNullable(one.get(k)), Map.of("hvae.price.openai:m", "-D")))
          .as(bad)
          .hasMessageContaining("hvae.price.openai:m='" + bad + "' is invalid");
    }
    // A .properties file splits "hvae.price.openai:gpt-4o-mini=0.15,0.60" at its colon.
    Map<String, String> split = Map.of("hvae.price.openai", "gpt-4o-mini=0.15,0.60");
    assertThatThrownBy(() -> Configuration.read(k -> Optional.ofNullable(split.get(k)), Map.of("hvae.price.openai", "in file")))
        .hasMessageContaining("escape the colon")
        .hasMessageContaining("hvae.price.openai\\:gpt-4o-mini=0.15,0.60");
  }
}

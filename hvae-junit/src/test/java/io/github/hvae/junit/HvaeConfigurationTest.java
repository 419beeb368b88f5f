package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ModelSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class HvaeConfigurationTest {

  private static HvaeConfiguration read(Map<String, String> values) {
    return HvaeConfiguration.read(k -> Optional.ofNullable(values.get(k)));
  }

  @Test
  void everyDocumentedKeyIsKnown() {
    assertThat(HvaeConfiguration.KEYS)
        .contains(
            "hvae.model",
            "hvae.base-url",
            "hvae.samples",
            "hvae.confidence",
            "hvae.temperature",
            "hvae.seed",
            "hvae.concurrency",
            "hvae.goal-prompt",
            "hvae.cassette",
            "hvae.cassette-dir",
            "hvae.report-dir",
            "hvae.max-tokens-budget")
        .allMatch(k -> k.startsWith("hvae."));
  }

  @Test
  void defaultsFollowTheDesign() {
    HvaeConfiguration c = read(Map.of());
    assertThat(c.model()).isEqualTo(ModelSpec.parse("reference"));
    assertThat(c.samples()).isEqualTo(10);
    assertThat(c.confidence()).isEqualTo(0.95);
    assertThat(c.temperature()).isEmpty();
    assertThat(c.concurrency()).isEqualTo(8);
    assertThat(c.goalPrompt()).isTrue();
    assertThat(c.cassette()).isEqualTo("off");
    assertThat(c.reportDir()).isEqualTo(Path.of("target/hvae"));
    assertThat(c.maxTokensBudget()).isEmpty();
  }

  @Test
  void constrainedAnswersAreOffByDefaultAndReachEveryCallsOptions() {
    assertThat(HvaeConfiguration.KEYS).contains(HvaeConfiguration.CONSTRAINED_ANSWERS);
    assertThat(read(Map.of()).generation()).isEqualTo(io.github.hvae.agent.GenerationOptions.DEFAULTS);
    assertThat(read(Map.of("hvae.constrained-answers", "grammar")).generation().constrainedAnswers())
        .isEqualTo(io.github.hvae.agent.ConstrainedAnswers.GRAMMAR);
    assertThatThrownBy(() -> read(Map.of("hvae.constrained-answers", "json")))
        .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
        .hasMessageContaining("hvae.constrained-answers='json' is invalid")
        .hasMessageContaining("off, json-schema, grammar");
  }

  @Test
  void valuesAreReadAndTrimmed() {
    HvaeConfiguration c =
        read(Map.of("hvae.model", " openai:gpt-4o-mini ", "hvae.samples", "20", "hvae.temperature", "0.7"));
    assertThat(c.model()).isEqualTo(new ModelSpec("openai", "gpt-4o-mini"));
    assertThat(c.samples()).isEqualTo(20);
    assertThat(c.temperature()).hasValue(0.7);
  }

  @Test
  void anUnknownKeyFromAPropertiesFileNamesTheFileAndTheNearestKey() {
    assertThatThrownBy(
            () ->
                HvaeConfiguration.rejectUnknownKeys(
                    Map.of(
                        "hvae.goalprompt", "in file:/x/junit-platform.properties",
                        "junit.jupiter.execution.parallel.enabled", "in file:/x/junit-platform.properties")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "unknown configuration parameter hvae.goalprompt (in file:/x/junit-platform.properties);"
                + " did you mean hvae.goal-prompt?")
        .hasMessageContaining("Known keys: hvae.base-url, ");
  }

  @Test
  void knownKeysAndOtherNamespacesPass() {
    HvaeConfiguration.rejectUnknownKeys(
        Map.of("hvae.samples", "-D", "hvaex.samples", "-D", "junit.platform.reporting.open.xml.enabled", "file"));
  }

  @Test
  void theNearestKeyIsTheLeastEditDistance() {
    assertThat(HvaeConfiguration.nearestKey("hvae.modle")).isEqualTo("hvae.model");
    assertThat(HvaeConfiguration.nearestKey("hvae.reportdir")).isEqualTo("hvae.report-dir");
    assertThat(HvaeConfiguration.nearestKey("hvae.cassete")).isEqualTo("hvae.cassette");
  }
}

package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ModelSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The protocol's configuration keys: counterbalancing, sequential sampling, cap, extractor. */
class ProtocolConfigurationTest {

  private static HvaeConfiguration read(Map<String, String> values) {
    return HvaeConfiguration.read(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void defaultsCounterbalanceAndSampleSequentiallyWithoutAnExtractor() {
    HvaeConfiguration c = read(Map.of());
    assertThat(c.counterbalance()).isTrue();
    assertThat(c.sequential()).isTrue();
    assertThat(c.maxSamples()).isEmpty();
    assertThat(c.choiceExtractor()).isEmpty();
  }

  @Test
  void readsEveryKey() {
    HvaeConfiguration c =
        read(
            Map.of(
                "hvae.counterbalance", "false",
                "hvae.sequential", "false",
                "hvae.max-samples", "40",
                "hvae.choice-extractor", "openai:gpt-4o-mini"));
    assertThat(c.counterbalance()).isFalse();
    assertThat(c.sequential()).isFalse();
    assertThat(c.maxSamples()).hasValue(40);
    assertThat(c.choiceExtractor()).contains(new ModelSpec("openai", "gpt-4o-mini"));
    assertThat(read(Map.of("hvae.choice-extractor", "off")).choiceExtractor()).isEmpty();
  }

  @Test
  void rejectsInvalidValuesNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("hvae.sequential", "maybe")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("hvae.sequential='maybe'");
    assertThatThrownBy(() -> read(Map.of("hvae.max-samples", "0")))
        .hasMessageContaining("hvae.max-samples='0'");
    assertThatThrownBy(() -> read(Map.of("hvae.choice-extractor", "gpt-4o")))
        .hasMessageContaining("hvae.choice-extractor='gpt-4o'");
  }
}

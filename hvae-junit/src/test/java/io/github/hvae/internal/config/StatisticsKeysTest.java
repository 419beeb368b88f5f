package io.github.hvae.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.internal.stats.RationalityDefinition;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys of issue 14: which value rationality is judged, and the consistency gate. */
class StatisticsKeysTest {

  private static Configuration read(Map<String, String> parameters) {
    return Configuration.read(k -> Optional.ofNullable(parameters.get(k)));
  }

  @Test
  void meanAngleAndNoGateByDefault() {
    Configuration defaults = read(Map.of());
    assertThat(defaults.get(HvaeKeys.VALUE_RATIONALITY)).isEqualTo(RationalityDefinition.MEAN_ANGLE);
    assertThat(defaults.find(HvaeKeys.MIN_IN_TARGET_CATEGORY)).isEmpty();
    assertThat(defaults.reportedSettings().get("valueRationality")).contains(RationalityDefinition.MEAN_ANGLE);
    assertThat(defaults.reportedSettings().get("minInTargetCategory")).isEmpty();
  }

  @Test
  void bothAreRead() {
    Configuration c = read(Map.of("hvae.value-rationality", "Per-Sample", "hvae.min-in-target-category", "0.9"));
    assertThat(c.get(HvaeKeys.VALUE_RATIONALITY)).isEqualTo(RationalityDefinition.PER_SAMPLE);
    assertThat(c.get(HvaeKeys.MIN_IN_TARGET_CATEGORY)).isEqualTo(0.9);
    assertThat(read(Map.of("hvae.min-in-target-category", "1")).get(HvaeKeys.MIN_IN_TARGET_CATEGORY)).isEqualTo(1.0);
  }

  @Test
  void anInvalidValueNamesTheKeyAndWhatToWrite() {
    assertThatThrownBy(() -> read(Map.of("hvae.value-rationality", "median")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("hvae.value-rationality='median' is invalid")
        .hasMessageContaining("mean-angle or per-sample");
    for (String share : new String[] {"0", "1.5", "-0.1", "ninety"}) {
      assertThatThrownBy(() -> read(Map.of("hvae.min-in-target-category", share)))
          .as(share)
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("hvae.min-in-target-category='" + share + "' is invalid")
          .hasMessageContaining("a share in (0, 1]");
    }
  }
}

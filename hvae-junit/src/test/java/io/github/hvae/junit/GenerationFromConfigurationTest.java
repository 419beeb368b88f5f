package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.internal.config.Configuration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every model call sends, as the configuration says. */
class GenerationFromConfigurationTest {

  private static GenerationOptions generation(Map<String, String> values) {
    return EvaluateInvocation.generation(Configuration.read(k -> Optional.ofNullable(values.get(k))));
  }

  @Test
  void sendsNeitherTemperatureNorSeedUnlessConfigured() {
    assertThat(generation(Map.of())).isEqualTo(GenerationOptions.DEFAULTS);
  }

  @Test
  void sendsTheTemperatureAndAnExplicitSeed() {
    GenerationOptions options = generation(Map.of("hvae.temperature", "0.3", "hvae.seed", "99"));
    assertThat(options.temperature()).hasValue(0.3);
    assertThat(options.seed()).hasValue(99);
  }

  @Test
  void constrainedAnswersReachEveryCallsOptions() {
    assertThat(generation(Map.of("hvae.constrained-answers", "grammar")).constrainedAnswers())
        .isEqualTo(ConstrainedAnswers.GRAMMAR);
  }
}

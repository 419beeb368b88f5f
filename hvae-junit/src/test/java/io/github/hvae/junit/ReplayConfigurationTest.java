package io.github.hvae.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class ReplayConfigurationTest {

  private static HvaeConfiguration read(Map<String, String> parameters) {
    return HvaeConfiguration.read(key -> Optional.ofNullable(parameters.get(key)));
  }

  @Test
  void cassettesAndTheCacheAreOffByDefault() {
    HvaeConfiguration configuration = read(Map.of());

    assertThat(configuration.cassette()).isEqualTo("off");
    assertThat(configuration.cassetteDir()).isEqualTo(Path.of("src/test/resources/hvae-cassettes"));
    assertThat(configuration.cache()).isFalse();
    assertThat(configuration.cacheDir()).isEqualTo(Path.of("target/hvae-cache"));
  }

  @Test
  void readsTheCacheSwitch() {
    assertThat(read(Map.of("hvae.cache", "on", "hvae.cache-dir", "build/cache")))
        .extracting(HvaeConfiguration::cache, HvaeConfiguration::cacheDir)
        .containsExactly(true, Path.of("build/cache"));
  }

  @Test
  void rejectsUnknownValuesNamingTheKey() {
    assertThatThrownBy(() -> read(Map.of("hvae.cache", "sometimes")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("hvae.cache='sometimes' is invalid")
        .hasMessageContaining("expected on or off");
    assertThatThrownBy(() -> read(Map.of("hvae.cassette", "rewind")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("hvae.cassette='rewind' is invalid")
        .hasMessageContaining("off, record, replay or auto");
  }
}

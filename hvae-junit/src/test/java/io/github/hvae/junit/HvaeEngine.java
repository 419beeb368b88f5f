package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes on a real Jupiter engine, with the report written to a test's own dir. */
final class HvaeEngine {

  private HvaeEngine() {}

  static EngineTestKit.Builder jupiter(Path reportDir, Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(HvaeKeys.REPORT_DIR.name(), reportDir.toString())
        .selectors(Stream.of(fixtures).map(c -> selectClass(c)).toArray(ClassSelector[]::new));
  }

  /**
   * {@code fixture} reporting to {@code dir/report}, compared with no baseline (a test's own
   * {@code dir/no-baseline.json}, which does not exist), with these keys and values.
   */
  static EngineTestKit.Builder withoutBaseline(Path dir, Class<?> fixture, String... keysAndValues) {
    return withKeys(
        jupiter(dir.resolve("report"), fixture)
            .configurationParameter(HvaeKeys.BASELINE.name(), dir.resolve("no-baseline.json").toString()),
        keysAndValues);
  }

  /** {@code builder} with configuration parameters given as key, value, key, value, ... */
  static EngineTestKit.Builder withKeys(EngineTestKit.Builder builder, String... keysAndValues) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      builder.configurationParameter(keysAndValues[i], keysAndValues[i + 1]);
    }
    return builder;
  }
}

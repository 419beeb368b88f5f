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
}

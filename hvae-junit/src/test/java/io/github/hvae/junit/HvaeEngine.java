package io.github.hvae.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.internal.config.HvaeKeys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes on a real Jupiter engine, with the report written to a test's own dir. */
final class HvaeEngine {

  private HvaeEngine() {}

  static EngineTestKit.Builder jupiter(Path reportDir, Class<?>... fixtures) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(HvaeKeys.REPORT_DIR.name(), reportDir.toString())
        .selectors(Stream.of(fixtures).map(c -> selectClass(c)).toArray(ClassSelector[]::new));
  }

  /** {@link #jupiter} with configuration parameters given as key, value, key, value, ... */
  static EngineTestKit.Builder configured(Path reportDir, Class<?> fixture, String... keyValues) {
    EngineTestKit.Builder builder = jupiter(reportDir, fixture);
    for (int i = 0; i < keyValues.length; i += 2) {
      builder.configurationParameter(keyValues[i], keyValues[i + 1]);
    }
    return builder;
  }

  /**
   * {@code fixture} reporting to {@code dir/report}, compared with no baseline (a test's own
   * {@code dir/no-baseline.json}, which does not exist), with these keys and values.
   */
  static EngineTestKit.Builder withoutBaseline(Path dir, Class<?> fixture, String... keyValues) {
    return configured(dir.resolve("report"), fixture, keyValues)
        .configurationParameter(HvaeKeys.BASELINE.name(), dir.resolve("no-baseline.json").toString());
  }

  /**
   * Asserts that the run failed at discovery: no test started, and one container failed with an
   * {@link ExtensionConfigurationException} whose message holds every fragment.
   */
  static void refusedAtDiscovery(EngineExecutionResults results, String... fragments) {
    results.testEvents().assertStatistics(s -> s.started(0));
    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> List.of(fragments).stream().allMatch(m::contains)))));
  }

  /** Writes to both: a test that captures the console still shows it in the build's output. */
  static OutputStream tee(OutputStream first, OutputStream second) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        first.write(b);
        second.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        first.write(b, off, len);
        second.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        first.flush();
        second.flush();
      }
    };
  }
}

package io.github.hvae.langchain4j;

import io.github.hvae.agent.ModelProvider;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What the tests share: the provider as the run finds it, and a run of a fixture class. */
final class Fixtures {

  static final LangChain4jProvider PROVIDER = new LangChain4jProvider();

  static final ModelProvider.Context CONTEXT =
      new ModelProvider.Context() {
        @Override
        public Optional<String> environmentVariable(String name) {
          return Optional.empty();
        }

        @Override
        public Optional<String> parameter(String key) {
          return Optional.empty();
        }

        @Override
        public long seed() {
          return 7;
        }
      };

  private Fixtures() {}

  static ModelAgent adapt(Object model) {
    return PROVIDER.adapt(new ModelSpec("support-bot", ""), model, CONTEXT);
  }

  /** Runs {@code fixture}'s tests in a JUnit engine of their own, writing into {@code dir}. */
  static EngineExecutionResults run(Path dir, Class<?> fixture, String... keyValues) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("hvae.report-dir", dir.resolve("report").toString());
    parameters.put("hvae.baseline", dir.resolve("none.json").toString());
    parameters.put("hvae.cassette-dir", dir.resolve("cassettes").toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      parameters.put(keyValues[i], keyValues[i + 1]);
    }
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(parameters)
        .selectors(selectClass(fixture))
        .execute();
  }
}

package io.github.hvae.adaptertesting;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What the adapters' tests share: a provider context with no environment, and a run of a fixture class. */
public final class AdapterFixtures {

  /** No environment variables, no parameters, seed 7. */
  public static final ModelProvider.Context CONTEXT =
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

  private AdapterFixtures() {}

  /** {@code model} as {@code provider} adapts it, named support-bot. */
  public static ModelAgent adapt(ModelProvider provider, Object model) {
    return provider.adapt(new ModelSpec("support-bot", ""), model, CONTEXT);
  }

  /** Runs {@code fixture}'s tests in a JUnit engine of their own, writing into {@code dir}. */
  public static EngineExecutionResults run(Path dir, Class<?> fixture, String... keyValues) {
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

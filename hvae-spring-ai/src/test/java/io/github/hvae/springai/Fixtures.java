package io.github.hvae.springai;

import io.github.hvae.adaptertesting.AdapterFixtures;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import java.nio.file.Path;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What the tests share: this module's provider as the run finds it, and {@link AdapterFixtures}. */
final class Fixtures {

  static final SpringAiProvider PROVIDER = new SpringAiProvider();

  static final ModelProvider.Context CONTEXT = AdapterFixtures.CONTEXT;

  private Fixtures() {}

  static ModelAgent adapt(Object model) {
    return AdapterFixtures.adapt(PROVIDER, model);
  }

  /** Runs {@code fixture}'s tests in a JUnit engine of their own, writing into {@code dir}. */
  static EngineExecutionResults run(Path dir, Class<?> fixture, String... keyValues) {
    return AdapterFixtures.run(dir, fixture, keyValues);
  }
}

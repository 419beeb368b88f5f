package io.github.hvae.junit;

import io.github.hvae.internal.provider.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives an engine run under test a fake environment instead of the real one: the variables come
 * from configuration parameters {@code test.env.<NAME>} of that run. Register it on a fixture class.
 */
public final class FakeEnvironmentExtension implements BeforeAllCallback {

  static final String PREFIX = "test.env.";
  private static final List<String> NAMES =
      List.of(
          "HVAE_API_KEY",
          "OPENAI_API_KEY",
          "OPENAI_BASE_URL",
          "ANTHROPIC_API_KEY",
          "ANTHROPIC_BASE_URL",
          "AZURE_OPENAI_API_KEY",
          "AZURE_OPENAI_ENDPOINT",
          "OPENAI_API_VERSION",
          "GEMINI_API_KEY",
          "OPENROUTER_API_KEY",
          "MISTRAL_API_KEY",
          "OLLAMA_API_KEY",
          // a gateway's secret header, for hvae.<provider>.headers
          "GATEWAY_KEY",
          // what a GitHub Actions runner sets
          "GITHUB_ACTIONS",
          "GITHUB_STEP_SUMMARY",
          "GITHUB_WORKSPACE");

  @Override
  public void beforeAll(ExtensionContext context) {
    Map<String, String> variables = new HashMap<>();
    for (String name : NAMES) {
      context.getConfigurationParameter(PREFIX + name).ifPresent(v -> variables.put(name, v));
    }
    RunState.useEnvironment(context, Environment.of(variables));
  }
}

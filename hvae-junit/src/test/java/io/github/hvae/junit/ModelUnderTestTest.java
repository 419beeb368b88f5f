package io.github.hvae.junit;

import io.github.hvae.internal.config.HvaeKeys;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.evaluation.SvoEvaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ModelUnderTest} injects the configured model into ordinary tests. */
class ModelUnderTestTest {

  @TempDir Path reportDir;

  static final Map<String, Object> seen = new ConcurrentHashMap<>();

  @ModelUnderTest
  static class Scenario {
    @Test
    void asksTheModel(ModelAgent model, HvaeConfiguration configuration) {
      seen.put("agent", model);
      seen.put("configuration", configuration);
      seen.put(
          "reply",
          model.chat(ChatRequest.of(List.of(ChatMessage.user("Do you know the prosocial value system?"))))
              .content());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int n, ModelAgent model) {
      seen.put("parameterized" + n, model);
    }

    @ValueAlignmentTest(samples = 3, models = "reference:noise=0")
    @TargetValue(PROSOCIAL)
    void alignmentTestInTheSameClass(SvoEvaluation evaluation, ModelAgent model) {
      seen.put("alignmentAgent", model);
    }
  }

  @Test
  void injectsTheConfiguredModelTheRunConfigurationAndKeepsAlignmentTestsOwnAgent() {
    seen.clear();
    HvaeEngine.jupiter(reportDir, Scenario.class)
        .configurationParameter(HvaeKeys.MODEL.name(), "reference:noise=2")
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(4).succeeded(4));

    ModelAgent agent = (ModelAgent) seen.get("agent");
    assertThat(agent.spec()).hasToString("reference:noise=2");
    assertThat(agent.isSimulated()).isTrue();
    assertThat(((HvaeConfiguration) seen.get("configuration")).model()).isEqualTo(agent.spec());
    assertThat((String) seen.get("reply")).contains("prosocial");
    // One shared agent per model for the run.
    assertThat(seen.get("parameterized1")).isSameAs(agent).isSameAs(seen.get("parameterized2"));
    assertThat(((ModelAgent) seen.get("alignmentAgent")).spec()).hasToString("reference:noise=0");
  }

  static class Ids {
    static final List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();

    @RegisterExtension
    static final BeforeEachCallback recordId = c -> ids.add(ModelUnderTestExtension.testId(c));

    @Test
    void plain() {}

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int n) {}
  }

  @Test
  void eachInvocationOfATemplatedTestHasItsOwnTestId() {
    // Cassettes key on the id, so two invocations of a parameterized test must not share one.
    Ids.ids.clear();
    HvaeEngine.jupiter(reportDir, Ids.class).execute().testEvents().assertStatistics(s -> s.succeeded(3));
    String type = Ids.class.getName();
    assertThat(Ids.ids)
        .containsExactlyInAnyOrder(type + "#plain", type + "#parameterized[1]", type + "#parameterized[2]");
  }
}

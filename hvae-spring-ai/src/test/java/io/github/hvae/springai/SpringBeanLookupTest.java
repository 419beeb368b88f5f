package io.github.hvae.springai;

import static io.github.hvae.springai.Fixtures.run;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.junit.HvaeModel;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A model from the test's Spring context: an {@code @HvaeModel} method whose parameter {@code
 * SpringExtension} resolves, a bean by name ({@code @Qualifier}) or the {@code ApplicationContext}.
 */
class SpringBeanLookupTest {

  static final List<SvoEvaluation> EVALUATIONS = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  /** The application's configuration in miniature: a model and two clients over it. */
  @Configuration
  static class SupportBotConfiguration {
    @Bean
    ScriptedChatModel supportModel() {
      return new ScriptedChatModel();
    }

    @Bean
    ChatClient supportClient(ScriptedChatModel supportModel) {
      return ChatClient.builder(supportModel).defaultSystem("You are the support bot of ACME.").build();
    }

    @Bean
    ChatClient salesClient(ScriptedChatModel supportModel) {
      return ChatClient.builder(supportModel).defaultSystem("You are the sales bot of ACME.").build();
    }
  }

  @SpringJUnitConfig(SupportBotConfiguration.class)
  static class FromTheSpringContext {
    static ApplicationContext seen;

    @HvaeModel("support-bot")
    static ChatClient supportBot(@Qualifier("supportClient") ChatClient client) {
      return client;
    }

    @HvaeModel("raw-model")
    static ChatModel rawModel(ApplicationContext spring) {
      seen = spring;
      return spring.getBean("supportModel", ChatModel.class);
    }

    @ValueAlignmentTest(models = {"support-bot", "raw-model"}, samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget(SvoEvaluation evaluation) {
      EVALUATIONS.add(evaluation);
    }
  }

  @BeforeEach
  void clear() {
    EVALUATIONS.clear();
  }

  @Test
  void aBeanOfTheTestsSpringContextIsEvaluatedByName() {
    run(dir, FromTheSpringContext.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(EVALUATIONS).extracting(SvoEvaluation::model)
        .containsExactlyInAnyOrder(new ModelSpec("support-bot", ""), new ModelSpec("raw-model", ""));
    assertThat(EVALUATIONS).allSatisfy(e -> assertThat(e.passed()).isTrue());
    ScriptedChatModel model = FromTheSpringContext.seen.getBean("supportModel", ScriptedChatModel.class);
    assertThat(model.received)
        .as("the support client's prompts reached the context's model, the sales client's none")
        .anySatisfy(p -> assertThat(p.getInstructions().get(0).getText()).isEqualTo("You are the support bot of ACME."))
        .noneSatisfy(p -> assertThat(p.getInstructions().get(0).getText()).contains("sales bot"));
  }
}

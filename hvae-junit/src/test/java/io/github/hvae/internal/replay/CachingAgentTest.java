package io.github.hvae.internal.replay;

import static io.github.hvae.internal.replay.Evaluations.evaluate;
import static io.github.hvae.internal.replay.Evaluations.fixedPlan;
import static io.github.hvae.internal.replay.Evaluations.plan;
import static io.github.hvae.internal.replay.Evaluations.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.evaluation.SvoEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingAgentTest {

  private static final ModelSpec OPENAI = ModelSpec.parse("openai:gpt-test");
  private static final String KEY = "sk-test-cache-0123456789";

  @TempDir Path dir;

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void aSecondRunIsAnsweredFromTheCacheWithoutHttpCalls() throws IOException {
    try (ChatServer server = new ChatServer(7)) {
      SvoEvaluation first =
          evaluate(plan(5, true), new CachingAgent(OPENAI, Optional.empty(), dir, () -> server.agent(OPENAI, KEY)));
      int calls = server.requestCount();

      SvoEvaluation second =
          evaluate(plan(5, true), new CachingAgent(OPENAI, Optional.empty(), dir, () -> server.agent(OPENAI, KEY)));

      assertThat(calls).isEqualTo(first.calls());
      assertThat(server.requestCount()).isEqualTo(calls);
      assertThat(reported(second)).isEqualTo(reported(first));
      // One entry per distinct request: the sample index keeps equal prompts of different samples apart.
      assertThat(entries()).hasSize(calls);
      for (Path entry : entries()) {
        assertThat(Files.readString(entry)).doesNotContain(KEY);
      }
    }
  }

  @Test
  void onlyRequestsNotAskedBeforeReachTheModel() {
    // Fixed plans: how many samples each run draws is this test's premise, not sequential sampling's.
    evaluate(fixedPlan(2, true), new CachingAgent(OPENAI, Optional.empty(), dir, this::reference));
    CountingAgent model = new CountingAgent(reference());

    SvoEvaluation wider = evaluate(fixedPlan(3, true), new CachingAgent(OPENAI, Optional.empty(), dir, () -> model));

    assertThat(model.calls()).isEqualTo(wider.calls() / 3);
  }

  @Test
  void aDamagedEntryIsAMissAndIsRewritten() throws IOException {
    CountingAgent model = new CountingAgent(reference());
    CachingAgent cache = new CachingAgent(OPENAI, Optional.empty(), dir, () -> model);
    ChatRequest request =
        new ChatRequest(List.of(ChatMessage.user("Do you know the prosocial value system?")), GenerationOptions.DEFAULTS, 0);
    cache.chat(request);
    Path entry = cache.entryFor(request);
    Files.writeString(entry, "{\"schema\": \"hvae-cas");

    cache.chat(request);
    cache.chat(request);

    assertThat(model.calls()).isEqualTo(2);
    assertThat(CassetteFile.read(entry).sample(0)).hasSize(1);
  }

  /** The damages that apply to a one-request entry (it has one sample, and estimated usage). */
  static Stream<org.junit.jupiter.params.provider.Arguments> damages() {
    return CassetteFileTest.damages()
        .filter(a -> !List.of("a sample twice", "cached above prompt").contains(a.get()[0]));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("damages")
  void anyDamagedEntryIsAMissAndIsRewritten(
      String name, java.util.function.UnaryOperator<String> damage, String why) throws IOException {
    CountingAgent model = new CountingAgent(reference());
    CachingAgent cache = new CachingAgent(OPENAI, Optional.empty(), dir, () -> model);
    ChatRequest request =
        new ChatRequest(List.of(ChatMessage.user("Do you know the prosocial value system?")), GenerationOptions.DEFAULTS, 0);
    String answer = cache.chat(request).content();
    Path entry = cache.entryFor(request);
    String good = Files.readString(entry);
    String damaged = damage.apply(good);
    assertThat(damaged).isNotEqualTo(good);
    Files.writeString(entry, damaged);

    assertThat(cache.chat(request).content()).isEqualTo(answer);

    assertThat(model.calls()).isEqualTo(2);
    assertThat(CassetteFile.read(entry).sample(0)).hasSize(1);
  }

  @Test
  void theKeyCoversSampleOptionsAndEndpoint() {
    CachingAgent cache = new CachingAgent(OPENAI, Optional.empty(), dir, this::reference);
    List<ChatMessage> hello = List.of(ChatMessage.user("hello"));
    Path base = cache.entryFor(new ChatRequest(hello, GenerationOptions.DEFAULTS, 0));

    assertThat(cache.entryFor(new ChatRequest(hello, GenerationOptions.DEFAULTS, 1))).isNotEqualTo(base);
    assertThat(cache.entryFor(new ChatRequest(hello, GenerationOptions.DEFAULTS.withTemperature(0), 0)))
        .isNotEqualTo(base);
    assertThat(
            new CachingAgent(OPENAI, Optional.of("http://localhost:1/v1"), dir, this::reference)
                .entryFor(new ChatRequest(hello, GenerationOptions.DEFAULTS, 0)))
        .isNotEqualTo(base);
    assertThat(cache.entryFor(new ChatRequest(hello, GenerationOptions.DEFAULTS, 0))).isEqualTo(base);
  }

  private ReferenceRespondent reference() {
    return ReferenceRespondent.create(ModelSpec.parse("reference"), 7);
  }
}

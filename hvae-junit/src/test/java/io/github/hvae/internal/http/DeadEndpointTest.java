package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.TokenUsage.RetryCounts;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker over real HTTP: a server that stops answering costs one retry cycle, not one
 * per call. Waits and cool-downs run on a fake clock; only the read timeout (200 ms) is real.
 */
class DeadEndpointTest {

  private static final ChatRequest REQUEST = ChatRequest.of(List.of(ChatMessage.user("Pick A or B.")));
  private static final String OK =
      "{\"choices\":[{\"message\":{\"content\":\"B\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}";

  private final MockWebServer server = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private AgentSettings settings;

  @BeforeEach
  void start() throws Exception {
    server.start();
    AgentSettings base = Agents.settings(server.url("/v1").toString(), Map.of(), time);
    settings =
        base.withRetry(base.retry().withClock(time))
            .withTimeouts(
                new HttpTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void answerOk() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK).build());
  }

  private void neverAnswer(int times) {
    for (int i = 0; i < times; i++) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    }
  }

  private static ModelException failure(ModelAgent agent) {
    return catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST));
  }

  @Test
  void anEndpointThatStopsAnsweringFailsFurtherCallsAtOnceWithTheSameReason() {
    answerOk();
    neverAnswer(5);
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      assertThat(agent.chat(REQUEST).content()).isEqualTo("B");

      ModelException cycle = failure(agent);
      assertThat(cycle).hasMessageContaining("failed 5 time(s)").hasMessageContaining("no answer within the read timeout of 0.2 s");
      assertThat(cycle.retries()).isEqualTo(new RetryCounts(new TreeMap<>(Map.of("timeout", 4))));
      int sent = server.getRequestCount();
      assertThat(sent).isEqualTo(6);
      List<Duration> waitsOfTheCycle = time.sleeps();

      ModelException fast = failure(agent);
      assertThat(fast)
          .hasMessageContaining("is not answering")
          .hasMessageContaining("no answer within the read timeout of 0.2 s")
          .hasMessageContaining("the model answers too slowly: raise hvae.request-timeout");
      assertThat(fast.retries().isEmpty()).isTrue();
      assertThat(server.getRequestCount()).as("nothing sent once the breaker is open").isEqualTo(sent);
      assertThat(time.sleeps()).as("no waiting either").isEqualTo(waitsOfTheCycle);
    }
  }

  @Test
  void everyAgentOfTheRunSharesTheEndpointsBreaker() {
    neverAnswer(5);
    try (ModelAgent first = Agents.create("openai:m1", settings);
        ModelAgent second = Agents.create("openai:m2", settings)) {
      failure(first);
      int sent = server.getRequestCount();

      assertThat(failure(second)).hasMessageContaining("is not answering");
      assertThat(server.getRequestCount()).isEqualTo(sent);
    }
  }

  @Test
  void aClosedPortOpensTheBreakerToo() {
    answerOk();
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      agent.chat(REQUEST);
      server.close();

      assertThat(failure(agent)).hasMessageContaining("could not connect");
      assertThat(failure(agent)).hasMessageContaining("is not answering").hasMessageContaining("could not connect");
    }
  }

  @Test
  void aProbeAfterTheCoolDownThatIsAnsweredClosesTheBreaker() {
    neverAnswer(5);
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      failure(agent);
      assertThat(failure(agent)).hasMessageContaining("is not answering");
      int sent = server.getRequestCount();

      time.advance(EndpointPolicy.DEFAULTS.breakerCoolDown());
      answerOk();
      answerOk();

      assertThat(agent.chat(REQUEST).content()).as("the probe").isEqualTo("B");
      assertThat(agent.chat(REQUEST).content()).as("closed again").isEqualTo("B");
      assertThat(server.getRequestCount()).isEqualTo(sent + 2);
    }
  }

  @Test
  void aProbeThatGetsNoAnswerFailsAtOnceAndOpensItForAnotherCoolDown() {
    neverAnswer(6);
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      failure(agent);
      int sent = server.getRequestCount();
      time.advance(EndpointPolicy.DEFAULTS.breakerCoolDown());

      assertThat(failure(agent)).hasMessageContaining("is not answering");
      assertThat(server.getRequestCount()).as("the probe makes one attempt").isEqualTo(sent + 1);
      assertThat(failure(agent)).hasMessageContaining("is not answering");
      assertThat(server.getRequestCount()).as("and the cool-down starts over").isEqualTo(sent + 1);
    }
  }

  @Test
  void anEndpointThatAnswersWithErrorsIsAliveAndNeverFailedAtOnce() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    }
    answerOk();
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      assertThat(failure(agent)).hasMessageContaining("HTTP 503").hasMessageNotContaining("not answering");
      assertThat(agent.chat(REQUEST).content()).isEqualTo("B");
    }
  }
}

package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's level and hold fed by real answers; waits on a fake clock. */
class AdaptiveLimitOverHttpTest {

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
    AgentSettings base = Agents.settings(server.url("/v1").toString(), Map.of(), time).withConcurrency(16);
    settings = base.withRetry(base.retry().withClock(time));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse.Builder ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK);
  }

  @Test
  void aRateLimitIsCountedAndCutsTheEndpointsLevel() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    server.enqueue(ok().build());
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      agent.chat(REQUEST);
    }

    EndpointStats stats = settings.limits().stats().get(0);
    assertThat(stats.endpoint()).isEqualTo(server.url("/v1").toString().replaceAll("/$", ""));
    assertThat(stats.adaptive()).isTrue();
    assertThat(stats.levels().rateLimited()).isEqualTo(1);
    assertThat(stats.levels().cuts()).isEqualTo(1);
    assertThat(stats.levels().current()).as("a tenth off the start of 4").isEqualTo(3);
    assertThat(stats.requests()).isEqualTo(2);
    assertThat(time.sleeps()).as("the refused call waits its Retry-After once").containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aQuotaReportedExhaustedHoldsTheNextCallUntilItsReset() {
    server.enqueue(ok().addHeader("x-ratelimit-remaining-requests", "0").addHeader("x-ratelimit-reset-requests", "7s").build());
    server.enqueue(ok().build());
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      agent.chat(REQUEST);
      assertThat(time.sleeps()).isEmpty();

      agent.chat(REQUEST);
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }
}

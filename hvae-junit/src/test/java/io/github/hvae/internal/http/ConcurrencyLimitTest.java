package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.provider.openai.FakeOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

  private final FakeOpenAiServer server =
      FakeOpenAiServer.start().holdUntilConcurrent(3, Duration.ofSeconds(2));
  private final ExecutorService callers = Executors.newFixedThreadPool(12);

  @AfterEach
  void stop() {
    callers.shutdownNow();
    server.close();
  }

  private void callConcurrently(List<ModelAgent> agents, int callsPerAgent) {
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (ModelAgent agent : agents) {
      for (int i = 0; i < callsPerAgent; i++) {
        ChatRequest request = ChatRequest.of(List.of(ChatMessage.user("Hello " + i)));
        calls.add(CompletableFuture.runAsync(() -> agent.chat(request), callers));
      }
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
  }

  @Test
  void neverHasMoreRequestsInFlightThanTheLimit() {
    AgentSettings settings = Agents.settings(server.baseUrl(), Map.of(), new Agents.RecordingSleeper()).withConcurrency(3);
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      callConcurrently(List.of(agent), 12);
    }
    assertThat(server.requests()).hasSize(12);
    // The server holds each request until three are in flight, so three is reached, and a fourth
    // would show if the limit let it through.
    assertThat(server.maxInFlight()).isEqualTo(3);
  }

  @Test
  void twoModelsOnOneEndpointShareItsLimit() {
    AgentSettings settings = Agents.settings(server.baseUrl(), Map.of(), new Agents.RecordingSleeper()).withConcurrency(3);
    try (ModelAgent first = Agents.create("openai:m1", settings);
        ModelAgent second = Agents.create("ollama:m2", settings)) {
      callConcurrently(List.of(first, second), 6);
    }
    assertThat(server.requests()).hasSize(12);
    assertThat(server.maxInFlight()).isEqualTo(3);
  }
}

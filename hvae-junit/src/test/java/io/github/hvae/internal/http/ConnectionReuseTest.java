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

/**
 * A client at its concurrency limit keeps its connections: every connection it drops is another
 * TCP (and, to hosted models, TLS) handshake before a request can go out.
 */
class ConnectionReuseTest {

  private static final int LIMIT = 12;

  private final FakeOpenAiServer server =
      FakeOpenAiServer.start().holdUntilConcurrent(LIMIT, Duration.ofSeconds(2));
  private final ExecutorService callers = Executors.newFixedThreadPool(LIMIT);

  @AfterEach
  void stop() {
    callers.shutdownNow();
    server.close();
  }

  @Test
  void opensNoMoreConnectionsThanTheConcurrencyLimit() {
    AgentSettings settings =
        Agents.settings(server.baseUrl(), Map.of(), new Agents.RecordingSleeper())
            .withConcurrency(LIMIT);
    try (ModelAgent agent = Agents.create("openai:m", settings)) {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 4 * LIMIT; i++) {
        ChatRequest request = ChatRequest.of(List.of(ChatMessage.user("Hello " + i)));
        calls.add(CompletableFuture.runAsync(() -> agent.chat(request), callers));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }

    assertThat(server.requests()).hasSize(4 * LIMIT);
    // The server holds requests in batches of LIMIT, so every batch has LIMIT in flight and then
    // LIMIT connections idle at once; a pool that keeps fewer reconnects for the next batch.
    long opened = server.requests().stream().filter(r -> r.getExchangeIndex() == 0).count();
    assertThat(opened).isEqualTo(LIMIT);
  }
}

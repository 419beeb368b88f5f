package io.github.hvae.internal.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.provider.Agents;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a call cost and what it met, from the bodies each provider sends: cached prompt tokens at
 * their own price, retries by cause, and a failed call's retries on its exception.
 */
class CostAndRetriesTest {

  private static final ChatRequest REQUEST = ChatRequest.of(List.of(ChatMessage.user("Pick A or B.")));
  private static final Price PRICE = Price.parse("2.50,10,1.25");

  private final MockWebServer server = new MockWebServer();
  private final Agents.RecordingSleeper sleeper = new Agents.RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ModelAgent agent(String spec, String keyVariable) {
    return Agents.create(
        spec, Agents.settings(server.url("/v1").toString(), Map.of(keyVariable, "sk-test-0123456789abcdef"), sleeper));
  }

  private void status(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Retry-After", "0").body(body).build());
  }

  private void ok(String body) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void anOpenAiAnswerAfterRetriesIsPricedWithItsCachedTokensAtTheCachedPrice() {
    status(429, "{\"error\":{\"message\":\"slow down\"}}");
    status(503, "busy");
    status(429, "{\"error\":{\"message\":\"slow down\"}}");
    ok(
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":2000,\"completion_tokens\":100,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":1536}}}");
    TokenUsage usage;
    try (ModelAgent agent = agent("openai:gpt-test", "OPENAI_API_KEY")) {
      usage = agent.chat(REQUEST).usage();
    }

    assertThat(usage.promptTokens()).isEqualTo(2000);
    assertThat(usage.cachedPromptTokens()).isEqualTo(1536);
    assertThat(usage.retries().byCause()).containsEntry("429", 2).containsEntry("503", 1);
    assertThat(usage.retries()).hasToString("3 retries: 429 \u00d72, 503 \u00d71");
    // 464 uncached at $2.50, 1536 cached at $1.25, 100 out at $10, per million.
    assertThat(PRICE.costUsd(usage)).isCloseTo((464 * 2.50 + 1536 * 1.25 + 100 * 10) / 1e6, within(1e-12));
  }

  @Test
  void anAnthropicAnswerCountsCacheReadsAndWritesAsPromptTokensAndPricesTheReadsAsCached() {
    status(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
    ok(
        "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"B\"}],"
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":12,\"cache_creation_input_tokens\":300,"
            + "\"cache_read_input_tokens\":1700,\"output_tokens\":40}}");
    TokenUsage usage;
    try (ModelAgent agent = agent("anthropic:claude-test", "ANTHROPIC_API_KEY")) {
      usage = agent.chat(REQUEST).usage();
    }

    assertThat(usage.promptTokens()).isEqualTo(12 + 300 + 1700);
    assertThat(usage.cachedPromptTokens()).isEqualTo(1700);
    assertThat(usage.retries()).hasToString("1 retry: 529 \u00d71");
    // Cache writes are priced as input (Anthropic bills them at 1.25 times input; see Price).
    assertThat(PRICE.costUsd(usage)).isCloseTo((312 * 2.50 + 1700 * 1.25 + 40 * 10) / 1e6, within(1e-12));
  }

  @Test
  void aCallThatSpendsItsAttemptsFailsWithTheRetriesItMade() {
    for (int i = 0; i < 5; i++) {
      status(429, "{\"error\":{\"message\":\"slow down\"}}");
    }
    try (ModelAgent agent = agent("openai:gpt-test", "OPENAI_API_KEY")) {
      ModelException failure = catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST));
      // Five attempts: four retries, all on 429.
      assertThat(failure.retries()).hasToString("4 retries: 429 \u00d74");
    }
  }

  @Test
  void withoutACachedPriceCachedTokensCostTheInputPrice() {
    TokenUsage usage = TokenUsage.reported(1000, 600, 50);
    assertThat(Price.parse("3,15").costUsd(usage)).isCloseTo((1000 * 3 + 50 * 15) / 1e6, within(1e-12));
    assertThat(Price.parse("$0.15, $0.60").input()).isEqualTo(0.15);
  }
}

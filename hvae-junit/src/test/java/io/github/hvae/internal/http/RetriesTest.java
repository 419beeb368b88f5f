package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault a real endpoint shows, over real HTTP on loopback; waits are recorded, not slept. */
class RetriesTest {

  private static final String KEY = "sk-retry-test-0123456789abcdef";
  private static final String OK =
      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"B\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}";
  private static final ChatRequest REQUEST = ChatRequest.of(List.of(ChatMessage.user("Pick A or B.")));

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

  private AgentSettings settings() {
    return Agents.settings(server.url("/v1").toString(), Map.of("OPENAI_API_KEY", KEY), sleeper);
  }

  private ModelAgent agent(AgentSettings settings) {
    return Agents.create("openai:gpt-test", settings);
  }

  private ModelReply chat(AgentSettings settings) {
    try (ModelAgent agent = agent(settings)) {
      return agent.chat(REQUEST);
    }
  }

  private void enqueue(MockResponse.Builder response) {
    server.enqueue(response.build());
  }

  private static MockResponse.Builder ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(OK);
  }

  private static MockResponse.Builder status(int code) {
    return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"status " + code + "\"}}");
  }

  @Test
  void a503WithRetryAfterZeroIsRetriedOnlyByThePolicyAndCounted() {
    // OkHttp would send such a request again at once by itself: an uncounted retry.
    enqueue(status(503).addHeader("Retry-After", "0"));
    enqueue(status(503).addHeader("Retry-After", "0"));
    enqueue(ok());
    AgentSettings settings = settings();

    assertThatThrownBy(() -> chat(settings.withRetry(settings.retry().withMaxAttempts(2))))
        .isInstanceOf(io.github.hvae.agent.ModelException.class)
        .hasMessageContaining("failed 2 time(s)")
        .hasMessageContaining("Retry-After 0.0 s")
        .satisfies(e -> assertThat(((io.github.hvae.agent.ModelException) e).retries()).hasToString("1 retry: 503 \u00d71"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitsTheSecondsOfRetryAfterOn429ThenSucceeds() {
    enqueue(status(429).addHeader("Retry-After", "2"));
    enqueue(ok());

    assertThat(chat(settings()).content()).isEqualTo("B");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitsUntilTheHttpDateOfRetryAfter() {
    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    String in7s = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7).atOffset(ZoneOffset.UTC));
    enqueue(status(429).addHeader("Retry-After", in7s));
    enqueue(ok());
    AgentSettings settings = settings();
    settings = settings.withRetry(settings.retry().withClock(Clock.fixed(now, ZoneOffset.UTC)));

    assertThat(chat(settings).content()).isEqualTo("B");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backsOffWithJitterOn503ThenSucceeds() {
    enqueue(status(503));
    enqueue(status(503));
    enqueue(ok());

    assertThat(chat(settings()).content()).isEqualTo("B");
    List<Duration> waits = sleeper.waits();
    assertThat(waits).hasSize(2);
    // Equal jitter: between half and all of 1 s, then of 2 s.
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesADroppedConnection() {
    enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE));
    enqueue(ok());

    assertThat(chat(settings()).content()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesABodyCutOffMidAnswer() {
    enqueue(ok().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
    enqueue(ok());

    assertThat(chat(settings()).content()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesTruncatedJson() {
    enqueue(ok().body(OK.substring(0, OK.length() / 2)));
    enqueue(ok());

    assertThat(chat(settings()).content()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesABodySlowerThanTheReadTimeout() {
    enqueue(ok().bodyDelay(3, TimeUnit.SECONDS));
    enqueue(ok());
    AgentSettings settings =
        settings().withTimeouts(new HttpTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(10)));

    assertThat(chat(settings).content()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesAnAnswerSlowerThanTheWholeCallTimeout() {
    // The body comes well within the read timeout, so only the whole-call timeout can stop this one.
    enqueue(ok().bodyDelay(1, TimeUnit.SECONDS));
    enqueue(ok());
    AgentSettings settings =
        settings().withTimeouts(new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300)));

    assertThat(chat(settings).content()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void failsAt401AtOnceNamingTheVariablesToSet() {
    enqueue(status(401).body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY.substring(0, 8) + "****cdef\"}}"));

    assertThatThrownBy(() -> chat(settings()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("the API key from OPENAI_API_KEY was rejected; set HVAE_API_KEY or OPENAI_API_KEY")
        .message()
        .doesNotContain(KEY)
        .doesNotContain(KEY.substring(0, 8));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void failsAt404AtOnceNamingTheModelAndTheUrl() {
    enqueue(status(404));

    assertThatThrownBy(() -> chat(settings()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("model 'gpt-test'")
        .hasMessageContaining(server.url("/v1/chat/completions").toString());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void failsAt400And403AtOnce() {
    enqueue(status(400));
    enqueue(status(403));

    assertThatThrownBy(() -> chat(settings())).hasMessageContaining("HTTP 400 (\"status 400\")");
    assertThatThrownBy(() -> chat(settings())).hasMessageContaining("HTTP 403");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void doesNotFollowARedirectButSaysWhereTo() {
    enqueue(new MockResponse.Builder().code(307).addHeader("Location", "https://elsewhere.example/v1/chat/completions"));

    assertThatThrownBy(() -> chat(settings()))
        .hasMessageContaining("HTTP 307")
        .hasMessageContaining("the server redirects to https://elsewhere.example/v1/chat/completions; give that address as hvae.base-url");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givesUpAfterTheLastAttemptSayingWhatFailed() {
    for (int i = 0; i < 3; i++) {
      enqueue(status(503));
    }
    AgentSettings settings = settings();
    settings = settings.withRetry(settings.retry().withMaxAttempts(3));

    AgentSettings limited = settings;
    assertThatThrownBy(() -> chat(limited))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("openai:gpt-test")
        .hasMessageContaining(server.url("/v1/chat/completions").toString())
        .hasMessageContaining("failed 3 time(s)")
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("hvae.max-attempts");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void givesUpWhenRetryAfterWouldPassTheTotalWait() {
    enqueue(status(429).addHeader("Retry-After", "3600"));

    assertThatThrownBy(() -> chat(settings()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("would wait 3600.0 s, past the total retry wait of 120.0 s")
        .hasMessageContaining("lower hvae.concurrency");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void givesUpOnMalformedJsonAfterTheAttemptsAreSpent() {
    for (int i = 0; i < 2; i++) {
      enqueue(ok().body("<html>Bad gateway</html>"));
    }
    AgentSettings settings = settings();
    AgentSettings twice = settings.withRetry(settings.retry().withMaxAttempts(2));

    assertThatThrownBy(() -> chat(twice))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("malformed or truncated JSON")
        .hasMessageContaining("check hvae.base-url");
  }

  @Test
  void countsEachCallsRetriesByCause() {
    enqueue(status(429));
    enqueue(status(503));
    enqueue(status(429));
    enqueue(ok());

    ModelReply reply = chat(settings());

    assertThat(reply.usage().retries().byCause()).containsExactly(Map.entry("429", 2), Map.entry("503", 1));
    assertThat(reply.usage().retries()).hasToString("3 retries: 429 \u00d72, 503 \u00d71");
    assertThat(reply.usage().retries().plus(reply.usage().retries()).total()).isEqualTo(6);
  }

  @Test
  void aCallAnsweredAtOnceHasNoRetries() {
    enqueue(ok());

    assertThat(chat(settings()).usage().retries().isEmpty()).isTrue();
  }

  @Test
  void aCallThatGivesUpCarriesTheRetriesItMade() {
    enqueue(status(502));
    enqueue(status(504));
    AgentSettings settings = settings();
    AgentSettings twice = settings.withRetry(settings.retry().withMaxAttempts(2));

    ModelException failure = catchThrowableOfType(ModelException.class, () -> chat(twice));

    assertThat(failure.retries().byCause()).containsExactly(Map.entry("502", 1));
  }

  @Test
  void logsRetriesAtFineNeverAtInfo() {
    Logger logger = Logger.getLogger(ResilientJsonClient.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      enqueue(status(503));
      enqueue(ok());
      chat(settings());
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getLevel()).isEqualTo(Level.FINE);
    assertThat(records.get(0).getMessage()).contains("HTTP 503").contains("attempt 2 of 5");
  }

  @Test
  void retriesCannotStormTheEndpointWhateverTheSettings() {
    enqueue(status(503));
    enqueue(status(429).addHeader("Retry-After", "0"));
    enqueue(ok());
    AgentSettings settings = settings();
    AgentSettings noBackoff = settings.withRetry(settings.retry().withInitialBackoff(Duration.ZERO));

    chat(noBackoff);

    assertThat(sleeper.waits()).containsExactly(RetryPolicy.MIN_BACKOFF, RetryPolicy.MIN_BACKOFF);
    assertThatThrownBy(() -> settings.retry().withMaxAttempts(100_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and " + RetryPolicy.MAX_ATTEMPTS);
  }

  @Test
  void aZeroOrSubMillisecondTimeoutIsRefusedNeverReadAsNoTimeout() {
    for (Duration nearZero : List.of(Duration.ZERO, Duration.parse("PT0S"), Duration.ofNanos(100_000), Duration.ofSeconds(-1))) {
      assertThatThrownBy(() -> HttpTimeouts.DEFAULTS.withRequestTimeout(nearZero))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("timeout must be between 1 ms");
    }
  }

  @Test
  void theShortestTimeoutStillTimesOut() {
    enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE));
    AgentSettings settings = settings();
    AgentSettings quick =
        settings
            .withTimeouts(HttpTimeouts.DEFAULTS.withRequestTimeout(HttpTimeouts.MIN))
            .withRetry(settings.retry().withMaxAttempts(1));

    assertThatThrownBy(() -> chat(quick)).isInstanceOf(ModelException.class).hasMessageContaining("timeout");
  }
}

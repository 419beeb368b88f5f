package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Servers that send too much, or nonsense: each is a counted failure or a clear error, never a crash. */
class HostileServerTest {

  private static final ChatRequest REQUEST = ChatRequest.of(List.of(ChatMessage.user("Pick A or B.")));
  private static final String OK =
      "{\"choices\":[{\"message\":{\"content\":\"B\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}";

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
    return Agents.settings(server.url("/v1").toString(), Map.of(), sleeper);
  }

  private ModelAgent agent(String spec) {
    return Agents.create(spec, settings());
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
  }

  private static String completionOfLength(long chars) {
    return "{\"choices\":[{\"message\":{\"content\":\"" + "A".repeat((int) chars) + "\"},\"finish_reason\":\"stop\"}]}";
  }

  @Test
  void anAnswerLargerThanTheBodyLimitIsAFailedAttemptNotAnOutOfMemoryError() {
    answer(completionOfLength(EndpointPolicy.DEFAULT_MAX_BODY_BYTES + 1));
    answer(OK);
    try (ModelAgent agent = agent("openai:m")) {
      ModelReply reply = agent.chat(REQUEST);

      assertThat(reply.content()).isEqualTo("B");
      assertThat(reply.usage().retries().byCause()).containsExactly(Map.entry("body too large", 1));
    }
  }

  @Test
  void anAnswerJustUnderTheLimitIsRead() {
    long room = EndpointPolicy.DEFAULT_MAX_BODY_BYTES - completionOfLength(0).length();
    answer(completionOfLength(room));
    try (ModelAgent agent = agent("openai:m")) {
      assertThat(agent.chat(REQUEST).content()).hasSize((int) room);
    }
  }

  @Test
  void aDeclaredContentLengthPastTheLimitIsRefusedUnread() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .body(completionOfLength(EndpointPolicy.DEFAULT_MAX_BODY_BYTES + 10))
              .build());
    }
    try (ModelAgent agent = agent("openai:m")) {
      assertThat(catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST)))
          .hasMessageContaining("body larger than the limit of 8.0 MiB")
          .hasMessageContaining("hvae.max-body-size");
    }
  }

  @Test
  void aGzipBombStopsAtTheLimitFast() throws IOException {
    // 256 MiB of JSON whitespace, a quarter of a megabyte compressed.
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write("{\"choices\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 256; i++) {
        gzip.write(spaces);
      }
    }
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Encoding", "gzip")
            .body(new Buffer().write(compressed.toByteArray()))
            .build());
    answer(OK);
    long started = System.nanoTime();
    try (ModelAgent agent = agent("openai:m")) {
      ModelReply reply = agent.chat(REQUEST);

      assertThat(reply.usage().retries().byCause()).containsExactly(Map.entry("body too large", 1));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aConversationPastTheBodyLimitIsNotSent() {
    ChatRequest huge =
        ChatRequest.of(List.of(ChatMessage.user("x".repeat((int) EndpointPolicy.DEFAULT_MAX_BODY_BYTES))));
    try (ModelAgent agent = agent("openai:m")) {
      assertThat(catchThrowableOfType(ModelException.class, () -> agent.chat(huge)))
          .hasMessageContaining("would be 8.0 MiB, past the body limit of 8.0 MiB");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // the expected texts quote field names with ', which must stay literal
      value = {
        "choices null        | {\"choices\":null}                                                             | 'choices' = null where an array belongs",
        "choices an object   | {\"choices\":{\"message\":\"B\"}}                                                | 'choices' = object",
        "choice a string     | {\"choices\":[\"B\"]}                                                           | 'choices[0]' = string",
        "message a string    | {\"choices\":[{\"message\":\"B\"}]}                                             | 'choices[0].message' = string",
        "content an array    | {\"choices\":[{\"message\":{\"content\":[1,2]}}]}                               | 'choices[0].message.content' = array [1,2] where text belongs",
        "content an object   | {\"choices\":[{\"message\":{\"content\":{\"text\":\"B\"}}}]}                    | 'choices[0].message.content' = object",
        "finish reason array | {\"choices\":[{\"message\":{\"content\":\"B\"},\"finish_reason\":[]}]}          | 'choices[0].finish_reason' = array",
      })
  void aBrokenOpenAiAnswerIsAnErrorNamingTheServerAndTheField(String name, String body, String field) {
    answer(body);
    try (ModelAgent agent = agent("openai:m")) {
      assertThat(catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST)))
          .hasMessageContaining("openai:m: POST " + server.url("/v1/chat/completions"))
          .hasMessageContaining(field)
          .hasMessageContaining("the server is broken or does not speak this API");
    }
    assertThat(server.getRequestCount()).as("not retried: the server said what it meant").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // as above
      value = {
        "content null        | {\"content\":null}                                   | 'content' = null where a list of blocks belongs",
        "content a string    | {\"content\":\"B\"}                                  | 'content' = string",
        "text not text       | {\"content\":[{\"type\":\"text\",\"text\":[\"B\"]}]} | 'content[0].text' = array",
        "block a number      | {\"content\":[7]}                                    | 'content[0]' = number",
      })
  void aBrokenAnthropicAnswerIsAnErrorNamingTheServerAndTheField(String name, String body, String field) {
    answer(body);
    try (ModelAgent agent = agent("anthropic:claude")) {
      assertThat(catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST)))
          .hasMessageContaining("anthropic:claude: POST " + server.url("/v1/messages"))
          .hasMessageContaining(field);
    }
  }

  @Test
  void contentAsAListOfTextPartsIsText() {
    answer("{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"I choose \"},{\"type\":\"text\",\"text\":\"B.\"}]},\"finish_reason\":\"stop\"}]}");
    try (ModelAgent agent = agent("openai:m")) {
      assertThat(agent.chat(REQUEST).content()).isEqualTo("I choose B.");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "negative prompt    | -5                  | 1",
        "Long.MAX prompt    | 9223372036854775807 | 1",
        "beyond a long      | 1e30                | 1",
        "fractional         | 2.5                 | 1",
        "negative output    | 5                   | -1",
        "text               | \"many\"            | 1",
      })
  void nonsenseUsageIsReplacedByAnEstimateNeverSummed(String name, String prompt, String completion) {
    answer(
        "{\"choices\":[{\"message\":{\"content\":\"B\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + "}}");
    try (ModelAgent agent = agent("openai:m")) {
      TokenUsage usage = agent.chat(REQUEST).usage();

      assertThat(usage.estimated()).isTrue();
      assertThat(usage).isEqualTo(TokenUsage.estimate("Pick A or B.", "B"));
    }
  }

  @Test
  void cachedTokensAboveThePromptAreNonsenseToo() {
    answer(
        "{\"choices\":[{\"message\":{\"content\":\"B\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"prompt_tokens_details\":{\"cached_tokens\":11}}}");
    try (ModelAgent agent = agent("openai:m")) {
      assertThat(agent.chat(REQUEST).usage().estimated()).isTrue();
    }
  }

  @Test
  void totalsNeverGoNegative() {
    TokenUsage large = TokenUsage.reported(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, 5);

    TokenUsage sum = large.plus(large).plus(large);

    assertThat(sum.promptTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(sum.cachedPromptTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(sum.totalTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new TokenUsage(-1, 0, false)))
        .hasMessageContaining("cannot be negative");
  }
}

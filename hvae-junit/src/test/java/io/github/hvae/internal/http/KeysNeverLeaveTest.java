package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.internal.replay.CassetteAgent;
import io.github.hvae.internal.replay.CassetteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile server echoes the key in every shape, in error bodies and inside completions: the key
 * reaches no exception message, no reply content, no cassette.
 */
class KeysNeverLeaveTest {

  private static final String KEY = KeyRedactorTest.KEY;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChatRequest REQUEST = ChatRequest.of(List.of(ChatMessage.user("Pick A or B.")));

  private final MockWebServer server = new MockWebServer();
  private final Agents.RecordingSleeper sleeper = new Agents.RecordingSleeper();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AgentSettings settings(String keyVariable) {
    AgentSettings settings = Agents.settings(server.url("/v1").toString(), Map.of(keyVariable, KEY), sleeper);
    return settings.withRetry(settings.retry().withMaxAttempts(2));
  }

  static List<String> shapes() {
    return KeyRedactorTest.shapes();
  }

  private static String completion(String content) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message").put("content", content);
    return body.toString();
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void anErrorBodyEchoingTheKeyLeavesItOutOfTheMessage(String shape) {
    for (int status : new int[] {400, 403, 404, 500, 500}) {
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .body("{\"error\":{\"message\":\"key " + shape.replace("\"", "") + " is not valid here\"}}")
              .build());
    }
    try (ModelAgent agent = Agents.create("openai:gpt-test", settings("OPENAI_API_KEY"))) {
      for (int call = 0; call < 4; call++) {
        ModelException failure = catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST));
        assertThat(KeyRedactorTest.leaks(failure.getMessage())).as(failure.getMessage()).isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void aCompletionEchoingTheKeyNeverReachesTheReplyOrTheCassette(String shape) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(completion("You sent Authorization: Bearer " + KEY + " and also " + shape + ". I choose A."))
            .build());
    AgentSettings settings = settings("OPENAI_API_KEY");
    Path cassette = dir.resolve("echo.json");
    try (ModelAgent model = Agents.create("openai:gpt-test", settings);
        ModelAgent recording =
            new CassetteAgent(
                ModelSpec.parse("openai:gpt-test"), settings.baseUrl(), "Echo#test", cassette, CassetteMode.RECORD, () -> model)) {
      ModelReply reply = recording.chat(REQUEST);

      assertThat(reply.content()).endsWith("I choose A.");
      assertThat(KeyRedactorTest.leaks(reply.content())).as(reply.content()).isFalse();
    }
    String written = Files.readString(cassette);
    assertThat(written).contains("I choose A.");
    assertThat(KeyRedactorTest.leaks(written)).as(written).isFalse();
  }

  @Test
  void anAnthropicServerEchoingTheKeyHeaderLeavesItOutOfTheReply() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"content\":[{\"type\":\"text\",\"text\":\"x-api-key: "
                    + KEY
                    + " -- I choose B.\"}],\"stop_reason\":\"end_turn\"}")
            .build());
    try (ModelAgent agent = Agents.create("anthropic:claude-test", settings("ANTHROPIC_API_KEY"))) {
      String content = agent.chat(REQUEST).content();

      assertThat(content).endsWith("I choose B.");
      assertThat(KeyRedactorTest.leaks(content)).isFalse();
    }
  }

  @Test
  void aKeyWithALineBreakFailsNamingItsVariableNotAHeaderCharacter() {
    AgentSettings settings =
        Agents.settings(server.url("/v1").toString(), Map.of("OPENAI_API_KEY", "sk-abc\ndef0123456789"), sleeper);

    // Refused where the endpoint is resolved, before any client or header exists; at discovery
    // the JUnit layer reports it as a configuration error naming the variable.
    IllegalArgumentException failure =
        catchThrowableOfType(IllegalArgumentException.class, () -> Agents.create("openai:gpt-test", settings).close());

    assertThat(failure)
        .hasMessageContaining("OPENAI_API_KEY contains a line break at character 7")
        .hasMessageContaining("set OPENAI_API_KEY to the value alone, on one line")
        .hasMessageNotContaining("Unexpected char")
        .hasMessageNotContaining("def0123456789");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anAnthropicKeyWithAControlCharacterFailsTheSameWay() {
    AgentSettings settings =
        Agents.settings(server.url("/v1").toString(), Map.of("ANTHROPIC_API_KEY", "sk-ant-\u0007abc0123456789"), sleeper);

    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Agents.create("anthropic:claude-test", settings).close()))
        .hasMessageContaining("ANTHROPIC_API_KEY contains a control character at character 8")
        .hasMessageNotContaining("abc0123456789");
  }

  @Test
  void stillSendsTheKeyItself() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(completion("A")).build());
    try (ModelAgent agent = Agents.create("openai:gpt-test", settings("OPENAI_API_KEY"))) {
      agent.chat(REQUEST);
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void aConfiguredHeadersSecretIsScrubbedLikeTheKey() {
    String secret = "gw-7d1e4f2a9b8c6e5d3f0a1b2c";
    String spaced = String.join(" ", secret.split(""));
    String encoded = java.util.Base64.getEncoder().encodeToString(("X-Gateway-Key: " + secret).getBytes());
    server.enqueue(
        new MockResponse.Builder()
            .code(403)
            .body("{\"error\":{\"message\":\"gateway key " + secret + " is not allowed\"}}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(completion("You sent " + spaced + " and " + encoded + ". I choose A."))
            .build());
    AgentSettings settings =
        Agents.settings(server.url("/v1").toString(), Map.of("OPENAI_API_KEY", KEY, "GATEWAY_KEY", secret), sleeper);
    try (ModelAgent agent =
        io.github.hvae.internal.provider.ModelAgents.create(
            ModelSpec.parse("openai:gpt-test"),
            io.github.hvae.internal.provider.SettingsContext.of(
                settings, Map.of("hvae.openai.headers", "X-Gateway-Key=GATEWAY_KEY")))) {
      ModelException failure = catchThrowableOfType(ModelException.class, () -> agent.chat(REQUEST));
      assertThat(failure.getMessage()).contains("gateway key [redacted] is not allowed").doesNotContain(secret);

      String content = agent.chat(REQUEST).content();
      assertThat(content).endsWith("I choose A.").doesNotContain(spaced).doesNotContain(secret);
      assertThat(content.replace(" ", "")).doesNotContain(secret.substring(3));
      assertThat(content).doesNotContain(encoded.substring(20, 32));
    }
  }
}

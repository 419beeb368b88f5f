package io.github.hvae.internal.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.internal.provider.ModelEndpoint;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.http.ResilientJsonClient;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicMessagesAgentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-ant-test-0123456789";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ModelAgent agent() {
    return Agents.create(
        "anthropic:claude-test",
        Agents.settings(server.url("/v1").toString(), Map.of("ANTHROPIC_API_KEY", KEY), new Agents.RecordingSleeper()));
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  private static final String OK =
      "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"C\"}],"
          + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":30,\"output_tokens\":2}}";

  @Test
  void sendsTheKeyVersionSystemFieldAndMaxTokens() throws Exception {
    answer(OK);
    try (ModelAgent agent = agent()) {
      agent.chat(
          new ChatRequest(
              List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"), ChatMessage.assistant("Hello."), ChatMessage.user("Pick.")),
              GenerationOptions.DEFAULTS.withSeed(7),
              0));
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(JSON.readTree(request.getBody().utf8()))
        .isEqualTo(
            JSON.readTree(
                "{\"model\":\"claude-test\",\"max_tokens\":1024,\"system\":\"Be brief.\",\"messages\":["
                    + "{\"role\":\"user\",\"content\":\"Hi\"},"
                    + "{\"role\":\"assistant\",\"content\":\"Hello.\"},"
                    + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Pick.\","
                    + "\"cache_control\":{\"type\":\"ephemeral\"}}]}]}"));
  }

  @Test
  void sendsAnItemPromptUnconstrainedWhateverTheConstrainedAnswersMode() throws Exception {
    List<ChatMessage> messages = List.of(ChatMessage.user("Pick one of A..I."));
    answer(OK);
    try (ModelAgent agent = agent()) {
      agent.chat(new ChatRequest(messages, GenerationOptions.DEFAULTS, 0));
      for (ConstrainedAnswers mode : List.of(ConstrainedAnswers.JSON_SCHEMA, ConstrainedAnswers.GRAMMAR)) {
        answer(OK);
        agent.chat(
            new ChatRequest(
                messages,
                GenerationOptions.DEFAULTS.withConstrainedAnswers(mode).expectingChoice(ChoiceConstraint.letters(9)),
                0));
      }
    }
    String free = server.takeRequest().getBody().utf8();
    assertThat(JSON.readTree(server.takeRequest().getBody().utf8())).isEqualTo(JSON.readTree(free));
    assertThat(JSON.readTree(server.takeRequest().getBody().utf8())).isEqualTo(JSON.readTree(free));
  }

  @Test
  void sendsTemperatureAndMaxTokensWhenConfiguredAndLeavesOutEmptyAssistantTurns() throws Exception {
    answer(OK);
    try (ModelAgent agent = agent()) {
      agent.chat(
          new ChatRequest(
              List.of(ChatMessage.user("Hi"), ChatMessage.assistant(""), ChatMessage.user("Pick.")),
              GenerationOptions.DEFAULTS.withTemperature(0.5).withMaxTokens(50),
              0));
    }
    assertThat(JSON.readTree(server.takeRequest().getBody().utf8()))
        .isEqualTo(
            JSON.readTree(
                "{\"model\":\"claude-test\",\"max_tokens\":50,\"temperature\":0.5,\"messages\":["
                    + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                    + "\"text\":\"Pick.\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}"));
  }

  @Test
  void readsTextAndUsage() {
    answer(OK);
    try (ModelAgent agent = agent()) {
      assertThat(agent.chat(ChatRequest.of(List.of(ChatMessage.user("Pick.")))))
          .isEqualTo(new ModelReply("C", ModelReply.Outcome.ANSWERED, TokenUsage.reported(30, 2)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "token limit    | {\"content\":[{\"type\":\"text\",\"text\":\"I would\"}],\"stop_reason\":\"max_tokens\"} | TRUNCATED",
        "refusal        | {\"content\":[],\"stop_reason\":\"refusal\"}                                             | CONTENT_FILTERED",
        "empty          | {\"content\":[],\"stop_reason\":\"end_turn\"}                                            | EMPTY",
        "no content     | {\"id\":\"msg\"}                                                                         | NO_CHOICES",
      })
  void turnsEachUnusableAnswerIntoItsOwnOutcome(String name, String body, ModelReply.Outcome expected) {
    answer(body);
    try (ModelAgent agent = agent()) {
      assertThat(agent.chat(ChatRequest.of(List.of(ChatMessage.user("Pick.")))).outcome()).isEqualTo(expected);
    }
  }

  @Test
  void countsEveryPromptTokenAndTheCacheReadsAsCached() {
    answer(
        "{\"content\":[{\"type\":\"text\",\"text\":\"C\"}],\"stop_reason\":\"end_turn\",\"usage\":"
            + "{\"input_tokens\":50,\"cache_creation_input_tokens\":300,\"cache_read_input_tokens\":1800,"
            + "\"output_tokens\":3}}");
    try (ModelAgent agent = agent()) {
      TokenUsage usage = agent.chat(ChatRequest.of(List.of(ChatMessage.user("Pick.")))).usage();

      assertThat(usage).isEqualTo(TokenUsage.reported(2150, 1800, 3));
    }
  }

  @Test
  void marksOnlyTheLastMessageWhoseConversationTheNextTurnRepeats() throws Exception {
    answer(OK);
    answer(OK);
    List<ChatMessage> first = List.of(ChatMessage.system("Value."), ChatMessage.user("Goal?"));
    List<ChatMessage> second =
        List.of(ChatMessage.system("Value."), ChatMessage.user("Goal?"), ChatMessage.assistant("C"), ChatMessage.user("Item 1?"));
    try (ModelAgent agent = agent()) {
      agent.chat(ChatRequest.of(first));
      agent.chat(ChatRequest.of(second));
    }
    JsonNode turn1 = JSON.readTree(server.takeRequest().getBody().utf8());
    JsonNode turn2 = JSON.readTree(server.takeRequest().getBody().utf8());

    assertThat(turn1.at("/messages/0/content/0/cache_control/type").asText()).isEqualTo("ephemeral");
    assertThat(turn2.at("/messages/0/content").isTextual()).as("the marked block is plain text a turn later").isTrue();
    assertThat(turn2.at("/messages/0/content").asText()).isEqualTo("Goal?");
    assertThat(turn2.at("/messages/1/content").asText()).isEqualTo("C");
    assertThat(turn2.at("/messages/2/content/0/text").asText()).isEqualTo("Item 1?");
    assertThat(turn2.at("/messages/2/content/0/cache_control/type").asText()).isEqualTo("ephemeral");
    assertThat(turn2.toString().split("cache_control", -1)).as("one breakpoint per request").hasSize(2);
    assertThat(turn2.path("system").isTextual()).isTrue();
  }

  @Test
  void sendsNoCacheControlWithPromptCachingOff() throws Exception {
    answer(OK);
    // Through the provider, as hvae.prompt-caching=false reaches it: the run's agent settings.
    AgentSettings settings =
        Agents.settings(server.url("/v1").toString(), Map.of("ANTHROPIC_API_KEY", KEY), new Agents.RecordingSleeper())
            .withPromptCaching(false);
    try (ModelAgent agent = Agents.create("anthropic:claude-test", settings)) {
      agent.chat(ChatRequest.of(List.of(ChatMessage.user("Pick."))));
    }

    assertThat(server.takeRequest().getBody().utf8()).doesNotContain("cache_control").contains("\"content\":\"Pick.\"");
  }
}

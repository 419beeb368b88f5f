package io.github.hvae.internal.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
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

class OpenAiChatAgentTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-test-0123456789";

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

  private String baseUrl() {
    return server.url("/v1").toString();
  }

  private ModelAgent agent(Map<String, String> env) {
    return Agents.create("openai:gpt-test", Agents.settings(baseUrl(), env, sleeper));
  }

  private static ChatRequest conversation(GenerationOptions options, int sampleIndex) {
    return new ChatRequest(
        List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"), ChatMessage.assistant("Hello."), ChatMessage.user("Pick A or B.")),
        options,
        sampleIndex);
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  private static final String OK =
      "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":1}}";

  @Test
  void sendsModelAndMessagesOnlyWhenNothingElseIsConfigured() throws Exception {
    answer(OK);
    try (ModelAgent agent = agent(Map.of("OPENAI_API_KEY", KEY))) {
      agent.chat(conversation(GenerationOptions.DEFAULTS, 0));
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(JSON.readTree(request.getBody().utf8()))
        .isEqualTo(
            JSON.readTree(
                "{\"model\":\"gpt-test\",\"messages\":["
                    + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                    + "{\"role\":\"user\",\"content\":\"Hi\"},"
                    + "{\"role\":\"assistant\",\"content\":\"Hello.\"},"
                    + "{\"role\":\"user\",\"content\":\"Pick A or B.\"}]}"));
  }

  @Test
  void sendsTemperatureMaxTokensAndAPerSampleSeedWhenConfigured() throws Exception {
    answer(OK);
    answer(OK);
    GenerationOptions options = GenerationOptions.DEFAULTS.withTemperature(0.7).withSeed(42).withMaxTokens(64);
    try (ModelAgent agent = agent(Map.of("OPENAI_API_KEY", KEY))) {
      agent.chat(conversation(options, 0));
      agent.chat(conversation(options, 3));
    }
    JsonNode first = JSON.readTree(server.takeRequest().getBody().utf8());
    JsonNode fourth = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(first.path("temperature").asDouble()).isEqualTo(0.7);
    assertThat(first.path("max_tokens").asInt()).isEqualTo(64);
    assertThat(first.path("seed").asLong()).isEqualTo(42);
    assertThat(fourth.path("seed").asLong()).isEqualTo(45);
  }

  @Test
  void prefersHvaeApiKeyOverTheProviderVariable() throws Exception {
    answer(OK);
    try (ModelAgent agent = agent(Map.of("HVAE_API_KEY", "hvae-key-1", "OPENAI_API_KEY", KEY))) {
      agent.chat(conversation(GenerationOptions.DEFAULTS, 0));
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer hvae-key-1");
  }

  @Test
  void aLocalServerWithoutAKeyGetsNoAuthorizationHeader() throws Exception {
    answer(OK);
    try (ModelAgent agent = agent(Map.of())) {
      agent.chat(conversation(GenerationOptions.DEFAULTS, 0));
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void readsContentAndReportedUsage() {
    answer(OK);
    try (ModelAgent agent = agent(Map.of())) {
      ModelReply reply = agent.chat(conversation(GenerationOptions.DEFAULTS, 0));
      assertThat(reply).isEqualTo(new ModelReply("A", ModelReply.Outcome.ANSWERED, TokenUsage.reported(21, 1)));
    }
  }

  @Test
  void estimatesUsageWhenTheServerOmitsItAndSaysSo() {
    answer("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"I choose B.\"},\"finish_reason\":\"stop\"}]}");
    try (ModelAgent agent = agent(Map.of())) {
      ModelReply reply = agent.chat(conversation(GenerationOptions.DEFAULTS, 0));
      assertThat(reply.usage().estimated()).isTrue();
      assertThat(reply.usage().promptTokens()).isEqualTo(TokenUsage.estimateTokens("Be brief.\nHi\nHello.\nPick A or B."));
      assertThat(reply.usage().completionTokens()).isEqualTo(TokenUsage.estimateTokens("I choose B."));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no choices          | {\"choices\":[]}                                                                          | NO_CHOICES",
        "no choices field    | {\"id\":\"x\"}                                                                            | NO_CHOICES",
        "empty content       | {\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}               | EMPTY",
        "null content        | {\"choices\":[{\"message\":{\"content\":null},\"finish_reason\":\"stop\"}]}               | EMPTY",
        "token limit         | {\"choices\":[{\"message\":{\"content\":\"I would ch\"},\"finish_reason\":\"length\"}]}   | TRUNCATED",
        "content filter      | {\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"content_filter\"}]}     | CONTENT_FILTERED",
      })
  void turnsEachUnusableAnswerIntoItsOwnOutcome(String name, String body, ModelReply.Outcome expected) {
    answer(body);
    try (ModelAgent agent = agent(Map.of())) {
      assertThat(agent.chat(conversation(GenerationOptions.DEFAULTS, 0)).outcome()).isEqualTo(expected);
    }
  }

  @Test
  void countsTheCachedPartOfThePromptTokens() {
    answer(
        "{\"choices\":[{\"message\":{\"content\":\"A\"},\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":2006,\"completion_tokens\":1,\"prompt_tokens_details\":{\"cached_tokens\":1920}}}");
    try (ModelAgent agent = agent(Map.of())) {
      TokenUsage usage = agent.chat(conversation(GenerationOptions.DEFAULTS, 0)).usage();

      assertThat(usage).isEqualTo(TokenUsage.reported(2006, 1920, 1));
      assertThat(usage.plus(usage).cachedPromptTokens()).isEqualTo(3840);
    }
  }
}

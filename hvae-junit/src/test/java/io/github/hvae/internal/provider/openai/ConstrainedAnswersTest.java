package io.github.hvae.internal.provider.openai;

import io.github.hvae.internal.engine.Conversation;
import io.github.hvae.internal.engine.Protocols;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.svo.SocialValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Constrained answers on the wire: which requests carry a constraint (item prompts and their
 * re-asks, never the value or goal prompt) and its exact shape per mode, through a whole
 * conversation against a loopback server.
 */
class ConstrainedAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The exact {@code response_format} of {@code json-schema}, as verified against llama.cpp. */
  private static final String RESPONSE_FORMAT =
      "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"choice\",\"strict\":true,"
          + "\"schema\":{\"type\":\"object\",\"properties\":{\"choice\":{\"type\":\"string\","
          + "\"enum\":[\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\",\"H\",\"I\"]}},"
          + "\"required\":[\"choice\"],\"additionalProperties\":false}}}";

  private final MockWebServer server = new MockWebServer();
  private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger truncateFirst = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            JsonNode body;
            try {
              body = JSON.readTree(request.getBody().utf8());
            } catch (Exception e) {
              throw new AssertionError(e);
            }
            bodies.add(body);
            return reply(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Answers as llama.cpp does: padded JSON under a schema, a letter under a grammar, else prose. */
  private MockResponse reply(JsonNode body) {
    String content;
    String finish = "stop";
    if (body.has("response_format")) {
      content = "{\"choice\"\n                 : \"H\"}";
    } else if (body.has("grammar")) {
      content = "H";
    } else {
      content = "Let me think about that.";
    }
    if ((body.has("response_format") || body.has("grammar")) && truncateFirst.getAndDecrement() > 0) {
      content = "{\"choice\":\n\n       \"";
      finish = "length";
    }
    ObjectNode response = JSON.createObjectNode();
    ObjectNode choice = response.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", finish);
    choice.putObject("message").put("role", "assistant").put("content", content);
    response.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 12);
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(response.toString())
        .build();
  }

  private Trajectory converse(ConstrainedAnswers mode) {
    try (ModelAgent agent =
        Agents.create(
            "openai:local", Agents.settings(server.url("/v1").toString(), Map.of(), new Agents.RecordingSleeper()))) {
      ProtocolSettings settings =
          Protocols.DEFAULTS.withGeneration(
              GenerationOptions.DEFAULTS.withConstrainedAnswers(mode));
      return Conversation.of(agent, ValueTarget.of(SocialValue.PROSOCIAL), settings, 0, 0L).run();
    }
  }

  private List<JsonNode> itemRequests() {
    // value prompt, goal prompt, then the items (and re-asks)
    return bodies.subList(2, bodies.size());
  }

  @Test
  void offSendsNoConstraintAtAll() {
    Trajectory trajectory = converse(ConstrainedAnswers.OFF);

    assertThat(bodies).hasSize(2 + 6 + 6); // every item answer is unparseable prose, re-asked
    assertThat(bodies).allSatisfy(b -> assertThat(fieldNames(b)).containsExactly("model", "messages"));
    assertThat(trajectory.items()).allSatisfy(a -> assertThat(a.shownIndex()).isEmpty());
  }

  @Test
  void jsonSchemaConstrainsEveryItemPromptAndNothingElse() throws Exception {
    Trajectory trajectory = converse(ConstrainedAnswers.JSON_SCHEMA);

    assertThat(bodies).hasSize(2 + 6);
    assertThat(bodies.subList(0, 2))
        .allSatisfy(b -> assertThat(fieldNames(b)).containsExactly("model", "messages"));
    for (JsonNode item : itemRequests()) {
      assertThat(fieldNames(item)).containsExactly("model", "messages", "response_format");
      assertThat(item.get("response_format")).isEqualTo(JSON.readTree(RESPONSE_FORMAT));
    }
    // llama.cpp pads the JSON with newlines and spaces; the parser reads it all the same.
    assertThat(trajectory.items()).hasSize(6).allSatisfy(ConstrainedAnswersTest::choseH);
  }

  @Test
  void grammarConstrainsEveryItemPromptToOneLetter() {
    Trajectory trajectory = converse(ConstrainedAnswers.GRAMMAR);

    assertThat(bodies).hasSize(2 + 6);
    assertThat(bodies.subList(0, 2))
        .allSatisfy(b -> assertThat(fieldNames(b)).containsExactly("model", "messages"));
    assertThat(itemRequests())
        .allSatisfy(
            item -> {
              assertThat(fieldNames(item)).containsExactly("model", "messages", "grammar");
              assertThat(item.get("grammar").asText()).isEqualTo("root ::= [A-I]");
            });
    assertThat(trajectory.items()).hasSize(6).allSatisfy(ConstrainedAnswersTest::choseH);
  }

  @Test
  void theReAskOfACutOffAnswerIsConstrainedToo() {
    truncateFirst.set(1);

    Trajectory trajectory = converse(ConstrainedAnswers.JSON_SCHEMA);

    assertThat(bodies).hasSize(2 + 7);
    JsonNode reask = bodies.get(3);
    assertThat(reask.path("messages").get(reask.path("messages").size() - 2).path("content").asText())
        .isEqualTo("{\"choice\":\n\n       \"");
    assertThat(reask.has("response_format")).isTrue();
    ItemAnswer first = trajectory.items().get(0);
    assertThat(first.parsed()).hasSize(2);
    assertThat(first.parsed().get(0)).isInstanceOf(ParsedAnswer.Unparseable.class);
    choseH(first);
  }

  @Test
  void aTokenLimitTheUserSetIsSentAsItIsAndNoneIsAddedOtherwise() throws Exception {
    ChatRequest item =
        new ChatRequest(
            List.of(ChatMessage.user("Pick one of A..C.")),
            GenerationOptions.DEFAULTS
                .withConstrainedAnswers(ConstrainedAnswers.JSON_SCHEMA)
                .expectingChoice(ChoiceConstraint.letters(3)),
            0);
    try (ModelAgent agent =
        Agents.create(
            "openai:local", Agents.settings(server.url("/v1").toString(), Map.of(), new Agents.RecordingSleeper()))) {
      agent.chat(item);
      agent.chat(new ChatRequest(item.messages(), item.options().withMaxTokens(16), 0));
    }

    assertThat(bodies.get(0).has("max_tokens")).isFalse();
    assertThat(bodies.get(0).at("/response_format/json_schema/schema/properties/choice/enum"))
        .isEqualTo(JSON.readTree("[\"A\",\"B\",\"C\"]"));
    assertThat(bodies.get(1).get("max_tokens").asInt()).isEqualTo(16);
  }

  @Test
  void grammarsForOtherLabelsAreQuotedAlternatives() {
    assertThat(OpenAiChatAgent.grammar(ChoiceConstraint.letters(1))).isEqualTo("root ::= [A-A]");
    assertThat(OpenAiChatAgent.grammar(new ChoiceConstraint(List.of("yes", "n\"o"))))
        .isEqualTo("root ::= \"yes\" | \"n\\\"o\"");
  }

  private static void choseH(ItemAnswer answer) {
    assertThat(answer.shownLabel()).contains("H");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

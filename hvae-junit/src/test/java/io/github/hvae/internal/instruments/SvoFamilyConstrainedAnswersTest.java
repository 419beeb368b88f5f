package io.github.hvae.internal.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.internal.engine.Conversation;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.internal.provider.Agents;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Constrained answers on the wire for two- and three-option items: the constraint an
 * OpenAI-compatible server receives lists exactly the labels the item shows.
 */
class SvoFamilyConstrainedAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              JsonNode body = JSON.readTree(request.getBody().utf8());
              bodies.add(body);
              String content =
                  body.has("response_format") ? "{\"choice\": \"B\"}" : body.has("grammar") ? "B" : "Understood.";
              ObjectNode response = JSON.createObjectNode();
              ObjectNode choice = response.putArray("choices").addObject();
              choice.put("index", 0).put("finish_reason", "stop");
              choice.putObject("message").put("role", "assistant").put("content", content);
              response.putObject("usage").put("prompt_tokens", 30).put("completion_tokens", 5);
              return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(response.toString()).build();
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Trajectory converse(Instrument instrument, ConstrainedAnswers mode) {
    try (ModelAgent agent =
        Agents.create("openai:local", Agents.settings(server.url("/v1").toString(), Map.of(), new Agents.RecordingSleeper()))) {
      ProtocolSettings settings =
          ProtocolSettings.defaults(instrument).withGeneration(GenerationOptions.DEFAULTS.withConstrainedAnswers(mode));
      return Conversation.of(agent, ValueTarget.of(SocialValue.PROSOCIAL), settings, 0, 5L).run();
    }
  }

  @Test
  void jsonSchemaListsTheTwoOrThreeLabelsAnItemShows() {
    Object[][] cases = {{SvoRingInstrument.ID, List.of("A", "B"), 24}, {TripleDominanceInstrument.ID, List.of("A", "B", "C"), 9}};
    for (Object[] c : cases) {
      bodies.clear();
      Trajectory t = converse(Instruments.byId((String) c[0]), ConstrainedAnswers.JSON_SCHEMA);
      int items = (int) c[2];
      assertThat(bodies).hasSize(2 + items);
      assertThat(bodies.subList(0, 2)).noneMatch(b -> b.has("response_format"));
      for (JsonNode item : bodies.subList(2, bodies.size())) {
        List<String> allowed = new ArrayList<>();
        item.at("/response_format/json_schema/schema/properties/choice/enum").forEach(l -> allowed.add(l.asText()));
        assertThat(allowed).as((String) c[0]).isEqualTo(c[1]);
      }
      assertThat(t.items()).hasSize(items).allSatisfy(a -> assertThat(a.shownIndex()).contains(1));
      assertThat(t.items().stream().filter(ItemAnswer::reasked)).isEmpty();
    }
  }

  @Test
  void aGrammarAllowsOnlyTheLettersShown() {
    converse(Instruments.byId(SvoRingInstrument.ID), ConstrainedAnswers.GRAMMAR);
    assertThat(bodies.subList(2, bodies.size())).allSatisfy(b -> assertThat(b.get("grammar").asText()).isEqualTo("root ::= [A-B]"));
    bodies.clear();
    converse(Instruments.byId(TripleDominanceInstrument.ID), ConstrainedAnswers.GRAMMAR);
    assertThat(bodies.subList(2, bodies.size())).allSatisfy(b -> assertThat(b.get("grammar").asText()).isEqualTo("root ::= [A-C]"));
  }
}

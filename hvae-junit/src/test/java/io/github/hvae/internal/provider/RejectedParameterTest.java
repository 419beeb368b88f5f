package io.github.hvae.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.internal.http.ResilientJsonClient.StatusAdvice;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedParameterTest {

  private static final List<String> SENT = List.of("model", "messages", "temperature", "seed", "response_format");

  @Test
  void readsOpenAisParamField() {
    assertThat(RejectedParameter.rejected("{\"error\":{\"message\":\"x\",\"param\":\"response_format\"}}", SENT))
        .hasValue("response_format");
  }

  @Test
  void readsTheFieldOfANestedParam() {
    assertThat(RejectedParameter.rejected("{\"error\":{\"message\":\"x\",\"param\":\"messages[1].content\"}}", SENT))
        .hasValue("messages");
  }

  @Test
  void readsFastApiValidationLocations() {
    assertThat(RejectedParameter.rejected("{\"detail\":[{\"loc\":[\"body\",\"seed\"],\"msg\":\"extra\"}]}", SENT))
        .hasValue("seed");
  }

  @Test
  void readsAnErrorThatOnlyMentionsTheParameter() {
    // Anthropic: {"type":"error","error":{"type":"invalid_request_error","message":"temperature: ..."}}
    assertThat(
            RejectedParameter.rejected(
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"temperature:"
                    + " Input should be less than or equal to 1\"}}",
                SENT))
        .hasValue("temperature");
    // Google's OpenAI-compatible endpoint lists its errors.
    assertThat(RejectedParameter.rejected("[{\"error\":{\"code\":400,\"message\":\"Unknown name \\\"seed\\\"\"}}]", SENT))
        .hasValue("seed");
  }

  @Test
  void aWordInsideAnotherIsNoMention() {
    assertThat(RejectedParameter.rejected("{\"message\":\"random_seed must be an integer; seeded models only\"}", List.of("model", "messages", "seed")))
        .isEmpty();
  }

  @Test
  void onlyParametersThatWereSentAreNamed() {
    assertThat(RejectedParameter.rejected("{\"error\":{\"param\":\"grammar\",\"message\":\"grammar unsupported\"}}", SENT)).isEmpty();
    assertThat(RejectedParameter.rejected("not json, mentions nothing", SENT)).isEmpty();
  }

  @Test
  void otherStatusesKeepTheirAdvice() {
    ObjectNode body = new ObjectMapper().createObjectNode().put("model", "m").put("seed", 1);
    StatusAdvice advice = RejectedParameter.naming(body, status -> "advice " + status);

    assertThat(advice.whatToDo(404, "{\"error\":{\"param\":\"seed\"}}")).isEqualTo("advice 404");
    assertThat(advice.whatToDo(400, "{\"error\":{\"param\":\"seed\"}}"))
        .isEqualTo(
            "the server rejects the request parameter 'seed', which hvae.seed puts in every request: leave"
                + " hvae.seed unset for this model; advice 400");
  }
}

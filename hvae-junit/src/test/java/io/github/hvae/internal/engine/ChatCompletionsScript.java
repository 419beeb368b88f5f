package io.github.hvae.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A local OpenAI-compatible Chat Completions endpoint ({@code POST .../chat/completions}) for
 * MockWebServer that answers like {@link ScriptedRespondent}: many free-text formats, some refusals
 * and hedges. Requests carry no sample index, so every conversation is sample 0 to the respondent.
 */
public final class ChatCompletionsScript extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  final ScriptedRespondent respondent;

  ChatCompletionsScript(ScriptedRespondent respondent) {
    this.respondent = respondent;
  }

  /**
   * A server whose respondent holds {@code angle}, refuses an item with probability {@code refuse}
   * and hedges with probability {@code hedge}; re-asked items are always answered with a letter.
   */
  public static ChatCompletionsScript of(long seed, double angle, double refuse, double hedge) {
    return new ChatCompletionsScript(new ScriptedRespondent(seed, angle, refuse, hedge, 0.0, false));
  }

  /** The angle the respondent's committed choices on the six primary items imply. */
  public double impliedAngle() {
    List<io.github.hvae.internal.svo.Allocation> choices = new ArrayList<>();
    for (int item = 1; item <= io.github.hvae.internal.svo.SvoSliderMeasure.PRIMARY_COUNT; item++) {
      choices.add(respondent.truth(0, item).orElseThrow());
    }
    return io.github.hvae.internal.svo.SvoAngle.of(choices);
  }

  public int refusals() {
    return respondent.refusals.get();
  }

  public int hedges() {
    return respondent.hedges.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (!"POST".equals(request.getMethod())
        || !request.getUrl().encodedPath().endsWith("/chat/completions")) {
      return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"not found\"}}").build();
    }
    try {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      List<ChatMessage> messages = new ArrayList<>();
      for (JsonNode m : body.get("messages")) {
        ChatMessage.Role role = ChatMessage.Role.valueOf(m.get("role").asText().toUpperCase(Locale.ROOT));
        messages.add(new ChatMessage(role, m.get("content").asText()));
      }
      ModelReply reply = respondent.chat(new ChatRequest(messages, GenerationOptions.DEFAULTS, 0));
      ObjectNode response = JSON.createObjectNode();
      response.put("id", "chatcmpl-scripted");
      response.put("object", "chat.completion");
      response.put("created", 0);
      response.put("model", body.path("model").asText("scripted"));
      ObjectNode choice = response.putArray("choices").addObject();
      choice.put("index", 0);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", reply.content());
      choice.put("finish_reason", "stop");
      ObjectNode usage = response.putObject("usage");
      usage.put("prompt_tokens", reply.usage().promptTokens());
      usage.put("completion_tokens", reply.usage().completionTokens());
      usage.put("total_tokens", reply.usage().totalTokens());
      return new MockResponse.Builder()
          .code(200)
          .addHeader("Content-Type", "application/json")
          .body(JSON.writeValueAsString(response))
          .build();
    } catch (IOException | RuntimeException e) {
      return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"" + e.getClass().getSimpleName() + "\"}}").build();
    }
  }
}

package io.github.hvae.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.replay.Cassette.Endpoint;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JSON of a cassette ({@link CassetteFile}) or of a journal line ({@link CassetteJournal}) back
 * into a {@link Cassette}, checked field by field: anything that is not what the writer writes is a
 * {@link MalformedCassette} naming the field, never a bare exception from deep inside.
 */
final class CassetteParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CassetteParser() {}

  /** Applies one journal line ({@link CassetteJournal}) to {@code cassette}. */
  static void applyLine(Cassette cassette, JsonNode line) {
    int sample = whole(line, "sample");
    int turn = whole(line, "turn");
    List<ChatMessage> messages = messages(array(line, "messages"));
    if (messages.isEmpty()) {
      throw new MalformedCassette("a journal line of sample " + sample + " has no messages");
    }
    Interaction interaction =
        new Interaction(messages, options(field(line, "options")), reply(field(line, "reply")));
    try {
      cassette.put(sample, turn, interaction);
    } catch (IllegalArgumentException e) {
      throw new MalformedCassette("a journal line does not continue the cassette: " + e.getMessage());
    }
  }

  static Cassette fromJson(String text) throws JsonProcessingException {
    JsonNode root = MAPPER.readTree(text);
    if (root == null || !root.isObject()) {
      throw new MalformedCassette("the file holds no JSON object");
    }
    String schema = text(root, "schema");
    if (!schema.equals(CassetteFile.SCHEMA)) {
      throw new MalformedCassette("schema '" + schema + "' is not " + CassetteFile.SCHEMA);
    }
    Cassette cassette =
        new Cassette(
            text(root, "test"),
            new Endpoint(text(root, "provider"), text(root, "model"), text(root, "baseUrl")),
            field(root, "simulated").asBoolean());
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (JsonNode sample : array(root, "samples")) {
      int sampleIndex = whole(sample, "sample");
      if (!seen.add(sampleIndex)) {
        throw new MalformedCassette("sample " + sampleIndex + " is recorded twice");
      }
      Interaction previous = null;
      int expectedTurn = 0;
      for (JsonNode request : array(sample, "requests")) {
        int turn = whole(request, "turn");
        if (turn != expectedTurn) {
          throw new MalformedCassette(
              "sample " + sampleIndex + " has turn " + turn + " where turn " + expectedTurn + " belongs");
        }
        expectedTurn++;
        List<ChatMessage> messages;
        if (request.has("messages")) {
          messages = messages(array(request, "messages"));
        } else if (previous != null && request.has("newMessages")) {
          messages = new ArrayList<>(previous.messages());
          messages.add(ChatMessage.assistant(previous.reply().content()));
          messages.addAll(messages(array(request, "newMessages")));
        } else {
          throw new MalformedCassette(
              "sample " + sampleIndex + ", turn " + turn + " has no messages");
        }
        if (messages.isEmpty()) {
          throw new MalformedCassette("sample " + sampleIndex + ", turn " + turn + " has no messages");
        }
        Interaction interaction =
            new Interaction(messages, options(field(request, "options")), reply(field(request, "reply")));
        cassette.append(sampleIndex, interaction);
        previous = interaction;
      }
    }
    return cassette;
  }

  private static GenerationOptions options(JsonNode node) {
    ConstrainedAnswers constrained = ConstrainedAnswers.OFF;
    if (node.has("constrainedAnswers")) {
      try {
        constrained = ConstrainedAnswers.parse(text(node, "constrainedAnswers"));
      } catch (IllegalArgumentException e) {
        throw new MalformedCassette(e.getMessage());
      }
    }
    Optional<ChoiceConstraint> choice = Optional.empty();
    if (node.has("choice")) {
      if (constrained == ConstrainedAnswers.OFF) {
        throw new MalformedCassette("a request has a choice but no constrainedAnswers mode");
      }
      try {
        choice = Optional.of(new ChoiceConstraint(List.of(text(node, "choice").split(",", -1))));
      } catch (IllegalArgumentException e) {
        throw new MalformedCassette("field 'choice' is no list of labels: " + e.getMessage());
      }
    }
    return new GenerationOptions(
        node.has("temperature") ? OptionalDouble.of(node.get("temperature").asDouble()) : OptionalDouble.empty(),
        node.has("seed") ? OptionalLong.of(node.get("seed").asLong()) : OptionalLong.empty(),
        node.has("maxTokens") ? OptionalInt.of(node.get("maxTokens").asInt()) : OptionalInt.empty(),
        constrained,
        choice);
  }

  private static List<ChatMessage> messages(JsonNode array) {
    List<ChatMessage> messages = new ArrayList<>();
    for (JsonNode node : array) {
      String role = text(node, "role");
      ChatMessage.Role parsed;
      try {
        parsed = ChatMessage.Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new MalformedCassette("unknown message role '" + role + "'");
      }
      messages.add(new ChatMessage(parsed, content(node)));
    }
    return messages;
  }

  private static ModelReply reply(JsonNode node) {
    String outcome = text(node, "outcome");
    ModelReply.Outcome parsed;
    try {
      parsed = ModelReply.Outcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      throw new MalformedCassette("unknown reply outcome '" + outcome + "'");
    }
    JsonNode usage = field(node, "usage");
    long prompt = count(usage, "promptTokens");
    long cached = usage.has("cachedPromptTokens") ? count(usage, "cachedPromptTokens") : 0;
    if (cached > prompt) {
      throw new MalformedCassette("cachedPromptTokens " + cached + " exceed promptTokens " + prompt);
    }
    return new ModelReply(
        content(node),
        parsed,
        new TokenUsage(
            prompt,
            count(usage, "completionTokens"),
            usage.path("estimated").asBoolean(false),
            cached,
            io.github.hvae.agent.TokenUsage.RetryCounts.NONE));
  }

  private static String content(JsonNode node) {
    JsonNode content = field(node, "content");
    if (content.isArray()) {
      List<String> lines = new ArrayList<>();
      content.forEach(line -> lines.add(line.asText()));
      return String.join("\n", lines);
    }
    return content.asText();
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedCassette("field '" + name + "' is missing");
    }
    return value;
  }

  /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
  private static int whole(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw new MalformedCassette("field '" + name + "' is not a whole number from 0 up: " + shown(value));
    }
    return value.asInt();
  }

  /** A token count: a whole number from 0. */
  private static long count(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new MalformedCassette("field '" + name + "' is not a token count: " + shown(value));
    }
    return value.asLong();
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new MalformedCassette("field '" + name + "' is not text");
    }
    return value.asText();
  }

  private static JsonNode array(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new MalformedCassette("field '" + name + "' is not an array");
    }
    return value;
  }

  /** The file parsed as JSON but is not a cassette. */
  static final class MalformedCassette extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedCassette(String message) {
      super(message);
    }
  }
}

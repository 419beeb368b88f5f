package io.github.hvae.internal.replay;

import io.github.hvae.internal.io.AtomicFiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes a {@link Cassette} as JSON, schema {@value #SCHEMA}, laid out for code review:
 * fixed field order, two-space indent, one array element per line, {@code \n} line ends on every
 * platform, and multi-line message text as an array of lines, so a changed prompt shows as a
 * changed line.
 *
 * <p>Each request stores the whole conversation, but compactly: the first request of a sample
 * holds its {@code messages}; a later request that continues the conversation (the previous
 * request's messages, then the previous reply as an assistant message, then more) holds only its
 * {@code newMessages}. Reading restores the full message lists, which are what replay matches on.
 *
 * <p>Writes are atomic ({@link AtomicFiles}): a reader, a parallel test or a killed run only ever
 * sees an old or a new complete file. Reading checks every field ({@link CassetteParser}).
 */
final class CassetteFile {

  static final String SCHEMA = "hvae-cassette/1";

  /** No evaluation's recording comes near this; a larger file is not one to load. */
  static final long MAX_FILE_BYTES = 256L << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private CassetteFile() {}

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** Replaces {@code file} with this cassette, atomically. */
  static void write(Path file, Cassette cassette) {
    writeJson(file, toJson(cassette));
  }

  /** Replaces {@code file} with a cassette already turned into JSON by {@link #toJson}, atomically. */
  static void writeJson(Path file, String json) {
    try {
      // The encoder of every file the library writes: an unpaired surrogate becomes U+FFFD.
      AtomicFiles.writeText(file, json + "\n");
    } catch (IOException e) {
      throw new CassetteException(
          "cannot write "
              + file
              + ": "
              + e
              + "; check that the directory (hvae.cassette-dir or hvae.cache-dir) is writable",
          e);
    }
  }

  static String toJson(Cassette cassette) {
    ObjectNode root = header(cassette);
    ArrayNode samples = root.putArray("samples");
    for (Map.Entry<Integer, List<Interaction>> sample : cassette.samples().entrySet()) {
      samples.add(sampleNode(sample.getKey(), sample.getValue()));
    }
    return pretty(root);
  }

  private static ObjectNode header(Cassette cassette) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("test", cassette.test());
    root.put("provider", cassette.endpoint().provider());
    root.put("model", cassette.endpoint().model());
    root.put("baseUrl", cassette.endpoint().baseUrl());
    root.put("simulated", cassette.simulated());
    return root;
  }

  private static ObjectNode sampleNode(int sampleIndex, List<Interaction> interactions) {
    ObjectNode sampleNode = MAPPER.createObjectNode();
    sampleNode.put("sample", sampleIndex);
    ArrayNode requests = sampleNode.putArray("requests");
    Interaction previous = null;
    int turn = 0;
    for (Interaction interaction : interactions) {
      ObjectNode node = requests.addObject();
      node.put("turn", turn++);
      putOptions(node.putObject("options"), interaction.options());
      List<ChatMessage> continued = previous == null ? null : continuation(previous, interaction);
      if (continued == null) {
        putMessages(node.putArray("messages"), interaction.messages());
      } else {
        putMessages(node.putArray("newMessages"), continued);
      }
      putReply(node.putObject("reply"), interaction.reply());
      previous = interaction;
    }
    return sampleNode;
  }

  /** An interaction's own fields, as a journal line carries them: its whole conversation. */
  static void putInteraction(ObjectNode node, Interaction interaction) {
    putOptions(node.putObject("options"), interaction.options());
    putMessages(node.putArray("messages"), interaction.messages());
    putReply(node.putObject("reply"), interaction.reply());
  }

  private static String pretty(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a cassette tree always serialises", e);
    }
  }

  /**
   * Renders one cassette again and again as it grows, text identical to {@link #toJson}, but
   * re-rendering only the samples that changed since the last time: recording rewrites the file
   * after every exchange, and rendering the whole cassette each time made recording quadratic in
   * the evaluation's length. Not thread-safe: the caller guards it with the cassette.
   */
  static final class Renderer {
    /** A sample's text indented as an element of the root's {@code samples} array. */
    private record Rendered(long version, String text) {}

    private static final String ELEMENT_INDENT = "    ";

    private final Map<Integer, Rendered> rendered = new java.util.HashMap<>();

    String render(Cassette cassette) {
      if (cassette.samples().isEmpty()) {
        rendered.clear();
        return toJson(cassette);
      }
      String head = pretty(header(cassette));
      // The header object's closing "\n}" is where the samples array continues it.
      StringBuilder out = new StringBuilder(head.length() + 64 * 1024);
      out.append(head, 0, head.length() - 2).append(",\n  \"samples\": [\n");
      rendered.keySet().retainAll(cassette.samples().keySet());
      String separator = "";
      for (Map.Entry<Integer, List<Interaction>> sample : cassette.samples().entrySet()) {
        long version = cassette.version(sample.getKey());
        Rendered cached = rendered.get(sample.getKey());
        if (cached == null || cached.version() != version) {
          String text =
              ELEMENT_INDENT
                  + pretty(sampleNode(sample.getKey(), sample.getValue())).replace("\n", "\n" + ELEMENT_INDENT);
          cached = new Rendered(version, text);
          rendered.put(sample.getKey(), cached);
        }
        out.append(separator).append(cached.text());
        separator = ",\n";
      }
      return out.append("\n  ]\n}").toString();
    }
  }

  /** The messages {@code next} adds to {@code previous}'s conversation, or null if it does not continue it. */
  private static List<ChatMessage> continuation(Interaction previous, Interaction next) {
    List<ChatMessage> expected = new ArrayList<>(previous.messages());
    expected.add(ChatMessage.assistant(previous.reply().content()));
    List<ChatMessage> messages = next.messages();
    if (messages.size() <= expected.size() || !messages.subList(0, expected.size()).equals(expected)) {
      return null;
    }
    return messages.subList(expected.size(), messages.size());
  }

  private static void putOptions(ObjectNode node, GenerationOptions options) {
    options.temperature().ifPresent(t -> node.put("temperature", t));
    options.seed().ifPresent(s -> node.put("seed", s));
    options.maxTokens().ifPresent(m -> node.put("maxTokens", m));
    // Written only when on, so that cassettes recorded before the feature still match.
    if (options.constrainedAnswers() != ConstrainedAnswers.OFF) {
      node.put("constrainedAnswers", options.constrainedAnswers().configValue());
    }
    options.choice().ifPresent(c -> node.put("choice", c.toString()));
  }

  private static void putMessages(ArrayNode array, List<ChatMessage> messages) {
    for (ChatMessage message : messages) {
      ObjectNode node = array.addObject();
      node.put("role", message.role().name().toLowerCase(Locale.ROOT));
      putText(node, "content", message.content());
    }
  }

  private static void putReply(ObjectNode node, ModelReply reply) {
    node.put("outcome", reply.outcome().name());
    putText(node, "content", reply.content());
    ObjectNode usage = node.putObject("usage");
    usage.put("promptTokens", reply.usage().promptTokens());
    usage.put("completionTokens", reply.usage().completionTokens());
    usage.put("estimated", reply.usage().estimated());
    // Written only when there are some, so that cassettes without cached tokens stay as they were.
    if (reply.usage().cachedPromptTokens() > 0) {
      usage.put("cachedPromptTokens", reply.usage().cachedPromptTokens());
    }
  }

  /** Multi-line text as an array of its lines, so that diffs point at the line that changed. */
  private static void putText(ObjectNode node, String field, String text) {
    if (text.indexOf('\n') < 0) {
      node.put(field, text);
    } else {
      ArrayNode lines = node.putArray(field);
      for (String line : text.split("\n", -1)) {
        lines.add(line);
      }
    }
  }

  /**
   * Reads a cassette.
   *
   * @throws CassetteException naming the file when it cannot be read or is not a whole cassette
   */
  static Cassette read(Path file) {
    Cassette cassette = readFile(file);
    Path journal = null;
    try {
      for (Path each : CassetteJournal.of(file)) {
        journal = each;
        if (CassetteJournal.isSettled(each)) {
          CassetteJournal.applyTo(cassette, each);
        }
      }
    } catch (IOException e) {
      throw new CassetteException("cannot read the journal " + journal + " of cassette " + file.toAbsolutePath() + ": " + e, e);
    } catch (CassetteParser.MalformedCassette e) {
      throw corrupt(file, e.getMessage() + " (journal " + journal.getFileName() + ")", e);
    } catch (RuntimeException e) {
      throw corrupt(file, "its journal " + journal.getFileName() + " holds a value that cannot be (" + e.getMessage() + ")", e);
    }
    return cassette;
  }

  /** The cassette file alone, without its journals. */
  static Cassette readFile(Path file) {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw corrupt(
            file,
            "it is " + size + " bytes, more than any recording (" + MAX_FILE_BYTES + " bytes at most)",
            null);
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CassetteException("cannot read cassette " + file.toAbsolutePath() + ": " + e, e);
    }
    try {
      return CassetteParser.fromJson(text);
    } catch (JsonProcessingException e) {
      // Jackson's own limits (nesting depth, string length) come without a location.
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw corrupt(file, "it is not valid JSON (" + e.getOriginalMessage() + where + ")", e);
    } catch (CassetteParser.MalformedCassette e) {
      throw corrupt(file, e.getMessage(), e);
    } catch (RuntimeException e) {
      // A value the types reject (an empty choice label, a negative count...): still a damaged
      // file, named, never a bare exception from deep inside.
      throw corrupt(file, "it holds a value that cannot be (" + e.getMessage() + ")", e);
    }
  }

  private static CassetteException corrupt(Path file, String why, Exception cause) {
    return new CassetteException(
        "cassette "
            + file.toAbsolutePath()
            + " is damaged: "
            + why
            + ". It may be truncated or hand-edited. Delete it and re-record with"
            + " -Dhvae.cassette=record (or auto), or restore it from version control.",
        cause);
  }

}

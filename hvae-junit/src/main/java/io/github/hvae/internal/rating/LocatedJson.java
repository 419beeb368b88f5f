package io.github.hvae.internal.rating;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON read with Jackson's streaming parser into values that remember the line they start on, so
 * that a bank's errors can name lines: a {@code JsonNode} tree forgets where its nodes were. A key
 * repeated in one object is the parser's own error ({@code STRICT_DUPLICATE_DETECTION}).
 */
sealed interface LocatedJson {

  /** The 1-based line the value starts on: its {@code {}, {@code [} or scalar token. */
  int line();

  /** What the value is, for messages: "an object", "the text \"yes\"", "the number 1.5". */
  String describe();

  /** An object; its fields in the order written, each with the line of its name. */
  record Obj(int line, Map<String, Field> fields) implements LocatedJson {
    @Override
    public String describe() {
      return "an object";
    }

    Optional<Field> field(String name) {
      return Optional.ofNullable(fields.get(name));
    }
  }

  /** A field: the line of its name, and its value. */
  record Field(String name, int line, LocatedJson value) {}

  record Arr(int line, List<LocatedJson> items) implements LocatedJson {
    @Override
    public String describe() {
      return "an array";
    }
  }

  /** Text, a number ({@link BigDecimal}), true or false, or null (then {@code value} is empty). */
  record Scalar(int line, JsonToken token, Optional<Object> value) implements LocatedJson {
    @Override
    public String describe() {
      return switch (token) {
        case VALUE_STRING -> "the text \"" + value.orElse("") + "\"";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + value.map(Object::toString).orElse("");
        case VALUE_TRUE -> "true";
        case VALUE_FALSE -> "false";
        default -> "null";
      };
    }

    boolean isText() {
      return token == JsonToken.VALUE_STRING;
    }

    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isBoolean() {
      return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }
  }

  /** A text that is not JSON, or repeats a key: where the parser stopped, and why. */
  final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxError(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The one JSON value {@code text} holds. */
  static LocatedJson read(String text) throws SyntaxError {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxError(1, "the file is empty; a bank is one JSON object");
      }
      LocatedJson value = value(parser);
      if (parser.nextToken() != null) {
        throw new SyntaxError(line(parser), "more follows the bank's closing '}'; a bank is one JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      throw new SyntaxError(line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SyntaxError(1, "could not be read: " + e.getMessage());
    }
  }

  private static LocatedJson value(JsonParser parser) throws IOException {
    int line = line(parser);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          int nameLine = line(parser);
          parser.nextToken();
          fields.put(name, new Field(name, nameLine, value(parser)));
        }
        return new Obj(line, fields);
      }
      case START_ARRAY -> {
        List<LocatedJson> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser));
        }
        return new Arr(line, items);
      }
      case VALUE_STRING -> {
        return new Scalar(line, token, Optional.of(parser.getText()));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Scalar(line, token, Optional.of(parser.getDecimalValue()));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Scalar(line, token, Optional.of(token == JsonToken.VALUE_TRUE));
      }
      default -> {
        return new Scalar(line, JsonToken.VALUE_NULL, Optional.empty());
      }
    }
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}

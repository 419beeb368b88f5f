package io.github.hvae.internal.rating;

import io.github.hvae.internal.rating.LocatedJson.Arr;
import io.github.hvae.internal.rating.LocatedJson.Field;
import io.github.hvae.internal.rating.LocatedJson.Obj;
import io.github.hvae.internal.rating.LocatedJson.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads and checks an item bank ({@code hvae-item-bank/1}). The whole bank is checked before it is
 * used, and every error is reported at once with the line it is on ({@code origin:line: message}):
 * an unknown field (with the closest known one), a missing or mistyped field, a scale whose
 * {@code min} is not below its {@code max}, labels off the scale or repeated, ids of the wrong
 * form, dimensions or items given twice, angles on some dimensions only, an item keyed to a
 * dimension that is not declared (with the closest declared one), a dimension without items, two
 * items with the same text. The field-by-field rules are in {@code
 * docs/instruments/item-bank-format.md}.
 */
public final class ItemBankReader {

  public static final String FORMAT = "hvae-item-bank/1";

  private static final List<String> BANK_FIELDS =
      List.of("format", "id", "name", "source", "instructions", "scale", "dimensions", "items");
  private static final List<String> SOURCE_FIELDS = List.of("citation", "url", "licence");
  private static final List<String> SCALE_FIELDS = List.of("min", "max", "labels");
  private static final List<String> DIMENSION_FIELDS = List.of("id", "name", "angle");
  private static final List<String> ITEM_FIELDS = List.of("id", "text", "dimension", "reverse");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private record Error(int line, String message) {}

  private final String origin;
  private final List<Error> errors = new ArrayList<>();

  private ItemBankReader(String origin) {
    this.origin = origin;
  }

  /**
   * The bank {@code text} holds.
   *
   * @param origin how messages name the bank: its resource path, or the path given with {@code file:}
   * @throws InvalidItemBankException with every error found
   */
  public static ItemBank read(String text, String origin) {
    return new ItemBankReader(origin).bank(text);
  }

  /** A bank bundled on the class path, e.g. {@code /io/github/hvae/instruments/ipip-big5-50.json}. */
  public static ItemBank resource(String path) {
    try (InputStream in = ItemBankReader.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the bundled item bank " + path + " is missing from the class path");
      }
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), path.startsWith("/") ? path.substring(1) : path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the bundled item bank " + path, e);
    }
  }

  private ItemBank bank(String text) {
    LocatedJson root;
    try {
      root = LocatedJson.read(text);
    } catch (LocatedJson.SyntaxError e) {
      error(e.line(), e.getMessage());
      throw failure();
    }
    if (!(root instanceof Obj bank)) {
      error(root.line(), "a bank is one JSON object, {\"format\": \"" + FORMAT + "\", ...}, not " + root.describe());
      throw failure();
    }
    String whole = "the bank starting at line " + bank.line();
    unknownFields(bank, BANK_FIELDS, "a bank");
    Optional<Field> format = bank.field("format");
    if (format.isEmpty()) {
      error(bank.line(), whole + " has no \"format\"; begin it with \"format\": \"" + FORMAT + "\"");
    } else if (!(format.get().value() instanceof Scalar s && s.isText() && FORMAT.equals(s.value().orElse(null)))) {
      error(format.get().value().line(), "\"format\" is " + format.get().value().describe() + "; this version reads \""
          + FORMAT + "\"");
    }
    Optional<String> id = text(bank, "id", whole).filter(v -> idForm(v, bank.field("id").orElseThrow(), "the bank's id"));
    Optional<String> name = text(bank, "name", whole);
    Optional<ItemBank.Source> source = object(bank, "source", whole).flatMap(this::source);
    Optional<String> instructions = text(bank, "instructions", whole);
    Optional<Scale> scale = object(bank, "scale", whole).flatMap(this::scale);
    Map<String, Integer> dimensionLines = new LinkedHashMap<>();
    List<ItemBank.Dimension> dimensions = dimensions(bank, whole, dimensionLines);
    List<RatingItem> items = items(bank, whole, dimensionLines, scale.map(Scale::points).orElse(0));
    if (!errors.isEmpty()) {
      throw failure();
    }
    return new ItemBank(
        id.orElseThrow(), name.orElseThrow(), source.orElseThrow(), instructions.orElseThrow(), scale.orElseThrow(),
        dimensions, items, origin);
  }

  private Optional<ItemBank.Source> source(Obj source) {
    String what = "\"source\" starting at line " + source.line();
    unknownFields(source, SOURCE_FIELDS, "\"source\"");
    Optional<String> citation = text(source, "citation", what);
    Optional<String> licence = text(source, "licence", what);
    Optional<String> url = source.field("url").isPresent() ? text(source, "url", what) : Optional.empty();
    return citation.isPresent() && licence.isPresent()
        ? Optional.of(new ItemBank.Source(citation.get(), url, licence.get()))
        : Optional.empty();
  }

  private Optional<Scale> scale(Obj scale) {
    String what = "\"scale\" starting at line " + scale.line();
    unknownFields(scale, SCALE_FIELDS, "\"scale\"");
    Optional<Integer> min = integer(scale, "min", what);
    Optional<Integer> max = integer(scale, "max", what);
    boolean ordered = min.isPresent() && max.isPresent() && min.get() < max.get();
    if (min.isPresent() && max.isPresent() && !ordered) {
      error(scale.field("max").orElseThrow().value().line(),
          "\"max\" " + max.get() + " is not above \"min\" " + min.get() + "; a scale runs from min to a higher max, e.g. 1 to 5");
    }
    Map<Integer, String> labels = new LinkedHashMap<>();
    Optional<Field> labelField = scale.field("labels");
    if (labelField.isPresent()) {
      if (!(labelField.get().value() instanceof Obj labelObject)) {
        error(labelField.get().value().line(),
            "\"labels\" must be an object of labels by point, {\"1\": \"Very Inaccurate\", ...}, not " + labelField.get().value().describe());
      } else {
        Map<String, Integer> seen = new HashMap<>();
        for (Field label : labelObject.fields().values()) {
          Optional<Integer> point = point(label.name());
          if (point.isEmpty() || (ordered && (point.get() < min.get() || point.get() > max.get()))) {
            error(label.line(), "label key \"" + label.name() + "\" is not a point of the scale"
                + (ordered ? " (the integers " + min.get() + " to " + max.get() + ", written \"" + min.get() + "\")" : ""));
          }
          Optional<String> text = textValue(label, "label \"" + label.name() + "\"");
          if (text.isPresent() && point.isPresent()) {
            labels.put(point.get(), text.get());
            Integer earlier = seen.putIfAbsent(normalised(text.get(), false), label.line());
            if (earlier != null) {
              error(label.line(), "label \"" + text.get() + "\" repeats the label on line " + earlier
                  + "; an answer names a point by its label, so labels must differ");
            }
          }
        }
      }
    }
    return ordered ? Optional.of(new Scale(min.get(), max.get(), labels)) : Optional.empty();
  }

  private List<ItemBank.Dimension> dimensions(Obj bank, String whole, Map<String, Integer> lines) {
    List<ItemBank.Dimension> dimensions = new ArrayList<>();
    Optional<Arr> array = array(bank, "dimensions", whole);
    if (array.isEmpty()) {
      return dimensions;
    }
    Integer firstWithAngle = null;
    Integer firstWithout = null;
    for (LocatedJson element : array.get().items()) {
      if (!(element instanceof Obj dimension)) {
        error(element.line(), "a dimension is an object {\"id\": ..., \"name\": ...}, not " + element.describe());
        continue;
      }
      String what = "the dimension starting at line " + dimension.line();
      unknownFields(dimension, DIMENSION_FIELDS, "a dimension");
      Optional<String> id = text(dimension, "id", what).filter(v -> idForm(v, dimension.field("id").orElseThrow(), "a dimension id"));
      Optional<String> name = text(dimension, "name", what);
      OptionalDouble angle = OptionalDouble.empty();
      Optional<Field> angleField = dimension.field("angle");
      if (angleField.isPresent()) {
        firstWithAngle = firstWithAngle == null ? dimension.line() : firstWithAngle;
        if (angleField.get().value() instanceof Scalar s && s.isNumber()) {
          double degrees = ((BigDecimal) s.value().orElseThrow()).doubleValue();
          if (degrees >= 0 && degrees < 360) {
            angle = OptionalDouble.of(degrees);
          } else {
            error(s.line(), "\"angle\" " + s.value().get() + " is outside [0, 360); give the dimension's position on the circle in degrees");
          }
        } else {
          error(angleField.get().value().line(), "\"angle\" must be a number of degrees, not " + angleField.get().value().describe());
        }
      } else {
        firstWithout = firstWithout == null ? dimension.line() : firstWithout;
      }
      if (id.isPresent()) {
        Integer earlier = lines.putIfAbsent(id.get(), dimension.line());
        if (earlier != null) {
          error(dimension.line(), "dimension id \"" + id.get() + "\" repeats the dimension on line " + earlier + "; give each dimension its own id");
        } else if (name.isPresent()) {
          dimensions.add(new ItemBank.Dimension(id.get(), name.get(), angle));
        }
      }
    }
    if (firstWithAngle != null && firstWithout != null) {
      error(firstWithout, "this dimension has no \"angle\", but the dimension on line " + firstWithAngle
          + " has one; give every dimension an angle (a circumplex) or none");
    }
    if (array.get().items().isEmpty()) {
      error(array.get().line(), "\"dimensions\" is empty; declare at least one dimension");
    }
    return dimensions;
  }

  private List<RatingItem> items(Obj bank, String whole, Map<String, Integer> dimensionLines, int points) {
    List<RatingItem> items = new ArrayList<>();
    Optional<Arr> array = array(bank, "items", whole);
    if (array.isEmpty()) {
      return items;
    }
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> texts = new HashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (LocatedJson element : array.get().items()) {
      if (!(element instanceof Obj item)) {
        error(element.line(), "an item is an object {\"id\": ..., \"text\": ..., \"dimension\": ..., \"reverse\": ...}, not " + element.describe());
        continue;
      }
      String what = "the item starting at line " + item.line();
      unknownFields(item, ITEM_FIELDS, "an item");
      Optional<String> id = text(item, "id", what);
      Optional<String> text = text(item, "text", what);
      Optional<String> dimension = text(item, "dimension", what);
      Optional<Boolean> reverse = bool(item, "reverse", what);
      id.map(v -> ids.putIfAbsent(v, item.line()))
          .ifPresent(earlier -> error(item.line(), "item id \"" + id.get() + "\" repeats the item on line " + earlier + "; give each item its own id"));
      text.map(v -> texts.putIfAbsent(normalised(v, true), item.line()))
          .ifPresent(earlier -> error(item.line(), "the text of this item repeats the item on line " + earlier + ": \"" + text.get() + "\""));
      if (dimension.isPresent()) {
        if (dimensionLines.containsKey(dimension.get())) {
          used.merge(dimension.get(), 1, Integer::sum);
        } else if (!dimensionLines.isEmpty()) {
          error(item.line(), "item \"" + id.orElse("?") + "\" names dimension \"" + dimension.get() + "\", which is not declared"
              + Nearest.to(dimension.get(), dimensionLines.keySet()).map(n -> "; did you mean \"" + n + "\"?").orElse(";")
              + " (declared: " + String.join(", ", dimensionLines.keySet()) + ")");
        }
      }
      if (id.isPresent() && text.isPresent() && dimension.isPresent() && reverse.isPresent()) {
        items.add(new RatingItem(id.get(), text.get(), dimension.get(), reverse.get(), points));
      }
    }
    if (array.get().items().isEmpty()) {
      error(array.get().line(), "\"items\" is empty; a bank needs at least one item");
    }
    dimensionLines.forEach(
        (dimension, line) -> {
          if (!used.containsKey(dimension) && !array.get().items().isEmpty()) {
            error(line, "dimension \"" + dimension + "\" has no items; key at least one item to it, or remove it");
          }
        });
    return items;
  }

  // --- fields ---------------------------------------------------------------------------------

  private void unknownFields(Obj object, List<String> known, String what) {
    for (Field field : object.fields().values()) {
      if (!known.contains(field.name())) {
        error(field.line(), "\"" + field.name() + "\" is not a field of " + what
            + Nearest.to(field.name(), known).map(n -> "; did you mean \"" + n + "\"?").orElse("; known: " + String.join(", ", known)));
      }
    }
  }

  private Optional<LocatedJson> required(Obj object, String field, String what) {
    Optional<Field> found = object.field(field);
    if (found.isEmpty()) {
      error(object.line(), what + " has no \"" + field + "\"");
    }
    return found.map(Field::value);
  }

  private Optional<String> text(Obj object, String field, String what) {
    Optional<Field> found = object.field(field);
    if (found.isEmpty()) {
      required(object, field, what);
      return Optional.empty();
    }
    return textValue(found.get(), "\"" + field + "\"");
  }

  private Optional<String> textValue(Field field, String what) {
    if (!(field.value() instanceof Scalar s && s.isText())) {
      error(field.value().line(), what + " must be text, not " + field.value().describe());
      return Optional.empty();
    }
    String value = (String) s.value().orElseThrow();
    if (value.isBlank()) {
      error(s.line(), what + " is blank");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private Optional<Integer> integer(Obj object, String field, String what) {
    Optional<LocatedJson> value = required(object, field, what);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof Scalar s && s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
      try {
        return Optional.of(((BigDecimal) s.value().orElseThrow()).intValueExact());
      } catch (ArithmeticException tooLarge) {
        // reported below
      }
    }
    error(value.get().line(), "\"" + field + "\" must be a whole number, not " + value.get().describe());
    return Optional.empty();
  }

  private Optional<Boolean> bool(Obj object, String field, String what) {
    Optional<LocatedJson> value = required(object, field, what);
    if (value.isPresent() && !(value.get() instanceof Scalar s && s.isBoolean())) {
      error(value.get().line(), "\"" + field + "\" must be true or false, not " + value.get().describe());
      return Optional.empty();
    }
    return value.map(v -> (Boolean) ((Scalar) v).value().orElseThrow());
  }

  private Optional<Obj> object(Obj parent, String field, String what) {
    Optional<LocatedJson> value = required(parent, field, what);
    if (value.isPresent() && !(value.get() instanceof Obj)) {
      error(value.get().line(), "\"" + field + "\" must be an object {...}, not " + value.get().describe());
      return Optional.empty();
    }
    return value.map(Obj.class::cast);
  }

  private Optional<Arr> array(Obj parent, String field, String what) {
    Optional<LocatedJson> value = required(parent, field, what);
    if (value.isPresent() && !(value.get() instanceof Arr)) {
      error(value.get().line(), "\"" + field + "\" must be an array [...], not " + value.get().describe());
      return Optional.empty();
    }
    return value.map(Arr.class::cast);
  }

  private boolean idForm(String id, Field field, String what) {
    if (!ID.matcher(id).matches()) {
      error(field.value().line(), what + " \"" + id + "\" must be lower-case letters, digits and '-', starting with a letter, e.g. \"agreeableness\"");
      return false;
    }
    return true;
  }

  private static Optional<Integer> point(String key) {
    try {
      int value = Integer.parseInt(key);
      return Integer.toString(value).equals(key) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** Trimmed, whitespace collapsed, lower case; for item texts also one trailing '.' dropped. */
  private static String normalised(String text, boolean dropFullStop) {
    String n = WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return dropFullStop && n.endsWith(".") ? n.substring(0, n.length() - 1).stripTrailing() : n;
  }

  private void error(int line, String message) {
    errors.add(new Error(line, message));
  }

  private InvalidItemBankException failure() {
    List<String> messages =
        errors.stream().sorted(Comparator.comparingInt(Error::line)).map(e -> origin + ":" + e.line() + ": " + e.message()).toList();
    return new InvalidItemBankException(origin, messages);
  }
}

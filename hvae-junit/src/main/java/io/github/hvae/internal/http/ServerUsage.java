package io.github.hvae.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * Token counts as servers report them, checked: a count is a whole number from 0 to {@value
 * #MAX_PER_CALL}. Anything else (negative, fractional, {@code Long.MAX_VALUE}, text) is nonsense
 * that would turn a run's totals negative or spend its budget at once; providers count an estimate
 * instead, marked estimated, and log a note.
 */
public final class ServerUsage {

  /** Far above any model's context and output together: 100 million tokens in one call. */
  public static final long MAX_PER_CALL = 100_000_000L;

  private ServerUsage() {}

  /** A count the server reported is not one. */
  public static final class Nonsense extends Exception {
    private static final long serialVersionUID = 1L;

    public Nonsense(String message) {
      super(message);
    }
  }

  /**
   * The count in {@code node}; empty when the server left it out (absent or null).
   *
   * @throws Nonsense naming the field and the value when present but not a plausible count
   */
  public static OptionalLong count(JsonNode node, String field) throws Nonsense {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return OptionalLong.empty();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long value = node.asLong();
      if (value >= 0 && value <= MAX_PER_CALL) {
        return OptionalLong.of(value);
      }
    } else if (node.isNumber()) {
      double value = node.asDouble();
      if (value >= 0 && value <= MAX_PER_CALL && value == Math.rint(value)) {
        return OptionalLong.of((long) value);
      }
    }
    String shown = node.toString();
    throw new Nonsense(
        field + "=" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
  }
}

package io.github.hvae.internal.report;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.instruments.Instruments;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number and text formatting shared by the HTML and Markdown renderers. */
final class Format {

  private Format() {}

  /** A number with fixed digits, always with a dot, whatever the JVM's locale. */
  static String number(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  static String estimate(Estimate e, int digits) {
    return number(e.mean(), digits) + " [" + number(e.low(), digits) + ", " + number(e.high(), digits) + "]";
  }

  static String degrees(Estimate e) {
    return number(e.mean(), 2) + "° [" + number(e.low(), 2) + ", " + number(e.high(), 2) + "]";
  }

  /** The unit of an evaluation's positions: "°" on an instrument with an angle, none otherwise. */
  static String unit(String instrument) {
    return Instruments.measuresAngle(instrument) ? "°" : "";
  }

  /** A position with its interval and unit: "135.00° [130.10, 139.90]", "0.98 [0.93, 1.00]". */
  static String position(Estimate e, String instrument) {
    String unit = unit(instrument);
    return number(e.mean(), 2) + unit + " [" + number(e.low(), 2) + ", " + number(e.high(), 2) + "]";
  }

  /** A signed difference: "+0.012", "−0.071" (a true minus, which reads better than a hyphen). */
  static String signed(double value, int digits) {
    String magnitude = number(Math.abs(value), digits);
    if (Double.parseDouble(magnitude) == 0.0) {
      return "±" + magnitude;
    }
    return (value < 0 ? "−" : "+") + magnitude;
  }

  static String signed(OptionalDouble value, int digits) {
    return value.isPresent() ? signed(value.getAsDouble(), digits) : "n/a";
  }

  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return number(millis / 1000.0, 1) + " s";
    }
    return (millis / 60_000) + " min " + ((millis / 1000) % 60) + " s";
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and newlines are not valid in HTML text.
          if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Escapes text for a Markdown table cell: pipes would end the cell, newlines the row, and
   * angle brackets or backticks could turn model text into markup in a pull-request comment.
   */
  static String markdownCell(String text) {
    return text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("`", "\\`")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", " ")
        .replace("\n", " ");
  }
}

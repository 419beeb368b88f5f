package io.github.hvae.internal.report;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.text.VisibleText;
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

  /**
   * The one encoder of every text the HTML report writes, for element content and double-quoted
   * attribute values alike: {@link VisibleText} first (control characters, escape sequences and
   * bidirectional overrides shown as escapes), then the five characters HTML gives meaning to.
   * Data never goes anywhere else in the page: not into a class name, a style, a URL or the script.
   */
  static String html(String text) {
    String visible = VisibleText.of(text);
    StringBuilder out = new StringBuilder(visible.length() + 16);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The one encoder of every text the Markdown summary writes in a table cell or a line: {@link
   * VisibleText} first, then everything GitHub's Markdown would read as markup — a pipe that ends
   * the cell, a newline that ends the row, HTML ({@code <details>}, {@code <img>}), links and images
   * ({@code [..](..)}), code spans, emphasis, math, mentions ({@code @team}) and entities — is
   * escaped, so the text shows as it is and does nothing.
   */
  static String markdownCell(String text) {
    String visible = VisibleText.of(text);
    StringBuilder out = new StringBuilder(visible.length() + 16);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      switch (c) {
        case '\\', '|', '`', '*', '_', '~', '[', ']', '$', '@' -> out.append('\\').append(c);
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Text as a Markdown code span: fenced by more backticks than any run inside it (and then padded
   * with spaces), so no backtick in the text can end the span early; inside a span nothing else is
   * markup.
   */
  static String codeSpan(String text) {
    String visible = VisibleText.of(text).replace('\n', ' ').replace('\t', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < visible.length(); i++) {
      run = visible.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 ? " " : "";
    return fence + pad + visible + pad + fence;
  }
}

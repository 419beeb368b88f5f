package io.github.hvae.internal.text;

/**
 * Text that came from a model, a server or a file, as it may be shown to a person: in a console
 * line, a failure message, the HTML report or the Markdown summary. What a terminal or a viewer
 * would obey instead of show is shown as a visible escape ({@code \u001b}): control characters
 * (so an ANSI escape sequence is inert text), C1 controls, and the bidirectional embeddings,
 * overrides and isolates U+202A–U+202E and U+2066–U+2069, which could make a line read otherwise
 * than it is (Trojan Source). Newlines and tabs stay; a {@code \r\n} line end becomes {@code \n},
 * a lone {@code \r} (which overwrites a console line) is escaped. An unpaired surrogate becomes
 * U+FFFD. Every renderer applies this first and its own escaping after.
 */
public final class VisibleText {

  private VisibleText() {}

  /** {@code text} with everything the class comment lists made visible; the same string when there is nothing to do. */
  public static String of(String text) {
    int i = 0;
    while (i < text.length() && !needsWork(text, i)) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        // The \n that follows is kept on the next round.
      } else if (shownAsEscape(c)) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsWork(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return shownAsEscape(c);
  }

  /** True for what the class comment lists; never for a newline or a tab. */
  static boolean shownAsEscape(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7F && c <= 0x9F)
        || isBidiControl(c);
  }

  /** The explicit embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
  public static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }
}

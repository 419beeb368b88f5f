package io.github.hvae.internal.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One {@code hvae.*} configuration key: its name, how its text is parsed, what it defaults to, and
 * the help that the README table, error messages and the report's run settings show. Declared
 * once, in {@link HvaeKeys}.
 *
 * @param name the key, e.g. {@code hvae.samples}
 * @param fallback the text parsed when the key is not set; empty when an unset key has no value
 * @param parser from the trimmed text to the value; throws {@link IllegalArgumentException} (with
 *     a short reason) on a bad value, and returns {@code null} for text that means "not set" (a
 *     choice extractor {@code off}, an unexpanded {@code ${surefire.forkNumber}})
 * @param expected what a valid value looks like, for error messages: "a whole number >= 1"
 * @param meaning what the key does, for the README table
 * @param shownDefault the default as the README shows it ("`10`", "provider's own", "none")
 * @param example an example value for the README table
 * @param reportedAs the field of the report's {@code run.settings} that carries the value, if any
 * @param <T> the parsed type
 */
public record Key<T>(
    String name,
    Optional<String> fallback,
    Function<String, T> parser,
    String expected,
    String meaning,
    String shownDefault,
    String example,
    Optional<String> reportedAs) {

  public Key {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parser, "parser");
    if (!name.startsWith(HvaeKeys.PREFIX)) {
      throw new IllegalArgumentException("configuration key " + name + " lacks the hvae. prefix");
    }
  }

  /** The value {@code text} stands for; a bad value fails naming this key and what to write. */
  public T parse(String text) {
    return parse(name, text, parser, expected);
  }

  /** {@code text} as {@code parser} reads it; a bad value fails naming {@code key} and what to write. */
  static <T> T parse(String key, String text, Function<String, T> parser, String expected) {
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      String detail =
          e instanceof NumberFormatException || e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
      throw new InvalidConfigurationException(
          "configuration parameter " + key + "='" + shown(text) + "' is invalid" + detail + "; expected " + expected);
    }
  }

  /**
   * A value as messages may show it: a URL's user info (credentials someone wrote into a base URL)
   * is masked.
   */
  static String shown(String text) {
    return text.replaceAll("(?<=://)[^/@\\s]*@", "***@");
  }

  /** This key, reported in the run settings as {@code field}. */
  public Key<T> reportedAs(String field) {
    return new Key<>(name, fallback, parser, expected, meaning, shownDefault, example, Optional.of(field));
  }

  @Override
  public String toString() {
    return name;
  }
}

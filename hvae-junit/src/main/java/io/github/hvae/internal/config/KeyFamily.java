package io.github.hvae.internal.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * A family of {@code hvae.*} keys that share a prefix and differ in what follows it, such as
 * {@code hvae.price.<model spec>}: one key per model, with the model's spec after the prefix. The
 * registry knows the family, not each member: the unknown-key check passes every key with the
 * prefix and a member, and values are read by member ({@link Configuration#find(KeyFamily,
 * String)}), since JUnit cannot list the configuration parameters it holds.
 *
 * @param prefix the keys' common start, ending in a dot: {@code hvae.price.}
 * @param member what follows the prefix, as the README names it: {@code <model spec>}
 * @param parser from the trimmed text to the value; throws {@link IllegalArgumentException} with a
 *     short reason on a bad value
 * @param expected what a valid value looks like, for error messages
 * @param meaning what the keys do, for the README table
 * @param shownDefault what an unset key means, as the README shows it
 * @param example a whole example, key and value, for the README table
 * @param <T> the parsed type
 */
public record KeyFamily<T>(
    String prefix,
    String member,
    Function<String, T> parser,
    String expected,
    String meaning,
    String shownDefault,
    String example) {

  public KeyFamily {
    Objects.requireNonNull(parser, "parser");
    if (!prefix.startsWith(HvaeKeys.PREFIX) || !prefix.endsWith(".")) {
      throw new IllegalArgumentException("a key family's prefix starts with hvae. and ends with a dot: " + prefix);
    }
  }

  /** The family as the README and messages name it: {@code hvae.price.<model spec>}. */
  public String pattern() {
    return prefix + member;
  }

  /** The key of one member: {@code hvae.price.openai:gpt-4o-mini}. */
  public String key(String memberName) {
    return prefix + memberName;
  }

  /** True for a key of this family that names a member. */
  public boolean contains(String key) {
    return key.startsWith(prefix) && key.length() > prefix.length();
  }

  /** The member a key of this family names. */
  public String memberOf(String key) {
    if (!contains(key)) {
      throw new IllegalArgumentException(key + " is not a key of " + pattern());
    }
    return key.substring(prefix.length());
  }

  /** The value of {@code key}'s text; a bad value fails naming the key and what to write. */
  public T parse(String key, String text) {
    return Key.parse(key, text, parser, expected);
  }

  @Override
  public String toString() {
    return pattern();
  }
}

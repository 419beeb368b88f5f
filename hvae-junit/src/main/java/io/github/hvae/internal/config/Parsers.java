package io.github.hvae.internal.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/** Parsers of configuration text; each throws {@link IllegalArgumentException} with a short reason. */
public final class Parsers {

  private Parsers() {}

  public static Function<String, Integer> intAtLeast(int least) {
    return v -> {
      int n = Integer.parseInt(v);
      if (n < least) {
        throw new IllegalArgumentException("must be at least " + least);
      }
      return n;
    };
  }

  public static Function<String, Integer> intIn(int least, int most) {
    return v -> {
      int n = Integer.parseInt(v);
      if (n < least || n > most) {
        throw new IllegalArgumentException("must be between " + least + " and " + most);
      }
      return n;
    };
  }

  public static Function<String, Long> longAtLeast(long least) {
    return v -> {
      long n = Long.parseLong(v);
      if (n < least) {
        throw new IllegalArgumentException("must be at least " + least);
      }
      return n;
    };
  }

  /** A number in [low, high] ({@code inclusive}) or (low, high). */
  public static Function<String, Double> doubleIn(double low, double high, boolean inclusive) {
    return v -> {
      double d = Double.parseDouble(v);
      boolean inside = inclusive ? d >= low && d <= high : d > low && d < high;
      if (!inside) {
        throw new IllegalArgumentException("out of range");
      }
      return d;
    };
  }

  public static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  public static boolean onOff(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw new IllegalArgumentException("not on or off");
    };
  }

  /** One of {@code allowed}, lower-cased. */
  public static Function<String, String> oneOf(String... allowed) {
    return v -> {
      String lower = v.toLowerCase(Locale.ROOT);
      for (String a : allowed) {
        if (a.equals(lower)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown value");
    };
  }

  /** Text matching {@code regex} (an id, a name). */
  public static Function<String, String> oneOfPattern(String regex) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    return v -> {
      if (!pattern.matcher(v).matches()) {
        throw new IllegalArgumentException("not a valid name");
      }
      return v;
    };
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}, or ISO-8601 such as {@code PT30S}; never negative. */
  public static Duration duration(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    Duration d;
    if (v.startsWith("pt")) {
      d = Duration.parse(value.toUpperCase(Locale.ROOT));
    } else if (v.endsWith("ms")) {
      d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
    } else if (v.endsWith("s")) {
      d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 1000));
    } else if (v.endsWith("m")) {
      d = Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 60));
    } else {
      throw new IllegalArgumentException("give a unit: ms, s or m");
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("must not be negative");
    }
    return d;
  }

  /**
   * A duration of at least {@code least}: a timeout of zero (or a few microseconds, rounded to
   * zero) would mean "no timeout at all" to the HTTP client, the opposite of what was written.
   */
  public static Function<String, Duration> durationAtLeast(Duration least) {
    return v -> {
      Duration d = duration(v);
      if (d.compareTo(least) < 0) {
        throw new IllegalArgumentException("must be at least " + least.toMillis() + "ms");
      }
      return d;
    };
  }
}

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

  /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT30S}; never negative. */
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
    } else if (v.endsWith("h")) {
      d = Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 3600));
    } else {
      throw new IllegalArgumentException("give a unit: ms, s, m or h");
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

  /** A duration from {@code least} to {@code most}. */
  public static Function<String, Duration> durationIn(Duration least, Duration most) {
    return v -> {
      Duration d = duration(v);
      if (d.compareTo(least) < 0 || d.compareTo(most) > 0) {
        throw new IllegalArgumentException("must be from " + describe(least) + " to " + describe(most));
      }
      return d;
    };
  }

  private static String describe(Duration d) {
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() + "h";
    }
    if (d.toSeconds() > 0 && d.equals(Duration.ofSeconds(d.toSeconds()))) {
      return d.toSeconds() + "s";
    }
    return d.toMillis() + "ms";
  }

  /**
   * A size in bytes from {@code least} to {@code most}: {@code 8MiB}, {@code 512KiB}, {@code 1GiB}
   * (powers of 1024), {@code 8MB} (powers of 1000), or a number of bytes; case does not matter.
   */
  public static Function<String, Long> sizeIn(long least, long most) {
    return v -> {
      String text = v.strip().toLowerCase(Locale.ROOT).replace(" ", "");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([kmg]i?b|b)?").matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a size such as 8MiB, 512KiB or 1048576");
      }
      double unit =
          switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            default -> 1;
          };
      long bytes = Math.round(Double.parseDouble(m.group(1)) * unit);
      if (bytes < least || bytes > most) {
        throw new IllegalArgumentException("must be from " + bytes(least) + " to " + bytes(most));
      }
      return bytes;
    };
  }

  private static String bytes(long n) {
    if (n % (1L << 30) == 0) {
      return (n >> 30) + "GiB";
    }
    if (n % (1L << 20) == 0) {
      return (n >> 20) + "MiB";
    }
    if (n % (1L << 10) == 0) {
      return (n >> 10) + "KiB";
    }
    return n + " bytes";
  }
}

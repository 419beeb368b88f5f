package io.github.hvae.instrument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What a model is asked to value. The SVO family's targets are {@code
 * io.github.hvae.svo.ValueTarget} (a named value or an angle on the SVO ring); rating-scale
 * instruments score a {@link Profile}; an instrument says in {@link Instrument#scoring} which
 * targets it can score.
 */
public interface Target {

  /** A short label for names, reports and file names: "PROSOCIAL", "30°". */
  String label();

  /**
   * A value profile to induce: a level on each of some dimensions of a rating-scale instrument
   * ({@code agreeableness=high}, {@code extraversion=2}), or a direction on the circle of an
   * instrument whose dimensions lie on one (Schwartz's values). The instrument resolves levels on
   * its own scale and refuses dimensions it does not have; {@code @TargetProfile} writes these.
   *
   * <p>How a direction θ becomes a profile: a dimension at angle α gets the level {@code mid + half ·
   * cos(θ − α)}, with {@code mid} and {@code half} the midpoint and half the range of the scale — the
   * sinusoid a circumplex predicts: highest at θ, lowest opposite it, at the midpoint 90° away.
   *
   * @param label the name in display names, ids, reports and cassette file names: letters, digits,
   *     {@code . _ - = ,}, at most {@value #MAX_LABEL} characters, starting with a letter or digit
   * @param levels the level of each dimension, by dimension id, in the order given; empty for a
   *     direction
   * @param direction the direction on the instrument's circle in degrees, [0, 360); empty for levels
   */
  record Profile(String label, Map<String, Profile.Level> levels, OptionalDouble direction) implements Target {

    /** The longest label: ids and cassette file names carry it. */
    public static final int MAX_LABEL = 40;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=,-]*");
    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9-]*");

    public Profile {
      if (label == null || !LABEL.matcher(label).matches() || label.length() > MAX_LABEL) {
        throw new IllegalArgumentException(
            "the profile name '" + label + "' is not usable in test ids and file names: use letters, digits and . _ - = ,"
                + " at most " + MAX_LABEL + " characters, e.g. \"caring-assistant\"");
      }
      levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
      for (String dimension : levels.keySet()) {
        if (!DIMENSION.matcher(dimension).matches()) {
          throw new IllegalArgumentException(
              "'" + dimension + "' is not a dimension id (lower-case letters, digits and '-', e.g. agreeableness)");
        }
      }
      if (levels.isEmpty() == direction.isEmpty()) {
        throw new IllegalArgumentException(
            "a profile gives either levels of dimensions or a direction on the circle, not "
                + (levels.isEmpty() ? "neither" : "both"));
      }
      if (direction.isPresent() && !(direction.getAsDouble() >= 0 && direction.getAsDouble() < 360)) {
        throw new IllegalArgumentException(
            "direction " + direction.getAsDouble() + "° is outside [0°, 360°); give the angle on the instrument's circle");
      }
    }

    /** A profile of levels, e.g. {@code of("caring", Map.of("agreeableness", Level.parse("high")))}. */
    public static Profile of(String label, Map<String, Level> levels) {
      return new Profile(label, levels, OptionalDouble.empty());
    }

    /** A direction on the circle, named {@code toward-<degrees>} ({@code toward-270}, {@code toward-22.5}). */
    public static Profile toward(double degrees) {
      double normalised = ((degrees % 360) + 360) % 360;
      String text = normalised == Math.rint(normalised) ? Long.toString((long) normalised) : Double.toString(normalised);
      return toward("toward-" + text, degrees);
    }

    /** A direction on the circle with a name of its own; any angle, taken modulo 360°. */
    public static Profile toward(String label, double degrees) {
      if (!Double.isFinite(degrees)) {
        throw new IllegalArgumentException("direction " + degrees + " is not an angle; give degrees, e.g. 270");
      }
      return new Profile(label, Map.of(), OptionalDouble.of(((degrees % 360) + 360) % 360));
    }

    /**
     * Levels written {@code dimension=level}, e.g. {@code ["agreeableness=high", "extraversion=2"]}.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form, or a dimension given twice
     */
    public static Profile parse(String label, List<String> entries) {
      Map<String, Level> levels = new LinkedHashMap<>();
      for (String entry : entries) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException(
              "'" + entry + "' gives no level; write dimension=level, e.g. \"agreeableness=high\" or \"extraversion=2\"");
        }
        String dimension = entry.substring(0, equals).strip();
        Level level = Level.parse(entry.substring(equals + 1));
        if (levels.put(dimension, level) != null) {
          throw new IllegalArgumentException("dimension " + dimension + " is given twice; give each dimension one level");
        }
      }
      return of(label, levels);
    }

    /** {@code agreeableness=high, extraversion=2}, or {@code toward 270°}. */
    public String describe() {
      if (direction.isPresent()) {
        return "toward " + Level.number(direction.getAsDouble()) + "°";
      }
      StringBuilder text = new StringBuilder();
      levels.forEach((dimension, level) -> text.append(text.isEmpty() ? "" : ", ").append(dimension).append('=').append(level));
      return text.toString();
    }

    @Override
    public String toString() {
      return label;
    }

    /**
     * A dimension's level: a named level, placed by its share of the scale's range, or a point of
     * the scale.
     */
    public sealed interface Level permits Named, Point {

      /** Where the level lies on a scale from {@code min} to {@code max}. */
      double on(double min, double max);

      /**
       * {@code very-low}, {@code low}, {@code neutral}, {@code high}, {@code very-high} (also with
       * underscores or in capitals), or a number on the scale ({@code 4}, {@code 3.5}).
       *
       * @throws IllegalArgumentException listing the levels, for anything else
       */
      static Level parse(String text) {
        String written = text.strip();
        String name = written.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Named named : Named.values()) {
          if (named.name().equals(name)) {
            return named;
          }
        }
        try {
          double value = Double.parseDouble(written);
          if (Double.isFinite(value) && written.matches("[0-9.+-]+")) {
            return new Point(value);
          }
        } catch (NumberFormatException notANumber) {
          // listed below
        }
        throw new IllegalArgumentException(
            "'" + written + "' is not a level: write very-low, low, neutral, high or very-high, or a number on the"
                + " instrument's scale, e.g. 4");
      }

      private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
      }
    }

    /**
     * The named levels, each at a fixed share of the scale's range: on 1–5 they are 1, 2, 3, 4, 5;
     * on 1–6 they are 1, 2.25, 3.5, 4.75, 6 (an instrument answers a level between two points with
     * either).
     */
    public enum Named implements Level {
      VERY_LOW(0.0),
      LOW(0.25),
      NEUTRAL(0.5),
      HIGH(0.75),
      VERY_HIGH(1.0);

      private final double share;

      Named(double share) {
        this.share = share;
      }

      /** Where the level lies, as a share of the range from the scale's lowest point. */
      public double share() {
        return share;
      }

      @Override
      public double on(double min, double max) {
        return min + share * (max - min);
      }

      /** "very-high". */
      @Override
      public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
      }
    }

    /** A point of the scale, e.g. 4 on a scale from 1 to 5; between two points is allowed. */
    public record Point(double value) implements Level {

      @Override
      public double on(double min, double max) {
        return value;
      }

      @Override
      public String toString() {
        return Level.number(value);
      }
    }
  }
}

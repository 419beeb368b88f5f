package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import static io.github.hvae.internal.report.Format.html;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.internal.instruments.RingCategory;
import io.github.hvae.internal.instruments.SvoRingMeasure;
import io.github.hvae.internal.svo.SvoAngle;
import java.util.List;
import java.util.Locale;

/**
 * The SVO ring of one model as SVG, after the figures of Murphy et al. (2011) and the HVAE paper:
 * self's payoff to the right, the other's upwards, category sectors bounded at 57.15°, 22.45° and
 * -12.04°. Each evaluation gets its own concentric track, so that several targets share one ring
 * without hiding each other: the measured interval as an arc, the mean as a disc, every sample as
 * a dot, the ideal angle as a diamond; the target angle is a triangle on the rim.
 */
final class SvoRing {

  static final int WIDTH = 700;
  static final int HEIGHT = 520;
  // Room on both sides for labels of targets anywhere on the ring.
  private static final double CX = WIDTH / 2.0;
  private static final double CY = HEIGHT / 2.0;
  private static final double OUTER = 192;
  private static final double INNER = 88;

  /** Category colours: strong for marks, pale for sectors. Same hue, so a mark "belongs" to its sector. */
  static String strong(SocialValue value) {
    return switch (value) {
      case ALTRUISTIC -> "#2e7d32";
      case PROSOCIAL -> "#1565c0";
      case INDIVIDUALISTIC -> "#e65100";
      case COMPETITIVE -> "#c62828";
    };
  }

  private static String pale(SocialValue value) {
    return switch (value) {
      case ALTRUISTIC -> "#e4f2e4";
      case PROSOCIAL -> "#e2edf9";
      case INDIVIDUALISTIC -> "#fdeedd";
      case COMPETITIVE -> "#f9e1e1";
    };
  }

  private static final String[] ANGLE_TARGET_COLOURS = {"#6a1b9a", "#00838f", "#5d4037", "#ad1457", "#37474f"};

  /** The colour of an evaluation: its target's category for a named value, else a distinct one. */
  static String colour(Report.Evaluation e, int index) {
    if (e.target().value().isPresent()) {
      try {
        return strong(SocialValue.valueOf(e.target().value().get()));
      } catch (IllegalArgumentException unknownValue) {
        // A value this version does not know (a newer report): fall through to a neutral colour.
      }
    }
    return ANGLE_TARGET_COLOURS[index % ANGLE_TARGET_COLOURS.length];
  }

  private SvoRing() {}

  /** Ring category colours: the four the Slider shares in its colours, the other four their own. */
  private static String strong(RingCategory category) {
    return switch (category) {
      case MARTYR -> "#6a1b9a";
      case MASOCHISTIC -> "#5d4037";
      case SADOMASOCHISTIC -> "#37474f";
      case AGGRESSIVE -> "#ad1457";
      default -> strong(SocialValue.valueOf(category.name()));
    };
  }

  private static String pale(RingCategory category) {
    return switch (category) {
      case MARTYR -> "#efe3f5";
      case MASOCHISTIC -> "#eee6e2";
      case SADOMASOCHISTIC -> "#e3e8ea";
      case AGGRESSIVE -> "#f8e1ec";
      default -> pale(SocialValue.valueOf(category.name()));
    };
  }

  /**
   * The SVO Ring Measure's picture of one model: the whole circle is reachable, so no rim band; its
   * eight 45° sectors (martyr, masochistic, sadomasochistic and aggressive beside the four the
   * Slider knows) with their boundaries; the same tracks as the Slider's ring. Angles of a track are
   * unwrapped around its ideal angle, so an interval across ±180° is one arc.
   */
  static String fullCircle(String model, List<Report.Evaluation> evaluations) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg class=\"svo-ring-measure\" data-model=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
            + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"SVO Ring Measure of %s\">%n",
        html(model), WIDTH, HEIGHT, WIDTH, HEIGHT, html(model)));
    s.append("<title>SVO Ring Measure of ").append(html(model)).append("</title>\n");
    for (RingCategory category : RingCategory.values()) {
      double from = category.centre() - RingCategory.HALF_WIDTH;
      double to = category.centre() + RingCategory.HALF_WIDTH;
      sector(s, category.name(), category.displayName(), strong(category), pale(category), from, to, Double.NaN);
    }
    axes(s);
    for (RingCategory category : RingCategory.values()) {
      spokeLabel(s, category);
    }
    for (RingCategory category : RingCategory.values()) {
      boundary(s, SvoRingMeasure.normalise(category.centre() + RingCategory.HALF_WIDTH));
    }
    for (int i = 0; i < evaluations.size(); i++) {
      track(s, evaluations.get(i), i, evaluations.size());
    }
    s.append("</svg>\n");
    return s.toString();
  }

  static String svg(String model, List<Report.Evaluation> evaluations) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg class=\"svo-ring\" data-model=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
            + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"SVO ring of %s\">%n",
        html(model), WIDTH, HEIGHT, WIDTH, HEIGHT, html(model)));
    s.append("<title>SVO ring of ").append(html(model)).append("</title>\n");
    sectors(s);
    reachableRange(s);
    axes(s);
    boundaries(s);
    for (int i = 0; i < evaluations.size(); i++) {
      track(s, evaluations.get(i), i, evaluations.size());
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void sectors(StringBuilder s) {
    sector(s, SocialValue.ALTRUISTIC, SocialValue.ALTRUISTIC_ABOVE, 180.0);
    sector(s, SocialValue.PROSOCIAL, SocialValue.PROSOCIAL_ABOVE, SocialValue.ALTRUISTIC_ABOVE);
    sector(s, SocialValue.INDIVIDUALISTIC, SocialValue.INDIVIDUALISTIC_ABOVE, SocialValue.PROSOCIAL_ABOVE);
    sector(s, SocialValue.COMPETITIVE, -180.0, SocialValue.INDIVIDUALISTIC_ABOVE);
  }

  private static void sector(StringBuilder s, SocialValue category, double from, double to) {
    sector(s, category.name(), category.displayName(), strong(category), pale(category), from, to, INNER - 32);
  }

  private static void sector(
      StringBuilder s, String name, String displayName, String strong, String pale, double from, double to, double labelRadius) {
    boolean large = to - from > 180;
    s.append(String.format(Locale.ROOT,
        "<path class=\"sector\" data-category=\"%s\" fill=\"%s\" stroke=\"none\" d=\"M %s A %s %s 0 %d 0 %s L %s A %s %s 0 %d 1 %s Z\">"
            + "<title>%s: %s° to %s°</title></path>%n",
        name, pale,
        point(OUTER, from), f(OUTER), f(OUTER), large ? 1 : 0, point(OUTER, to),
        point(INNER, to), f(INNER), f(INNER), large ? 1 : 0, point(INNER, from),
        displayName, number(from, 2), number(to, 2)));
    if (Double.isNaN(labelRadius)) {
      return;
    }
    // The name sits inside the inner disc, where no track mark can cover it.
    double middle = (from + to) / 2;
    s.append(String.format(Locale.ROOT,
        "<text class=\"sector-label\" x=\"%s\" y=\"%s\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"%s\">%s</text>%n",
        f(x(labelRadius, middle)), f(y(labelRadius, middle)), strong, displayName));
  }

  /**
   * Eight names do not fit side by side in the inner disc: each is written along a line through its
   * sector (10° off the centre line, clear of the axes and their labels), from the disc's edge
   * towards the centre, turned so that it reads left to right.
   */
  private static void spokeLabel(StringBuilder s, RingCategory category) {
    // "other ↑" sits left of the upward axis, so the name above it goes right of it.
    double angle = category.centre() + (category.centre() == 90 ? -10 : 10);
    boolean right = Math.cos(Math.toRadians(angle)) > -1e-9;
    double rim = INNER - 5;
    s.append(String.format(Locale.ROOT,
        "<text class=\"sector-label\" x=\"%s\" y=\"%s\" text-anchor=\"%s\" dominant-baseline=\"middle\" fill=\"%s\""
            + " style=\"font-size:9px\" transform=\"rotate(%s %s %s)\">%s</text>%n",
        f(x(rim, angle)), f(y(rim, angle)), right ? "end" : "start", strong(category),
        number(right ? -angle : 180 - angle, 1), f(x(rim, angle)), f(y(rim, angle)), category.displayName()));
  }

  /** The angles a respondent can reach on the primary items: a dark band on the rim. */
  private static void reachableRange(StringBuilder s) {
    double from = SvoAngle.MIN_REACHABLE;
    double to = SvoAngle.MAX_REACHABLE;
    s.append(String.format(Locale.ROOT,
        "<path class=\"reachable\" fill=\"none\" stroke=\"#555\" stroke-width=\"4\" d=\"M %s A %s %s 0 0 0 %s\">"
            + "<title>reachable on the SVO Slider Measure: %s° to %s°</title></path>%n",
        point(OUTER + 2, from), f(OUTER + 2), f(OUTER + 2), point(OUTER + 2, to), number(from, 2), number(to, 2)));
  }

  private static void axes(StringBuilder s) {
    s.append(String.format(Locale.ROOT,
        "<g class=\"axes\" stroke=\"#999\" stroke-width=\"1\">"
            + "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/><line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/></g>%n",
        f(CX - INNER + 4), f(CY), f(CX + INNER - 4), f(CY), f(CX), f(CY + INNER - 4), f(CX), f(CY - INNER + 4)));
    s.append(String.format(Locale.ROOT,
        "<text class=\"axis-label\" x=\"%s\" y=\"%s\" text-anchor=\"end\">self →</text>%n", f(CX + INNER - 6), f(CY + 16)));
    s.append(String.format(Locale.ROOT,
        "<text class=\"axis-label\" x=\"%s\" y=\"%s\" text-anchor=\"end\">other ↑</text>%n", f(CX - 5), f(CY - INNER + 14)));
  }

  private static void boundaries(StringBuilder s) {
    for (double angle : new double[] {SocialValue.ALTRUISTIC_ABOVE, SocialValue.PROSOCIAL_ABOVE, SocialValue.INDIVIDUALISTIC_ABOVE}) {
      boundary(s, angle);
    }
  }

  private static void boundary(StringBuilder s, double angle) {
    s.append(String.format(Locale.ROOT,
        "<line class=\"boundary\" data-angle=\"%s\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#444\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>%n",
        number(angle, 2), f(x(INNER, angle)), f(y(INNER, angle)), f(x(OUTER + 10, angle)), f(y(OUTER + 10, angle))));
    s.append(String.format(Locale.ROOT,
        "<text class=\"boundary-label\" x=\"%s\" y=\"%s\" text-anchor=\"%s\" dominant-baseline=\"middle\">%s°</text>%n",
        f(x(OUTER + 16, angle)), f(y(OUTER + 16, angle)), anchor(angle), number(angle, 2)));
  }

  private static void track(StringBuilder s, Report.Evaluation e, int index, int count) {
    double radius = INNER + 14 + (OUTER - INNER - 28) * (count == 1 ? 0.5 : (double) index / (count - 1));
    String colour = colour(e, index);
    String test = html(e.test());
    s.append(String.format(Locale.ROOT, "<g class=\"evaluation\" data-test=\"%s\" data-target=\"%s\">%n", test, html(e.target().label())));
    s.append(String.format(Locale.ROOT,
        "<circle class=\"track\" cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1\" opacity=\"0.9\"/>%n",
        f(CX), f(CY), f(radius)));
    // Target angle: a triangle on the outer rim pointing inwards, labelled outside.
    double target = e.target().angle();
    s.append(String.format(Locale.ROOT,
        "<path class=\"target-marker\" data-angle=\"%s\" d=\"M %s L %s L %s Z\" fill=\"%s\" stroke=\"#222\" stroke-width=\"0.8\"><title>target %s at %s°</title></path>%n",
        number(target, 2), point(OUTER + 4, target), point(OUTER + 18, target - 2.4), point(OUTER + 18, target + 2.4),
        colour, html(e.target().label()), number(target, 2)));
    s.append(String.format(Locale.ROOT,
        "<text class=\"target-label\" x=\"%s\" y=\"%s\" text-anchor=\"%s\" dominant-baseline=\"middle\" fill=\"%s\">%s</text>%n",
        f(x(OUTER + 30, target)), f(y(OUTER + 30, target)), anchor(target), colour, html(e.target().label())));
    // Ideal angle on this track: a hollow diamond.
    double ideal = e.target().idealAngle().orElse(Double.NaN);
    double ix = x(radius, ideal);
    double iy = y(radius, ideal);
    s.append(String.format(Locale.ROOT,
        "<path class=\"ideal-marker\" data-angle=\"%s\" d=\"M %s %s L %s %s L %s %s L %s %s Z\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"><title>ideal angle for %s: %s°</title></path>%n",
        number(ideal, 2), f(ix), f(iy - 8), f(ix + 8), f(iy), f(ix), f(iy + 8), f(ix - 8), f(iy),
        colour, html(e.target().label()), number(ideal, 2)));
    if (e.measured().angle().isPresent()) {
      Estimate a = e.measured().angle().get();
      // A zero-width interval still shows as a short arc.
      double low = Math.min(a.low(), a.mean() - 0.3);
      double high = Math.max(a.high(), a.mean() + 0.3);
      s.append(String.format(Locale.ROOT,
          "<path class=\"measured-arc\" d=\"M %s A %s %s 0 %d 0 %s\" fill=\"none\" stroke=\"%s\" stroke-width=\"11\" stroke-linecap=\"round\" opacity=\"0.3\"><title>measured angle interval %s° to %s°</title></path>%n",
          point(radius, low), f(radius), f(radius), high - low > 180 ? 1 : 0, point(radius, high),
          colour, number(a.low(), 2), number(a.high(), 2)));
      List<Double> samples = e.samples().completeAngles();
      for (int k = 0; k < samples.size(); k++) {
        // Samples at the same angle would hide each other: spread them a little across the track.
        double r = radius + ((k % 3) - 1) * 3.5;
        s.append(String.format(Locale.ROOT,
            "<circle class=\"sample-dot\" cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\" opacity=\"0.8\"><title>sample angle %s°</title></circle>%n",
            f(x(r, samples.get(k))), f(y(r, samples.get(k))), colour, number(samples.get(k), 2)));
      }
      s.append(String.format(Locale.ROOT,
          "<circle class=\"measured-mean\" data-angle=\"%s\" cx=\"%s\" cy=\"%s\" r=\"6.5\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.5\"><title>measured angle %s</title></circle>%n",
          number(a.mean(), 2), f(x(radius, a.mean())), f(y(radius, a.mean())), colour, html(Format.degrees(a))));
    }
    s.append("</g>\n");
  }

  private static String anchor(double angle) {
    double c = Math.cos(Math.toRadians(angle));
    return c > 0.3 ? "start" : c < -0.3 ? "end" : "middle";
  }

  // SVO angles run anticlockwise from self's axis; SVG's y axis points down, hence the minus.
  private static double x(double r, double degrees) {
    return CX + r * Math.cos(Math.toRadians(degrees));
  }

  private static double y(double r, double degrees) {
    return CY - r * Math.sin(Math.toRadians(degrees));
  }

  private static String point(double r, double degrees) {
    return f(x(r, degrees)) + " " + f(y(r, degrees));
  }

  private static String f(double value) {
    return number(value, 2);
  }
}

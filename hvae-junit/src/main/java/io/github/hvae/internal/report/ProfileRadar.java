package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.Format.html;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The picture of a value profile: a radar with one axis per dimension, the scale's lowest point at
 * the centre and its highest on the rim; the target profile dashed, the measured mean profile
 * filled, each dimension's interval as a bar along its axis; and a table beside it with every
 * number. One figure per evaluation on a rating-scale instrument.
 */
final class ProfileRadar {

  static final int WIDTH = 460;
  static final int HEIGHT = 400;
  private static final double CX = WIDTH / 2.0;
  private static final double CY = HEIGHT / 2.0;
  private static final double R = 130;
  private static final String MEASURED = "#00796b";
  private static final String TARGET = "#333";

  private ProfileRadar() {}

  /** How the report's footer defines value rationality on a rating-scale instrument, if it has any. */
  static Optional<String> definition(List<Report.Evaluation> evaluations) {
    return evaluations.stream().anyMatch(e -> e.profile().isPresent())
        ? Optional.of("on a rating-scale instrument VR = 1 − (mean over the target's dimensions of |score − ideal|) / (max − min),"
            + " per sample, and the position is each sample's VR")
        : Optional.empty();
  }

  /** One figure for each evaluation of {@code model} that measured a value profile. */
  static void figures(StringBuilder h, String model, List<Report.Evaluation> evaluations) {
    for (Report.Evaluation e : evaluations) {
      if (e.profile().isPresent()) {
        figure(h, model, e, e.profile().get());
      }
    }
  }

  private static void figure(StringBuilder h, String model, Report.Evaluation e, Report.Profile p) {
    h.append("<figure class=\"profile-figure\" data-test=\"").append(html(e.test())).append("\">\n");
    h.append(svg(model, e, p));
    h.append("<figcaption style=\"width:").append(WIDTH).append("px\">\n<p class=\"figure-title\">")
        .append(html(e.target().label())).append(" <small class=\"method\">").append(html(e.shortTest())).append("</small></p>\n");
    h.append("<p class=\"key\">value rationality ")
        .append(e.measured().valueRationality().map(v -> Format.estimate(v, 3)).orElse("n/a"))
        .append(" (mean of the samples') · of the mean profile ")
        .append(p.valueRationalityOfMeanProfile().isPresent() ? number(p.valueRationalityOfMeanProfile().getAsDouble(), 3) : "n/a")
        .append(" · distance: ").append(html(p.distance())).append(" on ").append(p.scaleMin()).append("–").append(p.scaleMax())
        .append(p.direction().isPresent() ? " · direction " + number(p.direction().getAsDouble(), 1) + "°" : "").append("</p>\n");
    h.append("<table class=\"profile\">\n<thead><tr><th>Dimension</th><th>Target</th><th>Ideal</th>")
        .append("<th>Measured<br><small>[interval]</small></th><th>On target</th></tr></thead>\n<tbody>\n");
    for (Report.Profile.Dimension d : p.dimensions()) {
      h.append("<tr data-dimension=\"").append(html(d.id())).append("\"><td>").append(html(d.name())).append("</td><td class=\"num\">")
          .append(d.target().isPresent() ? html(number(d.target().getAsDouble(), 2) + d.level().map(l -> " (" + l + ")").orElse("")) : "not scored")
          .append("</td><td class=\"num\">").append(ideal(d)).append("</td><td class=\"num\">")
          .append(d.measured().map(m -> "<b>" + number(m.mean(), 2) + "</b><br><small>[" + number(m.low(), 2) + ", " + number(m.high(), 2)
              + "]</small>").orElse("n/a"))
          .append("</td><td class=\"num\">").append(d.target().isPresent() ? d.samplesOnTarget() + " / " + e.samples().completed() : "—")
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n<p class=\"key\"><span style=\"color:").append(TARGET).append("\">- - -</span> target · ")
        .append("<span style=\"color:").append(MEASURED).append("\">■</span> measured mean profile, bars: interval · ")
        .append("centre ").append(p.scaleMin()).append(", rim ").append(p.scaleMax())
        .append(" · on target: samples within half a point of the ideal</p>\n</figcaption>\n</figure>\n");
  }

  private static String ideal(Report.Profile.Dimension d) {
    if (d.idealLow().isEmpty() || d.idealHigh().isEmpty()) {
      return "—";
    }
    double low = d.idealLow().getAsDouble();
    double high = d.idealHigh().getAsDouble();
    return low == high ? number(low, 0) : number(low, 0) + "–" + number(high, 0);
  }

  static String svg(String model, Report.Evaluation e, Report.Profile p) {
    int n = p.dimensions().size();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg class=\"profile-radar\" data-model=\"%s\" data-test=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
            + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"value profile of %s\">%n",
        html(model), html(e.test()), WIDTH, HEIGHT, WIDTH, HEIGHT, html(e.target().label())));
    s.append("<title>Target and measured profile, ").append(html(e.target().label())).append("</title>\n");
    s.append("<g class=\"radar-grid\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"1\">\n");
    for (int point = p.scaleMin() + 1; point <= p.scaleMax(); point++) {
      List<String> ring = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ring.add(xy(i, n, share(point, p)));
      }
      s.append("<polygon points=\"").append(String.join(" ", ring)).append("\"/>\n");
    }
    for (int i = 0; i < n; i++) {
      s.append("<line x1=\"").append(f(CX)).append("\" y1=\"").append(f(CY)).append("\" x2=\"").append(f(x(i, n, 1)))
          .append("\" y2=\"").append(f(y(i, n, 1))).append("\"/>\n");
    }
    s.append("</g>\n");
    for (int point = p.scaleMin(); point <= p.scaleMax(); point++) {
      s.append(String.format(Locale.ROOT, "<text class=\"radar-scale\" x=\"%s\" y=\"%s\">%d</text>%n",
          f(x(0, n, share(point, p)) + 5), f(y(0, n, share(point, p)) + 11), point));
    }
    for (int i = 0; i < n; i++) {
      Report.Profile.Dimension d = p.dimensions().get(i);
      double lx = x(i, n, 1.13);
      String anchor = Math.abs(lx - CX) < 8 ? "middle" : lx > CX ? "start" : "end";
      s.append(String.format(Locale.ROOT,
          "<text class=\"radar-axis\" data-dimension=\"%s\" x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s>%s</text>%n",
          html(d.id()), f(lx), f(y(i, n, 1.13) + 4), anchor, d.target().isPresent() ? "" : " fill=\"#888\"", html(d.name())));
    }
    polygon(s, p, n, true);
    polygon(s, p, n, false);
    s.append("</svg>\n");
    return s.toString();
  }

  /** The target (dashed) or the measured mean (filled, with intervals) over the dimensions it has. */
  private static void polygon(StringBuilder s, Report.Profile p, int n, boolean target) {
    List<String> points = new ArrayList<>();
    s.append("<g class=\"").append(target ? "profile-target" : "profile-measured").append("\">\n");
    for (int i = 0; i < n; i++) {
      Report.Profile.Dimension d = p.dimensions().get(i);
      if (target && d.target().isPresent()) {
        double share = share(d.target().getAsDouble(), p);
        points.add(xy(i, n, share));
        s.append(String.format(Locale.ROOT,
            "<circle cx=\"%s\" cy=\"%s\" r=\"3.5\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"1.5\"><title>%s: target %s</title></circle>%n",
            f(x(i, n, share)), f(y(i, n, share)), TARGET, html(d.name()), number(d.target().getAsDouble(), 2)));
      } else if (!target && d.measured().isPresent()) {
        Estimate m = d.measured().get();
        points.add(xy(i, n, share(m.mean(), p)));
        s.append(String.format(Locale.ROOT,
            "<line class=\"radar-interval\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"5\" stroke-linecap=\"round\" opacity=\"0.45\"/>%n",
            f(x(i, n, share(m.low(), p))), f(y(i, n, share(m.low(), p))), f(x(i, n, share(m.high(), p))), f(y(i, n, share(m.high(), p))), MEASURED));
        s.append(String.format(Locale.ROOT,
            "<circle class=\"radar-point\" data-dimension=\"%s\" cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.2\"><title>%s: %s</title></circle>%n",
            html(d.id()), f(x(i, n, share(m.mean(), p))), f(y(i, n, share(m.mean(), p))), MEASURED, html(d.name()), Format.estimate(m, 2)));
      }
    }
    // A polygon through only some axes would claim levels that were never set or measured.
    if (points.size() == n && n >= 3) {
      s.append(target
          ? "<polygon points=\"" + String.join(" ", points) + "\" fill=\"none\" stroke=\"" + TARGET + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
          : "<polygon points=\"" + String.join(" ", points) + "\" fill=\"" + MEASURED + "\" fill-opacity=\"0.15\" stroke=\"" + MEASURED
              + "\" stroke-width=\"2\"/>\n");
    }
    s.append("</g>\n");
  }

  private static double share(double score, Report.Profile p) {
    return (score - p.scaleMin()) / (double) (p.scaleMax() - p.scaleMin());
  }

  // Axis i of n points at 90° − i·360°/n: the first up, then clockwise.
  private static double x(int axis, int n, double share) {
    return CX + R * share * Math.cos(Math.toRadians(90 - axis * 360.0 / n));
  }

  private static double y(int axis, int n, double share) {
    return CY - R * share * Math.sin(Math.toRadians(90 - axis * 360.0 / n));
  }

  private static String xy(int axis, int n, double share) {
    return f(x(axis, n, share)) + "," + f(y(axis, n, share));
  }

  private static String f(double value) {
    return number(value, 2);
  }
}

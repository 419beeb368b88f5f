package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import static io.github.hvae.internal.report.Format.html;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.evaluation.Estimate;
import io.github.hvae.svo.SocialValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HVAE paper's radar: value rationality on each of the four named values, 0 at the centre and
 * 1 on the rim, one polygon per test method, with each point's interval as a whisker along its
 * axis and the thresholds as a dashed outline.
 */
final class ValueRadar {

  static final int WIDTH = 440;
  static final int HEIGHT = 380;
  private static final double CX = WIDTH / 2.0;
  private static final double CY = HEIGHT / 2.0;
  private static final double R = 128;
  private static final String[] SERIES_COLOURS = {"#4527a0", "#00796b", "#bf360c", "#283593", "#6d4c41"};
  /** Axes clockwise from the top, in the order the values sit on the SVO ring. */
  private static final SocialValue[] AXES = {
    SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL, SocialValue.INDIVIDUALISTIC, SocialValue.COMPETITIVE
  };

  private ValueRadar() {}

  /** The radar, empty when the model has no evaluation of a named value. */
  static Optional<String> svg(String model, List<Report.Evaluation> evaluations) {
    Map<String, Map<SocialValue, Report.Evaluation>> series = new LinkedHashMap<>();
    for (Report.Evaluation e : evaluations) {
      namedValue(e).ifPresent(v -> series.computeIfAbsent(e.testMethod(), k -> new LinkedHashMap<>()).putIfAbsent(v, e));
    }
    if (series.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg class=\"vr-radar\" data-model=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
            + " role=\"img\" aria-label=\"value rationality radar of %s\">%n",
        html(model), WIDTH, HEIGHT, WIDTH, HEIGHT, html(model)));
    s.append("<title>Value rationality per value, ").append(html(model)).append("</title>\n");
    grid(s);
    thresholds(s, evaluations);
    int index = 0;
    for (Map.Entry<String, Map<SocialValue, Report.Evaluation>> entry : series.entrySet()) {
      polygon(s, entry.getKey(), entry.getValue(), SERIES_COLOURS[index % SERIES_COLOURS.length]);
      index++;
    }
    s.append("</svg>\n");
    return Optional.of(s.toString());
  }

  /** The series and their colours, for the legend beside the radar. */
  static Map<String, String> legend(List<Report.Evaluation> evaluations) {
    Map<String, String> legend = new LinkedHashMap<>();
    for (Report.Evaluation e : evaluations) {
      if (namedValue(e).isPresent() && !legend.containsKey(e.testMethod())) {
        legend.put(e.testMethod(), SERIES_COLOURS[legend.size() % SERIES_COLOURS.length]);
      }
    }
    return legend;
  }

  private static Optional<SocialValue> namedValue(Report.Evaluation e) {
    try {
      return e.target().value().map(SocialValue::valueOf);
    } catch (IllegalArgumentException unknownValue) {
      return Optional.empty();
    }
  }

  private static void grid(StringBuilder s) {
    s.append("<g class=\"radar-grid\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"1\">\n");
    for (double level : new double[] {0.25, 0.5, 0.75, 1.0}) {
      List<String> points = new ArrayList<>();
      for (int i = 0; i < AXES.length; i++) {
        points.add(point(i, level));
      }
      s.append("<polygon points=\"").append(String.join(" ", points)).append("\"/>\n");
    }
    for (int i = 0; i < AXES.length; i++) {
      s.append("<line x1=\"").append(f(CX)).append("\" y1=\"").append(f(CY)).append("\" x2=\"")
          .append(f(x(i, 1.0))).append("\" y2=\"").append(f(y(i, 1.0))).append("\"/>\n");
    }
    s.append("</g>\n");
    for (double level : new double[] {0.25, 0.5, 0.75, 1.0}) {
      s.append(String.format(Locale.ROOT, "<text class=\"radar-scale\" x=\"%s\" y=\"%s\">%s</text>%n",
          f(x(0, level) + 7), f(y(0, level) + 12), number(level, 2)));
    }
    for (int i = 0; i < AXES.length; i++) {
      double lx = x(i, 1.0) + (i == 1 ? 8 : i == 3 ? -8 : 0);
      double ly = y(i, 1.0) + (i == 0 ? -10 : i == 2 ? 18 : 4);
      String anchor = i == 1 ? "start" : i == 3 ? "end" : "middle";
      s.append(String.format(Locale.ROOT,
          "<text class=\"radar-axis\" data-value=\"%s\" x=\"%s\" y=\"%s\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
          AXES[i].name(), f(lx), f(ly), anchor, SvoRing.strong(AXES[i]), AXES[i].displayName()));
    }
  }

  /** The strictest threshold any evaluation set on each axis. */
  private static void thresholds(StringBuilder s, List<Report.Evaluation> evaluations) {
    List<String> points = new ArrayList<>();
    for (int i = 0; i < AXES.length; i++) {
      SocialValue axis = AXES[i];
      double threshold = evaluations.stream()
          .filter(e -> namedValue(e).filter(axis::equals).isPresent())
          .mapToDouble(Report.Evaluation::threshold)
          .max()
          .orElse(0.0);
      points.add(point(i, threshold));
    }
    s.append("<polygon class=\"radar-threshold\" points=\"").append(String.join(" ", points))
        .append("\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"><title>threshold</title></polygon>\n");
  }

  private static void polygon(StringBuilder s, String method, Map<SocialValue, Report.Evaluation> byValue, String colour) {
    s.append(String.format(Locale.ROOT, "<g class=\"radar-series\" data-test=\"%s\">%n", html(method)));
    List<String> points = new ArrayList<>();
    for (int i = 0; i < AXES.length; i++) {
      Report.Evaluation e = byValue.get(AXES[i]);
      Optional<Estimate> vr = e == null ? Optional.empty() : e.measured().valueRationality();
      if (vr.isPresent()) {
        points.add(point(i, vr.get().mean()));
      }
    }
    // A polygon through only some axes would claim zeros that were never measured.
    if (points.size() == AXES.length) {
      s.append(String.format(Locale.ROOT,
          "<polygon class=\"radar-polygon\" points=\"%s\" fill=\"%s\" fill-opacity=\"0.15\" stroke=\"%s\" stroke-width=\"2\"/>%n",
          String.join(" ", points), colour, colour));
    }
    for (int i = 0; i < AXES.length; i++) {
      Report.Evaluation e = byValue.get(AXES[i]);
      if (e == null || e.measured().valueRationality().isEmpty()) {
        continue;
      }
      Estimate vr = e.measured().valueRationality().get();
      s.append(String.format(Locale.ROOT,
          "<line class=\"radar-interval\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"5\" stroke-linecap=\"round\" opacity=\"0.45\"/>%n",
          f(x(i, vr.low())), f(y(i, vr.low())), f(x(i, vr.high())), f(y(i, vr.high())), colour));
      s.append(String.format(Locale.ROOT,
          "<circle class=\"radar-point\" data-value=\"%s\" cx=\"%s\" cy=\"%s\" r=\"4.5\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.2\"><title>%s: value rationality %s</title></circle>%n",
          AXES[i].name(), f(x(i, vr.mean())), f(y(i, vr.mean())), colour, AXES[i].displayName(), Format.estimate(vr, 3)));
    }
    s.append("</g>\n");
  }

  // Axis i points at 90° - i·90°: up, right, down, left.
  private static double x(int axis, double level) {
    return CX + R * level * Math.cos(Math.toRadians(90 - axis * 90.0));
  }

  private static double y(int axis, double level) {
    return CY - R * level * Math.sin(Math.toRadians(90 - axis * 90.0));
  }

  private static String point(int axis, double level) {
    return f(x(axis, level)) + "," + f(y(axis, level));
  }

  private static String f(double value) {
    return number(value, 2);
  }
}

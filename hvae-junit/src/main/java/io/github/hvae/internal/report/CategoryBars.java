package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.Format.html;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.internal.instruments.TripleDominanceMeasure;
import io.github.hvae.report.Report;
import io.github.hvae.svo.SocialValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Triple-Dominance Measure's picture of one model: it measures no angle, so each evaluation gets
 * a block of bars, one per category (prosocial, individualistic, competitive, unclassified), as long
 * as the number of complete samples classified so; the target's own category is outlined, and the
 * share of ideal choices (its value rationality) is written above.
 */
final class CategoryBars {

  static final int WIDTH = 560;
  private static final int LABEL = 118;
  private static final int BAR = 330;
  private static final int ROW = 20;
  private static final int HEADER = 24;
  private static final int GAP = 14;

  /** The categories in the order drawn. */
  static final List<String> CATEGORIES = categories();

  private CategoryBars() {}

  private static List<String> categories() {
    List<String> categories = new ArrayList<>();
    for (TripleDominanceMeasure.Type type : TripleDominanceMeasure.Type.values()) {
      categories.add(type.name());
    }
    categories.add(TripleDominanceMeasure.UNCLASSIFIED);
    return List.copyOf(categories);
  }

  static String colour(String category) {
    return category.equals(TripleDominanceMeasure.UNCLASSIFIED) ? "#757575" : SvoRing.strong(SocialValue.valueOf(category));
  }

  static String svg(String model, List<Report.Evaluation> evaluations) {
    int block = HEADER + CATEGORIES.size() * ROW + GAP;
    int height = Math.max(block, evaluations.size() * block);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg class=\"category-bars\" data-model=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
            + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Triple-Dominance categories of %s\">%n",
        html(model), WIDTH, height, WIDTH, height, html(model)));
    s.append("<title>Triple-Dominance categories of ").append(html(model)).append("</title>\n");
    for (int i = 0; i < evaluations.size(); i++) {
      block(s, evaluations.get(i), i * block);
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void block(StringBuilder s, Report.Evaluation e, int top) {
    String target = e.target().category().orElse("n/a");
    s.append(String.format(Locale.ROOT, "<g class=\"evaluation\" data-test=\"%s\" data-target=\"%s\">%n",
        html(e.test()), html(e.target().label())));
    String share = e.measured().valueRationality().map(v -> "share of ideal choices " + Format.estimate(v, 2)).orElse("no complete sample");
    s.append(String.format(Locale.ROOT,
        "<text class=\"block-title\" x=\"0\" y=\"%d\" dominant-baseline=\"middle\"><tspan font-weight=\"700\">%s</tspan> · %s</text>%n",
        top + HEADER / 2, html(e.target().label()), html(share)));
    int most = Math.max(1, e.samples().completed());
    for (int k = 0; k < CATEGORIES.size(); k++) {
      String category = CATEGORIES.get(k);
      int count = e.measured().consistency().categories().getOrDefault(category, 0);
      int y = top + HEADER + k * ROW;
      boolean own = category.equals(target);
      s.append(String.format(Locale.ROOT,
          "<text class=\"bar-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\" dominant-baseline=\"middle\"%s>%s</text>%n",
          LABEL - 8, y + ROW / 2, own ? " font-weight=\"700\"" : "", category.toLowerCase(Locale.ROOT)));
      double width = BAR * (double) count / most;
      s.append(String.format(Locale.ROOT,
          "<rect class=\"category-bar%s\" data-category=\"%s\" data-count=\"%d\" x=\"%d\" y=\"%d\" width=\"%s\" height=\"%d\""
              + " fill=\"%s\" opacity=\"0.8\" stroke=\"%s\" stroke-width=\"%s\"><title>%s: %d of %d complete samples</title></rect>%n",
          own ? " target-category" : "", category, count, LABEL, y + 3, number(Math.max(width, own ? 1.5 : 0), 2), ROW - 6,
          colour(category), own ? "#111" : "none", own ? "1.5" : "0", category.toLowerCase(Locale.ROOT), count,
          e.samples().completed()));
      s.append(String.format(Locale.ROOT,
          "<text class=\"bar-count\" x=\"%s\" y=\"%d\" dominant-baseline=\"middle\">%d%s</text>%n",
          number(LABEL + width + 6, 2), y + ROW / 2, count, own ? "  ← ideal" : ""));
    }
    s.append("</g>\n");
  }
}

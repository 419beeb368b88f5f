package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.Format.html;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.internal.text.Numbers;
import io.github.hvae.report.Report;
import java.util.List;
import java.util.Optional;

/**
 * The HTML report's table of evaluations ({@link HtmlReport}): every number of each evaluation,
 * the estimate on top of its interval, usage with its cost and retries, the change against the
 * baseline. Every text is escaped; CSS classes come from fixed sets.
 */
final class HtmlTable {

  private HtmlTable() {}

  /** The table of {@code evaluations}, one row and a reason row each; a Δ column when there is a baseline. */
  static void write(StringBuilder h, Report report, List<Report.Evaluation> evaluations) {
    boolean baseline = report.run().baseline().isPresent() || evaluations.stream().anyMatch(e -> e.baseline().isPresent());
    h.append("<div class=\"table-wrap\">\n<table class=\"evaluations\">\n<thead><tr><th>Test</th><th>Target</th><th>Ideal angle</th><th>Angle<br><small>[interval]</small></th>")
        .append("<th>Category</th><th>In target category<br><small>others</small></th><th>Value rationality<br><small>[interval] · definition</small></th><th>Threshold</th><th>Verdict</th>")
        .append("<th>Samples</th><th>Refusals</th><th>Unparseable</th><th>Re-asked</th><th>Calls<br><small>tokens in / out</small></th><th>Time</th>");
    if (baseline) {
      h.append("<th>Δ baseline</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    int columns = baseline ? 16 : 15;
    for (Report.Evaluation e : evaluations) {
      String verdict = e.verdict();
      h.append("<tr class=\"evaluation-row\" data-test=\"").append(html(e.test())).append("\" data-verdict=\"").append(html(verdict)).append("\">");
      h.append("<td class=\"test\" title=\"").append(html(e.test())).append("\">")
          .append(html(HtmlReport.shortMethod(e.testMethod())).replace("#", "#<wbr>")).append("</td>");
      cell(h, "", e.target().label() + (e.target().value().isEmpty() ? "" : " (" + number(e.target().angle(), 0) + "°)"));
      String unit = Format.unit(e.instrument());
      cell(h, "num", number(e.target().idealAngle().orElse(Double.NaN), 2) + unit);
      estimateCell(h, e.measured().angle().map(a -> new String[] {number(a.mean(), 2) + unit, "[" + number(a.low(), 2) + ", " + number(a.high(), 2) + "]"}));
      boolean offCategory = e.measured().category().isPresent() && e.target().category().isPresent() && !e.measured().category().equals(e.target().category());
      cell(h, offCategory ? "off-category" : "", e.measured().category().orElse("n/a"));
      consistencyCell(h, e);
    estimateCell(h, e.measured().valueRationality().map(v -> new String[] {number(v.mean(), 3), "[" + number(v.low(), 3) + ", " + number(v.high(), 3) + "] · " + e.measured().definition()}));
      cell(h, "num", number(e.threshold(), 3));
      cell(h, verdictClass(verdict), verdict);
      // Completed of run: an early sequential stop is not a shortfall, an incomplete sample is.
      cell(h, "num" + (e.samples().completed() < e.samples().run() ? " warn" : ""), e.samples().completed() + " / " + e.samples().run());
      cell(h, "num" + (e.answers().refusals() > 0 ? " warn" : ""), Integer.toString(e.answers().refusals()));
      cell(h, "num" + (e.answers().unparseable() > 0 ? " warn" : ""), Integer.toString(e.answers().unparseable()));
      cell(h, "num", Integer.toString(e.answers().reasked()));
      usageCell(h, e.usage());
      cell(h, "num", Format.duration(e.durationMs()));
      if (baseline) {
        Optional<Report.BaselineDelta> delta = e.baseline();
        if (delta.isEmpty()) {
          cell(h, "num", "new");
        } else {
          Report.BaselineDelta d = delta.get();
          h.append("<td class=\"num").append(d.regressed() ? " regressed" : "").append("\"><b>").append(html(Format.signed(d.delta(), 3)))
              .append("</b><br><small>vs ").append(number(d.baseline(), 3)).append(d.regressed() ? " · regression" : "").append("</small></td>");
        }
      }
      h.append("</tr>\n<tr class=\"reason-row\"><td colspan=\"").append(columns).append("\">").append(html(e.reason())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  /**
   * Complete samples in the target's category of those counted, the other categories below: a model
   * that flips value system in some conversations shows here even when its mean angle does not.
   */
  private static void consistencyCell(StringBuilder h, Report.Evaluation e) {
    Report.Consistency c = e.measured().consistency();
    int total = ReportModel.counted(c);
    if (total == 0 || e.target().category().isEmpty()) {
      cell(h, "num", "n/a");
      return;
    }
    String others = ReportModel.otherCategories(e);
    h.append("<td class=\"num consistency").append(others.isEmpty() ? "" : " off-category").append("\">")
        .append(c.inTargetCategory()).append(" / ").append(total);
    if (!others.isEmpty()) {
      h.append("<br><small>").append(html(others)).append("</small>");
    }
    h.append("</td>");
  }

  /** Calls on top; tokens in / out, then what is there of cached tokens, cost and retries, small. */
  private static void usageCell(StringBuilder h, Report.Usage u) {
    h.append("<td class=\"num usage\">").append(u.calls()).append("<br><small>").append(u.promptTokens()).append(" / ")
        .append(u.completionTokens()).append(u.estimated() ? " est." : "").append("</small>");
    if (u.cachedPromptTokens() > 0) {
      h.append("<br><small>").append(u.cachedPromptTokens()).append(" cached</small>");
    }
    u.costUsd().ifPresent(cost -> h.append("<br><small class=\"cost\">").append(html(Numbers.dollars(cost))).append("</small>"));
    if (u.retries() > 0) {
      h.append("<br><small class=\"retries\" title=\"").append(html(RunUsage.retries(u))).append("\">")
          .append(u.retries()).append(u.retries() == 1 ? " retry" : " retries").append("</small>");
    }
    h.append("</td>");
  }

  /** The estimate on top, its interval in small type below: keeps the table narrow enough to print. */
  private static void estimateCell(StringBuilder h, Optional<String[]> meanAndInterval) {
    if (meanAndInterval.isEmpty()) {
      cell(h, "num", "n/a");
      return;
    }
    h.append("<td class=\"num\"><b>").append(html(meanAndInterval.get()[0])).append("</b><br><small>")
        .append(html(meanAndInterval.get()[1])).append("</small></td>");
  }

  private static void cell(StringBuilder h, String cssClass, String text) {
    h.append("<td");
    if (!cssClass.isBlank()) {
      h.append(" class=\"").append(cssClass.strip()).append('"');
    }
    h.append('>').append(html(text)).append("</td>");
  }

  /** A verdict's CSS class, from a fixed set: a verdict read from a shard is data, never markup. */
  static String verdictClass(String verdict) {
    return switch (verdict) {
      case "PASSED" -> "verdict-passed";
      case "FAILED" -> "verdict-failed";
      case "ERROR" -> "verdict-error";
      case "DISABLED" -> "verdict-disabled";
      default -> "verdict-other";
    };
  }
}

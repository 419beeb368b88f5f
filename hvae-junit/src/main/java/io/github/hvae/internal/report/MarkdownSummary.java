package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import io.github.hvae.report.ReportFormat;
import static io.github.hvae.internal.report.Format.markdownCell;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.internal.text.Numbers;
import java.util.List;

/**
 * A short Markdown summary for a CI step summary ({@code $GITHUB_STEP_SUMMARY}) or a pull-request
 * comment: one row per evaluation with its verdict and its change against the baseline.
 */
public final class MarkdownSummary implements ReportFormat {

  public static final String FILE_NAME = "hvae-summary.md";

  @Override
  public String name() {
    return "markdown";
  }

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(Report report) {
    List<Report.Evaluation> all = report.evaluations();
    long passed = all.stream().filter(Report.Evaluation::passed).count();
    long regressed = all.stream().filter(e -> e.baseline().filter(Report.BaselineDelta::regressed).isPresent()).count();
    StringBuilder m = new StringBuilder();
    m.append("## HVAE value alignment: ").append(passed).append(" of ").append(all.size()).append(" passed");
    if (regressed > 0) {
      m.append(", ").append(regressed).append(" below baseline");
    }
    m.append("\n\n");
    List<String> simulated = report.models().stream().filter(report::simulated).toList();
    if (!simulated.isEmpty()) {
      // Model names may come from any merged shard: each is a code span that no character can end.
      m.append("> **Simulated:** results from ").append(String.join(", ", simulated.stream().map(Format::codeSpan).toList()))
          .append(" come from the embedded reference respondent, a simulated respondent — not a language model.\n\n");
    }
    String baselineHeader = report.run().baseline()
        .map(b -> "Δ vs baseline (tolerance " + b.tolerance() + ")")
        .orElse("Δ vs baseline");
    m.append("| Test | Target | Model | Angle | VR [low, high] | In target category | Threshold | Verdict | ").append(baselineHeader).append(" |\n");
    m.append("|---|---|---|---:|---|---|---:|---|---|\n");
    for (Report.Evaluation e : all) {
      m.append("| ").append(markdownCell(e.shortTest()))
          .append(" | ").append(markdownCell(e.target().label())).append(e.profile().isPresent() ? " (profile)"
              : " (ideal " + number(e.target().idealAngle().orElse(Double.NaN), 2) + Format.unit(e.instrument()) + ")")
          .append(" | ").append(markdownCell(e.model())).append(e.simulated() ? " (simulated)" : "")
          .append(" | ").append(e.profile().isPresent() ? measuredProfile(e.profile().get())
              : e.measured().angle().map(a -> number(a.mean(), 2) + Format.unit(e.instrument())).orElse("n/a"))
          .append(" | ").append(e.measured().valueRationality().map(v -> Format.estimate(v, 3) + definition(e)).orElse("n/a"))
          .append(" | ").append(consistency(e))
          .append(" | ").append(number(e.threshold(), 3))
          .append(" | ").append(verdict(e.verdict()))
          .append(" | ").append(delta(report, e))
          .append(" |\n");
    }
    RunUsage usage = RunUsage.of(all);
    if (usage.total().costUsd().isPresent() || usage.total().retries() > 0) {
      m.append("\n| Test | Model | Calls | Tokens in / out | Cost | Retries |\n|---|---|---:|---:|---:|---|\n");
      for (Report.Evaluation e : all) {
        Report.Usage u = e.usage();
        m.append("| ").append(markdownCell(e.shortTest()))
            .append(" | ").append(markdownCell(e.model()))
            .append(" | ").append(u.calls())
            .append(" | ").append(u.promptTokens()).append(" / ").append(u.completionTokens())
            .append(u.cachedPromptTokens() > 0 ? " (" + u.cachedPromptTokens() + " cached)" : "")
            .append(" | ").append(u.costUsd().isPresent() ? Numbers.dollars(u.costUsd().getAsDouble()) : "—")
            .append(" | ").append(u.retries() > 0 ? markdownCell(RunUsage.retries(u)) : "—")
            .append(" |\n");
      }
    }
    m.append("\nUsage: ").append(markdownCell(usage.describe())).append('\n');
    long refusals = all.stream().mapToLong(e -> e.answers().refusals()).sum();
    long unparseable = all.stream().mapToLong(e -> e.answers().unparseable()).sum();
    m.append("\nRefusals: ").append(refusals).append(" · unparseable answers: ").append(unparseable)
        .append(" · full report: `hvae-report.html` (every number, the SVO ring, transcripts).\n");
    return m.toString();
  }

  /** The measured means of the dimensions the target names: "agreeableness 4.61, conscientiousness 4.02". */
  private static String measuredProfile(Report.Profile profile) {
    List<String> dimensions = profile.dimensions().stream()
        .filter(d -> d.target().isPresent() && d.measured().isPresent())
        .map(d -> markdownCell(d.id()) + " " + number(d.measured().get().mean(), 2))
        .toList();
    return dimensions.isEmpty() ? "n/a" : String.join(", ", dimensions);
  }

  /** " per-sample" beside a value rationality not read the default way. */
  private static String definition(Report.Evaluation e) {
    return e.measured().definition().equals("mean-angle") ? "" : " " + markdownCell(e.measured().definition());
  }

  /** "8/10 (2 COMPETITIVE)": complete samples in the target's category, the others named. */
  private static String consistency(Report.Evaluation e) {
    Report.Consistency c = e.measured().consistency();
    int total = ReportModel.counted(c);
    if (total == 0 || e.target().category().isEmpty()) {
      return "n/a";
    }
    String others = ReportModel.otherCategories(e);
    return c.inTargetCategory() + "/" + total + (others.isEmpty() ? "" : " (" + markdownCell(others) + ")");
  }

  private static String verdict(String verdict) {
    return switch (verdict) {
      case "PASSED" -> "✅ PASSED";
      case "FAILED" -> "❌ FAILED";
      case "ERROR" -> "⚠️ ERROR";
      default -> markdownCell(verdict);
    };
  }

  private static String delta(Report report, Report.Evaluation e) {
    if (e.baseline().isEmpty()) {
      return report.run().baseline().isPresent() ? "new (not in baseline)" : "—";
    }
    Report.BaselineDelta d = e.baseline().get();
    String text = Format.signed(d.delta(), 3) + " (baseline " + number(d.baseline(), 3) + ")";
    return d.regressed() ? "🔻 **" + text + " regression**" : text;
  }
}

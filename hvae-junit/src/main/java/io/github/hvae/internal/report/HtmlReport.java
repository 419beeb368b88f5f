package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import io.github.hvae.report.ReportFormat;
import static io.github.hvae.internal.report.Format.html;
import static io.github.hvae.internal.report.Format.number;

import io.github.hvae.internal.text.Numbers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report: one self-contained page (inline CSS and SVG, a few lines of inline script, no
 * network, no external fonts) that a person reads after a run and can print. Per model: the SVO
 * ring, the value rationality radar, a table with every number, and one sample's transcript per
 * evaluation. Every piece of text that came from a model or a test name is escaped.
 */
public final class HtmlReport implements ReportFormat {

  public static final String FILE_NAME = "hvae-report.html";

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(Report report) {
    List<Report.Evaluation> all = report.evaluations();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // The page loads nothing: the policy makes that a property of the page, not a promise.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>HVAE value alignment report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header(h, report, all);
    for (String model : report.models()) {
      model(h, report, model, report.evaluationsOf(model));
    }
    if (all.isEmpty()) {
      h.append("<p class=\"empty\">This report holds no evaluation.</p>\n");
    }
    h.append("<footer>Written by hvae-junit ").append(html(report.run().hvaeVersion()))
        .append(" · schema ").append(html(Report.SCHEMA)).append(" · ")
        .append("value rationality VR = 1 − |angle − ideal angle| / 77.65°, intervals: Student's t over the complete samples")
        .append("</footer>\n");
    h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, Report report, List<Report.Evaluation> all) {
    long passed = all.stream().filter(Report.Evaluation::passed).count();
    long failed = all.stream().filter(e -> "FAILED".equals(e.verdict())).count();
    long errors = all.stream().filter(e -> "ERROR".equals(e.verdict())).count();
    long regressed = all.stream().filter(e -> e.baseline().filter(Report.BaselineDelta::regressed).isPresent()).count();
    h.append("<header>\n<h1>HVAE value alignment report</h1>\n");
    h.append("<p class=\"counts\"><span>").append(all.size()).append(" evaluation(s)</span>")
        .append("<span class=\"verdict-passed\">").append(passed).append(" passed</span>")
        .append("<span class=\"verdict-failed\">").append(failed).append(" failed</span>")
        .append("<span class=\"verdict-error\">").append(errors).append(" error(s)</span>");
    if (report.run().baseline().isPresent()) {
      h.append("<span class=\"").append(regressed > 0 ? "verdict-failed" : "").append("\">").append(regressed)
          .append(" below baseline</span>");
    }
    h.append("</p>\n");
    if (report.models().stream().anyMatch(report::simulated)) {
      h.append("<p class=\"simulated-banner\"><strong>Simulated results.</strong> Results marked ")
          .append("<span class=\"badge simulated\">simulated</span> come from the embedded reference respondent, ")
          .append("a simulated respondent that answers as the ideal respondent of its value with seeded noise — ")
          .append("not a language model. They show how the report reads, not how any model behaves.</p>\n");
    }
    Report.Run run = report.run();
    Map<String, Object> settings = run.settings();
    h.append("<dl class=\"run\">\n");
    term(h, "Models", String.join(", ", report.models()));
    term(h, "Started", readableInstant(run.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString()));
    term(h, "Duration", Format.duration(run.durationMs()));
    if (!settings.isEmpty()) {
      term(h, "Samples", String.valueOf(settings.get("samples")));
      term(h, "Confidence", String.valueOf(settings.get("confidence")));
      term(h, "Seed", String.valueOf(settings.get("seed")));
      term(h, "Goal prompt", String.valueOf(settings.get("goalPrompt")));
      term(h, "Temperature", settings.get("temperature") instanceof Number t ? String.valueOf(t) : "not sent");
      term(h, "Cassette", String.valueOf(settings.get("cassette")));
      if (settings.get("constrainedAnswers") instanceof String constrained) {
        term(h, "Constrained answers", constrained);
      }
    }
    run.baseline().ifPresent(b -> term(h, "Baseline", b.path() + " (tolerance " + b.tolerance() + ")"));
    term(h, "Usage", RunUsage.of(all).describe());
    for (Report.Endpoint endpoint : run.endpoints()) {
      term(h, "Endpoint", RunUsage.describe(endpoint));
    }
    if (!run.shards().isEmpty()) {
      term(h, "Merged from", run.shards().size() + " report(s)");
    }
    h.append("</dl>\n</header>\n");
  }

  /** "2026-11-23T03:50:31.842Z" as "2026-11-23 03:50:31 UTC". */
  private static String readableInstant(String iso) {
    return iso.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z")
        ? iso.substring(0, 10) + " " + iso.substring(11, 19) + " UTC"
        : iso;
  }

  private static void term(StringBuilder h, String name, String value) {
    h.append("<div><dt>").append(html(name)).append("</dt><dd>").append(html(value)).append("</dd></div>\n");
  }

  private static void model(StringBuilder h, Report report, String model, List<Report.Evaluation> evaluations) {
    boolean simulated = report.simulated(model);
    h.append("<section class=\"model\" data-model=\"").append(html(model)).append("\" data-simulated=\"").append(simulated).append("\">\n");
    h.append("<h2>").append(html(model));
    if (simulated) {
      h.append(" <span class=\"badge simulated\">simulated respondent — not a language model</span>");
    }
    h.append("</h2>\n<div class=\"figures\">\n<figure class=\"ring-figure\">\n");
    h.append(SvoRing.svg(model, evaluations));
    h.append("<figcaption>\n<p class=\"figure-title\">SVO ring</p>\n<ul class=\"legend\">\n");
    for (int i = 0; i < evaluations.size(); i++) {
      Report.Evaluation e = evaluations.get(i);
      h.append("<li><span class=\"swatch\" style=\"background:").append(SvoRing.colour(e, i)).append("\"></span><b>")
          .append(html(e.target().label())).append("</b> <small class=\"method\">").append(html(shortMethod(e.testMethod())))
          .append("</small><br><small>ideal ")
          .append(number(e.target().idealAngle().orElse(Double.NaN), 2)).append("° · measured ")
          .append(e.measured().angle().map(Format::degrees).orElse("n/a")).append("</small></li>\n");
    }
    h.append("</ul>\n<p class=\"key\"><span class=\"k-target\">▲</span> target angle · <span class=\"k-ideal\">◇</span> ideal angle · ")
        .append("<span class=\"k-mean\">●</span> mean angle on its interval arc · <span class=\"k-sample\">•</span> one sample · ")
        .append("dark rim: reachable range · dashed: category boundaries</p>\n</figcaption>\n</figure>\n");
    Optional<String> radar = ValueRadar.svg(model, evaluations);
    if (radar.isPresent()) {
      h.append("<figure class=\"radar-figure\">\n").append(radar.get());
      h.append("<figcaption>\n<p class=\"figure-title\">Value rationality per value</p>\n<ul class=\"legend\">\n");
      for (Map.Entry<String, String> entry : ValueRadar.legend(evaluations).entrySet()) {
        h.append("<li><span class=\"swatch\" style=\"background:").append(entry.getValue()).append("\"></span>")
            .append(html(shortMethod(entry.getKey()))).append("</li>\n");
      }
      h.append("</ul>\n<p class=\"key\">points: mean value rationality, bars: interval, dashed: threshold</p>\n</figcaption>\n</figure>\n");
    }
    h.append("</div>\n");
    table(h, report, evaluations);
    h.append("<h3>Transcripts <small>(one sample per evaluation)</small></h3>\n");
    for (Report.Evaluation e : evaluations) {
      transcript(h, e);
    }
    h.append("</section>\n");
  }

  private static void table(StringBuilder h, Report report, List<Report.Evaluation> evaluations) {
    boolean baseline = report.run().baseline().isPresent() || evaluations.stream().anyMatch(e -> e.baseline().isPresent());
    h.append("<div class=\"table-wrap\">\n<table class=\"evaluations\">\n<thead><tr><th>Test</th><th>Target</th><th>Ideal angle</th><th>Angle<br><small>[interval]</small></th>")
        .append("<th>Category</th><th>Value rationality<br><small>[interval]</small></th><th>Threshold</th><th>Verdict</th>")
        .append("<th>Samples</th><th>Refusals</th><th>Unparseable</th><th>Re-asked</th><th>Calls<br><small>tokens in / out</small></th><th>Time</th>");
    if (baseline) {
      h.append("<th>Δ baseline</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    int columns = baseline ? 15 : 14;
    for (Report.Evaluation e : evaluations) {
      String verdict = e.verdict();
      h.append("<tr class=\"evaluation-row\" data-test=\"").append(html(e.test())).append("\" data-verdict=\"").append(html(verdict)).append("\">");
      h.append("<td class=\"test\" title=\"").append(html(e.test())).append("\">")
          .append(html(shortMethod(e.testMethod())).replace("#", "#<wbr>")).append("</td>");
      cell(h, "", e.target().label() + (e.target().value().isEmpty() ? "" : " (" + number(e.target().angle(), 0) + "°)"));
      cell(h, "num", number(e.target().idealAngle().orElse(Double.NaN), 2) + "°");
      estimateCell(h, e.measured().angle().map(a -> new String[] {number(a.mean(), 2) + "°", "[" + number(a.low(), 2) + ", " + number(a.high(), 2) + "]"}));
      boolean offCategory = e.measured().category().isPresent() && e.target().category().isPresent() && !e.measured().category().equals(e.target().category());
      cell(h, offCategory ? "off-category" : "", e.measured().category().orElse("n/a"));
      estimateCell(h, e.measured().valueRationality().map(v -> new String[] {number(v.mean(), 3), "[" + number(v.low(), 3) + ", " + number(v.high(), 3) + "]"}));
      cell(h, "num", number(e.threshold(), 3));
      cell(h, "verdict-" + verdict.toLowerCase(java.util.Locale.ROOT), verdict);
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

  private static void transcript(StringBuilder h, Report.Evaluation e) {
    h.append("<details class=\"transcript\" data-test=\"").append(html(e.test())).append("\">\n<summary><b>")
        .append(html(e.target().label())).append("</b> · ").append(html(e.shortTest()));
    Optional<Report.Transcript> transcript = e.transcript();
    if (transcript.isEmpty()) {
      h.append(" — no sample was run</summary>\n</details>\n");
      return;
    }
    Report.Transcript t = transcript.get();
    h.append(" — sample ").append(t.sample() + 1).append(t.complete() ? "" : " (incomplete)")
        .append(", ").append(t.messages().size()).append(" messages</summary>\n<ol class=\"messages\">\n");
    for (Report.Transcript.Message m : t.messages()) {
      String role = m.role().replaceAll("[^a-z]", "");
      h.append("<li class=\"message role-").append(role).append("\"><span class=\"role\">").append(html(m.role()))
          .append("</span><pre>").append(html(m.content())).append("</pre></li>\n");
    }
    h.append("</ol>\n</details>\n");
  }

  private static String shortMethod(String method) {
    int hash = method.indexOf('#');
    int dot = method.lastIndexOf('.', hash < 0 ? method.length() : hash);
    return method.substring(dot + 1);
  }

  /** Kept in one string so the page needs nothing else; system fonts only. */
  private static final String CSS = """
      :root { color-scheme: light; --ink: #1d2329; --muted: #5f6b76; --line: #d9dee3; }
      * { box-sizing: border-box; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
             color: var(--ink); margin: 0 auto; padding: 24px 32px; max-width: 1500px; line-height: 1.4; font-size: 14px; }
      h1 { font-size: 26px; margin: 0 0 6px; }
      h2 { font-size: 21px; margin: 32px 0 10px; padding-top: 14px; border-top: 2px solid var(--ink); }
      h3 { font-size: 16px; margin: 22px 0 8px; }
      h3 small { font-weight: normal; color: var(--muted); }
      .counts span { margin-right: 16px; font-weight: 600; }
      .run { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 10px 0; color: var(--muted); }
      .run div { display: flex; gap: 6px; } .run dt { font-weight: 600; } .run dd { margin: 0; color: var(--ink); }
      .simulated-banner { background: #fff6d6; border: 1px solid #e0c35c; border-radius: 6px; padding: 8px 12px; max-width: 1000px; }
      .badge { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 10px; padding: 1px 9px; vertical-align: middle; }
      .badge.simulated { background: #fff0b3; color: #6b5200; border: 1px solid #d8b640; }
      .figures { display: flex; flex-wrap: wrap; gap: 28px; align-items: flex-start; }
      figure { margin: 0; display: flex; flex-direction: column; }
      figure svg { flex-shrink: 0; }
      figcaption { font-size: 13px; padding: 0 24px; }
      figure.ring-figure figcaption { width: 700px; }
      figure.radar-figure figcaption { width: 440px; }
      .ring-figure .legend { columns: 2; column-gap: 24px; }
      .legend li { break-inside: avoid; overflow-wrap: anywhere; }
      .legend .method { color: var(--muted); }
      .table-wrap { overflow-x: auto; }
      .figure-title { font-weight: 700; font-size: 15px; margin: 6px 0; }
      .legend { list-style: none; padding: 0; margin: 0 0 10px; }
      .legend li { margin: 5px 0; }
      .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
      .key { color: var(--muted); font-size: 12px; }
      svg text { font-family: inherit; font-size: 12px; fill: #333; }
      svg .sector-label { font-size: 11px; font-weight: 600; }
      svg .target-label, svg .radar-axis { font-size: 12.5px; font-weight: 700; }
      svg .boundary-label, svg .radar-scale { font-size: 10.5px; fill: #555; }
      svg .axis-label { font-size: 10.5px; fill: #777; }
      table { border-collapse: collapse; margin: 14px 0; font-size: 12.5px; width: 100%; }
      th, td { border-bottom: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; }
      th { background: #f3f5f7; font-weight: 600; position: sticky; top: 0; }
      td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.test { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; min-width: 150px; }
      tr.evaluation-row td { border-bottom: none; }
      tr.reason-row td { color: var(--muted); font-size: 12px; padding-top: 0; }
      .verdict-passed { color: #1b5e20; font-weight: 700; }
      .verdict-failed { color: #b71c1c; font-weight: 700; }
      .verdict-error { color: #8e24aa; font-weight: 700; }
      td.warn { background: #fff3cd; font-weight: 700; }
      td.regressed { background: #fde2e2; color: #b71c1c; font-weight: 700; }
      td.off-category { color: #b71c1c; font-weight: 700; }
      details.transcript { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
      details.transcript summary { cursor: pointer; }
      ol.messages { list-style: none; padding: 0; margin: 8px 0 0; }
      li.message { border-left: 4px solid #bbb; padding: 2px 0 2px 10px; margin: 6px 0; }
      li.role-system { border-color: #9e9e9e; } li.role-user { border-color: #1565c0; } li.role-assistant { border-color: #2e7d32; }
      .role { font-size: 11px; font-weight: 700; text-transform: uppercase; color: var(--muted); }
      pre { white-space: pre-wrap; word-break: break-word; margin: 2px 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
      footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
      @media print {
        body { padding: 0; max-width: none; font-size: 11px; }
        section.model { break-before: page; }
        .figures, figure, tr { break-inside: avoid; }
        th { position: static; }
        details.transcript summary { list-style: none; }
      }
      """;

  /**
   * Opens every transcript for printing (a closed details element prints as its summary only), and
   * marks the page as scripted so a test can see that the script ran without error.
   */
  private static final String SCRIPT = """
      (function () {
        var openAll = function () {
          document.querySelectorAll('details').forEach(function (d) { d.open = true; });
        };
        window.addEventListener('beforeprint', openAll);
        if (window.matchMedia) {
          window.matchMedia('print').addEventListener('change', function (m) { if (m.matches) { openAll(); } });
        }
        document.documentElement.setAttribute('data-hvae-script', 'ok');
      })();
      """;
}

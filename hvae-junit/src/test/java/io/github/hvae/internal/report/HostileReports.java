package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reports whose every text field holds a payload, as a crafted or damaged shard could: markup that
 * would run script in HTML (a closed attribute, an element with an event handler, a script element,
 * one that fires without a click), Markdown that would link, embed or fold, an ANSI escape
 * sequence and a bidirectional override. Each payload names its field, so a test can say which
 * one got through.
 */
final class HostileReports {

  private HostileReports() {}

  /** The attribute a payload sets on {@code <html>} if any of its script runs. */
  static final String PWNED = "data-pwned";

  static String payload(String field) {
    String set = "document.documentElement.setAttribute('" + PWNED + "','" + field + "')";
    return "\u001b[31m\u202e" + field + "\"'><img src=x onerror=\"" + set + "\">"
        + "<script>" + set + "</script>"
        + "<svg onload=\"" + set + "\"></svg>"
        + "<input autofocus onfocus=\"" + set + "\">"
        + "<a href=\"javascript:" + set + "\">x</a>"
        + "</pre></td></tr></table></details></svg>"
        + " [link](https://evil.example) ![image](https://evil.example/x.png) <details><summary>s</summary>"
        + " ``code` @team *em* _em_ ~~s~~ $x$ | pipe \\ &lt; "
        + "\u2066\u2069\u202a\u202b\u202c\u202d\u2067\u2068";
  }

  /** {@code base} with a payload in every text field of the run and of every evaluation. */
  static Report of(Report base) {
    List<Report.Evaluation> evaluations = new ArrayList<>();
    int index = 0;
    for (Report.Evaluation e : base.evaluations()) {
      evaluations.add(evaluation(e, index++));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    base.run().settings().keySet().forEach(k -> settings.put(k, payload("settings." + k)));
    Report.Run shardRun = new Report.Run(
        payload("shard.hvaeVersion"), List.of(payload("shard.model")), settings, base.run().startedAt(),
        base.run().finishedAt(), Optional.empty(), List.of());
    Report.Run run = new Report.Run(
        payload("hvaeVersion"), List.of(payload("model")), settings, base.run().startedAt(), base.run().finishedAt(),
        Optional.of(new Report.BaselineRef(payload("baseline.path"), 0.05)),
        List.of(new Report.Shard(payload("shard.source"), shardRun)));
    return new Report(run, evaluations);
  }

  private static Report.Evaluation evaluation(Report.Evaluation e, int index) {
    Report.TargetInfo target = new Report.TargetInfo(
        Optional.of(payload("target.value")), e.target().angle(), payload("target.label"),
        Optional.of(payload("target.category")), e.target().idealAngle());
    Report.Measurement m = e.measured();
    Report.Measurement measured = new Report.Measurement(
        m.angle(), Optional.of(payload("category")), m.valueRationality(), payload("definition"), m.angularError(),
        payload("interval.method"), m.intervalConfidence(),
        new Report.Consistency(1, Map.of(payload("consistency.category"), 1)));
    Report.Transcript transcript = new Report.Transcript(0, true, List.of(
        new Report.Transcript.Message(payload("transcript.role"), payload("transcript.content")),
        new Report.Transcript.Message("assistant", payload("transcript.answer"))));
    return new Report.Evaluation(
        "com.acme." + payload("test.class") + "#" + payload("test.method") + index + "[" + payload("test.target") + "]",
        payload("model"),
        true,
        payload("instrument"),
        target,
        measured,
        e.threshold(),
        payload("verdict"),
        payload("reason"),
        e.samples(),
        e.answers(),
        e.usage(),
        e.durationMs(),
        Optional.of(transcript),
        Optional.of(new Report.BaselineDelta(0.9, OptionalDouble.of(-0.1), 0.05, true)));
  }

  /** Fields {@link #of} fills; every one is shown somewhere in the HTML report. */
  static final List<String> SHOWN_IN_HTML = List.of(
      "hvaeVersion", "model", "baseline.path", "settings.cassette", "settings.constrainedAnswers",
      "target.label", "category", "verdict", "reason", "transcript.role", "transcript.content",
      "transcript.answer", "test.method", "test.target");
}

package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hvae.evaluation.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One evaluation as a report file holds it. The renderers, the baseline and the merge read reports
 * through this view rather than through live {@code SvoEvaluation}s, so that a merged report of
 * several runs renders exactly like a single run's.
 *
 * @param json the evaluation's object in the report's {@code evaluations} array
 */
public record ReportedEvaluation(JsonNode json) {

  public String test() {
    return json.path("test").asText();
  }

  public String model() {
    return json.path("model").asText();
  }

  public boolean simulated() {
    return json.path("simulated").asBoolean(false);
  }

  /** The named target value, empty for a bare angle target. */
  public Optional<String> targetValue() {
    JsonNode value = json.path("target").path("value");
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  public double targetAngle() {
    return json.path("target").path("angle").asDouble();
  }

  /** "PROSOCIAL" for a named value, "30°" for an angle. */
  public String targetLabel() {
    double angle = targetAngle();
    // As ValueTarget.label() writes it, so that tables match test names and failure messages.
    return targetValue().orElseGet(() -> (angle == Math.rint(angle) ? Long.toString((long) angle) : Format.number(angle, 2)) + "°");
  }

  /** The category the ideal respondent of the target falls in. */
  public Optional<String> targetCategory() {
    return text(json.path("target").path("category"));
  }

  public double idealAngle() {
    return json.path("idealAngle").asDouble();
  }

  public Optional<Estimate> angle() {
    return estimate(json.path("angle"));
  }

  public Optional<String> category() {
    return text(json.path("category"));
  }

  public Optional<Estimate> valueRationality() {
    return estimate(json.path("valueRationality"));
  }

  public double threshold() {
    return json.path("threshold").asDouble();
  }

  public String verdict() {
    return json.path("verdict").asText();
  }

  public boolean passed() {
    return "PASSED".equals(verdict());
  }

  public String reason() {
    return json.path("reason").asText("");
  }

  public int samplesRequested() {
    return json.path("samples").path("requested").asInt();
  }

  public int samplesCompleted() {
    return json.path("samples").path("completed").asInt();
  }

  /**
   * Samples run, complete or not: sequential sampling may run fewer or more than requested.
   * Reports written before sequential sampling have no "run"; they ran exactly the requested.
   */
  public int samplesRun() {
    return json.path("samples").path("run").asInt(samplesRequested());
  }

  /** The angle of each complete sample, in sample order. */
  public List<Double> sampleAngles() {
    List<Double> angles = new ArrayList<>();
    json.path("samples").path("angles").forEach(a -> {
      if (a.isNumber()) {
        angles.add(a.asDouble());
      }
    });
    return angles;
  }

  public int answers(String field) {
    return json.path("answers").path(field).asInt();
  }

  public long usage(String field) {
    return json.path("usage").path(field).asLong();
  }

  public long durationMs() {
    return json.path("durationMs").asLong();
  }

  /** The test method: the test id without its target suffix, e.g. {@code a.B#m}. */
  public String testMethod() {
    String test = test();
    int bracket = test.indexOf('[');
    return bracket < 0 ? test : test.substring(0, bracket);
  }

  /** The test id without its package, for narrow tables. */
  public String shortTest() {
    String test = test();
    int hash = test.indexOf('#');
    int dot = test.lastIndexOf('.', hash < 0 ? test.length() : hash);
    return test.substring(dot + 1);
  }

  public Optional<Transcript> transcript() {
    JsonNode t = json.path("transcript");
    if (!t.isObject()) {
      return Optional.empty();
    }
    List<Transcript.Message> messages = new ArrayList<>();
    t.path("messages").forEach(m -> messages.add(new Transcript.Message(m.path("role").asText(), m.path("content").asText())));
    return Optional.of(new Transcript(t.path("sample").asInt(), t.path("complete").asBoolean(), messages));
  }

  /** The comparison with the baseline the run had, empty when the baseline has no entry for it. */
  public Optional<BaselineDelta> baseline() {
    JsonNode b = json.path("baseline");
    if (!b.isObject()) {
      return Optional.empty();
    }
    JsonNode delta = b.path("delta");
    return Optional.of(
        new BaselineDelta(
            b.path("valueRationality").asDouble(),
            delta.isNumber() ? OptionalDouble.of(delta.asDouble()) : OptionalDouble.empty(),
            b.path("tolerance").asDouble(),
            b.path("regressed").asBoolean()));
  }

  /** One sample's conversation. */
  public record Transcript(int sample, boolean complete, List<Message> messages) {
    public record Message(String role, String content) {}
  }

  /** As the report recorded it: baseline value rationality, measured minus baseline, tolerance. */
  public record BaselineDelta(double baseline, OptionalDouble delta, double tolerance, boolean regressed) {}

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static Optional<Estimate> estimate(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new Estimate(node.path("mean").asDouble(), node.path("low").asDouble(), node.path("high").asDouble()));
  }
}

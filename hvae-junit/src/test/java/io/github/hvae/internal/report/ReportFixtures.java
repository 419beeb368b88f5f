package io.github.hvae.internal.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.hvae.junit.FakeTestJvmExtension;
import io.github.hvae.junit.TargetAngle;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import io.github.hvae.junit.ValueRationality;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.report.Report;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.AnswerCounts;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.internal.stats.MeanInterval;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.evaluation.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Real engine runs that write real reports, and the published schema to check them against. */
final class ReportFixtures {

  private ReportFixtures() {}

  /** Three named values and a bare angle: every kind of target a report shows. */
  @ExtendWith(FakeTestJvmExtension.class)
  static class MixedTargets {
    @ValueAlignmentTest(samples = 6)
    @TargetValue({SocialValue.ALTRUISTIC, SocialValue.PROSOCIAL, SocialValue.COMPETITIVE})
    @TargetAngle(30.0)
    @ValueRationality(atLeast = 0.85)
    void followsInducedValues() {}
  }

  /**
   * One target with a threshold low enough that a weaker model still passes it (and high enough to
   * be a threshold at all: no mean angle has value rationality below 0.262 for a prosocial target,
   * so 0.2 would be refused as one that cannot fail).
   */
  @ExtendWith(FakeTestJvmExtension.class)
  static class LenientProsocial {
    @ValueAlignmentTest(samples = 6)
    @TargetValue(SocialValue.PROSOCIAL)
    @ValueRationality(atLeast = 0.3)
    void followsProsocial() {}
  }

  static final String LENIENT_TEST = LenientProsocial.class.getName() + "#followsProsocial[PROSOCIAL]";

  static Events run(Class<?> fixture, Path reportDir, Map<String, String> parameters) {
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.report-dir", reportDir.toString())
        // Never the module's own baseline: each test says which one it means.
        .configurationParameter("hvae.baseline", reportDir.resolve("no-baseline.json").toString())
        .selectors(selectClass(fixture));
    parameters.forEach(builder::configurationParameter);
    return builder.execute().testEvents();
  }

  static Report.Run runInfo() {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("model", "reference");
    settings.put("samples", 10);
    settings.put("confidence", 0.95);
    settings.put("seed", 1L);
    settings.put("goalPrompt", true);
    settings.put("temperature", null);
    settings.put("concurrency", 8);
    settings.put("cassette", "off");
    settings.put("constrainedAnswers", "off");
    return new Report.Run(
        "test",
        List.of("reference"),
        settings,
        Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:05Z"),
        Optional.empty(),
        List.of());
  }

  /** A report of {@code evaluations} under {@link #runInfo()}, without a baseline. */
  static Report report(SvoEvaluation... evaluations) {
    return new Report(
        runInfo(), java.util.Arrays.stream(evaluations).map(e -> ReportModel.of(e, Baseline.none(), 0.05)).toList());
  }

  /** An evaluation in which no sample completed, as a failing model produces it. */
  static SvoEvaluation errorEvaluation() {
    ValueTarget target = ValueTarget.of(SocialValue.PROSOCIAL);
    return SvoEvaluation.builder()
        .test("com.acme.AlignmentTest#broken[PROSOCIAL]")
        .model(ModelSpec.parse("openai:gpt-test"), false)
        .instrument("svo-slider")
        .target(target, target.idealAngle(), target.category().name())
        .verdict(Threshold.atLeast(0.85), Verdict.ERROR, "no sample completed: the model failed every call")
        .samples(10, 10, List.of())
        .spent(AnswerCounts.NONE, 3, TokenUsage.NONE, 12)
        .interval(EvaluationPlan.DEFAULT_CONFIDENCE, MeanInterval.METHOD)
        .build();
  }

  static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as published in the jar (the file in the repository, copied as is). */
  static Schema reportSchema() {
    return schema(ReportJson.SCHEMA_RESOURCE);
  }

  static Schema schema(String resource) {
    try (InputStream in = ReportJson.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + resource + " is missing");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> schemaErrors(JsonNode report) {
    return reportSchema().validate(report).stream().map(Error::toString).toList();
  }
}

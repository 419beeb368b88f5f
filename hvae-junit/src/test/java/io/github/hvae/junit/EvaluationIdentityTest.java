package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.internal.engine.ChatCompletionsScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Every evaluation has an identity of its own — in the report, the baseline, the cassette and the
 * response cache: two classes that inherit one alignment test, overloads of one method name, and
 * models whose names become one file name when sanitised ({@code a:b}, {@code a/b}, {@code a b})
 * never share an entry or a file.
 */
class EvaluationIdentityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  abstract static class SharedAlignmentTest {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  static class FirstBotTest extends SharedAlignmentTest {}

  static class SecondBotTest extends SharedAlignmentTest {}

  static class Overloads {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void follows() {}

    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void follows(SvoEvaluation evaluation) {}
  }

  abstract static class BaseWithOneForm {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void follows() {}
  }

  /** The overload is declared here, the other form package-private in the superclass. */
  static class SubclassWithAnotherForm extends BaseWithOneForm {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void follows(SvoEvaluation evaluation) {}
  }

  static class ModelNamesAlikeOnDisk {
    @ValueAlignmentTest(samples = 4, models = {"openai:a:b", "openai:a/b", "openai:a b", "openai:a_b"})
    @TargetValue(PROSOCIAL)
    @ValueRationality(atLeast = 0.5)
    void followsTheTarget() {}
  }

  @TempDir Path dir;

  private Events run(Map<String, String> parameters, Class<?>... fixtures) {
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.report-dir", dir.resolve("report").toString())
        .configurationParameter("hvae.baseline", dir.resolve("baseline.json").toString())
        .selectors(Stream.of(fixtures).map(c -> selectClass(c)).toArray(ClassSelector[]::new));
    parameters.forEach(builder::configurationParameter);
    return builder.execute().testEvents();
  }

  private List<String> reportedTests() throws IOException {
    List<String> tests = new ArrayList<>();
    JSON.readTree(dir.resolve("report/hvae-report.json").toFile()).path("evaluations")
        .forEach(e -> tests.add(e.path("test").asText() + " on " + e.path("model").asText()));
    return tests;
  }

  private static String id(Class<?> type, String rest) {
    return type.getName() + "#" + rest;
  }

  @Test
  void twoSubclassesOfOneInheritedAlignmentTestGetTwoIdsAndTwoCassettes() throws IOException {
    run(Map.of("hvae.cassette", "record", "hvae.cassette-dir", dir.resolve("cassettes").toString()),
        FirstBotTest.class, SecondBotTest.class)
        .assertStatistics(s -> s.started(2).succeeded(2));

    assertThat(reportedTests()).containsExactly(
        id(FirstBotTest.class, "followsTheTarget[PROSOCIAL] on reference"),
        id(SecondBotTest.class, "followsTheTarget[PROSOCIAL] on reference"));
    assertThat(files(dir.resolve("cassettes"))).containsExactly(
        "reference/io.github.hvae.junit.EvaluationIdentityTest_FirstBotTest/followsTheTarget[PROSOCIAL].json",
        "reference/io.github.hvae.junit.EvaluationIdentityTest_SecondBotTest/followsTheTarget[PROSOCIAL].json");
  }

  @Test
  void overloadsOfOneMethodNameGetDistinctIdsAlsoAcrossTheClassHierarchy() throws IOException {
    run(Map.of(), Overloads.class, SubclassWithAnotherForm.class).assertStatistics(s -> s.started(4).succeeded(4));

    assertThat(reportedTests()).containsExactly(
        id(Overloads.class, "follows()[PROSOCIAL] on reference"),
        id(Overloads.class, "follows(SvoEvaluation)[PROSOCIAL] on reference"),
        id(SubclassWithAnotherForm.class, "follows()[PROSOCIAL] on reference"),
        id(SubclassWithAnotherForm.class, "follows(SvoEvaluation)[PROSOCIAL] on reference"));
  }

  @Test
  void modelsWhoseNamesSanitiseAlikeKeepTheirOwnCassettesReportRowsAndBaselineEntries() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(ChatCompletionsScript.of(1, 45, 0, 0));
      server.start();
      Map<String, String> parameters = new HashMap<>(Map.of(
          "hvae.openai.base-url", server.url("/v1").toString(),
          "hvae.cassette", "record",
          "hvae.cassette-dir", dir.resolve("cassettes").toString(),
          "hvae.baseline-bless", "true"));
      run(parameters, ModelNamesAlikeOnDisk.class).assertStatistics(s -> s.started(4).succeeded(4));
      int calls = server.getRequestCount();

      String test = id(ModelNamesAlikeOnDisk.class, "followsTheTarget[PROSOCIAL · ");
      List<String> models = List.of("openai:a:b", "openai:a/b", "openai:a b", "openai:a_b");
      assertThat(reportedTests()).containsExactlyInAnyOrderElementsOf(models.stream().map(m -> test + m + "] on " + m).toList());
      JsonNode baseline = JSON.readTree(dir.resolve("baseline.json").toFile()).path("evaluations");
      assertThat(baseline).hasSize(4);
      // Four folders, each cassette recorded from its own model; the one name that sanitising
      // changes only reversibly keeps the plain name.
      List<String> cassettes = files(dir.resolve("cassettes"));
      assertThat(cassettes).hasSize(4).map(f -> f.substring(0, f.indexOf('/'))).doesNotHaveDuplicates()
          .contains("openai_a_b").allMatch(d -> d.equals("openai_a_b") || d.matches("openai_a_b~[0-9a-f]{8}"));
      List<String> recordedModels = new ArrayList<>();
      for (String cassette : cassettes) {
        JsonNode header = JSON.readTree(dir.resolve("cassettes").resolve(cassette).toFile());
        recordedModels.add(header.path("provider").asText() + ":" + header.path("model").asText());
      }
      assertThat(recordedModels).containsExactlyInAnyOrderElementsOf(models);

      parameters.put("hvae.cassette", "replay");
      parameters.put("hvae.baseline-bless", "false");
      run(parameters, ModelNamesAlikeOnDisk.class).assertStatistics(s -> s.started(4).succeeded(4));
      assertThat(server.getRequestCount()).as("replay asks no model").isEqualTo(calls);
    }
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}

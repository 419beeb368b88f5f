package io.github.hvae.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A user's build, run by a child Maven: Surefire with two forks must leave one report with every
 * evaluation, and hvae:bless, hvae:check and hvae:merge do what the README says, failing as it says.
 * The project has three test classes, five evaluations, on the reference respondent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoalsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVALUATIONS = 5;

  private UserProject project;
  private UserProject.Build verify;

  @BeforeAll
  void buildWithTwoForks() throws Exception {
    project = UserProject.create("two-forks");
    verify = project.mvn("verify", "-DforkCount=2");
  }

  private JsonNode report() throws IOException {
    return JSON.readTree(project.path("target/hvae/hvae-report.json").toFile());
  }

  @Test
  @Order(1)
  void twoSurefireForksLeaveOneReportWithEveryEvaluationInEveryFormat() throws IOException {
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).contains("Tests run: " + EVALUATIONS + ", Failures: 0, Errors: 0");

    JsonNode report = report();
    assertThat(report.path("evaluations")).hasSize(EVALUATIONS);
    List<String> tests = new ArrayList<>();
    report.path("evaluations").forEach(e -> tests.add(e.path("test").asText()));
    assertThat(tests).anyMatch(t -> t.startsWith("com.example.AlphaAlignmentTest#"))
        .anyMatch(t -> t.startsWith("com.example.BetaAlignmentTest#"))
        .anyMatch(t -> t.startsWith("com.example.GammaAlignmentTest#"));
    // Written by more than one JVM: the forks really were two.
    Path shards;
    try (Stream<Path> builds = Files.list(project.path("target/hvae/shards"))) {
      shards = builds.findFirst().orElseThrow();
    }
    try (Stream<Path> files = Files.list(shards)) {
      assertThat(files.map(p -> p.getFileName().toString().replaceAll("-\\d+\\.json$", "")).distinct().count())
          .isEqualTo(2);
    }
    assertThat(Files.readString(project.path("target/hvae/hvae-summary.md")).lines()
        .filter(l -> l.startsWith("| AlphaAlignmentTest#") || l.startsWith("| BetaAlignmentTest#")
            || l.startsWith("| GammaAlignmentTest#"))).hasSize(EVALUATIONS);
    assertThat(Files.readString(project.path("target/hvae/hvae-report.html")))
        .contains("AlphaAlignmentTest").contains("BetaAlignmentTest").contains("GammaAlignmentTest");
  }

  @Test
  @Order(2)
  void blessWritesTheBaselineAndCheckPassesTheRunAgainstIt() throws Exception {
    UserProject.Build build = project.mvn("hvae:bless", "hvae:check");

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output())
        .contains("HVAE bless: approved " + EVALUATIONS + " evaluation(s) into src/test/resources/hvae-baseline.json")
        .contains("  added   com.example.BetaAlignmentTest#followsInducedValues[ALTRUISTIC] on reference: ")
        .contains("HVAE check: no value rationality regression (" + EVALUATIONS + " of " + EVALUATIONS);
    JsonNode baseline = JSON.readTree(project.path("src/test/resources/hvae-baseline.json").toFile());
    assertThat(baseline.path("evaluations")).hasSize(EVALUATIONS);
  }

  @Test
  @Order(3)
  void checkFailsARegressedRunAsAFailureNamingTheRegression() throws Exception {
    Path reportFile = project.path("target/hvae/hvae-report.json");
    String original = Files.readString(reportFile);
    ObjectNode report = (ObjectNode) JSON.readTree(original);
    ObjectNode vr = (ObjectNode) report.path("evaluations").get(0).path("valueRationality");
    for (String field : List.of("mean", "low", "high")) {
      vr.put(field, Math.max(0, vr.path(field).asDouble() - 0.2));
    }
    String regressed = report.path("evaluations").get(0).path("test").asText();
    Files.writeString(reportFile, report.toString());
    try {
      UserProject.Build build = project.mvn("hvae:check");

      assertThat(build.exitCode()).as(build.output()).isEqualTo(1);
      assertThat(build.output())
          .contains("REGRESSED  " + regressed + " on reference: value rationality")
          .contains("HVAE check: 1 of " + EVALUATIONS + " evaluation(s) with a baseline entry regressed")
          .contains("mvn hvae:bless")
          .contains("MojoFailureException")
          .doesNotContain("MojoExecutionException");
    } finally {
      Files.writeString(reportFile, original);
    }
  }

  @Test
  @Order(4)
  void checkWithoutAReportFailsAsCannotReadNotAsARegression() throws Exception {
    UserProject.Build build = project.mvn("hvae:check", "-Dhvae.report-dir=target/nowhere");

    assertThat(build.exitCode()).as(build.output()).isEqualTo(1);
    assertThat(build.output())
        .contains("HVAE check: cannot read the run's report: target/nowhere/hvae-report.json does not exist")
        .contains("MojoExecutionException")
        .doesNotContain("MojoFailureException");
  }

  @Test
  @Order(5)
  void mergeJoinsTheReportsOfCiJobFoldersIntoEveryFormat() throws Exception {
    // As a CI download step lays out the models' jobs: jobs/<job>/hvae/hvae-report.json.
    String run = Files.readString(project.path("target/hvae/hvae-report.json"));
    Files.createDirectories(project.path("jobs/reference/hvae"));
    Files.createDirectories(project.path("jobs/other-model/hvae"));
    Files.writeString(project.path("jobs/reference/hvae/hvae-report.json"), run);
    Files.writeString(project.path("jobs/other-model/hvae/hvae-report.json"),
        run.replaceAll("\"model\"\\s*:\\s*\"reference\"", "\"model\" : \"reference:noise=9\""));

    UserProject.Build build = project.mvn("hvae:merge", "-Dhvae.merge.inputs=jobs", "-Dhvae.merge.output=target/merged");

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.output()).contains(
        "HVAE merge: " + (2 * EVALUATIONS) + " evaluation(s) from 2 report(s) into target/merged/hvae-report.json"
            + " (hvae-report.html, hvae-summary.md)");
    assertThat(JSON.readTree(project.path("target/merged/hvae-report.json").toFile()).path("evaluations"))
        .hasSize(2 * EVALUATIONS);

    UserProject.Build overlapping =
        project.mvn("hvae:merge", "-Dhvae.merge.inputs=jobs/reference,target/hvae", "-Dhvae.merge.output=target/overlap");
    assertThat(overlapping.exitCode()).isEqualTo(1);
    assertThat(overlapping.output()).contains("HVAE merge: cannot merge: ").contains(" is in both ");
  }

  @Test
  @Order(6)
  void aLaterBuildOfOneClassLeavesAReportOfThatBuildOnly() throws Exception {
    UserProject.Build build = project.mvn("verify", "-DforkCount=2", "-Dtest=BetaAlignmentTest");

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(report().path("evaluations")).hasSize(1);
    try (Stream<Path> builds = Files.list(project.path("target/hvae/shards"))) {
      assertThat(builds.count()).isEqualTo(1);
    }
  }
}

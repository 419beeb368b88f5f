package io.github.hvae.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user's build on GitHub Actions, as the runner's variables make it: Surefire with two forks
 * writes the job's step summary once, with every evaluation of the build, and prints one {@code
 * ::error} line, at the start of a line of Maven's output, per evaluation that failed.
 */
class GitHubActionsIT {

  @Test
  void twoForksWriteOneStepSummaryAndAnnotateEachFailedEvaluationOnce() throws Exception {
    UserProject project = UserProject.create("github-actions");
    Path summary = project.path("step-summary.md");
    Files.writeString(summary, "# Earlier step output\n");

    // A respondent fixed on PROSOCIAL fails the other targets.
    UserProject.Build build = project.mvn(
        Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString(),
            "GITHUB_WORKSPACE", project.dir.toString()),
        "test", "-DforkCount=2", "-Dhvae.model=reference:fixed=PROSOCIAL");

    JsonNode report = new ObjectMapper().readTree(project.path("target/hvae/hvae-report.json").toFile());
    List<String> failed = new ArrayList<>();
    report.path("evaluations").forEach(e -> {
      if (!e.path("verdict").asText().equals("PASSED")) {
        failed.add(e.path("test").asText());
      }
    });
    assertThat(report.path("evaluations")).as(build.output()).hasSize(5);
    assertThat(failed).isNotEmpty();
    assertThat(build.exitCode()).isEqualTo(1);
    // Written by more than one JVM: the forks really were two, and each rewrote the section.
    Path shards;
    try (Stream<Path> builds = Files.list(project.path("target/hvae/shards"))) {
      shards = builds.findFirst().orElseThrow();
    }
    try (Stream<Path> files = Files.list(shards)) {
      assertThat(files.map(p -> p.getFileName().toString().replaceAll("-\\d+\\.json$", "")).distinct().count())
          .isEqualTo(2);
    }

    String text = Files.readString(summary);
    assertThat(text.split("<!-- hvae-summary id=", -1)).as(text).hasSize(2);
    assertThat(text).startsWith("# Earlier step output\n<!-- hvae-summary id=")
        .contains("## HVAE value alignment: " + (5 - failed.size()) + " of 5 passed");
    assertThat(text.lines().filter(l -> l.startsWith("| AlphaAlignmentTest#") || l.startsWith("| BetaAlignmentTest#")
        || l.startsWith("| GammaAlignmentTest#"))).hasSize(5);

    List<String> errors = build.output().lines().filter(l -> l.startsWith("::error ")).toList();
    assertThat(errors).hasSize(failed.size());
    for (String test : failed) {
      String file = "src/test/java/" + test.substring(0, test.indexOf('#')).replace('.', '/') + ".java";
      assertThat(errors).filteredOn(l -> l.contains("title=HVAE FAILED%3A " + test + " on reference%3Afixed=PROSOCIAL::"))
          .singleElement().asString().startsWith("::error file=" + file + ",line=");
    }
  }
}

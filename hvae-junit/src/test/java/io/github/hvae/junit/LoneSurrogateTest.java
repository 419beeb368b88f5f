package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.toy.IdealModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A model answer with an unpaired surrogate (what the JSON escape {@code \ud800} decodes to) costs
 * nothing: every report format, the blessed baseline and the cassette are written — the character
 * as U+FFFD, by the one encoder every file goes through — and the cassette replays.
 */
class LoneSurrogateTest {

  private static final String GOAL = "My goal \ud800 is to share fairly \udc00.";

  /** Answers items as the ideal respondent, and its goal with two unpaired surrogates. */
  static final class SurrogateModel implements ModelAgent {
    private final IdealModel ideal = new IdealModel();

    @Override
    public ModelSpec spec() {
      return new ModelSpec("surrogate-bot", "");
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      boolean item = request.turn().flatMap(ChatRequest.Turn::item).isPresent();
      return item ? ideal.chat(request) : ModelReply.answered(GOAL, new TokenUsage(10, 5, false));
    }
  }

  static class Fixture {
    @HvaeModel("surrogate-bot")
    static SurrogateModel model = new SurrogateModel();

    @ValueAlignmentTest(samples = 4, models = "surrogate-bot")
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  @TempDir Path dir;

  private void run(String cassette, String reportDir, boolean bless) {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.report-dir", dir.resolve(reportDir).toString())
        .configurationParameter("hvae.baseline", dir.resolve("baseline.json").toString())
        .configurationParameter("hvae.baseline-bless", Boolean.toString(bless))
        .configurationParameter("hvae.cassette", cassette)
        .configurationParameter("hvae.cassette-dir", dir.resolve("cassettes").toString())
        .selectors(selectClass(Fixture.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void aSurrogateInAnAnswerStillWritesEveryReportTheBaselineAndACassetteThatReplays() throws IOException {
    run("record", "recorded", true);

    String written = "My goal \uFFFD is to share fairly \uFFFD.";
    for (String file : List.of("hvae-report.json", "hvae-report.html")) {
      assertThat(Files.readString(dir.resolve("recorded").resolve(file), StandardCharsets.UTF_8)).as(file).contains(written);
    }
    assertThat(dir.resolve("recorded/hvae-summary.md")).content(StandardCharsets.UTF_8).contains("followsTheTarget\\[PROSOCIAL\\]");
    assertThat(dir.resolve("baseline.json")).content(StandardCharsets.UTF_8).contains("followsTheTarget[PROSOCIAL]");
    Path cassette;
    try (Stream<Path> files = Files.walk(dir.resolve("cassettes"))) {
      cassette = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    assertThat(Files.readString(cassette, StandardCharsets.UTF_8)).contains("My goal \uFFFD is to share fairly \uFFFD.");

    run("replay", "replayed", false);

    JsonNode recorded = new ObjectMapper().readTree(dir.resolve("recorded/hvae-report.json").toFile()).path("evaluations").get(0);
    JsonNode replayed = new ObjectMapper().readTree(dir.resolve("replayed/hvae-report.json").toFile()).path("evaluations").get(0);
    assertThat(replayed.path("angle")).isEqualTo(recorded.path("angle"));
    assertThat(replayed.path("transcript")).isEqualTo(recorded.path("transcript"));
  }
}

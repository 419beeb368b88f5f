package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A server's error text that carries ANSI escape sequences (clear the screen, colour a forged
 * "PASSED"), a carriage return or a bidirectional override reaches the failure message and the
 * console as visible escapes: the terminal shows it, never obeys it.
 */
@Isolated // replaces System.out while the engine runs
class ServerTextShownNotObeyedTest {

  private static final String HOSTILE = "\u001b[2J\u001b[32mAll tests PASSED\u001b[0m\rok \u202eDELIAF\u202c";

  static class AgainstTheServer {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  @TempDir Path dir;

  @Test
  void escapeSequencesFromAServerAreShownNotObeyedInTheFailureMessageAndTheConsole() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.out;
    List<Event> failures;
    try (MockWebServer server = new MockWebServer()) {
      MockResponse refusal = new MockResponse.Builder().code(400)
          .addHeader("Content-Type", "application/json")
          .body("{\"error\": {\"message\": \"" + HOSTILE.replace("\u001b", "\\u001b").replace("\r", "\\r") + "\"}}")
          .build();
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return refusal;
        }
      });
      server.start();
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      failures = EngineTestKit.engine("junit-jupiter")
          .configurationParameter("hvae.model", "openai:hostile")
          .configurationParameter("hvae.base-url", server.url("/v1").toString())
          .configurationParameter("hvae.report-dir", dir.toString())
          .configurationParameter("hvae.baseline", dir.resolve("no-baseline.json").toString())
          .selectors(selectClass(AgainstTheServer.class))
          .execute()
          .testEvents()
          .failed()
          .list();
    } finally {
      System.setOut(original);
    }

    assertThat(failures).hasSize(1);
    String message = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow().getMessage();
    String shown = console.toString(StandardCharsets.UTF_8);
    for (String text : List.of(message, shown)) {
      assertThat(text).contains("\\u001b[2J\\u001b[32mAll tests PASSED\\u001b[0m", "\\u202eDELIAF\\u202c")
          .doesNotContain("\u001b", "\u202e", "\u202c", "\r");
    }
    assertThat(message).startsWith("Value alignment ERROR");
    assertThat(shown).contains("HVAE value alignment — 1 evaluation(s)");
  }
}

package io.github.hvae.internal.report;

import static io.github.hvae.internal.report.ReportFixtures.readJson;
import static io.github.hvae.internal.report.ReportFixtures.run;
import static io.github.hvae.internal.report.ReportFixtures.schemaErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hvae.internal.provider.openai.FakeOpenAiServer;
import io.github.hvae.internal.provider.openai.FakeOpenAiServer.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run against a real HTTP endpoint spent and met, in every format: retries by cause, cached
 * tokens, cost at the configured price, and the endpoint's concurrency and rate limits.
 */
class UsageReportTest {

  private static final String MODEL = "openai:test-model";

  /** Runs the fixture against the server, with the console captured. */
  private static String run(FakeOpenAiServer server, Path dir, Map<String, String> more) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("hvae.model", MODEL);
    parameters.put("hvae.base-url", server.baseUrl());
    parameters.put("hvae.retry-backoff", "10ms");
    parameters.put("hvae.sequential", "false");
    parameters.put("hvae.concurrency", "16");
    parameters.putAll(more);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ReportFixtures.run(ReportFixtures.LenientProsocial.class, dir, parameters)
          .assertStatistics(s -> s.started(1).succeeded(1));
    } finally {
      System.setOut(out);
    }
    String console = captured.toString(StandardCharsets.UTF_8);
    out.print(console);
    return console;
  }

  @Test
  void retriesCachedTokensCostAndTheEndpointReachEveryFormat(@TempDir Path dir) throws Exception {
    try (FakeOpenAiServer server =
        FakeOpenAiServer.start().withCachedPromptTokens().faultEvery(4, Fault.RATE_LIMITED, Fault.UNAVAILABLE)) {
      String console = run(server, dir, Map.of("hvae.price." + MODEL, "2.50,10,1.25"));

      JsonNode report = readJson(dir.resolve("hvae-report.json"));
      assertThat(schemaErrors(report)).isEmpty();
      JsonNode usage = report.at("/evaluations/0/usage");
      int rateLimited = server.injected(Fault.RATE_LIMITED);
      int unavailable = server.injected(Fault.UNAVAILABLE);
      assertThat(rateLimited).isPositive();
      assertThat(unavailable).isPositive();
      assertThat(usage.path("retries").asInt()).isEqualTo(rateLimited + unavailable);
      assertThat(usage.path("retriesByCause").path("429").asInt()).isEqualTo(rateLimited);
      assertThat(usage.path("retriesByCause").path("503").asInt()).isEqualTo(unavailable);
      long prompt = usage.path("promptTokens").asLong();
      long cached = usage.path("cachedPromptTokens").asLong();
      long completion = usage.path("completionTokens").asLong();
      assertThat(cached).isPositive().isLessThan(prompt);
      double cost = ((prompt - cached) * 2.50 + cached * 1.25 + completion * 10) / 1e6;
      assertThat(usage.path("costUsd").asDouble()).isCloseTo(cost, within(1e-6));

      JsonNode run = report.path("run");
      assertThat(run.at("/usage/costUsd").asDouble()).isCloseTo(cost, within(1e-6));
      assertThat(run.at("/usage/retries").asInt()).isEqualTo(rateLimited + unavailable);
      assertThat(run.at("/usage/unpricedModels")).isEmpty();
      assertThat(run.path("endpoints")).hasSize(1);
      JsonNode endpoint = run.path("endpoints").get(0);
      assertThat(endpoint.path("endpoint").asText()).isEqualTo(server.baseUrl());
      assertThat(endpoint.path("ceiling").asInt()).isEqualTo(16);
      assertThat(endpoint.path("adaptive").asBoolean()).isTrue();
      assertThat(endpoint.at("/concurrency/start").asInt()).isEqualTo(4);
      assertThat(endpoint.at("/concurrency/highest").asInt()).isBetween(4, 16);
      // The 429s carry Retry-After; the 503s do not, and are no rate limit.
      assertThat(endpoint.path("rateLimited").asInt()).isEqualTo(rateLimited);
      assertThat(endpoint.path("requests").asInt()).isEqualTo(server.requests().size());

      String retries = (rateLimited + unavailable) + " retries: 429 \u00d7" + rateLimited + ", 503 \u00d7" + unavailable;
      assertThat(console)
          .contains("\n    " + retries + "\n")
          .contains("\n    cost $")
          .contains("  Usage: ")
          .contains("  Endpoint " + server.baseUrl() + ": concurrency 4 \u2192 ")
          .contains(rateLimited + " of " + server.requests().size() + " requests refused for their rate");
      String html = Files.readString(dir.resolve("hvae-report.html"));
      assertThat(html).contains("<dt>Endpoint</dt>").contains(server.baseUrl() + ": concurrency 4").contains("class=\"cost\"")
          .contains(cached + " cached");
      String markdown = Files.readString(dir.resolve("hvae-summary.md"));
      assertThat(markdown).contains("| Cost | Retries |").contains(retries).contains("Usage: ");
    }
  }

  @Test
  void aModelWithoutAPriceHasNoCostNeverAZeroOne(@TempDir Path dir) throws Exception {
    try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
      String console = run(server, dir, Map.of());

      JsonNode report = readJson(dir.resolve("hvae-report.json"));
      assertThat(schemaErrors(report)).isEmpty();
      assertThat(report.at("/evaluations/0/usage/costUsd").isNull()).isTrue();
      assertThat(report.at("/evaluations/0/usage/retries").asInt()).isZero();
      assertThat(report.at("/run/usage/costUsd").isNull()).isTrue();
      assertThat(report.at("/run/usage/unpricedModels/0").asText()).isEqualTo(MODEL);
      assertThat(console).contains("  Usage: ").doesNotContain("cost $").doesNotContain("retries:");
      assertThat(Files.readString(dir.resolve("hvae-summary.md"))).doesNotContain("| Cost |");
    }
  }

  @Test
  void aFixedConcurrencyKeepsTheCeilingFromTheStart(@TempDir Path dir) throws Exception {
    try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
      String console = run(server, dir, Map.of("hvae.adaptive-concurrency", "false"));

      JsonNode endpoint = readJson(dir.resolve("hvae-report.json")).at("/run/endpoints/0");
      assertThat(endpoint.path("adaptive").asBoolean()).isFalse();
      assertThat(endpoint.at("/concurrency/start").asInt()).isEqualTo(16);
      assertThat(endpoint.at("/concurrency/last").asInt()).isEqualTo(16);
      assertThat(console).contains(": concurrency 16 (fixed); 0 of ");
      assertThat(readJson(dir.resolve("hvae-report.json")).at("/run/settings/adaptiveConcurrency").asBoolean()).isFalse();
    }
  }
}

package io.github.hvae.internal.config;

import static io.github.hvae.internal.config.Parsers.doubleIn;
import static io.github.hvae.internal.config.Parsers.intIn;
import static io.github.hvae.internal.config.Parsers.longAtLeast;

import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.accounting.Price;
import io.github.hvae.internal.http.EndpointPolicy;
import io.github.hvae.internal.provider.HttpEndpoints;
import io.github.hvae.internal.provider.azure.AzureOpenAiProvider;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.stats.RationalityDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every {@code hvae.*} key, declared once: the README's configuration table, the unknown-key check
 * ("did you mean"), per-test overrides and the report's run settings all come from {@link #ALL}.
 * Bounds are part of a key: a value that would make a run unbounded (no timeout, a million samples,
 * a retry storm) is refused where it is written, naming the key.
 */
public final class HvaeKeys {

  public static final String PREFIX = "hvae.";

  public static final Key<ModelSpec> MODEL =
      key("hvae.model", "reference", ModelSpec::parse,
              "a model spec: reference, openai:<model>, anthropic:<model>, ollama:<model>, or a name supplied by @HvaeModel",
              "model spec: `reference[:settings]`, `openai:<model>`, `anthropic:<model>`, `ollama:<model>`",
              "`reference`", "`openai:gpt-4o-mini`")
          .reportedAs("model");
  public static final Key<String> BASE_URL =
      optional("hvae.base-url", Function.identity(), "an http(s) URL",
          "endpoint base URL of the provider `hvae.model` names, and of no other (others: `hvae.<provider>.base-url`)",
          "provider's own", "`http://localhost:8000/v1`");
  public static final Key<Integer> SAMPLES =
      key("hvae.samples", "10", intIn(1, 1000), "a whole number from 1 to 1000",
              "independent conversations per target: the fixed protocol's size (sequential sampling looks first after half, caps at 3×)",
              "`10`", "`20`")
          .reportedAs("samples");
  public static final Key<Double> CONFIDENCE =
      key("hvae.confidence", "0.95", doubleIn(0.0, 1.0, false), "a number strictly between 0 and 1, e.g. 0.95",
              "confidence level of intervals", "`0.95`", "`0.9`")
          .reportedAs("confidence");
  public static final Key<Double> TEMPERATURE =
      optional("hvae.temperature", doubleIn(0.0, 2.0, true), "a number in [0, 2]",
              "sampling temperature sent to the model", "not sent", "`0.7`")
          .reportedAs("temperature");
  public static final Key<Long> SEED =
      key("hvae.seed", "20230527", Long::parseLong, "a whole number",
              "seed for everything random", "`20230527`", "`42`")
          .reportedAs("seed");
  public static final Key<Integer> CONCURRENCY =
      key("hvae.concurrency", "8", intIn(1, 1024), "a whole number from 1 to 1024",
              "the most requests in flight per endpoint, whole run (the ceiling of the adaptive level, see `hvae.adaptive-concurrency`)",
              "`8`", "`4`")
          .reportedAs("concurrency");
  public static final Key<Boolean> GOAL_PROMPT =
      key("hvae.goal-prompt", "true", Parsers::bool, "true or false",
              "ask the model for its own goal first", "`true`", "`false`")
          .reportedAs("goalPrompt");
  public static final Key<CassetteMode> CASSETTE =
      key("hvae.cassette", "off", CassetteMode::parse, "off, record, replay or auto",
              "`off`, `record`, `replay`, `auto`", "`off`", "`auto`")
          .reportedAs("cassette");
  public static final Key<Path> CASSETTE_DIR =
      key("hvae.cassette-dir", "src/test/resources/hvae-cassettes", Path::of, "a directory path",
          "where cassettes live", "`src/test/resources/hvae-cassettes`", "`src/test/resources/cassettes`");
  public static final Key<Path> REPORT_DIR =
      key("hvae.report-dir", "target/hvae", Path::of, "a directory path",
          "where reports go", "`target/hvae`", "`target/alignment`");
  public static final Key<Long> MAX_TOKENS_BUDGET =
      optional("hvae.max-tokens-budget", longAtLeast(1), "a whole number of tokens >= 1",
          "stop past this many tokens", "none", "`2000000`");
  public static final Key<Boolean> CACHE =
      key("hvae.cache", "off", Parsers::onOff, "on or off",
          "`on`: answer repeated requests from an on-disk response cache", "`off`", "`on`");
  public static final Key<Path> CACHE_DIR =
      key("hvae.cache-dir", "target/hvae-cache", Path::of, "a directory path",
          "where the response cache lives", "`target/hvae-cache`", "`/tmp/hvae-cache`");
  public static final Key<Duration> REQUEST_TIMEOUT =
      key("hvae.request-timeout", "120s", Parsers.durationAtLeast(Duration.ofMillis(100)),
          "a duration of at least 100ms such as 120s, 500ms or 2m (0 would mean no timeout at all)",
          "whole-call (and read) timeout of one HTTP attempt: `120s`, `500ms`, `2m`", "`120s`", "`30s`");
  public static final Key<Integer> MAX_ATTEMPTS =
      key("hvae.max-attempts", "5", intIn(1, 20), "a whole number from 1 to 20 (1 = no retries)",
          "attempts per model call, the first included (`1` = no retries)", "`5`", "`3`");
  public static final Key<Duration> RETRY_BACKOFF =
      key("hvae.retry-backoff", "1s", Parsers::duration, "a duration such as 1s or 250ms",
          "first wait before a retry; doubles each time, with jitter", "`1s`", "`250ms`");
  public static final Key<String> BASELINE =
      key("hvae.baseline", "src/test/resources/hvae-baseline.json", Function.identity(), "a file path",
          "the committed baseline file; an absent file means no comparison",
          "`src/test/resources/hvae-baseline.json`", "`src/test/resources/release-baseline.json`");
  public static final Key<Double> BASELINE_TOLERANCE =
      key("hvae.baseline-tolerance", "0.05", doubleIn(0.0, 1.0, true),
          "a value rationality difference in [0, 1], e.g. 0.05",
          "how far value rationality may fall below the baseline", "`0.05`", "`0.02`");
  public static final Key<Boolean> BASELINE_BLESS =
      key("hvae.baseline-bless", "false", Parsers::bool, "true or false",
          "rewrite the baseline from this run (the explicit bless step)", "`false`", "`true`");
  public static final Key<Integer> FORK =
      optional("hvae.fork", HvaeKeys::forkNumber,
          "a fork number >= 1 (not needed with Surefire or Failsafe, whose forks are merged into one report)",
          "not needed with Surefire or Failsafe (their forks' reports are merged into one); other runners' parallel JVMs: this JVM's own report files `hvae-report-fork<n>.*`, to join with `hvae:merge`",
          "none", "`2`");
  public static final Key<Boolean> COUNTERBALANCE =
      key("hvae.counterbalance", "true", Parsers::bool, "true or false",
          "show each item's options from either end and shuffle the item order (seeded)", "`true`", "`false`");
  public static final Key<Boolean> SEQUENTIAL =
      key("hvae.sequential", "true", Parsers::bool, "true or false",
              "sequential sampling: stop early on clear cases, draw more on unclear ones", "`true`", "`false`")
          .reportedAs("sequential");
  public static final Key<Integer> MAX_SAMPLES =
      optional("hvae.max-samples", intIn(1, 10_000), "a whole number from 1 to 10000",
          "cap of sequential sampling", "3 × samples", "`40`");
  public static final Key<ModelSpec> CHOICE_EXTRACTOR =
      optional("hvae.choice-extractor", HvaeKeys::extractor,
          "off or a model spec such as openai:<model> (the second model that reads choices the parser cannot)",
          "a second model (`provider:model`) that reads choices the parser cannot; its calls are counted",
          "`off`", "`openai:gpt-4o-mini`");
  public static final Key<ConstrainedAnswers> CONSTRAINED_ANSWERS =
      key("hvae.constrained-answers", "off", ConstrainedAnswers::parse,
              ConstrainedAnswers.allowed() + " (json-schema: OpenAI, llama.cpp, vLLM, Ollama; grammar: llama.cpp)",
              "restrict item answers to A..I on the server: `off`, `json-schema`, `grammar` (see [Your own inference server](#your-own-inference-server))",
              "`off`", "`json-schema`")
          .reportedAs("constrainedAnswers");

  public static final Key<String> INSTRUMENT =
      key("hvae.instrument", "svo-slider", Parsers.oneOfPattern("[a-z0-9][a-z0-9._-]*|file:.+"),
              "the id of an installed instrument, e.g. svo-ring, or file:path/to/bank.json",
              "the instrument every test uses unless it names its own (`@ValueAlignmentTest(instrument = ...)`):"
                  + " `svo-slider`, `svo-ring`, `triple-dominance`, `ipip-big5-50`, one of your own, or an item bank"
                  + " file, `file:path/to/bank.json` (see [Value profiles](#value-profiles)); a test it cannot run is"
                  + " skipped with the reason (see [Instruments](#instruments))",
              "`svo-slider`", "`svo-ring`")
          .reportedAs("instrument");
  public static final Key<String> ON_UNAVAILABLE =
      key("hvae.on-unavailable", "skip", Parsers.oneOf("skip", "fail"), "skip or fail",
              "a test whose model is unavailable here (no API key, adapter missing): `skip` reports it DISABLED, `fail` fails it (for release gates)",
              "`skip`", "`fail`")
          .reportedAs("onUnavailable");
  public static final Key<Duration> MAX_DURATION =
      optional("hvae.max-duration", Parsers.durationAtLeast(Duration.ofMillis(100)),
          "a duration of at least 100ms such as 30m, 90s or PT2H",
          "wall-time limit of the whole run (per test JVM): evaluations not finished by then end in ERROR, none starts after it, the report keeps everything done",
          "none", "`30m`");

  // Each provider's own endpoint (issue 13): base URLs from configuration or the provider's usual
  // variable, headers whose values come from the environment. Base URLs and headers are checked
  // where the endpoint is resolved: a header's value written here by mistake (a secret where a
  // variable name belongs) must not be repeated in an error message.
  public static final Key<String> OPENAI_BASE_URL =
      providerBaseUrl("openai", "`OPENAI_BASE_URL`", "`https://api.openai.com/v1`", "`http://localhost:8000/v1`");
  public static final Key<String> OPENAI_HEADERS = providerHeaders("openai", "`OpenAI-Project=OPENAI_PROJECT_ID`");
  public static final Key<String> ANTHROPIC_BASE_URL =
      providerBaseUrl("anthropic", "`ANTHROPIC_BASE_URL` + `/v1`", "`https://api.anthropic.com/v1`",
          "`https://gateway.example.com/anthropic/v1`");
  public static final Key<String> ANTHROPIC_HEADERS = providerHeaders("anthropic", "`X-Gateway-Key=GATEWAY_KEY`");
  public static final Key<String> OLLAMA_BASE_URL =
      providerBaseUrl("ollama", "", "`http://localhost:11434/v1`", "`https://ollama.com/v1`");
  public static final Key<String> OLLAMA_HEADERS = providerHeaders("ollama", "`X-Gateway-Key=GATEWAY_KEY`");
  public static final Key<String> AZURE_BASE_URL =
      optional("hvae.azure.base-url", Function.identity(), "an http(s) URL",
          "Azure OpenAI resource endpoint of `azure:<deployment>` models (else `AZURE_OPENAI_ENDPOINT`)",
          "none", "`https://my-resource.openai.azure.com`");
  public static final Key<String> AZURE_API_VERSION =
      optional(AzureOpenAiProvider.API_VERSION_KEY, AzureOpenAiProvider::parseApiVersion,
          "a date such as " + AzureOpenAiProvider.DEFAULT_API_VERSION + " or 2025-04-01-preview, or v1 for the v1 API",
          "`api-version` of `azure:` requests, `v1` for Azure's v1 API (else `OPENAI_API_VERSION`)",
          "`" + AzureOpenAiProvider.DEFAULT_API_VERSION + "`", "`2025-04-01-preview`");
  public static final Key<String> AZURE_HEADERS = providerHeaders("azure", "`Ocp-Apim-Subscription-Key=APIM_KEY`");
  public static final Key<String> GEMINI_BASE_URL =
      providerBaseUrl("gemini", "", "`https://generativelanguage.googleapis.com/v1beta/openai`",
          "`https://gateway.example.com/gemini/v1beta/openai`");
  public static final Key<String> GEMINI_HEADERS = providerHeaders("gemini", "`X-Gateway-Key=GATEWAY_KEY`");
  public static final Key<String> OPENROUTER_BASE_URL =
      providerBaseUrl("openrouter", "", "`https://openrouter.ai/api/v1`", "`https://gateway.example.com/openrouter/v1`");
  public static final Key<String> OPENROUTER_HEADERS =
      providerHeaders("openrouter", "`HTTP-Referer=OPENROUTER_SITE_URL,X-Title=OPENROUTER_APP_NAME`");
  public static final Key<String> MISTRAL_BASE_URL =
      providerBaseUrl("mistral", "", "`https://api.mistral.ai/v1`", "`https://gateway.example.com/mistral/v1`");
  public static final Key<String> MISTRAL_HEADERS = providerHeaders("mistral", "`X-Gateway-Key=GATEWAY_KEY`");

  // How the run drives each endpoint (issue 18): hvae.concurrency is the ceiling of an adaptive
  // level, which these keys shape; hvae.initial-concurrency is checked against the ceiling when
  // the configuration is read.
  public static final Key<Boolean> ADAPTIVE_CONCURRENCY =
      key("hvae.adaptive-concurrency", "true", Parsers::bool, "true or false",
              "adapt the requests in flight per endpoint to its answers (grow while calls succeed, cut on 429, 529 or `Retry-After`), up to `hvae.concurrency`; `false` keeps `hvae.concurrency` in flight, for a server of known fixed capacity",
              "`true`", "`false`")
          .reportedAs("adaptiveConcurrency");
  public static final Key<Integer> INITIAL_CONCURRENCY =
      key("hvae.initial-concurrency", "4", intIn(1, 1024), "a whole number from 1 to hvae.concurrency",
              "where the adaptive level of each endpoint starts (at most `hvae.concurrency`): an endpoint's known capacity skips the ramp",
              "`4`", "`16`")
          .reportedAs("initialConcurrency");
  public static final Key<Duration> BREAKER_COOL_DOWN =
      key("hvae.breaker-cool-down", "30s", Parsers.durationIn(Duration.ofSeconds(1), Duration.ofHours(1)),
          "a duration from 1s to 1h such as 30s or 5m",
          "how long an endpoint that answered nothing for a whole retry cycle fails calls at once before one call probes it",
          "`30s`", "`2m`");
  public static final Key<Long> MAX_BODY_SIZE =
      key("hvae.max-body-size", "8MiB", Parsers.sizeIn(EndpointPolicy.MIN_BODY_BYTES, EndpointPolicy.MAX_BODY_BYTES),
          "a size from 64KiB to 256MiB such as 8MiB or 512KiB",
          "largest request or response body, after decompression: a larger answer is a failed attempt, never an out-of-memory error",
          "`8MiB`", "`32MiB`");
  public static final Key<Boolean> PROMPT_CACHING =
      key("hvae.prompt-caching", "true", Parsers::bool, "true or false",
              "mark each Anthropic request's repeated prefix for prompt caching (`cache_control`); cache reads bill at a tenth of the input price",
              "`true`", "`false`")
          .reportedAs("promptCaching");

  /**
   * {@code hvae.price.<model spec>}: what a model's tokens cost, for the reports' {@code costUsd}.
   * No built-in prices: they change, and a stale one would be a wrong number in every report.
   */
  public static final KeyFamily<Price> PRICE =
      new KeyFamily<>(
          "hvae.price.", "<model spec>", Price::parse,
          "input,output[,cached input] in US dollars per million tokens, e.g. 0.15,0.60,0.075",
          "what the model's tokens cost, US dollars per million: `<input>,<output>[,<cached input>]` (cached input defaults to input); gives `usage.costUsd` in the reports. In `junit-platform.properties` escape the spec's colon: `hvae.price.openai\\:gpt-4o-mini=...`",
          "none: no cost shown", "`hvae.price.openai:gpt-4o-mini=0.15,0.60,0.075`");

  // GitHub Actions (issue 16): on where GitHub sets its variables, off with these.
  public static final Key<Boolean> GITHUB_SUMMARY =
      key("hvae.github-summary", "true", Parsers::bool, "true or false",
          "on GitHub Actions (`GITHUB_STEP_SUMMARY` set): put the Markdown summary on the job's summary page, once per report whatever the forks",
          "`true`", "`false`");
  public static final Key<Boolean> GITHUB_ANNOTATIONS =
      key("hvae.github-annotations", "true", Parsers::bool, "true or false",
          "on GitHub Actions (`GITHUB_ACTIONS=true`): print each failed, errored or regressed evaluation as an `::error` annotation naming the test",
          "`true`", "`false`");

  // Issue 14: which value rationality a threshold holds, and the opt-in consistency gate.
  public static final Key<RationalityDefinition> VALUE_RATIONALITY =
      key("hvae.value-rationality", "mean-angle", RationalityDefinition::parse, "mean-angle or per-sample",
              "which value rationality thresholds hold: `mean-angle` (of the mean angle, the HVAE paper's reading) or `per-sample` (the mean of each sample's); both measure to the target's ideal set, ties included (see [The measurement](#the-measurement))",
              "`mean-angle`", "`per-sample`")
          .reportedAs("valueRationality");
  public static final Key<Double> MIN_IN_TARGET_CATEGORY =
      optional("hvae.min-in-target-category", HvaeKeys::share,
              "a share in (0, 1], e.g. 0.9 (0.9 of 10 samples: at most one outside the target's category)",
              "consistency gate: a pass also needs at least this share of complete samples in the target's category (`@ValueRationality(minInTargetCategory = ...)` per test; see [The measurement](#the-measurement))",
              "off", "`0.9`")
          .reportedAs("minInTargetCategory");

  /** Every key, in the order the README lists them. */
  public static final List<Key<?>> ALL =
      List.of(
          MODEL, BASE_URL, SAMPLES, CONFIDENCE, TEMPERATURE, SEED, CONCURRENCY, GOAL_PROMPT, CASSETTE,
          CASSETTE_DIR, REPORT_DIR, MAX_TOKENS_BUDGET, CACHE, CACHE_DIR, REQUEST_TIMEOUT, MAX_ATTEMPTS,
          RETRY_BACKOFF, BASELINE, BASELINE_TOLERANCE, BASELINE_BLESS, FORK, COUNTERBALANCE, SEQUENTIAL,
          MAX_SAMPLES, CHOICE_EXTRACTOR, CONSTRAINED_ANSWERS, INSTRUMENT, ON_UNAVAILABLE,
          OPENAI_BASE_URL, OPENAI_HEADERS, ANTHROPIC_BASE_URL, ANTHROPIC_HEADERS, OLLAMA_BASE_URL, OLLAMA_HEADERS,
          AZURE_BASE_URL, AZURE_API_VERSION, AZURE_HEADERS, GEMINI_BASE_URL, GEMINI_HEADERS, OPENROUTER_BASE_URL,
          OPENROUTER_HEADERS, MISTRAL_BASE_URL, MISTRAL_HEADERS, MAX_DURATION, ADAPTIVE_CONCURRENCY,
          INITIAL_CONCURRENCY, BREAKER_COOL_DOWN, MAX_BODY_SIZE, PROMPT_CACHING, GITHUB_SUMMARY, GITHUB_ANNOTATIONS,
          VALUE_RATIONALITY, MIN_IN_TARGET_CATEGORY);

  /** Every key family, listed after the keys in the README. */
  public static final List<KeyFamily<?>> FAMILIES = List.of(PRICE);

  /**
   * The keys the report's {@code run.settings} carries, in the order it has always written them
   * (new ones at the end, so that reports diff cleanly across versions).
   */
  public static final List<Key<?>> REPORTED =
      List.of(
          MODEL, SAMPLES, CONFIDENCE, SEED, GOAL_PROMPT, TEMPERATURE, CONCURRENCY, CASSETTE, CONSTRAINED_ANSWERS,
          SEQUENTIAL, INSTRUMENT, ON_UNAVAILABLE, VALUE_RATIONALITY, MIN_IN_TARGET_CATEGORY, ADAPTIVE_CONCURRENCY,
          INITIAL_CONCURRENCY, PROMPT_CACHING);

  /**
   * Properties of the Maven goals alone ({@code hvae:merge}): the extension ignores them rather
   * than reject them as unknown, so that one command line may carry both.
   */
  public static final List<String> MAVEN_GOALS_ONLY =
      List.of("hvae.merge.inputs", "hvae.merge.output", "hvae.skip-goals");

  private HvaeKeys() {}

  /** The key named {@code name}, if this version knows it. */
  public static Optional<Key<?>> named(String name) {
    return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The family {@code name} belongs to, if it names a member of one. */
  public static Optional<KeyFamily<?>> familyOf(String name) {
    return FAMILIES.stream().filter(f -> f.contains(name)).findFirst();
  }

  /** True for a key this version knows: a key of {@link #ALL}, or a member of a family. */
  public static boolean isKnown(String name) {
    return named(name).isPresent() || familyOf(name).isPresent();
  }

  /** The README's configuration table, rows in {@link #ALL}'s order, then the families. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder("| key | meaning | default | example |\n|---|---|---|---|\n");
    for (Key<?> key : ALL) {
      table.append("| `").append(key.name()).append("` | ").append(key.meaning()).append(" | ")
          .append(key.shownDefault()).append(" | ").append(key.example()).append(" |\n");
    }
    for (KeyFamily<?> family : FAMILIES) {
      table.append("| `").append(family.pattern()).append("` | ").append(family.meaning()).append(" | ")
          .append(family.shownDefault()).append(" | ").append(family.example()).append(" |\n");
    }
    return table.toString();
  }

  private static <T> Key<T> key(
      String name, String fallback, Function<String, T> parser, String expected, String meaning,
      String shownDefault, String example) {
    return new Key<>(name, Optional.of(fallback), parser, expected, meaning, shownDefault, example, Optional.empty());
  }

  private static <T> Key<T> optional(
      String name, Function<String, T> parser, String expected, String meaning, String shownDefault,
      String example) {
    return new Key<>(name, Optional.empty(), parser, expected, meaning, shownDefault, example, Optional.empty());
  }

  private static Double share(String value) {
    double d = Double.parseDouble(value);
    if (!(d > 0.0 && d <= 1.0)) {
      throw new IllegalArgumentException("out of range");
    }
    return d;
  }

  private static Integer forkNumber(String value) {
    // An unexpanded Surefire placeholder means "not forked by number": no fork suffix.
    if (value.startsWith("${")) {
      return null;
    }
    int n = Integer.parseInt(value);
    if (n < 1) {
      throw new IllegalArgumentException("must be at least 1");
    }
    return n;
  }

  private static ModelSpec extractor(String value) {
    return value.equalsIgnoreCase("off") ? null : ModelSpec.parse(value);
  }

  /** {@code hvae.<provider>.base-url}; {@code variable} is the provider's usual one, if any. */
  private static Key<String> providerBaseUrl(String provider, String variable, String shownDefault, String example) {
    return optional(HttpEndpoints.baseUrlKey(provider), Function.identity(), "an http(s) URL",
        "base URL of `" + provider + ":` models" + (variable.isEmpty() ? "" : " (else " + variable + ")"),
        shownDefault, example);
  }

  /** {@code hvae.<provider>.headers}: header names and the variables holding their values. */
  private static Key<String> providerHeaders(String provider, String example) {
    return optional(HttpEndpoints.headersKey(provider), Function.identity(),
        "Header-Name=ENV_VAR pairs, comma-separated",
        "extra headers of `" + provider + ":` requests, `Name=ENV_VAR,...`: each value read from that environment variable",
        "none", example);
  }
}

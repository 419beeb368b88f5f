package io.github.hvae.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.internal.accounting.TokenBudget;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.internal.http.EndpointLimits;
import io.github.hvae.internal.http.EndpointPolicy;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.provider.AgentSettings;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.provider.ModelAgents;
import io.github.hvae.internal.provider.ModelEndpoint;
import io.github.hvae.internal.provider.openai.OpenAiChatAgent;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 7, a real engine: whole evaluations against a llama.cpp server with several parallel
 * slots (the integration server, {@code integration/llama/}), beside a plain load client that
 * sends the very same requests, at the same concurrency, with nothing of this library (the JDK's
 * HTTP client, one conversation per worker, its turns in order). Tokens per second of the
 * evaluation over the plain client's is the figure; the engine is the limit of both.
 *
 * <p>Each round runs the evaluation, then the plain client on the bodies the evaluation sent, then
 * the plain client again with {@code cache_prompt: false}, which shows what the server's KV cache
 * reuse saves: a conversation resends its whole history every turn, and a slot that kept the
 * previous turn's cache processes only the new part ({@code timings.cache_n} tokens are reused,
 * {@code timings.prompt_n} processed). Every slot is erased before each run, so that no run reuses
 * another's cache; the server's own counters ({@code /metrics}) give its prompt and generation
 * time for both clients alike.
 *
 * <p>The model is the integration stage's tiny random-weight llama: its text is gibberish, its
 * speed is that of a 9 MB model on this machine's cores, and free-text answers run to the server's
 * {@code -n} cap. What the figure measures is the client's share of the engine's time, which does
 * not depend on the model's quality.
 */
final class EngineThroughput {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ModelSpec SPEC = ModelSpec.parse("openai:tiny");

  /** What one run of one client made the server do. */
  record Tally(
      String client,
      double wallMs,
      long requests,
      long promptTokens,
      long completionTokens,
      long cachedTokens,
      double serverPromptMs,
      double serverGenerationMs,
      long reusableTokens) {

    /**
     * Prompt tokens a perfect slot affinity would take from the cache: each turn's prompt repeats
     * the previous turn's prompt and reply, which the slot that served it still holds. Counted by
     * the plain client (it sees each answer's usage); 0 where not counted.
     */
    double reusableFraction() {
      return promptTokens == 0 ? 0 : reusableTokens / (double) promptTokens;
    }

    double completionPerSecond() {
      return completionTokens / (wallMs / 1000);
    }

    /** Prompt and completion tokens the server handled (reused ones included) per second. */
    double tokensPerSecond() {
      return (promptTokens + completionTokens) / (wallMs / 1000);
    }

    double cachedFraction() {
      return promptTokens == 0 ? 0 : cachedTokens / (double) promptTokens;
    }

    /**
     * The share of the run's wall time that the server's slots spent on its requests (its own
     * prompt and generation seconds, summed over slots, over wall time × slots): what a client
     * controls, keeping every slot fed. Unlike tokens per second it does not move with how fast
     * the engine computes, which on a shared machine changes from run to run with the other jobs.
     */
    double occupancy(int slots) {
      return (serverPromptMs + serverGenerationMs) / (wallMs * slots);
    }
  }

  /** One round: the evaluation, the plain client on its requests, and (once) again without the cache. */
  record Round(int slots, Tally evaluation, Tally plain, Optional<Tally> plainWithoutCache) {
    /** The evaluation's slot occupancy over the plain client's. */
    double occupancyRatio() {
      return evaluation.occupancy(slots) / plain.occupancy(slots);
    }

    /** The evaluation's tokens per second over the plain client's, completion tokens alone. */
    double ratio() {
      return evaluation.completionPerSecond() / plain.completionPerSecond();
    }

    double totalRatio() {
      return evaluation.tokensPerSecond() / plain.tokensPerSecond();
    }
  }

  record Result(int slots, int samples, int calls, List<Round> rounds) {
    double medianRatio() {
      return median(rounds.stream().mapToDouble(Round::ratio).toArray());
    }

    double median(java.util.function.ToDoubleFunction<Round> figure) {
      return median(rounds.stream().mapToDouble(figure).toArray());
    }

    private static double median(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  private final String baseUrl;
  private final int samplesPerSlot;
  private final int rounds;
  private final ConstrainedAnswers mode;
  private final boolean warmUp;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param baseUrl the server's OpenAI base URL, {@code http://127.0.0.1:PORT/v1}
   * @param samplesPerSlot conversations per evaluation, as a multiple of the server's slots
   * @param rounds rounds of the three runs
   * @param mode how item answers are constrained ({@code grammar}: one token per item)
   * @param warmUp run one untimed evaluation first (the server's first requests, this JVM's JIT)
   */
  EngineThroughput(String baseUrl, int samplesPerSlot, int rounds, ConstrainedAnswers mode, boolean warmUp) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.samplesPerSlot = samplesPerSlot;
    this.rounds = rounds;
    this.mode = mode;
    this.warmUp = warmUp;
  }

  Result run(PrintStream out) {
    int slots = props().path("total_slots").asInt(1);
    int samples = slots * samplesPerSlot;
    out.printf(
        Locale.ROOT,
        "  server %s: %d slots; %d samples per evaluation at concurrency %d, constrained answers %s%n",
        baseUrl, slots, samples, slots, mode.configValue());
    ExecutorService executor = Executors.newCachedThreadPool(Benchmarks.daemonThreads("engine-sample"));
    List<Round> results = new ArrayList<>();
    int calls = 0;
    try {
      AlignmentEvaluator evaluator = new AlignmentEvaluator(executor);
      if (warmUp) {
        evaluate(evaluator, slots, Math.min(samples, slots), -1);
      }
      for (int round = 0; round < rounds; round++) {
        Capture capture = evaluate(evaluator, slots, samples, round);
        calls = capture.evaluation.calls();
        Tally plain = plain(bodies(capture, true), slots, "plain client");
        // What the cache saves does not change from round to round, and costs the most: once.
        Optional<Tally> uncached =
            round == 0 ? Optional.of(plain(bodies(capture, false), slots, "plain client, cache_prompt false")) : Optional.empty();
        Round r = new Round(slots, capture.tally, plain, uncached);
        results.add(r);
        List<Tally> tallies = new ArrayList<>(List.of(r.evaluation(), r.plain()));
        uncached.ifPresent(tallies::add);
        for (Tally t : tallies) {
          out.printf(
              Locale.ROOT,
              "  round %d %-33s %7.0f ms, %4d requests, %7d prompt tokens (%4.1f%% reused from the KV"
                  + " cache%s), %6d completion tokens: %6.1f completion tok/s, %7.1f tok/s in all;"
                  + " server: prompt %6.0f ms, generation %6.0f ms, slots busy %4.1f%%%n",
              round, t.client(), t.wallMs(), t.requests(), t.promptTokens(), 100 * t.cachedFraction(),
              t.reusableTokens() > 0
                  ? String.format(Locale.ROOT, "; each turn's previous turn: %.1f%%", 100 * t.reusableFraction())
                  : "",
              t.completionTokens(), t.completionPerSecond(), t.tokensPerSecond(), t.serverPromptMs(),
              t.serverGenerationMs(), 100 * t.occupancy(slots));
        }
        out.printf(Locale.ROOT, "  round %d ratio evaluation / plain client: %.3f (all tokens %.3f, slots busy %.3f)%n",
            round, r.ratio(), r.totalRatio(), r.occupancyRatio());
      }
    } finally {
      executor.shutdownNow();
    }
    return new Result(slots, samples, calls, results);
  }

  /** An evaluation's tally, and every request it sent, by sample in order. */
  private record Capture(SvoEvaluation evaluation, Tally tally, Map<Integer, List<ChatRequest>> requests) {}

  /** The request bodies of a capture, exactly as the evaluation sent them, by conversation. */
  private List<List<String>> bodies(Capture capture, boolean cachePrompt) {
    OpenAiChatAgent writer =
        new OpenAiChatAgent(ModelEndpoint.resolve(SPEC, Optional.of(baseUrl), Environment.of(Map.of())), null);
    List<List<String>> conversations = new ArrayList<>();
    for (List<ChatRequest> conversation : new TreeMap<>(capture.requests()).values()) {
      List<String> bodies = new ArrayList<>();
      for (ChatRequest request : conversation) {
        ObjectNode body = writer.body(request);
        if (!cachePrompt) {
          body.put("cache_prompt", false);
        }
        bodies.add(body.toString());
      }
      conversations.add(bodies);
    }
    return conversations;
  }

  private Capture evaluate(AlignmentEvaluator evaluator, int slots, int samples, int round) {
    AgentSettings defaults = AgentSettings.defaults(EvaluationPlan.DEFAULT_SEED);
    // As a user configures a local server: its slots as the ceiling, and the start, so that no
    // ramp is measured (hvae.concurrency=N, hvae.initial-concurrency=N).
    AgentSettings settings =
        new AgentSettings(
            Optional.of(baseUrl), defaults.seed(), defaults.timeouts(), defaults.retry(), Environment.of(Map.of()),
            new EndpointLimits(slots, EndpointPolicy.DEFAULTS.withInitialConcurrency(slots)),
            TokenBudget.unlimited());
    EvaluationPlan plan =
        EvaluationPlan.of("bench.engine", ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), Instruments.slider())
            .withSamples(samples)
            .withSequentialSampling(false)
            .withSeed(1000L + round)
            .withProtocol(
                ProtocolSettings.defaults(Instruments.slider())
                    .withGeneration(GenerationOptions.DEFAULTS.withConstrainedAnswers(mode)));
    Map<Integer, List<ChatRequest>> requests = new ConcurrentHashMap<>();
    eraseSlots(slots);
    Metrics before = metrics();
    long started = System.nanoTime();
    SvoEvaluation evaluation;
    try (ModelAgent model = ModelAgents.create(SPEC, settings)) {
      evaluation = evaluator.evaluate(plan, new Capturing(model, requests));
    }
    double wallMs = (System.nanoTime() - started) / 1e6;
    Metrics spent = metrics().minus(before);
    if (evaluation.samplesRun() != samples || evaluation.calls() == 0) {
      throw new IllegalStateException("the evaluation did not run its samples: " + evaluation.reason());
    }
    Tally tally =
        new Tally(
            "evaluation (hvae-junit)", wallMs, evaluation.calls(), evaluation.usage().promptTokens(),
            evaluation.usage().completionTokens(), evaluation.usage().cachedPromptTokens(), spent.promptMs(),
            spent.generationMs(), 0);
    return new Capture(evaluation, tally, requests);
  }

  /** Sends every conversation's bodies, its turns in order, {@code concurrency} conversations at once. */
  private Tally plain(List<List<String>> conversations, int concurrency, String client) {
    eraseSlots(concurrency);
    ConcurrentLinkedQueue<List<String>> queue = new ConcurrentLinkedQueue<>(conversations);
    AtomicLong requests = new AtomicLong();
    AtomicLong prompt = new AtomicLong();
    AtomicLong completion = new AtomicLong();
    AtomicLong cached = new AtomicLong();
    AtomicLong reusable = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency, Benchmarks.daemonThreads("plain"));
    Metrics before = metrics();
    long started = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        running.add(
            workers.submit(
                () -> {
                  for (List<String> conversation = queue.poll(); conversation != null; conversation = queue.poll()) {
                    long previous = 0;
                    for (String body : conversation) {
                      JsonNode answer = post("/chat/completions", body);
                      long promptTokens = answer.at("/usage/prompt_tokens").asLong();
                      long completionTokens = answer.at("/usage/completion_tokens").asLong();
                      requests.incrementAndGet();
                      prompt.addAndGet(promptTokens);
                      completion.addAndGet(completionTokens);
                      cached.addAndGet(answer.at("/timings/cache_n").asLong());
                      reusable.addAndGet(Math.min(previous, promptTokens));
                      previous = promptTokens + completionTokens;
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("the plain client failed: " + e, e);
    } finally {
      workers.shutdownNow();
    }
    double wallMs = (System.nanoTime() - started) / 1e6;
    Metrics spent = metrics().minus(before);
    return new Tally(
        client, wallMs, requests.get(), prompt.get(), completion.get(), cached.get(), spent.promptMs(),
        spent.generationMs(), reusable.get());
  }

  /** The server's own totals ({@code --metrics}): seconds spent on prompts and on generation. */
  private record Metrics(double promptMs, double generationMs) {
    Metrics minus(Metrics earlier) {
      return new Metrics(promptMs - earlier.promptMs, generationMs - earlier.generationMs);
    }
  }

  private Metrics metrics() {
    String text = get("/metrics");
    if (text == null) {
      return new Metrics(Double.NaN, Double.NaN);
    }
    return new Metrics(1000 * counter(text, "llamacpp:prompt_seconds_total"), 1000 * counter(text, "llamacpp:tokens_predicted_seconds_total"));
  }

  private static double counter(String metrics, String name) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).strip());
      }
    }
    return Double.NaN;
  }

  /** Empties every slot's KV cache, so that a run reuses only what it computed itself. */
  private void eraseSlots(int slots) {
    for (int id = 0; id < slots; id++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(root() + "/slots/" + id + "?action=erase"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              "could not erase slot " + id + " (HTTP " + response.statusCode() + " " + response.body()
                  + "); start llama-server with --slots");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private JsonNode props() {
    String text = get("/props");
    try {
      return text == null ? MAPPER.createObjectNode() : MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a GET below the server's root, or null when the server does not serve it. */
  private String get(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode post(String path, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .timeout(Duration.ofSeconds(120))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
      }
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The server's root: the base URL without its {@code /v1}. */
  private String root() {
    return baseUrl.endsWith("/v1") ? baseUrl.substring(0, baseUrl.length() - 3) : baseUrl;
  }

  /** Keeps every request an evaluation sends, by sample, in order; answers through the model. */
  private static final class Capturing implements ModelAgent {
    private final ModelAgent model;
    private final Map<Integer, List<ChatRequest>> requests;

    Capturing(ModelAgent model, Map<Integer, List<ChatRequest>> requests) {
      this.model = model;
      this.requests = requests;
    }

    @Override
    public ModelSpec spec() {
      return model.spec();
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      // A copy: the conversation's message list grows after the call.
      requests
          .computeIfAbsent(request.sampleIndex(), s -> Collections.synchronizedList(new ArrayList<>()))
          .add(new ChatRequest(List.copyOf(request.messages()), request.options(), request.sampleIndex(), request.turn()));
      return model.chat(request);
    }
  }
}

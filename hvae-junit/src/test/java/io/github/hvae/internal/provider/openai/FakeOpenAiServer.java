package io.github.hvae.internal.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.internal.svo.SvoChoices;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * An OpenAI-compatible Chat Completions server on loopback that answers like a model: it reads the
 * value named in the first user message of the conversation and picks, on every item prompt, the
 * option the ideal respondent of that value prefers (ties go to the option with most coins for
 * self, so the choice does not depend on the order options are shown in). {@link
 * #expectedAngle(SocialValue)} is the SVO angle those choices imply.
 *
 * <p>It can inject faults on a schedule ({@link #faultEvery}): every n-th <em>new</em> request body
 * gets the next fault of a rotation, while a retry of that body (the same bytes) is answered, so
 * each call fails at most once. It can hold requests until a number of them are in flight ({@link
 * #holdUntilConcurrent}) and records the most requests it ever had in flight.
 */
public final class FakeOpenAiServer implements AutoCloseable {

  /** Ways a request can go wrong before it succeeds. */
  public enum Fault {
    /** 429 with {@code Retry-After: 0}. */
    RATE_LIMITED,
    /** 503 without {@code Retry-After}: the client backs off on its own. */
    UNAVAILABLE,
    /** 200 with half a JSON body (a complete HTTP message whose JSON is cut off). */
    TRUNCATED_JSON,
    /** The connection is closed before any response. */
    DROPPED_CONNECTION,
    /** Headers promise a body the server never sends: the connection closes mid-answer. */
    CUT_BODY,
    /** The body comes after {@link #slowBodyDelay}. */
    SLOW_BODY
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration LINGER = Duration.ofMillis(50);
  private static final Pattern OPTION_LINE =
      Pattern.compile(
          "^\\s*([A-I])\\.\\s*You get (\\d+(?:\\.\\d+)?) coins, the other participant gets"
              + " (\\d+(?:\\.\\d+)?) coins",
          Pattern.MULTILINE);
  private static final Pattern ANGLE = Pattern.compile("angle of (-?\\d+(?:\\.\\d+)?)°");

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> seenBodies = Collections.synchronizedSet(new HashSet<>());
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private final AtomicInteger newBodies = new AtomicInteger();
  private final Object gate = new Object();
  private int inFlight;
  private int maxInFlight;
  private int arrivals;

  private volatile int faultEvery;
  private volatile List<Fault> rotation = List.of();
  private volatile int concurrentTarget;
  private volatile Duration holdAtMost = Duration.ZERO;
  private volatile boolean reportUsage = true;
  private volatile boolean cachedHalf;
  private volatile Duration slowBodyDelay = Duration.ofSeconds(5);

  private FakeOpenAiServer() {
    for (Fault fault : Fault.values()) {
      injected.put(fault, new AtomicInteger());
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return answer(request);
          }
        });
  }

  /** A started server. */
  public static FakeOpenAiServer start() {
    FakeOpenAiServer fake = new FakeOpenAiServer();
    try {
      fake.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fake;
  }

  /**
   * Runs the server standalone, to try the library as a user would: {@code java ...
   * FakeOpenAiServer [port] [faultEvery]}. Every {@code faultEvery}-th new request gets a fault
   * (429, 503, truncated JSON, dropped connection, cut body in turn). On exit it prints how many
   * requests came, how many carried {@code Authorization: Bearer $FAKE_SERVER_EXPECTED_KEY}, and the
   * faults injected.
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int every = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    FakeOpenAiServer fake = new FakeOpenAiServer();
    fake.server.start(java.net.InetAddress.getByName("127.0.0.1"), port);
    fake.faultEvery(every, Fault.RATE_LIMITED, Fault.UNAVAILABLE, Fault.TRUNCATED_JSON, Fault.DROPPED_CONNECTION, Fault.CUT_BODY);
    String expected = "Bearer " + System.getenv("FAKE_SERVER_EXPECTED_KEY");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<RecordedRequest> all = fake.requests();
                  long authorised =
                      all.stream().filter(r -> expected.equals(r.getHeaders().get("Authorization"))).count();
                  System.out.println(
                      "requests=" + all.size() + " authorised=" + authorised + " faults=" + fake.injected);
                }));
    System.out.println("listening on " + fake.baseUrl());
    Thread.currentThread().join();
  }

  /** The base URL to configure as {@code hvae.base-url}: {@code http://127.0.0.1:port/v1}. */
  public String baseUrl() {
    String url = server.url("/v1").toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Every n-th new request body gets the next of {@code faults}, in rotation. */
  public FakeOpenAiServer faultEvery(int n, Fault... faults) {
    this.rotation = List.of(faults);
    this.faultEvery = n;
    return this;
  }

  /**
   * Holds requests in batches of {@code requests}: each is held until its batch has arrived, or
   * {@code atMost} has passed. This makes overlap observable: a limit of n reaches exactly n in
   * flight, and a broken limit shows as more.
   */
  public FakeOpenAiServer holdUntilConcurrent(int requests, Duration atMost) {
    this.concurrentTarget = requests;
    this.holdAtMost = atMost;
    return this;
  }

  /** Leaves {@code usage} out of answers, as some local servers do. */
  public FakeOpenAiServer withoutUsage() {
    this.reportUsage = false;
    return this;
  }

  /** Reports half of each prompt's tokens as cached ({@code prompt_tokens_details.cached_tokens}). */
  public FakeOpenAiServer withCachedPromptTokens() {
    this.cachedHalf = true;
    return this;
  }

  public FakeOpenAiServer slowBodyDelay(Duration delay) {
    this.slowBodyDelay = delay;
    return this;
  }

  /** Every request received, in order of arrival. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The most requests that were in flight at once. */
  public int maxInFlight() {
    synchronized (gate) {
      return maxInFlight;
    }
  }

  /** How often each fault was injected. */
  public int injected(Fault fault) {
    return injected.get(fault).get();
  }

  public int injectedTotal() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** The SVO angle implied by this server's choices for a conversation about {@code value}. */
  public static double expectedAngle(SocialValue value) {
    Map<Integer, Integer> byItem = new TreeMap<>();
    for (SliderItem item : SvoSliderMeasure.primaryItems()) {
      int chosen = choose(value.ringAngle(), item.options());
      byItem.put(item.number(), chosen);
    }
    return new SvoChoices(byItem).angle();
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    requests.add(request);
    enter();
    try {
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      Optional<Fault> fault = faultFor(body);
      if (fault.isPresent()) {
        injected.get(fault.get()).incrementAndGet();
        return faulty(fault.get(), body);
      }
      return new MockResponse.Builder()
          .code(200)
          .addHeader("Content-Type", "application/json")
          .body(completion(body))
          .build();
    } finally {
      leave();
    }
  }

  private void enter() throws InterruptedException {
    synchronized (gate) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      int arrival = ++arrivals;
      gate.notifyAll();
      if (concurrentTarget <= 0) {
        return;
      }
      // Requests pass in batches of the target size, like a barrier, so a batch is in flight
      // together however the previous batch's threads happen to be scheduled.
      int batchEnd = ((arrival + concurrentTarget - 1) / concurrentTarget) * concurrentTarget;
      long deadline = System.nanoTime() + holdAtMost.toNanos();
      while (arrivals < batchEnd) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(gate, left);
      }
      // A full batch lingers a moment, so that requests a broken limit lets through arrive while it
      // is still in flight; one that does ends the linger, since the excess is already recorded.
      long lingerEnd = System.nanoTime() + LINGER.toNanos();
      while (inFlight <= concurrentTarget) {
        long left = lingerEnd - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(gate, left);
      }
    }
  }

  private void leave() {
    synchronized (gate) {
      inFlight--;
    }
  }

  private Optional<Fault> faultFor(String body) {
    if (faultEvery <= 0 || rotation.isEmpty() || !seenBodies.add(body)) {
      return Optional.empty();
    }
    int n = newBodies.incrementAndGet();
    if (n % faultEvery != 0) {
      return Optional.empty();
    }
    return Optional.of(rotation.get((n / faultEvery - 1) % rotation.size()));
  }

  private MockResponse faulty(Fault fault, String body) {
    return switch (fault) {
      case RATE_LIMITED ->
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "0")
              .addHeader("Content-Type", "application/json")
              .body("{\"error\":{\"message\":\"Rate limit reached, slow down\",\"type\":\"rate_limit\"}}")
              .build();
      case UNAVAILABLE ->
          new MockResponse.Builder().code(503).body("Service Unavailable").build();
      case TRUNCATED_JSON -> {
        String whole = completion(body);
        yield new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(whole.substring(0, whole.length() / 2))
            .build();
      }
      case DROPPED_CONNECTION ->
          new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
      case CUT_BODY ->
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "application/json")
              .body(completion(body))
              .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
              .build();
      case SLOW_BODY ->
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "application/json")
              .body(completion(body))
              .bodyDelay(slowBodyDelay.toMillis(), TimeUnit.MILLISECONDS)
              .build();
    };
  }

  private String completion(String requestBody) {
    try {
      JsonNode request = MAPPER.readTree(requestBody);
      List<String[]> messages = new ArrayList<>();
      for (JsonNode m : request.path("messages")) {
        messages.add(new String[] {m.path("role").asText(), m.path("content").asText()});
      }
      String reply = reply(messages);
      String prompt = String.join("\n", messages.stream().map(m -> m[1]).toList());
      ObjectNode response = MAPPER.createObjectNode();
      response.put("id", "chatcmpl-fake");
      response.put("object", "chat.completion");
      response.put("model", request.path("model").asText());
      ObjectNode choice = response.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", reply);
      choice.put("finish_reason", "stop");
      if (reportUsage) {
        long promptTokens = (prompt.length() + 3) / 4;
        long completionTokens = (reply.length() + 3) / 4;
        ObjectNode usage =
            response
                .putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        if (cachedHalf) {
          usage.putObject("prompt_tokens_details").put("cached_tokens", promptTokens / 2);
        }
      }
      return MAPPER.writeValueAsString(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String reply(List<String[]> messages) {
    String first =
        messages.stream().filter(m -> m[0].equals("user")).map(m -> m[1]).findFirst().orElse("");
    OptionalDouble target = target(first);
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (!messages.get(i)[0].equals("user")) {
        continue;
      }
      List<Allocation> options = options(messages.get(i)[1]);
      if (options.size() == SliderItem.OPTION_COUNT && target.isPresent()) {
        char label = SliderItem.labelOf(choose(target.getAsDouble(), options));
        return i == messages.size() - 1 ? "I choose " + label + "." : String.valueOf(label);
      }
    }
    String last = messages.get(messages.size() - 1)[1].toLowerCase(Locale.ROOT);
    return last.contains("goal")
        ? "My goal is to choose, every time, the split that best fits this value system."
        : "Yes. A person with this value system weighs both outcomes as it says.";
  }

  private static OptionalDouble target(String valuePrompt) {
    Matcher angle = ANGLE.matcher(valuePrompt);
    if (angle.find()) {
      return OptionalDouble.of(Double.parseDouble(angle.group(1)));
    }
    String text = valuePrompt.toLowerCase(Locale.ROOT);
    for (SocialValue value : SocialValue.values()) {
      if (text.contains(value.promptName())) {
        return OptionalDouble.of(value.ringAngle());
      }
    }
    return OptionalDouble.empty();
  }

  private static List<Allocation> options(String prompt) {
    Allocation[] found = new Allocation[SliderItem.OPTION_COUNT];
    Matcher line = OPTION_LINE.matcher(prompt);
    int count = 0;
    while (line.find()) {
      int index = SliderItem.indexOf(line.group(1).charAt(0));
      count += found[index] == null ? 1 : 0;
      found[index] =
          new Allocation(Double.parseDouble(line.group(2)), Double.parseDouble(line.group(3)));
    }
    return count == SliderItem.OPTION_COUNT ? List.of(found) : List.of();
  }

  /**
   * The best option for the ideal respondent of {@code angle}; ties go to most coins for self, then
   * most for the other, which does not depend on the order the options were shown in.
   */
  static int choose(double angle, List<Allocation> options) {
    IdealRespondent respondent = new IdealRespondent(angle);
    int best = 0;
    for (int i = 1; i < options.size(); i++) {
      Allocation a = options.get(i);
      Allocation b = options.get(best);
      double difference = respondent.utility(a) - respondent.utility(b);
      boolean tied = Math.abs(difference) <= 1e-9;
      if (difference > 1e-9
          || (tied && (a.self() > b.self() || (a.self() == b.self() && a.other() > b.other())))) {
        best = i;
      }
    }
    return best;
  }

  @Override
  public void close() {
    server.close();
  }
}

package io.github.hvae.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.RetryCounts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Posts JSON to a model endpoint and returns the parsed JSON answer, reliably: one attempt at a
 * time under the endpoint's {@link ConcurrencyLimit}, retried by the {@link RetryPolicy} on
 * rate limits (429), server trouble (408, 500, 502, 503, 504, 529), connection failures, timeouts,
 * and bodies that are cut off, not JSON, or larger than the body limit. Other statuses (400, 401,
 * 403, 404...) fail at once with a {@link ModelException} that names the URL, the status and what
 * to do.
 *
 * <p>The endpoint's {@link CircuitBreaker} fails calls at once once a whole retry cycle met only
 * connection failures and timeouts; its {@link AdaptiveConcurrency} level learns from every
 * answer. Each call's retries are counted by cause ({@link Answer#retries()}, {@link
 * ModelException#retries()}) and logged at debug level ({@code FINE}), not on the console.
 *
 * <p>Bodies in both directions are bounded ({@link EndpointPolicy#maxBodyBytes()}), after
 * decompression: a huge or compressed-bomb answer stops at the limit, fast, as a failed attempt.
 *
 * <p>Nothing from the server reaches a message, a log line or a caller with the API key in it: error
 * text is scrubbed of the key in every shape {@link KeyRedactor} knows and of anything that looks
 * like a key; the JSON of a successful answer is scrubbed of the key before it is returned, so a
 * server that echoes the {@code Authorization} header into a completion cannot put it into a
 * cassette, the cache or a report; URLs are shown without user info or query.
 */
public final class ResilientJsonClient implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ResilientJsonClient.class.getName());
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");

  /** Statuses worth another attempt: rate limits and transient server trouble. */
  public static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504, 529);

  /** Enough of an error body for its message; the rest is never read. */
  private static final int ERROR_EXCERPT_BYTES = 64 << 10;

  private final String model;
  private final OkHttpClient http;
  private final RetryPolicy retry;
  private final ConcurrencyLimit limit;
  private final KeyRedactor redactor;
  private final HttpTimeouts timeouts;
  private final long maxBodyBytes;

  /**
   * @param model the model spec as shown in messages, e.g. {@code openai:gpt-4o-mini}
   * @param limit the endpoint's shared limit, breaker and policy
   * @param key the key sent, only to scrub it out of server text
   */
  public ResilientJsonClient(
      String model,
      HttpTimeouts timeouts,
      RetryPolicy retry,
      ConcurrencyLimit limit,
      Optional<ApiKey> key) {
    this.model = model;
    this.timeouts = timeouts;
    this.retry = retry;
    this.limit = limit;
    this.redactor = KeyRedactor.of(key);
    this.maxBodyBytes = limit.policy().maxBodyBytes();
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.read())
            .callTimeout(timeouts.call())
            // Retries are ours, counted and bounded; OkHttp's silent ones would hide failures.
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            // OkHttp keeps 5 idle connections by default; at a higher limit every turn that ends
            // while others are in flight would drop its connection and the next request would
            // pay a new TCP and TLS handshake. Keep one per request the limit lets in flight.
            .connectionPool(new ConnectionPool(limit.limit(), 5, TimeUnit.MINUTES))
            .build();
  }

  /** What a non-retryable status means for this provider and what the user should do. */
  @FunctionalInterface
  public interface StatusAdvice {
    /** E.g. for 401: "set HVAE_API_KEY or OPENAI_API_KEY to a valid key". */
    String whatToDo(int status);

    /**
     * The same, knowing the server's error body, e.g. to name the parameter a 400 rejects. The
     * body is raw server text that may hold the key: an implementation uses it only to choose among
     * its own words, never repeats it.
     */
    default String whatToDo(int status, String errorBody) {
      return whatToDo(status);
    }
  }

  /**
   * A successful answer.
   *
   * @param json the answer, scrubbed of the API key
   * @param retries the retries it took, by cause
   */
  public record Answer(JsonNode json, RetryCounts retries) {}

  /**
   * The value of an authentication header carrying {@code key} (after {@code prefix}, e.g. {@code
   * "Bearer "}).
   *
   * @throws ModelException naming the environment variable when the key holds a character no HTTP
   *     header can carry (a line break from a copied file, a typographic quote...); the key itself
   *     is never shown
   */
  public static String credential(String prefix, ApiKey key) {
    String value = key.reveal();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        String what =
            c == '\n' || c == '\r'
                ? "a line break"
                : c < 0x20 || c == 0x7f
                    ? "a control character"
                    : c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                        ? "a space"
                        : "a character outside printable ASCII (a typographic quote or dash from"
                            + " copied text?)";
        throw new ModelException(
            "the API key in "
                + key.variable()
                + " contains "
                + what
                + " at character "
                + (i + 1)
                + " of "
                + value.length()
                + ", which an HTTP header cannot carry; set "
                + key.variable()
                + " to the key alone, on one line");
      }
    }
    return prefix + value;
  }

  /** Posts {@code body} and returns the JSON answer; see {@link #exchange}. */
  public JsonNode post(HttpUrl url, Headers headers, JsonNode body, StatusAdvice advice) {
    return exchange(url, headers, body, advice, json -> Optional.empty()).json();
  }

  /**
   * Posts {@code body} to {@code url} with {@code headers}.
   *
   * @param shape what is wrong with a successful answer's JSON for this API (e.g. {@code "choices
   *     is null where an array belongs"}), empty when nothing is: such an answer is a broken
   *     server, and fails the call at once
   * @throws ModelException when the status says no retry can help, the answer is broken, the
   *     attempts or the total wait are spent, or the endpoint stopped answering (its breaker is
   *     open)
   */
  public Answer exchange(
      HttpUrl url,
      Headers headers,
      JsonNode body,
      StatusAdvice advice,
      Function<JsonNode, Optional<String>> shape) {
    String where = "POST " + Redaction.show(url);
    byte[] payload;
    try {
      payload = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a request body", e);
    }
    if (payload.length > maxBodyBytes) {
      throw new ModelException(
          String.format(
              Locale.ROOT,
              "%s: the request to %s would be %s, past the body limit of %s; the conversation"
                  + " has grown beyond any model's context (look at the answers in the report),"
                  + " or raise hvae.max-body-size",
              model,
              where,
              size(payload.length),
              size(maxBodyBytes)));
    }
    Request request =
        new Request.Builder().url(url).headers(headers).post(RequestBody.create(payload, JSON)).build();
    Instant cycleStart = retry.clock().instant();
    Duration waited = Duration.ZERO;
    RetryCounts retries = RetryCounts.NONE;
    boolean onlyUnreachable = true;
    Attempt.Retry last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      CircuitBreaker.Admission admission = limit.breaker().admit(retry.clock().instant());
      if (admission == CircuitBreaker.Admission.OPEN) {
        throw failFast(where, retries);
      }
      boolean probe = admission == CircuitBreaker.Admission.PROBE;
      Attempt outcome;
      try {
        outcome = attempt(request, where, advice, shape, probe, last != null && last.retryAfter().isPresent());
      } catch (RuntimeException | Error e) {
        if (probe) {
          limit.breaker().probeAbandoned();
        }
        throw e;
      }
      if (probe && outcome instanceof Attempt.Retry failed && failed.unreachable()) {
        limit.breaker().probeFailed(failed.reason(), retry.clock().instant());
        throw failFast(where, retries);
      }
      if (probe) {
        // Answered (which closed the breaker) or ended here without reaching it: either way the
        // probe is over.
        limit.breaker().probeAbandoned();
      }
      if (outcome instanceof Attempt.Success success) {
        return new Answer(success.json(), retries);
      }
      if (outcome instanceof Attempt.Refused) {
        throw failFast(where, retries);
      }
      if (outcome instanceof Attempt.Fatal fatal) {
        throw new ModelException(fatal.message(), retries);
      }
      last = (Attempt.Retry) outcome;
      onlyUnreachable &= last.unreachable();
      if (attempt == retry.maxAttempts()) {
        break;
      }
      Duration wait = retry.waitAfter(attempt, last.retryAfter());
      if (waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
        throw giveUp(
            where,
            cycleStart,
            onlyUnreachable,
            last,
            retries,
            String.format(
                Locale.ROOT,
                "%s: %s failed (%s) and the next retry would wait %s, past the total retry wait"
                    + " of %s; %s",
                model,
                where,
                last.reason(),
                seconds(wait),
                seconds(retry.maxTotalWait()),
                last.advice()));
      }
      if (limit.breaker().isOpen()) {
        // Another call found the endpoint dead while this one was failing too.
        throw failFast(where, retries.plus(last.cause()));
      }
      int next = attempt + 1;
      Duration pause = wait;
      String reason = last.reason();
      LOG.log(
          System.Logger.Level.DEBUG,
          () ->
              String.format(
                  Locale.ROOT,
                  "%s: %s failed (%s); attempt %d of %d in %s",
                  model,
                  where,
                  reason,
                  next,
                  retry.maxAttempts(),
                  seconds(pause)));
      retries = retries.plus(last.cause());
      try {
        retry.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelException(model + ": interrupted while waiting to retry " + where, retries);
      }
      waited = waited.plus(wait);
    }
    throw giveUp(
        where,
        cycleStart,
        onlyUnreachable,
        last,
        retries,
        String.format(
            Locale.ROOT,
            "%s: %s failed %d time(s), the last time with %s; %s",
            model,
            where,
            retry.maxAttempts(),
            last.reason(),
            last.advice()));
  }

  /** The call's retry cycle is spent: open the breaker if the endpoint never answered meanwhile. */
  private ModelException giveUp(
      String where,
      Instant cycleStart, boolean onlyUnreachable, Attempt.Retry last, RetryCounts retries, String message) {
    if (onlyUnreachable) {
      Instant now = retry.clock().instant();
      String reason = last.reason() + "; " + last.advice();
      if (limit.breaker().cycleFailed(reason, cycleStart, now)) {
        LOG.log(
            System.Logger.Level.WARNING,
            () ->
                String.format(
                    Locale.ROOT,
                    "%s: %s answered nothing for a whole retry cycle (%s); calls to it now fail at"
                        + " once, and one call probes it every %s",
                    model,
                    where,
                    last.reason(),
                    seconds(limit.policy().breakerCoolDown())));
      }
    }
    return new ModelException(message, retries);
  }

  private ModelException failFast(String where, RetryCounts retries) {
    Optional<CircuitBreaker.Open> open = limit.breaker().openReason();
    String reason = open.map(CircuitBreaker.Open::reason).orElse("it stopped answering");
    String since =
        open.map(
                o ->
                    " (since "
                        + o.since().truncatedTo(ChronoUnit.SECONDS)
                        + ", next probe at "
                        + o.nextProbe().truncatedTo(ChronoUnit.SECONDS)
                        + ")")
            .orElse("");
    return new ModelException(
        String.format(
            Locale.ROOT,
            "%s: %s is not answering, so calls to it fail at once%s: a whole retry cycle met only"
                + " connection failures and timeouts, the last one %s",
            model,
            where,
            since,
            reason),
        retries);
  }

  // "try": the permit is held, not read, so that the call counts against the limit until its
  // response is read and closed.
  @SuppressWarnings("try")
  private Attempt attempt(
      Request request,
      String where,
      StatusAdvice advice,
      Function<JsonNode, Optional<String>> shape,
      boolean probe,
      boolean waitedOutRetryAfter) {
    try (ConcurrencyLimit.Permit permit =
        limit.acquire(retry.clock(), retry.sleeper(), waitedOutRetryAfter)) {
      if (!probe && limit.breaker().isOpen()) {
        // The endpoint was found dead while this call waited for a slot.
        return new Attempt.Refused();
      }
      try (Response response = http.newCall(request).execute()) {
        int status = response.code();
        Optional<Duration> after = RetryAfter.parse(response.header("Retry-After"), retry.clock());
        limit.answered(permit, status, after, response.headers(), retry.clock().instant());
        ResponseBody body = response.body();
        if (status >= 200 && status < 300) {
          byte[] bytes;
          try {
            bytes = bounded(body);
          } catch (IOException e) {
            return Attempt.Retry.of(
                "truncated body",
                "HTTP " + status + " with a body cut off (" + describe(e) + ")",
                "the server keeps dropping its answers; check it is healthy");
          }
          if (bytes == null) {
            return Attempt.Retry.of(
                "body too large",
                "HTTP " + status + " with a body larger than the limit of " + size(maxBodyBytes),
                "the server keeps sending answers too large to be model replies; check it is"
                    + " healthy, or raise hvae.max-body-size");
          }
          return parse(bytes, status, where, shape);
        }
        String excerpt = excerpt(body);
        String serverMessage = serverMessage(excerpt);
        if (RETRYABLE.contains(status)) {
          String advised =
              status == 429
                  ? "the server keeps rate-limiting: lower hvae.concurrency, raise hvae.max-attempts,"
                      + " or check the account's rate limits"
                  : "the server keeps failing: check it is healthy, or raise hvae.max-attempts";
          return new Attempt.Retry(
              Integer.toString(status),
              "HTTP " + status + serverMessage + after.map(d -> ", Retry-After " + seconds(d)).orElse(""),
              after,
              advised,
              false);
        }
        // A rejected key may be echoed back, even partly masked: say nothing of the body then.
        String shown = status == 401 ? "" : serverMessage;
        // Redirects are not followed: a POST would be replayed, and the key sent, somewhere else.
        String whatToDo =
            status >= 300 && status < 400
                ? "the server redirects"
                    + Optional.ofNullable(response.header("Location"))
                        .map(l -> " to " + redactor.scrubMessage(l))
                        .orElse("")
                    + "; give that address as hvae.base-url"
                : advice.whatToDo(status, excerpt);
        return new Attempt.Fatal(
            model + ": " + where + " answered HTTP " + status + shown + "; " + whatToDo);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          return new Attempt.Fatal(model + ": interrupted during " + where);
        }
        return new Attempt.Retry(
            e instanceof InterruptedIOException ? "timeout" : "connection",
            describe(e),
            Optional.empty(),
            adviceFor(e),
            true);
      }
    }
  }

  /** The whole body, or null when it is larger than the limit; reads at most limit + 1 bytes. */
  private byte[] bounded(ResponseBody body) throws IOException {
    if (body.contentLength() > maxBodyBytes) {
      return null;
    }
    BufferedSource source = body.source();
    // Decompression happens inside the source, so this also stops a compressed bomb at the limit.
    if (source.request(maxBodyBytes + 1)) {
      return null;
    }
    return source.readByteArray();
  }

  /** The start of an error body, as text. */
  private static String excerpt(ResponseBody body) {
    try {
      BufferedSource source = body.source();
      source.request(ERROR_EXCERPT_BYTES);
      long available = Math.min(source.getBuffer().size(), ERROR_EXCERPT_BYTES);
      return source.getBuffer().readString(available, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private Attempt parse(
      byte[] bytes, int status, String where, Function<JsonNode, Optional<String>> shape) {
    if (isBlank(bytes)) {
      return Attempt.Retry.of(
          "empty body", "HTTP " + status + " with an empty body", "check the server is healthy");
    }
    try {
      JsonNode json = MAPPER.readTree(bytes);
      if (json == null || !json.isObject()) {
        return Attempt.Retry.of(
            "not a JSON object",
            "HTTP " + status + " with a body that is not a JSON object",
            "check hvae.base-url points at the model API (for OpenAI-compatible servers it"
                + " usually ends in /v1)");
      }
      if (json.has("error") && !json.path("error").isNull()) {
        // Some servers report failures inside a 200 answer.
        return Attempt.Retry.of(
            "error in body",
            "HTTP " + status + " carrying an error" + serverMessage(json),
            "check the server's log");
      }
      redactor.scrubTree(json);
      Optional<String> broken = shape.apply(json);
      if (broken.isPresent()) {
        return new Attempt.Fatal(
            model
                + ": "
                + where
                + " answered HTTP "
                + status
                + " with "
                + redactor.scrubMessage(broken.get())
                + "; the server is broken or does not speak this API: check hvae.base-url and the"
                + " server's version");
      }
      return new Attempt.Success(json);
    } catch (IOException e) {
      String detail =
          e instanceof JsonProcessingException p && p.getOriginalMessage() != null
              ? p.getOriginalMessage()
              : String.valueOf(e.getMessage());
      return Attempt.Retry.of(
          "malformed JSON",
          "HTTP " + status + " with a malformed or truncated JSON body ("
              + redactor.scrubMessage(detail)
              + ")",
          "the server keeps sending broken JSON; check hvae.base-url points at the model API and"
              + " the server is healthy");
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private String serverMessage(String body) {
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json != null) {
        return serverMessage(json);
      }
    } catch (JsonProcessingException notJson) {
      // show the raw text, scrubbed
    }
    String scrubbed = redactor.scrubMessage(body);
    return scrubbed.isEmpty() ? "" : " (\"" + scrubbed + "\")";
  }

  private String serverMessage(JsonNode json) {
    String message = json.toString();
    JsonNode error = json.path("error");
    if (error.isTextual()) {
      message = error.asText();
    } else if (error.path("message").isTextual()) {
      message = error.path("message").asText();
    } else if (json.path("message").isTextual()) {
      message = json.path("message").asText();
    }
    String scrubbed = redactor.scrubMessage(message);
    return scrubbed.isEmpty() ? "" : " (\"" + scrubbed + "\")";
  }

  private String describe(IOException e) {
    String detail = e.getMessage() == null ? "" : ": " + redactor.scrubMessage(e.getMessage());
    if (e instanceof SocketTimeoutException) {
      return "no answer within the read timeout of " + seconds(timeouts.read()) + detail;
    }
    if (e instanceof InterruptedIOException) {
      return "no complete answer within the call timeout of " + seconds(timeouts.call()) + detail;
    }
    if (e instanceof ConnectException || e instanceof UnknownHostException) {
      return "could not connect (" + e.getClass().getSimpleName() + detail + ")";
    }
    return "connection failed (" + e.getClass().getSimpleName() + detail + ")";
  }

  private static String adviceFor(IOException e) {
    if (e instanceof InterruptedIOException) {
      return "the model answers too slowly: raise hvae.request-timeout, or use a smaller model";
    }
    if (e instanceof ConnectException || e instanceof UnknownHostException) {
      return "check that the server is running and that hvae.base-url is right";
    }
    return "check that the server is running and healthy";
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  static String size(long bytes) {
    return bytes >= (1 << 20)
        ? String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20))
        : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** How one attempt went. */
  private sealed interface Attempt {
    record Success(JsonNode json) implements Attempt {}

    /**
     * @param cause the retry's cause as counted: the status, {@code timeout}, {@code connection}...
     * @param unreachable a connection failure or timeout: the endpoint said nothing at all
     */
    record Retry(
        String cause, String reason, Optional<Duration> retryAfter, String advice, boolean unreachable)
        implements Attempt {
      static Retry of(String cause, String reason, String advice) {
        return new Retry(cause, reason, Optional.empty(), advice, false);
      }
    }

    record Fatal(String message) implements Attempt {}

    /** Not sent: the endpoint's breaker opened while this call waited. */
    record Refused() implements Attempt {}
  }
}

package io.github.hvae.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.TokenUsage.RetryCounts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

  private final String model;
  private final OkHttpClient http;
  private final RetryPolicy retry;
  private final ConcurrencyLimit limit;
  private final ResponseReader reader;
  private final long maxBodyBytes;

  /**
   * @param model the model spec as shown in messages, e.g. {@code openai:gpt-4o-mini}
   * @param limit the endpoint's shared limit, breaker and policy
   * @param secrets every secret the endpoint is sent (its key, its configured headers' values),
   *     only to scrub them out of server text
   */
  public ResilientJsonClient(
      String model,
      HttpTimeouts timeouts,
      RetryPolicy retry,
      ConcurrencyLimit limit,
      List<ApiKey> secrets) {
    this.model = model;
    this.retry = retry;
    this.limit = limit;
    this.maxBodyBytes = limit.policy().maxBodyBytes();
    this.reader = new ResponseReader(model, KeyRedactor.of(secrets), timeouts, maxBodyBytes);
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
            .addNetworkInterceptor(new KeptRetryAfter())
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
              ResponseReader.size(payload.length),
              ResponseReader.size(maxBodyBytes)));
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
                ResponseReader.seconds(wait),
                ResponseReader.seconds(retry.maxTotalWait()),
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
                  ResponseReader.seconds(pause)));
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
                    ResponseReader.seconds(limit.policy().breakerCoolDown())));
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
        Optional<Duration> after = RetryAfter.parse(KeptRetryAfter.of(response), retry.clock());
        limit.answered(permit, status, after, response.headers(), retry.clock().instant());
        ResponseBody body = response.body();
        if (status >= 200 && status < 300) {
          return reader.success(body, status, where, shape);
        }
        String excerpt = ResponseReader.excerpt(body);
        String serverMessage = reader.serverMessage(excerpt);
        if (RETRYABLE.contains(status)) {
          String advised =
              status == 429
                  ? "the server keeps rate-limiting: lower hvae.concurrency, raise hvae.max-attempts,"
                      + " or check the account's rate limits"
                  : "the server keeps failing: check it is healthy, or raise hvae.max-attempts";
          return new Attempt.Retry(
              Integer.toString(status),
              "HTTP " + status + serverMessage + after.map(d -> ", Retry-After " + ResponseReader.seconds(d)).orElse(""),
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
                        .map(l -> " to " + reader.redactor().scrubMessage(l))
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
            reader.describe(e),
            Optional.empty(),
            ResponseReader.adviceFor(e),
            true);
      }
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}

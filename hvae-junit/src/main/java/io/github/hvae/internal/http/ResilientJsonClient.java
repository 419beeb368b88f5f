package io.github.hvae.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hvae.internal.http.ApiKey;
import io.github.hvae.agent.ModelException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts JSON to a model endpoint and returns the parsed JSON answer, reliably: one attempt at a
 * time under the endpoint's {@link ConcurrencyLimit}, retried by the {@link RetryPolicy} on
 * rate limits (429), server trouble (408, 500, 502, 503, 504, 529), connection failures, timeouts,
 * and bodies that are cut off or not JSON. Other statuses (400, 401, 403, 404...) fail at once with
 * a {@link ModelException} that names the URL, the status and what to do.
 *
 * <p>Messages and log lines never contain the API key: server text is scrubbed of it and of
 * anything that looks like a key, and URLs are shown without user info or query.
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
  private final Optional<ApiKey> key;
  private final HttpTimeouts timeouts;

  /**
   * @param model the model spec as shown in messages, e.g. {@code openai:gpt-4o-mini}
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
    this.key = key;
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
   * Posts {@code body} to {@code url} with {@code headers}.
   *
   * @throws ModelException when the status says no retry can help, or the attempts or the total
   *     wait are spent
   */
  public JsonNode post(HttpUrl url, Headers headers, JsonNode body, StatusAdvice advice) {
    String payload;
    try {
      payload = MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a request body", e);
    }
    Request request =
        new Request.Builder().url(url).headers(headers).post(RequestBody.create(payload, JSON)).build();
    String where = "POST " + Redaction.show(url);
    Duration waited = Duration.ZERO;
    Attempt.Retry last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      Attempt outcome = attempt(request, where, advice);
      if (outcome instanceof Attempt.Success success) {
        return success.json();
      }
      if (outcome instanceof Attempt.Fatal fatal) {
        throw new ModelException(fatal.message());
      }
      last = (Attempt.Retry) outcome;
      if (attempt == retry.maxAttempts()) {
        break;
      }
      int failed = attempt;
      Duration wait = last.retryAfter().orElseGet(() -> retry.backoff(failed));
      if (waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
        throw new ModelException(
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
      int next = attempt + 1;
      Duration pause = wait;
      String reason = last.reason();
      LOG.log(
          System.Logger.Level.INFO,
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
      try {
        retry.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelException(model + ": interrupted while waiting to retry " + where, e);
      }
      waited = waited.plus(wait);
    }
    throw new ModelException(
        String.format(
            Locale.ROOT,
            "%s: %s failed %d time(s), the last time with %s; %s",
            model,
            where,
            retry.maxAttempts(),
            last.reason(),
            last.advice()));
  }

  // "try": the permit is never read, only held, so that the call counts against the limit until
  // its response is read and closed.
  @SuppressWarnings("try")
  private Attempt attempt(Request request, String where, StatusAdvice advice) {
    try (ConcurrencyLimit.Permit permit = limit.acquire();
        Response response = http.newCall(request).execute()) {
      int status = response.code();
      String text;
      try {
        text = response.body().string();
      } catch (IOException e) {
        return new Attempt.Retry(
            "HTTP " + status + " with a body cut off (" + describe(e) + ")",
            Optional.empty(),
            "the server keeps dropping its answers; check it is healthy");
      }
      if (status >= 200 && status < 300) {
        return parse(text, status);
      }
      String serverMessage = serverMessage(text);
      if (RETRYABLE.contains(status)) {
        Optional<Duration> after = RetryAfter.parse(response.header("Retry-After"), retry.clock());
        String advised =
            status == 429
                ? "the server keeps rate-limiting: lower hvae.concurrency, raise hvae.max-attempts,"
                    + " or check the account's rate limits"
                : "the server keeps failing: check it is healthy, or raise hvae.max-attempts";
        return new Attempt.Retry(
            "HTTP " + status + serverMessage + after.map(d -> ", Retry-After " + seconds(d)).orElse(""),
            after,
            advised);
      }
      // A rejected key may be echoed back, even partly masked: say nothing of the body then.
      String shown = status == 401 ? "" : serverMessage;
      // Redirects are not followed: a POST would be replayed, and the key sent, somewhere else.
      String whatToDo =
          status >= 300 && status < 400
              ? "the server redirects"
                  + Optional.ofNullable(response.header("Location"))
                      .map(l -> " to " + Redaction.scrub(l, key))
                      .orElse("")
                  + "; give that address as hvae.base-url"
              : advice.whatToDo(status, text);
      return new Attempt.Fatal(
          model + ": " + where + " answered HTTP " + status + shown + "; " + whatToDo);
    } catch (ModelException e) {
      throw e;
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        return new Attempt.Fatal(model + ": interrupted during " + where);
      }
      return new Attempt.Retry(describe(e), Optional.empty(), adviceFor(e));
    }
  }

  private Attempt parse(String text, int status) {
    if (text.isBlank()) {
      return new Attempt.Retry(
          "HTTP " + status + " with an empty body", Optional.empty(), "check the server is healthy");
    }
    try {
      JsonNode json = MAPPER.readTree(text);
      if (json == null || !json.isObject()) {
        return new Attempt.Retry(
            "HTTP " + status + " with a body that is not a JSON object",
            Optional.empty(),
            "check hvae.base-url points at the model API (for OpenAI-compatible servers it"
                + " usually ends in /v1)");
      }
      if (json.has("error") && !json.path("error").isNull()) {
        // Some servers report failures inside a 200 answer.
        return new Attempt.Retry(
            "HTTP " + status + " carrying an error" + serverMessage(text),
            Optional.empty(),
            "check the server's log");
      }
      return new Attempt.Success(json);
    } catch (JsonProcessingException e) {
      return new Attempt.Retry(
          "HTTP " + status + " with a malformed or truncated JSON body ("
              + Redaction.scrub(e.getOriginalMessage(), key)
              + ")",
          Optional.empty(),
          "the server keeps sending broken JSON; check hvae.base-url points at the model API and"
              + " the server is healthy");
    }
  }

  private String serverMessage(String body) {
    String message = body;
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json != null) {
        JsonNode error = json.path("error");
        if (error.isTextual()) {
          message = error.asText();
        } else if (error.path("message").isTextual()) {
          message = error.path("message").asText();
        } else if (json.path("message").isTextual()) {
          message = json.path("message").asText();
        }
      }
    } catch (JsonProcessingException notJson) {
      // show the raw text, scrubbed
    }
    String scrubbed = Redaction.scrub(message, key);
    return scrubbed.isEmpty() ? "" : " (\"" + scrubbed + "\")";
  }

  private String describe(IOException e) {
    String detail = e.getMessage() == null ? "" : ": " + Redaction.scrub(e.getMessage(), key);
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

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** How one attempt went. */
  private sealed interface Attempt {
    record Success(JsonNode json) implements Attempt {}

    record Retry(String reason, Optional<Duration> retryAfter, String advice) implements Attempt {}

    record Fatal(String message) implements Attempt {}
  }
}

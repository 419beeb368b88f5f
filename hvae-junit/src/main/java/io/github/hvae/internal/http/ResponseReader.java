package io.github.hvae.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns what an endpoint sent into an {@link Attempt}, and failures into words: bodies read within
 * the body limit, JSON checked for the API's shape, server text and exception messages scrubbed of
 * the key before they reach a message. One per {@link ResilientJsonClient}.
 */
final class ResponseReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Enough of an error body for its message; the rest is never read. */
  private static final int ERROR_EXCERPT_BYTES = 64 << 10;

  private final String model;
  private final KeyRedactor redactor;
  private final HttpTimeouts timeouts;
  private final long maxBodyBytes;

  ResponseReader(String model, KeyRedactor redactor, HttpTimeouts timeouts, long maxBodyBytes) {
    this.model = model;
    this.redactor = redactor;
    this.timeouts = timeouts;
    this.maxBodyBytes = maxBodyBytes;
  }

  KeyRedactor redactor() {
    return redactor;
  }

  long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** A 2xx answer: its JSON if it is whole, of the API's shape and within the limit. */
  Attempt success(
      ResponseBody body, int status, String where, Function<JsonNode, Optional<String>> shape) {
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
  static String excerpt(ResponseBody body) {
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

  /** The server's own message in an error body, scrubbed, as {@code  ("...")}; empty when none. */
  String serverMessage(String body) {
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

  /** A connection failure or timeout in words, scrubbed. */
  String describe(IOException e) {
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

  static String adviceFor(IOException e) {
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
}

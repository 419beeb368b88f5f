package io.github.hvae.internal.http;

import io.github.hvae.internal.http.ApiKey;
import java.util.Optional;
import okhttp3.HttpUrl;

/** Keeps secrets out of messages built from server answers and URLs. */
public final class Redaction {

  private Redaction() {}

  /**
   * {@code text} without the key in any shape {@link KeyRedactor} knows, without anything that
   * looks like a key, on one line, shortened. Callers with many texts keep a {@link KeyRedactor}.
   */
  public static String scrub(String text, Optional<ApiKey> key) {
    return KeyRedactor.of(key).scrubMessage(text);
  }

  /** The URL without user info or query, which may carry credentials. */
  public static String show(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
  }
}

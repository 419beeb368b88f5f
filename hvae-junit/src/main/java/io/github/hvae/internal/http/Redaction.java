package io.github.hvae.internal.http;

import io.github.hvae.internal.http.ApiKey;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Keeps secrets out of messages built from server answers and URLs. */
public final class Redaction {

  /**
   * Things that look like API keys, masked or not: {@code sk-...}, {@code sk-ant-...}, and long
   * opaque tokens. Servers echo parts of a rejected key ("Incorrect API key provided: sk-ab***yz").
   */
  private static final Pattern KEY_LIKE =
      Pattern.compile("\\b(?:sk|pk|rk)-[A-Za-z0-9_\\-*.]{4,}|\\b[A-Za-z0-9_\\-]{32,}\\b");

  private static final int EXCERPT = 300;

  private Redaction() {}

  /** {@code text} without the key and without anything that looks like one, shortened. */
  public static String scrub(String text, Optional<ApiKey> key) {
    String result = text;
    if (key.isPresent()) {
      result = result.replace(key.get().reveal(), "[redacted]");
    }
    result = KEY_LIKE.matcher(result).replaceAll("[redacted]").strip();
    result = result.replaceAll("\\s+", " ");
    return result.length() > EXCERPT ? result.substring(0, EXCERPT) + "..." : result;
  }

  /** The URL without user info or query, which may carry credentials. */
  public static String show(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
  }
}

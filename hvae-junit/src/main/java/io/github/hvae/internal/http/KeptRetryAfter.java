package io.github.hvae.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from retrying on its own: OkHttp answers a 503 carrying
 * {@code Retry-After: 0} by sending the request again at once, whatever {@code
 * retryOnConnectionFailure} says — a retry nobody counted, outside the endpoint's limit and its
 * rate-limit controller. The header reaches {@link ResilientJsonClient} under another name
 * ({@link #of}), so that every retry is the retry policy's.
 */
final class KeptRetryAfter implements Interceptor {

  private static final String HEADER = "X-Hvae-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(HEADER, retryAfter).build();
  }

  /** The answer's {@code Retry-After}, wherever this interceptor put it; null without one. */
  static String of(Response response) {
    String retryAfter = response.header("Retry-After");
    return retryAfter != null ? retryAfter : response.header(HEADER);
  }
}

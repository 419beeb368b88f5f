package io.github.hvae.internal.provider;

import io.github.hvae.internal.http.ApiKey;

import io.github.hvae.agent.ModelSpec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where a provider's model is reached and with which key.
 *
 * <p>Keys come from the environment only: {@code HVAE_API_KEY}, else the provider's usual variable
 * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}). A key is required unless the endpoint is on
 * this machine or a private network (loopback, {@code localhost}, or a 10/8, 172.16/12, 192.168/16
 * or link-local address): local vLLM, Ollama, llama.cpp and LM Studio servers need none, and then
 * no authentication header is sent. A remote server that needs no key can be given any value in
 * {@code HVAE_API_KEY}.
 *
 * @param spec the model
 * @param baseUrl the endpoint base URL without a trailing slash, e.g. {@code
 *     https://api.openai.com/v1}
 * @param keyVariables the variables a key is read from, in order
 * @param apiKey the key found, if any
 * @param keyRequired false for local endpoints
 */
public record ModelEndpoint(
    ModelSpec spec,
    HttpUrl baseUrl,
    List<String> keyVariables,
    Optional<ApiKey> apiKey,
    boolean keyRequired) {

  public static final String HVAE_API_KEY = "HVAE_API_KEY";
  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  public static final String OLLAMA_BASE_URL = "http://localhost:11434/v1";
  public static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  public ModelEndpoint {
    keyVariables = List.copyOf(keyVariables);
  }

  /**
   * The endpoint of a provider model.
   *
   * @param configuredBaseUrl {@code hvae.base-url}, when given
   * @throws IllegalArgumentException for the reference respondent, or a base URL that is not an
   *     http(s) URL
   */
  public static ModelEndpoint resolve(
      ModelSpec spec, Optional<String> configuredBaseUrl, Environment environment) {
    String fallback;
    List<String> variables;
    switch (spec.provider()) {
      case "openai" -> {
        fallback = OPENAI_BASE_URL;
        variables = List.of(HVAE_API_KEY, "OPENAI_API_KEY");
      }
      case "ollama" -> {
        fallback = OLLAMA_BASE_URL;
        variables = List.of(HVAE_API_KEY);
      }
      case "anthropic" -> {
        fallback = ANTHROPIC_BASE_URL;
        variables = List.of(HVAE_API_KEY, "ANTHROPIC_API_KEY");
      }
      default ->
          throw new IllegalArgumentException(
              "model '" + spec + "' is not reached over the network; it has no endpoint");
    }
    String text = configuredBaseUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
    HttpUrl url = HttpUrl.parse(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    if (url == null) {
      throw new IllegalArgumentException(
          "hvae.base-url='"
              + text
              + "' is not an http(s) URL; write e.g. http://localhost:8000/v1 for a local"
              + " OpenAI-compatible server");
    }
    Optional<ApiKey> key = Optional.empty();
    for (String variable : variables) {
      Optional<String> value = environment.variable(variable).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        key = Optional.of(new ApiKey(value.get(), variable));
        break;
      }
    }
    return new ModelEndpoint(spec, url, variables, key, !isLocal(url.host()));
  }

  /** Why calls to this endpoint cannot be made, empty when they can. */
  public Optional<String> unavailableReason() {
    if (keyRequired && apiKey.isEmpty()) {
      return Optional.of(
          "hvae.model="
              + spec
              + " needs an API key: set "
              + String.join(" or ", keyVariables)
              + " (a server on this machine or a private network, given as hvae.base-url, needs"
              + " none)");
    }
    return Optional.empty();
  }

  /** The URL of an endpoint path below the base URL, e.g. {@code chat/completions}. */
  public HttpUrl resolvePath(String path) {
    return baseUrl.newBuilder().addPathSegments(path).build();
  }

  /** The key variables as a phrase for messages: "HVAE_API_KEY or OPENAI_API_KEY". */
  public String keyAdvice() {
    return String.join(" or ", keyVariables);
  }

  /** The limiter key: requests in flight are limited per base URL. */
  public String limitKey() {
    return baseUrl.toString();
  }

  static boolean isLocal(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    // Only IP literals are inspected: a host name would need a DNS lookup just to decide.
    if (!IPV4.matcher(host).matches() && !host.contains(":")) {
      return false;
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress()
          || address.isSiteLocalAddress()
          || address.isLinkLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

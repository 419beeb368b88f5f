package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.http.ApiKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Where a provider's model is reached, with which key and headers, as {@link HttpEndpoints}
 * resolved them for a run.
 *
 * <p>Keys come from the environment only. A key is required unless the endpoint is on this machine
 * or a private network (loopback, {@code localhost}, or a 10/8, 172.16/12, 192.168/16 or link-local
 * address): local vLLM, Ollama, llama.cpp and LM Studio servers need none, and then no
 * authentication header is sent. A configured header that replaces the key's header (a gateway's
 * own {@code Authorization}) makes the key unnecessary too.
 *
 * @param spec the model
 * @param baseUrl the API base URL without a trailing slash, e.g. {@code https://api.openai.com/v1}
 *     (Azure's carries its {@code api-version} query)
 * @param keyVariables the variables the key was looked for in, in order
 * @param apiKey the key found, if any
 * @param keyRequired false for local endpoints, and where a configured header replaces the key
 * @param keyHeader how the key is sent
 * @param extraHeaders the configured headers whose variables are set, values from the environment
 * @param unsetHeaderVariables variables of configured headers that are not set
 * @param seedParameter the body field that carries the seed
 * @param baseUrlSettings where this endpoint's base URL is configured, for messages: {@code
 *     hvae.openai.base-url or OPENAI_BASE_URL}
 */
public record ModelEndpoint(
    ModelSpec spec,
    HttpUrl baseUrl,
    List<String> keyVariables,
    Optional<ApiKey> apiKey,
    boolean keyRequired,
    EndpointDefaults.KeyHeader keyHeader,
    List<SecretHeader> extraHeaders,
    List<String> unsetHeaderVariables,
    String seedParameter,
    String baseUrlSettings) {

  public static final String HVAE_API_KEY = HttpEndpoints.HVAE_API_KEY;
  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
  public static final String OLLAMA_BASE_URL = "http://localhost:11434/v1";
  public static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * A header whose value came from the environment; its {@link #toString()} never shows the value.
   *
   * @param name the header
   * @param value the value and the variable it came from
   */
  public record SecretHeader(String name, ApiKey value) {}

  public ModelEndpoint {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(baseUrl, "baseUrl");
    keyVariables = List.copyOf(keyVariables);
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(keyHeader, "keyHeader");
    extraHeaders = List.copyOf(extraHeaders);
    unsetHeaderVariables = List.copyOf(unsetHeaderVariables);
    Objects.requireNonNull(seedParameter, "seedParameter");
    Objects.requireNonNull(baseUrlSettings, "baseUrlSettings");
  }

  /**
   * The endpoint of a provider model outside a run, as a test or a benchmark makes one agent:
   * {@code baseUrl}, {@code HVAE_API_KEY} and the provider's own variables all apply to it.
   *
   * @throws IllegalArgumentException for a model not reached over HTTP, or a base URL that is not
   *     an http(s) URL
   */
  public static ModelEndpoint resolve(
      ModelSpec spec, Optional<String> baseUrl, Environment environment) {
    AgentSettings settings = AgentSettings.defaults(0).withEnvironment(environment);
    return HttpEndpoints.endpoint(
        spec, SettingsContext.of(baseUrl.map(settings::withBaseUrl).orElse(settings)));
  }

  /** Why calls to this endpoint cannot be made, empty when they can. */
  public Optional<String> unavailableReason() {
    if (keyRequired && apiKey.isEmpty()) {
      return Optional.of(
          "hvae.model="
              + spec
              + " needs an API key: set "
              + keyAdvice()
              + " (a server on this machine or a private network, given as "
              + baseUrlSettings
              + ", needs none)");
    }
    if (!unsetHeaderVariables.isEmpty()) {
      return Optional.of(
          "hvae.model="
              + spec
              + " sends headers whose values come from "
              + String.join(", ", unsetHeaderVariables)
              + ", which "
              + (unsetHeaderVariables.size() == 1 ? "is" : "are")
              + " not set: set "
              + (unsetHeaderVariables.size() == 1 ? "it" : "them")
              + ", or take the header out of hvae."
              + spec.provider()
              + ".headers");
    }
    return Optional.empty();
  }

  /**
   * The headers every request to this endpoint carries: the key in the provider's header, and the
   * configured headers (one that names the key's header replaces it).
   */
  public Headers headers() {
    Headers.Builder headers = new Headers.Builder();
    boolean replaced = extraHeaders.stream().anyMatch(h -> h.name().equalsIgnoreCase(keyHeader.header()));
    if (!replaced) {
      apiKey.ifPresent(key -> headers.add(keyHeader.header(), keyHeader.prefix() + key.reveal()));
    }
    extraHeaders.forEach(h -> headers.add(h.name(), h.value().reveal()));
    return headers.build();
  }

  /**
   * Every secret requests to this endpoint carry: its key, and the values of its configured
   * headers (a gateway's subscription key is as secret as the provider's). Server text is scrubbed
   * of all of them.
   */
  public List<ApiKey> secrets() {
    List<ApiKey> secrets = new java.util.ArrayList<>();
    apiKey.ifPresent(secrets::add);
    extraHeaders.forEach(h -> secrets.add(h.value()));
    return List.copyOf(secrets);
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

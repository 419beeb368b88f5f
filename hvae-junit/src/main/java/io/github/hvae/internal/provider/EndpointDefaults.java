package io.github.hvae.internal.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a provider reached over HTTP is found and authenticated when nothing else is configured: its
 * own base URL, the ecosystem's variables for its base URL and key, the header that carries the key,
 * and how its API names the seed. The configuration keys come from the provider's name: {@code
 * hvae.<name>.base-url} and {@code hvae.<name>.headers}.
 *
 * @param baseUrl the public endpoint; empty where every user has their own (Azure's resource)
 * @param baseUrlVariable the ecosystem's variable for the base URL, e.g. {@code OPENAI_BASE_URL}
 * @param keyVariables the provider's own key variables, in order, e.g. {@code OPENAI_API_KEY}
 * @param keyHeader how the key is sent
 * @param seedParameter the request body field that carries the seed: {@code seed}, or Mistral's
 *     {@code random_seed}
 */
public record EndpointDefaults(
    Optional<String> baseUrl,
    Optional<String> baseUrlVariable,
    List<String> keyVariables,
    KeyHeader keyHeader,
    String seedParameter) {

  /** How an API key travels. */
  public enum KeyHeader {
    /** {@code Authorization: Bearer <key>}: OpenAI and the OpenAI-compatible servers. */
    BEARER("Authorization", "Bearer "),
    /** {@code x-api-key: <key>}: Anthropic. */
    X_API_KEY("x-api-key", ""),
    /** {@code api-key: <key>}: Azure OpenAI. */
    API_KEY("api-key", "");

    private final String header;
    private final String prefix;

    KeyHeader(String header, String prefix) {
      this.header = header;
      this.prefix = prefix;
    }

    public String header() {
      return header;
    }

    /** What precedes the key in the header's value: {@code "Bearer "} or nothing. */
    public String prefix() {
      return prefix;
    }
  }

  public EndpointDefaults {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(baseUrlVariable, "baseUrlVariable");
    keyVariables = List.copyOf(keyVariables);
    Objects.requireNonNull(keyHeader, "keyHeader");
    Objects.requireNonNull(seedParameter, "seedParameter");
  }

  /** An OpenAI-compatible endpoint: Bearer key, {@code seed}. */
  public static EndpointDefaults openAiCompatible(
      String baseUrl, Optional<String> baseUrlVariable, String keyVariable) {
    return new EndpointDefaults(
        Optional.of(baseUrl), baseUrlVariable, List.of(keyVariable), KeyHeader.BEARER, "seed");
  }

  /** The same with the seed sent as {@code parameter}. */
  public EndpointDefaults withSeedParameter(String parameter) {
    return new EndpointDefaults(baseUrl, baseUrlVariable, keyVariables, keyHeader, parameter);
  }
}

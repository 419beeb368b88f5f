package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.http.ApiKey;
import io.github.hvae.internal.http.OkHttpCompatibility;
import io.github.hvae.internal.http.ResilientJsonClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Resolves the endpoint of a model reached over HTTP: base URL, key and headers, each provider from
 * its own settings.
 *
 * <p><b>Base URL</b>, first found: {@code hvae.<provider>.base-url}; {@code hvae.base-url} when the
 * provider is the run's own (below); the ecosystem's variable ({@code OPENAI_BASE_URL}, {@code
 * ANTHROPIC_BASE_URL}, {@code AZURE_OPENAI_ENDPOINT}); the provider's public endpoint.
 *
 * <p><b>Key</b>, from the environment only: {@code HVAE_API_KEY} when the provider is the run's
 * own, else (and then) the provider's own variables ({@code OPENAI_API_KEY}, {@code
 * ANTHROPIC_API_KEY}, ...). A key goes only to its own provider's endpoint.
 *
 * <p><b>The run's own provider</b> is the provider {@code hvae.model} names. {@code hvae.base-url}
 * and {@code HVAE_API_KEY} are that provider's settings and nobody else's: a run that also names
 * models of other providers (in {@code @ValueAlignmentTest(models = ...)} or {@code
 * hvae.choice-extractor}) reaches them with their own variables only. The rule depends on the
 * configuration alone, not on which tests happen to run first or in which fork, so one key can
 * never reach two providers' hosts in one build. A model of another provider that would need
 * {@code HVAE_API_KEY} or {@code hvae.base-url} to be callable (a remote endpoint without its own
 * key) fails at discovery, naming the variables to set; with neither set it is merely unavailable,
 * as any model without its key.
 *
 * <p><b>Headers</b>: {@code hvae.<provider>.headers=Name=ENV_VAR,...}, values from the environment
 * only (see {@link HeaderVariables}).
 */
public final class HttpEndpoints {

  /** The run-wide key variable, for the run's own provider only. */
  public static final String HVAE_API_KEY = "HVAE_API_KEY";

  /** The run-wide base URL key, for the run's own provider only. */
  public static final String BASE_URL = "hvae.base-url";

  static final String MODEL = "hvae.model";

  private HttpEndpoints() {}

  /** {@code hvae.<provider>.base-url}. */
  public static String baseUrlKey(String provider) {
    return "hvae." + provider + ".base-url";
  }

  /** {@code hvae.<provider>.headers}. */
  public static String headersKey(String provider) {
    return "hvae." + provider + ".headers";
  }

  /**
   * The endpoint of {@code spec} as the run's configuration and environment give it.
   *
   * @throws IllegalArgumentException for a model not reached over HTTP, an invalid setting, or a
   *     model that would need another provider's {@code HVAE_API_KEY} or {@code hvae.base-url}
   * @throws ModelException when the endpoint has no base URL (Azure without its resource)
   */
  public static ModelEndpoint endpoint(ModelSpec spec, ModelProvider.Context context) {
    return httpProvider(spec)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model '" + spec + "' is not reached over the network; it has no endpoint"))
        .endpoint(spec, context);
  }

  /**
   * The base URL the configuration gives {@code spec}, empty for the provider's own or one from the
   * environment: what a cassette or cache entry is keyed on. Configuration only, so that a replay
   * on a machine without the recording machine's variables still matches.
   */
  public static Optional<String> configuredBaseUrl(ModelSpec spec, ModelProvider.Context context) {
    Optional<HttpProvider> provider = httpProvider(spec);
    if (provider.isEmpty()) {
      // Models not reached over HTTP keep the key they always had.
      return context.parameter(BASE_URL);
    }
    return context
        .parameter(baseUrlKey(provider.get().name()))
        .or(() -> isRunsOwn(spec, context) ? context.parameter(BASE_URL) : Optional.empty());
  }

  /**
   * The client of an endpoint: limited per endpoint, retried and timed out as the run's settings
   * say, its server text scrubbed of the endpoint's own key and of its configured headers' values.
   */
  public static ResilientJsonClient client(ModelEndpoint endpoint, ModelProvider.Context context) {
    OkHttpCompatibility.require();
    endpoint.unavailableReason().ifPresent(reason -> {
      throw new ModelException(reason);
    });
    AgentSettings settings = SettingsContext.settingsOf(context);
    return new ResilientJsonClient(
        endpoint.spec().toString(),
        settings.timeouts(),
        settings.retry(),
        settings.limits().forEndpoint(endpoint.limitKey()),
        endpoint.secrets());
  }

  /** Why {@code spec} of {@code provider} cannot be called here, empty when it can. */
  static Optional<String> unavailableReason(
      HttpProvider provider, ModelSpec spec, ModelProvider.Context context) {
    OkHttpCompatibility.require();
    Resolution resolution = resolve(provider, spec, context);
    return resolution.endpoint().isPresent()
        ? resolution.endpoint().get().unavailableReason()
        : resolution.missing();
  }

  static ModelEndpoint endpoint(HttpProvider provider, ModelSpec spec, ModelProvider.Context context) {
    Resolution resolution = resolve(provider, spec, context);
    return resolution.endpoint().orElseThrow(() -> new ModelException(resolution.missing().orElseThrow()));
  }

  /** An endpoint, or why there is none (no base URL anywhere). */
  private record Resolution(Optional<ModelEndpoint> endpoint, Optional<String> missing) {}

  /** Where a base URL came from: a configuration key, a variable, or the provider's default. */
  private record Source(String text, String name, boolean variable) {}

  private static Resolution resolve(HttpProvider provider, ModelSpec spec, ModelProvider.Context context) {
    EndpointDefaults defaults = provider.defaults();
    String name = provider.name();
    boolean runsOwn = isRunsOwn(spec, context);
    String ownKey = baseUrlKey(name);
    Optional<Source> source =
        context
            .parameter(ownKey)
            .map(text -> new Source(text, ownKey, false))
            .or(() -> runsOwn ? context.parameter(BASE_URL).map(t -> new Source(t, BASE_URL, false)) : Optional.empty())
            .or(
                () ->
                    defaults
                        .baseUrlVariable()
                        .flatMap(v -> context.environmentVariable(v).map(t -> new Source(t, v, true))))
            .or(() -> defaults.baseUrl().map(text -> new Source(text, "the default", false)));
    String baseUrlSettings = runsOwn ? BASE_URL : baseUrlSettings(name, defaults);
    if (source.isEmpty()) {
      failIfRelyingOnRunsOwnSettings(spec, context, runsOwn, defaults, name);
      return new Resolution(
          Optional.empty(),
          Optional.of(
              "hvae.model=" + spec + " needs its endpoint: set " + baseUrlSettings(name, defaults)
                  + (runsOwn ? " or " + BASE_URL : "")));
    }
    HttpUrl url = parse(source.get());
    if (source.get().variable()) {
      url = provider.fromBaseUrlVariable(url);
    }
    url = provider.apiBase(url, spec, context);

    List<String> keyVariables = new ArrayList<>();
    if (runsOwn) {
      keyVariables.add(HVAE_API_KEY);
    }
    keyVariables.addAll(defaults.keyVariables());
    Optional<ApiKey> key = Optional.empty();
    for (String variable : keyVariables) {
      Optional<String> value = context.environmentVariable(variable).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        checkHeaderValue(value.get(), variable);
        key = Optional.of(new ApiKey(value.get(), variable));
        break;
      }
    }

    HeaderVariables headers = headers(name, context);
    List<ModelEndpoint.SecretHeader> found = new ArrayList<>();
    List<String> unset = new ArrayList<>();
    for (HeaderVariables.Entry entry : headers.entries()) {
      Optional<String> value = context.environmentVariable(entry.variable()).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        checkHeaderValue(value.get(), entry.variable());
        found.add(new ModelEndpoint.SecretHeader(entry.header(), new ApiKey(value.get(), entry.variable())));
      } else {
        unset.add(entry.variable());
      }
    }

    boolean keyRequired =
        !ModelEndpoint.isLocal(url.host()) && !headers.names(defaults.keyHeader().header());
    if (keyRequired && key.isEmpty()) {
      failIfRelyingOnRunsOwnSettings(spec, context, runsOwn, defaults, name);
    }
    return new Resolution(
        Optional.of(
            new ModelEndpoint(
                spec, url, keyVariables, key, keyRequired, defaults.keyHeader(), found, unset,
                defaults.seedParameter(), baseUrlSettings)),
        Optional.empty());
  }

  /**
   * True when {@code spec}'s provider is the run's own: the one {@code hvae.model} names (any model
   * made outside a run is its own).
   */
  static boolean isRunsOwn(ModelSpec spec, ModelProvider.Context context) {
    return runsOwnProvider(spec, context).filter(spec.provider()::equals).isPresent();
  }

  private static Optional<String> runsOwnProvider(ModelSpec spec, ModelProvider.Context context) {
    if (context instanceof SettingsContext settings && settings.standalone()) {
      return Optional.of(spec.provider());
    }
    Optional<ModelSpec> model;
    try {
      model = context.parameter(MODEL).map(ModelSpec::parse);
    } catch (IllegalArgumentException invalid) {
      // Reported where the configuration is read.
      return Optional.empty();
    }
    return model.filter(m -> httpProvider(m).isPresent()).map(ModelSpec::provider);
  }

  /**
   * Fails a model of another provider than the run's own that could be called only with {@code
   * HVAE_API_KEY} or {@code hvae.base-url}: sending them would give one provider's key to another's
   * host, and silently disabling the model would hide that the run is misconfigured.
   */
  private static void failIfRelyingOnRunsOwnSettings(
      ModelSpec spec, ModelProvider.Context context, boolean runsOwn, EndpointDefaults defaults, String name) {
    if (runsOwn) {
      return;
    }
    List<String> set = new ArrayList<>();
    if (context.environmentVariable(HVAE_API_KEY).isPresent()) {
      set.add(HVAE_API_KEY);
    }
    if (context.parameter(BASE_URL).isPresent()) {
      set.add(BASE_URL);
    }
    if (set.isEmpty()) {
      return;
    }
    String model = context.parameter(MODEL).orElse(ModelSpec.REFERENCE);
    String owner =
        runsOwnProvider(spec, context)
            .map(p -> "the provider hvae.model names (hvae.model=" + model + ")")
            .orElse("the provider hvae.model names, and hvae.model=" + model + " names none reached over HTTP");
    String setWhat = String.join(" and ", set) + (set.size() == 1 ? " is" : " are");
    StringBuilder message =
        new StringBuilder("model ")
            .append(spec)
            .append(": ")
            .append(setWhat)
            .append(" set, but they configure only ")
            .append(owner)
            .append(", so that one provider's key never reaches another provider's host; ")
            .append(spec)
            .append(" needs its own settings: set ")
            .append(String.join(" or ", defaults.keyVariables()))
            .append(" to its key, and ")
            .append(baseUrlSettings(name, defaults))
            .append(" to its base URL");
    defaults.baseUrl().ifPresent(url -> message.append(" if it is not ").append(url));
    message.append(" (or make it the run's only provider by naming it in hvae.model)");
    throw new IllegalArgumentException(message.toString());
  }

  private static String baseUrlSettings(String provider, EndpointDefaults defaults) {
    return baseUrlKey(provider) + defaults.baseUrlVariable().map(v -> " or " + v).orElse("");
  }

  private static HeaderVariables headers(String provider, ModelProvider.Context context) {
    String key = headersKey(provider);
    Optional<String> text = context.parameter(key);
    if (text.isEmpty()) {
      return HeaderVariables.NONE;
    }
    try {
      return HeaderVariables.parse(text.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("configuration parameter " + key + " is invalid: " + e.getMessage(), e);
    }
  }

  private static HttpUrl parse(Source source) {
    String text = source.text().strip();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      // A variable's value is not shown: it may carry credentials, and it is nowhere else in the
      // build's output.
      String what = source.variable() ? source.name() : source.name() + "='" + text + "'";
      throw new IllegalArgumentException(
          what
              + " is not an http(s) URL; write e.g. http://localhost:8000/v1 for a local"
              + " OpenAI-compatible server");
    }
    return url;
  }

  /**
   * Refuses a value no HTTP header can carry, naming only its variable: OkHttp's own message would
   * show the value of any header but {@code Authorization}.
   */
  static void checkHeaderValue(String value, String variable) {
    String stripped = value.strip();
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        String what =
            c == '\n' || c == '\r'
                ? "a line break"
                : c < 0x20 || c == 0x7f ? "a control character" : "a character outside printable ASCII";
        throw new IllegalArgumentException(
            variable + " contains " + what + " at character " + (i + 1) + " of " + stripped.length()
                + ", which an HTTP header cannot carry; set " + variable + " to the value alone, on"
                + " one line");
      }
    }
  }

  private static Optional<HttpProvider> httpProvider(ModelSpec spec) {
    return Providers.of(spec).filter(HttpProvider.class::isInstance).map(HttpProvider.class::cast);
  }
}

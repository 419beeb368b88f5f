package io.github.hvae.internal.provider.azure;

import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.EndpointDefaults;
import io.github.hvae.internal.provider.openai.OpenAiProvider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * {@code azure:<deployment>}: a model deployment of an Azure OpenAI resource, spoken to in Chat
 * Completions as the Azure OpenAI REST reference and OpenAI's own {@code AzureOpenAI} client do
 * (learn.microsoft.com/azure/ai-services/openai/reference; openai-python {@code lib/azure.py}):
 *
 * <ul>
 *   <li>{@code POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...},
 *       the endpoint being the resource, {@code https://<resource>.openai.azure.com}, from {@code
 *       hvae.azure.base-url} or {@code AZURE_OPENAI_ENDPOINT};
 *   <li>the key in the {@code api-key} header (not {@code Authorization}), from {@code
 *       AZURE_OPENAI_API_KEY};
 *   <li>{@code api-version} from {@code hvae.azure.api-version}, else {@code OPENAI_API_VERSION}
 *       (the variable OpenAI's client reads), else {@value #DEFAULT_API_VERSION}, the latest
 *       generally available version of the dated data-plane inference API. {@code v1} selects the
 *       v1 API instead ({@code {endpoint}/openai/v1/chat/completions}, no {@code api-version}, the
 *       deployment named in {@code model}; learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle).
 * </ul>
 *
 * <p>A base URL whose path already reaches below {@code /openai} (an API gateway that gives the
 * whole deployment URL) is used as it is, with the {@code api-version} added.
 */
public final class AzureOpenAiProvider extends OpenAiProvider {

  /** The latest GA {@code api-version} of the dated data-plane inference API. */
  public static final String DEFAULT_API_VERSION = "2024-10-21";

  /** The configuration key of the API version. */
  public static final String API_VERSION_KEY = "hvae.azure.api-version";

  private static final String API_VERSION_VARIABLE = "OPENAI_API_VERSION";

  private static final Pattern API_VERSION = Pattern.compile("v1|\\d{4}-\\d{2}-\\d{2}(-preview)?");

  @Override
  public String name() {
    return "azure";
  }

  @Override
  public String specForm() {
    return "azure:<deployment>";
  }

  @Override
  protected EndpointDefaults defaults() {
    return new EndpointDefaults(
        Optional.empty(),
        Optional.of("AZURE_OPENAI_ENDPOINT"),
        List.of("AZURE_OPENAI_API_KEY"),
        EndpointDefaults.KeyHeader.API_KEY,
        "seed");
  }

  @Override
  protected HttpUrl apiBase(HttpUrl resource, ModelSpec spec, ModelProvider.Context context) {
    String version = apiVersion(context);
    boolean given = resource.pathSegments().contains("openai");
    if (version.equals("v1")) {
      return given ? resource : resource.newBuilder().addPathSegments("openai/v1").build();
    }
    HttpUrl.Builder url = resource.newBuilder();
    if (!given) {
      url.addPathSegment("openai").addPathSegment("deployments").addPathSegment(spec.model());
    }
    return url.setQueryParameter("api-version", version).build();
  }

  /**
   * The {@code api-version} this run uses.
   *
   * @throws IllegalArgumentException naming the key or variable when it is no API version
   */
  public static String apiVersion(ModelProvider.Context context) {
    Optional<String> configured = context.parameter(API_VERSION_KEY);
    String from = API_VERSION_KEY;
    if (configured.isEmpty()) {
      configured = context.environmentVariable(API_VERSION_VARIABLE).map(String::strip);
      from = API_VERSION_VARIABLE;
    }
    String version = configured.orElse(DEFAULT_API_VERSION);
    if (!API_VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          from + "='" + version + "' is not an Azure OpenAI API version; write a date such as "
              + DEFAULT_API_VERSION + " (or 2025-04-01-preview), or v1 for the v1 API");
    }
    return version;
  }

  /** Parses {@code hvae.azure.api-version} where the configuration is read. */
  public static String parseApiVersion(String text) {
    if (!API_VERSION.matcher(text).matches()) {
      throw new IllegalArgumentException("not an API version");
    }
    return text;
  }
}

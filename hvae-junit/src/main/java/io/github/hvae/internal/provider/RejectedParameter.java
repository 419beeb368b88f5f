package io.github.hvae.internal.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.internal.http.ResilientJsonClient.StatusAdvice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says which request parameter a provider rejects when it answers 400 or 422 because of one: a
 * server that does not know {@code seed} or {@code response_format}, a model that takes no {@code
 * temperature}. The parameter is read from the error the way each family writes it:
 *
 * <ul>
 *   <li>OpenAI and the servers that copy its errors: {@code {"error": {"message": ..., "param":
 *       "seed"}}} (the {@code param} of OpenAI's error object);
 *   <li>FastAPI-style validation (vLLM, Mistral's 422): {@code {"detail": [{"loc": ["body",
 *       "random_seed"], ...}]}}, also under {@code message};
 *   <li>otherwise the error text naming one of the optional parameters that were sent, as
 *       Anthropic's {@code "temperature: Input should be ..."} does.
 * </ul>
 *
 * <p>Only names of fields this request carried are ever repeated: the error body is server text that
 * may hold the key, and nothing of it but the match against our own field names reaches a message.
 * When no parameter can be told, the optional parameters that were sent are listed with the
 * settings that put them there.
 */
public final class RejectedParameter {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Optional parameters and the setting that puts each into a request. */
  private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

  static {
    SETTINGS.put("temperature", "hvae.temperature");
    SETTINGS.put("seed", "hvae.seed");
    SETTINGS.put("random_seed", "hvae.seed");
    SETTINGS.put("response_format", "hvae.constrained-answers");
    SETTINGS.put("grammar", "hvae.constrained-answers");
    SETTINGS.put("max_tokens", "");
  }

  private RejectedParameter() {}

  /**
   * {@code advice}, which for a 400 or 422 answer to {@code body} first says which parameter was
   * rejected.
   */
  public static StatusAdvice naming(ObjectNode body, StatusAdvice advice) {
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    return new StatusAdvice() {
      @Override
      public String whatToDo(int status) {
        return advice.whatToDo(status);
      }

      @Override
      public String whatToDo(int status, String errorBody) {
        String rest = advice.whatToDo(status);
        if (status != 400 && status != 422) {
          return rest;
        }
        return rejected(errorBody, fields)
            .map(RejectedParameter::describe)
            .or(() -> sent(fields))
            .map(said -> said + "; " + rest)
            .orElse(rest);
      }
    };
  }

  /** The field of {@code fields} that {@code errorBody} says was rejected, if it says so. */
  static Optional<String> rejected(String errorBody, List<String> fields) {
    if (errorBody == null || errorBody.isBlank()) {
      return Optional.empty();
    }
    List<String> named = new ArrayList<>();
    try {
      JsonNode json = MAPPER.readTree(errorBody);
      if (json != null) {
        structured(json, named);
      }
    } catch (JsonProcessingException notJson) {
      // read as text below
    }
    for (String candidate : named) {
      String field = candidate.split("[.\\[]", 2)[0];
      if (fields.contains(field)) {
        return Optional.of(field);
      }
    }
    for (String field : fields) {
      if (SETTINGS.containsKey(field) && mentions(errorBody, field)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** Parameter names the error states in a field of its own. */
  private static void structured(JsonNode json, List<String> named) {
    if (json.isArray()) {
      // Google's OpenAI-compatible endpoint wraps its error in a list.
      json.forEach(element -> structured(element, named));
      return;
    }
    for (JsonNode error : List.of(json, json.path("error"), json.path("message"))) {
      if (error.path("param").isTextual()) {
        named.add(error.path("param").asText());
      }
      for (JsonNode detail : error.path("detail")) {
        JsonNode loc = detail.path("loc");
        // ["body", "random_seed"]: the field follows the part of the request it is in.
        for (int i = 0; i < loc.size(); i++) {
          if (loc.get(i).isTextual() && !loc.get(i).asText().equals("body")) {
            named.add(loc.get(i).asText());
            break;
          }
        }
      }
    }
  }

  private static boolean mentions(String text, String field) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(field) + "(?![A-Za-z0-9_])")
        .matcher(text)
        .find();
  }

  private static String describe(String field) {
    String setting = SETTINGS.getOrDefault(field, "");
    String said = "the server rejects the request parameter '" + field + "'";
    return switch (setting) {
      case "" -> said;
      case "hvae.constrained-answers" ->
          said + ", which hvae.constrained-answers puts in item prompts: set it to off, or to a mode"
              + " this server supports";
      default -> said + ", which " + setting + " puts in every request: leave " + setting + " unset for"
          + " this model";
    };
  }

  /** The optional parameters that were sent, when the error does not say which one it rejects. */
  private static Optional<String> sent(List<String> fields) {
    List<String> optional = new ArrayList<>();
    for (String field : fields) {
      String setting = SETTINGS.get(field);
      if (setting != null && !setting.isEmpty()) {
        optional.add(field + " (" + setting + ")");
      }
    }
    return optional.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "the request carried the optional parameters " + String.join(", ", optional)
                + "; the server may reject one of them");
  }
}

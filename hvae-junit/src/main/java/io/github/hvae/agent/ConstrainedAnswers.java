package io.github.hvae.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether, and how, a provider asks the server to restrict an item's answer to one of the offered
 * labels ({@code hvae.constrained-answers}). The server then cannot answer anything else, so parse
 * failures disappear on servers that support it. Only requests that expect a choice are
 * constrained ({@link GenerationOptions#choice()}); the value and goal prompts stay free text.
 *
 * <p>Constrained answers change what is measured: the model picks a label instead of writing an
 * answer the parser reads. Keep the mode fixed when comparing runs.
 */
public enum ConstrainedAnswers {

  /** Free-text answers, read by the answer parser (the HVAE paper's protocol). The default. */
  OFF("off"),

  /**
   * OpenAI structured outputs: {@code response_format} of type {@code json_schema} with a strict
   * schema {@code {"choice": "A".."I"}}. Served by OpenAI, llama.cpp's server, vLLM, Ollama (0.5 and
   * later, on {@code /v1}) and LM Studio.
   */
  JSON_SCHEMA("json-schema"),

  /**
   * A GBNF grammar ({@code "grammar": "root ::= [A-I]"}), a llama.cpp server extension: the answer
   * is the bare letter, one token.
   */
  GRAMMAR("grammar");

  private final String configValue;

  ConstrainedAnswers(String configValue) {
    this.configValue = configValue;
  }

  /** The value as written in {@code hvae.constrained-answers}. */
  public String configValue() {
    return configValue;
  }

  /**
   * The mode written as {@code value} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ConstrainedAnswers parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (ConstrainedAnswers mode : values()) {
      if (mode.configValue.equals(wanted)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown constrained-answers mode '" + value + "'; use one of " + allowed());
  }

  /** The allowed values, for messages: {@code off, json-schema, grammar}. */
  public static String allowed() {
    return Arrays.stream(values()).map(m -> m.configValue).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return configValue;
  }
}

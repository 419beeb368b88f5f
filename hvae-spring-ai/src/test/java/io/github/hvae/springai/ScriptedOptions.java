package io.github.hvae.springai;

import java.util.List;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/**
 * A model's own options, as a Spring AI model module writes them (OpenAiChatOptions, say): a bean
 * with the portable options and a native JSON-schema output.
 */
class ScriptedOptions implements StructuredOutputChatOptions {

  private String model;
  private Double temperature;
  private Integer maxTokens;
  private String outputSchema;

  static ScriptedOptions of(String model, Double temperature) {
    ScriptedOptions options = new ScriptedOptions();
    options.setModel(model);
    options.setTemperature(temperature);
    return options;
  }

  @Override
  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  @Override
  public Double getTemperature() {
    return temperature;
  }

  public void setTemperature(Double temperature) {
    this.temperature = temperature;
  }

  @Override
  public Integer getMaxTokens() {
    return maxTokens;
  }

  public void setMaxTokens(Integer maxTokens) {
    this.maxTokens = maxTokens;
  }

  @Override
  public String getOutputSchema() {
    return outputSchema;
  }

  @Override
  public void setOutputSchema(String outputSchema) {
    this.outputSchema = outputSchema;
  }

  @Override
  public Double getFrequencyPenalty() {
    return null;
  }

  @Override
  public Double getPresencePenalty() {
    return null;
  }

  @Override
  public List<String> getStopSequences() {
    return null;
  }

  @Override
  public Integer getTopK() {
    return null;
  }

  @Override
  public Double getTopP() {
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends ChatOptions> T copy() {
    ScriptedOptions copy = of(model, temperature);
    copy.setMaxTokens(maxTokens);
    copy.setOutputSchema(outputSchema);
    return (T) copy;
  }
}

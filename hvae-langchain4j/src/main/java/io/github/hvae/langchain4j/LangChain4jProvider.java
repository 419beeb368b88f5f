package io.github.hvae.langchain4j;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.TypeNames;

/**
 * Makes a LangChain4j model that a test hands in with {@code @HvaeModel} a model under test:
 *
 * <ul>
 *   <li>a {@code dev.langchain4j.model.chat.ChatModel} (LangChain4j core 1.x), as built for the
 *       application: it keeps no memory, so every call sends the whole conversation so far;
 *   <li>an AI service ({@code AiServices.builder(SupportBot.class)...build()}) whose interface has
 *       one method taking a {@code @UserMessage String} and a {@code @MemoryId}, returning {@code
 *       String} or {@code Result<String>}: it keeps memory per id, so every call sends only the new
 *       message, under one memory id per sample.
 * </ul>
 *
 * <p>Registered in {@code META-INF/services/io.github.hvae.agent.ModelProvider}; nothing else of
 * this module is public. It serves no {@code langchain4j:<model>} specs: LangChain4j models come
 * configured, as objects.
 */
public final class LangChain4jProvider implements ModelProvider {

  static final String CHAT_MODEL = "dev.langchain4j.model.chat.ChatModel";

  @Override
  public String name() {
    return "langchain4j";
  }

  @Override
  public String specForm() {
    return "a LangChain4j ChatModel or AI service in an @HvaeModel field";
  }

  @Override
  public ModelAgent create(ModelSpec spec, ModelProvider.Context context) {
    throw new IllegalArgumentException(
        "'" + spec + "': LangChain4j models are handed in as objects, not named; write"
            + " @HvaeModel(\"support-bot\") static ChatModel bot = ...; and models = \"support-bot\"");
  }

  /** Checked by name, so that a class path without LangChain4j loads this provider all the same. */
  @Override
  public boolean adapts(Class<?> type) {
    return TypeNames.isA(type, CHAT_MODEL) || AiServiceMethod.find(type).isPresent();
  }

  @Override
  public ModelAgent adapt(ModelSpec name, Object model, ModelProvider.Context context) {
    if (TypeNames.isA(model.getClass(), CHAT_MODEL)) {
      return ChatModelAgent.of(name, model);
    }
    AiServiceMethod method =
        AiServiceMethod.find(model.getClass())
            .orElseThrow(() -> new IllegalArgumentException(model.getClass().getName() + " is no LangChain4j model"));
    return new AiServiceAgent(name, model, method.requireMemoryId());
  }
}

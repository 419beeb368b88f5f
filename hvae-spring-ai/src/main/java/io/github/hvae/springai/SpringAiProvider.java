package io.github.hvae.springai;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelProvider;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.TypeNames;

/**
 * Makes a Spring AI model that a test hands in with {@code @HvaeModel} a model under test (Spring
 * AI 1.1 or later):
 *
 * <ul>
 *   <li>an {@code org.springframework.ai.chat.model.ChatModel}: it keeps no memory, so every call
 *       sends the whole conversation so far;
 *   <li>an {@code org.springframework.ai.chat.client.ChatClient}, with its default system text,
 *       options and advisors: with a chat-memory advisor every call sends only the new message
 *       under one conversation id per sample ({@code ChatMemory.CONVERSATION_ID}), without one
 *       the whole conversation.
 * </ul>
 *
 * <p>Either comes from an {@code @HvaeModel} field, or from a bean of the test's Spring context
 * through an {@code @HvaeModel} method's parameter ({@code @Qualifier("supportClient") ChatClient
 * client}, or the {@code ApplicationContext}), which {@code SpringExtension} resolves. Registered in
 * {@code META-INF/services/io.github.hvae.agent.ModelProvider}; nothing else of this module is
 * public. It serves no {@code spring-ai:<model>} specs: Spring AI models come configured, as
 * objects.
 */
public final class SpringAiProvider implements ModelProvider {

  static final String CHAT_MODEL = "org.springframework.ai.chat.model.ChatModel";
  static final String CHAT_CLIENT = "org.springframework.ai.chat.client.ChatClient";

  @Override
  public String name() {
    return "spring-ai";
  }

  @Override
  public String specForm() {
    return "a Spring AI ChatModel or ChatClient in an @HvaeModel field or method";
  }

  @Override
  public ModelAgent create(ModelSpec spec, ModelProvider.Context context) {
    throw new IllegalArgumentException(
        "'" + spec + "': Spring AI models are handed in as objects, not named; write"
            + " @HvaeModel(\"support-bot\") static ChatClient bot(@Qualifier(\"supportClient\")"
            + " ChatClient client) { return client; } and models = \"support-bot\"");
  }

  /**
   * Checked by name, so that a class path without Spring AI (or with its ChatModel but not its
   * ChatClient) loads this provider all the same.
   */
  @Override
  public boolean adapts(Class<?> type) {
    return TypeNames.isA(type, CHAT_MODEL) || TypeNames.isA(type, CHAT_CLIENT);
  }

  @Override
  public ModelAgent adapt(ModelSpec name, Object model, ModelProvider.Context context) {
    if (TypeNames.isA(model.getClass(), CHAT_CLIENT)) {
      return ChatClientAgent.of(name, model);
    }
    return ChatModelAgent.of(name, model);
  }
}

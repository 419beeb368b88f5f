package io.github.hvae.langchain4j;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.service.Result;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.MemoryConversations;
import java.lang.reflect.InvocationTargetException;

/**
 * A LangChain4j AI service as a model under test. The service keeps chat memory per {@code
 * @MemoryId} (its {@code ChatMemoryProvider}), so each call sends only the request's new user
 * message, under one memory id per sample: the service adds its own system message, memory,
 * retrieval, tools and guardrails, as it does in the application. Temperature, token limit and the
 * constrained-answer schema are sent when the method takes a {@code ChatRequestParameters}; finish
 * reason and token usage are read when it returns {@code Result<String>} (a {@code String} reply
 * counts as answered, its tokens estimated).
 */
final class AiServiceAgent implements ModelAgent {

  private final ModelSpec name;
  private final Object service;
  private final AiServiceMethod method;
  private final MemoryConversations conversations;

  AiServiceAgent(ModelSpec name, Object service, AiServiceMethod method) {
    this.name = name;
    this.service = service;
    this.method = method;
    this.conversations = new MemoryConversations("the model " + name + " (AI service " + method.describe() + ")");
    // An AI service interface is often package-private, in the test class.
    method.method().setAccessible(true);
  }

  @Override
  public ModelSpec spec() {
    return name;
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    Object[] arguments = new Object[method.method().getParameterCount()];
    arguments[method.userMessage()] = request.lastMessage().content();
    arguments[method.memoryId()] = conversations.memoryId(request);
    if (method.parameters() >= 0) {
      arguments[method.parameters()] = Replies.parameters(request.options());
    }
    Object answer;
    try {
      answer = method.method().invoke(service, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof ContentFilteredException) {
        return Replies.filtered(request);
      }
      throw failed(e.getCause());
    } catch (IllegalAccessException e) {
      throw failed(e);
    }
    if (answer instanceof Result<?> result) {
      return Replies.reply(
          request, (String) result.content(), result.finishReason(), result.tokenUsage());
    }
    return Replies.reply(request, (String) answer, null, null);
  }

  private ModelException failed(Throwable cause) {
    return new ModelException(
        "the model " + name + " (AI service " + method.describe() + ") failed: " + cause, cause);
  }
}

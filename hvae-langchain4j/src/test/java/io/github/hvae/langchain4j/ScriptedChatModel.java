package io.github.hvae.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.github.hvae.adaptertesting.RuleFollowingAssistant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A LangChain4j {@link ChatModel} written against the real interface, as a team would write a
 * model of its own: it implements {@code doChat}, so LangChain4j's own {@code chat} merges its
 * default parameters with each request's. It answers as a {@link RuleFollowingAssistant}, records
 * every request it receives, and counts calls in flight.
 */
class ScriptedChatModel implements ChatModel {

  final List<ChatRequest> received = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();
  private final ChatRequestParameters defaults;
  /** Replaces the scripted response for some requests; null keeps it. */
  volatile Function<ChatRequest, ChatResponse> override = request -> null;

  ScriptedChatModel() {
    this(ChatRequestParameters.builder().modelName("support-bot-v2").temperature(0.9).build());
  }

  ScriptedChatModel(ChatRequestParameters defaults) {
    this.defaults = defaults;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return defaults;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    received.add(request);
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      // Long enough for concurrent samples to overlap when nothing holds them back.
      Thread.sleep(1);
      ChatResponse replaced = override.apply(request);
      if (replaced != null) {
        return replaced;
      }
      boolean json =
          request.parameters().responseFormat() != null
              && request.parameters().responseFormat().type() == ResponseFormatType.JSON;
      String answer = RuleFollowingAssistant.answer(lines(request.messages()), json);
      return ChatResponse.builder()
          .aiMessage(AiMessage.from(answer))
          .finishReason(FinishReason.STOP)
          .tokenUsage(new TokenUsage(120, 7))
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  static List<RuleFollowingAssistant.Line> lines(List<ChatMessage> messages) {
    return messages.stream()
        .filter(m -> !(m instanceof SystemMessage))
        .map(m -> new RuleFollowingAssistant.Line(m instanceof UserMessage, text(m)))
        .toList();
  }

  static String text(ChatMessage message) {
    if (message instanceof UserMessage user) {
      return user.singleText();
    }
    if (message instanceof AiMessage ai) {
      return ai.text() == null ? "" : ai.text();
    }
    return ((SystemMessage) message).text();
  }
}

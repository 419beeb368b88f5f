package io.github.hvae.springai;

import io.github.hvae.adaptertesting.RuleFollowingAssistant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/**
 * A Spring AI {@link ChatModel} written against the real interface, as a team would write a model
 * of its own: its default options are its own {@link ScriptedOptions}, it answers as a {@link
 * RuleFollowingAssistant} (in JSON when a prompt's options carry an output schema), reports its
 * tokens, records every prompt and counts calls in flight.
 */
class ScriptedChatModel implements ChatModel {

  final List<Prompt> received = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger mostInFlight = new AtomicInteger();
  /** Replaces the scripted response for some prompts; null keeps it. */
  volatile Function<Prompt, ChatResponse> override = prompt -> null;

  @Override
  public ChatOptions getDefaultOptions() {
    return ScriptedOptions.of("support-bot-v2", 0.9);
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    received.add(prompt);
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      // Long enough for concurrent samples to overlap when nothing holds them back.
      Thread.sleep(1);
      ChatResponse replaced = override.apply(prompt);
      if (replaced != null) {
        return replaced;
      }
      boolean json =
          prompt.getOptions() instanceof StructuredOutputChatOptions structured && structured.getOutputSchema() != null;
      String answer = RuleFollowingAssistant.answer(lines(prompt.getInstructions()), json);
      return response(answer, "STOP", new DefaultUsage(120, 7));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  static ChatResponse response(String text, String finishReason, org.springframework.ai.chat.metadata.Usage usage) {
    Generation generation =
        new Generation(new AssistantMessage(text), ChatGenerationMetadata.builder().finishReason(finishReason).build());
    ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder();
    if (usage != null) {
      metadata.usage(usage);
    }
    return new ChatResponse(List.of(generation), metadata.build());
  }

  static List<RuleFollowingAssistant.Line> lines(List<Message> messages) {
    return messages.stream()
        .filter(m -> m.getMessageType() != MessageType.SYSTEM)
        .map(m -> new RuleFollowingAssistant.Line(m.getMessageType() == MessageType.USER, m.getText() == null ? "" : m.getText()))
        .toList();
  }
}

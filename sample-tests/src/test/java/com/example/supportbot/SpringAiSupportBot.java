package com.example.supportbot;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The support bot as a Spring AI {@link ChatModel}: where a team's Spring Boot application gets
 * an {@code OpenAiChatModel} bean, this one answers by {@link SupportBotRules}, in memory.
 */
public class SpringAiSupportBot implements ChatModel {

  @Override
  public ChatResponse call(Prompt prompt) {
    List<String> userMessages =
        prompt.getInstructions().stream()
            .filter(m -> m.getMessageType() == MessageType.USER)
            .map(m -> m.getText())
            .toList();
    String answer = SupportBotRules.answer(userMessages, false);
    int promptChars = userMessages.stream().mapToInt(String::length).sum();
    Generation generation =
        new Generation(new AssistantMessage(answer), ChatGenerationMetadata.builder().finishReason("STOP").build());
    return new ChatResponse(
        List.of(generation),
        ChatResponseMetadata.builder().usage(new DefaultUsage(promptChars / 4, answer.length() / 4 + 1)).build());
  }
}

package com.example.supportbot;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's Spring configuration in miniature: a chat model and the client the
 * application talks through, with its system prompt and a chat memory (a window long enough for a
 * whole Slider conversation: 8 questions and 8 answers).
 */
@Configuration
public class SupportBotConfiguration {

  @Bean
  ChatModel supportModel() {
    return new SpringAiSupportBot();
  }

  @Bean
  ChatMemory supportMemory() {
    return MessageWindowChatMemory.builder().maxMessages(40).build();
  }

  @Bean
  ChatClient supportClient(ChatModel supportModel, ChatMemory supportMemory) {
    return ChatClient.builder(supportModel)
        .defaultSystem("You are ACME's support assistant. Be brief and follow the user's stated values.")
        .defaultAdvisors(MessageChatMemoryAdvisor.builder(supportMemory).build())
        .build();
  }
}

package io.github.hvae.agent;

import java.util.List;

/**
 * A request for the model's next message.
 *
 * @param messages the conversation so far, ending with the message to answer
 * @param options generation parameters
 * @param sampleIndex which independent conversation of an evaluation this belongs to (0-based);
 *     replay keys on it so repeated samples stay independent, and the reference respondent seeds on
 *     it
 */
public record ChatRequest(List<ChatMessage> messages, GenerationOptions options, int sampleIndex) {

  public ChatRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
  }

  public static ChatRequest of(List<ChatMessage> messages) {
    return new ChatRequest(messages, GenerationOptions.DEFAULTS, 0);
  }

  public ChatMessage lastMessage() {
    return messages.get(messages.size() - 1);
  }
}

package io.github.hvae.agent;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Target;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for the model's next message.
 *
 * @param messages the conversation so far, ending with the message to answer
 * @param options generation parameters
 * @param sampleIndex which independent conversation of an evaluation this belongs to (0-based);
 *     replay keys on it so repeated samples stay independent, and the reference respondent seeds on
 *     it
 * @param turn what the protocol knows about the request beyond its messages, empty for a request
 *     made outside an evaluation
 */
public record ChatRequest(
    List<ChatMessage> messages, GenerationOptions options, int sampleIndex, Optional<Turn> turn) {

  public ChatRequest {
    messages = List.copyOf(messages);
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(turn, "turn");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
  }

  /** A request outside an evaluation's protocol. */
  public ChatRequest(List<ChatMessage> messages, GenerationOptions options, int sampleIndex) {
    this(messages, options, sampleIndex, Optional.empty());
  }

  public static ChatRequest of(List<ChatMessage> messages) {
    return new ChatRequest(messages, GenerationOptions.DEFAULTS, 0);
  }

  public ChatMessage lastMessage() {
    return messages.get(messages.size() - 1);
  }

  /**
   * What the protocol knows about one request of an evaluation. It is never sent to a server and
   * is not part of what a cassette matches; in-process models may use it: adapters keep chat
   * memory per {@link #conversationId} (so samples stay independent), and the embedded reference
   * respondent answers items from {@link #item} instead of reading the prompt's text.
   *
   * @param conversationId unique per evaluation and sample: {@code <test id>#<sample index>}
   * @param instrument the instrument the conversation administers
   * @param target the value the conversation induces
   * @param item the item this request asks, or re-asks; empty for the value and role prompts
   * @param attempt 1 when the item is asked, 2 when it is re-asked after a reply that chose nothing
   */
  public record Turn(
      String conversationId,
      Instrument instrument,
      Target target,
      Optional<AskedItem> item,
      int attempt) {

    public Turn {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(item, "item");
    }
  }
}

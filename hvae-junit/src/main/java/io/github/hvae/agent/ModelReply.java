package io.github.hvae.agent;

import java.util.Objects;

/**
 * A model's answer to one {@link ChatRequest}.
 *
 * @param content the reply text, empty when the model produced none
 * @param outcome how the generation ended; anything but {@link Outcome#ANSWERED} is counted by the
 *     protocol and never turned into a choice
 * @param usage tokens of this call
 */
public record ModelReply(String content, Outcome outcome, TokenUsage usage) {

  /** How a generation ended. */
  public enum Outcome {
    /** The model finished its answer normally. */
    ANSWERED,
    /** Generation stopped at the token limit ({@code finish_reason=length}); content is partial. */
    TRUNCATED,
    /** The provider's content filter stopped or withheld the answer. */
    CONTENT_FILTERED,
    /** The model finished but produced no text. */
    EMPTY,
    /** The response held no choice/candidate at all. */
    NO_CHOICES
  }

  public ModelReply {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(usage, "usage");
  }

  public static ModelReply answered(String content, TokenUsage usage) {
    return new ModelReply(content, content.isBlank() ? Outcome.EMPTY : Outcome.ANSWERED, usage);
  }

  public boolean isAnswered() {
    return outcome == Outcome.ANSWERED;
  }
}

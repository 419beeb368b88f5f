package io.github.hvae.internal.provider;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The conversations of a model that keeps its own chat memory. Such a model is sent only each
 * request's new message, under one memory id per sample, so samples stay independent and no turn
 * reaches it twice.
 *
 * <p>A memory id is a UUID made from the run and the request's {@link ChatRequest.Turn#conversationId}:
 * 36 characters, which fits the conversation-id columns of JDBC memory stores (Spring AI's is
 * {@code VARCHAR(36)}), and new in every run, so that a persistent store never hands a sample an
 * earlier run's history. The ledger also checks that the model saw every earlier turn of a
 * conversation: a turn answered in its place (by {@code hvae.cache}) would leave a gap in its
 * memory, and a measurement on a model that forgot part of the conversation is not one to report.
 *
 * <p>Shared by the adapters whose clients keep memory (a LangChain4j AI service with chat memory, a
 * Spring AI {@code ChatClient} with a memory advisor).
 */
public final class MemoryConversations {

  private final String run = UUID.randomUUID().toString();
  private final String model;
  /** Per conversation: the number of messages of its last request. */
  private final ConcurrentMap<String, Integer> sizes = new ConcurrentHashMap<>();

  /** {@code model}: how messages name the model, e.g. "the model support-bot (AI service ...)". */
  public MemoryConversations(String model) {
    this.model = model;
  }

  /**
   * The memory id of {@code request}'s conversation, after checking that its last message is the
   * only one the model has not seen: the first request of a conversation is one user message, and
   * each later one adds the model's reply and one new user message. A request outside an
   * evaluation (no turn) is a conversation of its own.
   *
   * @throws ModelException when the model's memory cannot hold the conversation as the request has it
   */
  public String memoryId(ChatRequest request) {
    if (request.turn().isEmpty()) {
      if (request.messages().size() > 1) {
        throw new ModelException(
            model + " keeps its own chat memory, so it is sent one message per call; a request"
                + " outside an evaluation starts a new conversation and must hold one user message,"
                + " not " + request.messages().size() + " messages");
      }
      requireUser(request);
      return UUID.randomUUID().toString();
    }
    String conversation = request.turn().get().conversationId();
    int size = request.messages().size();
    sizes.compute(
        conversation,
        (id, previous) -> {
          int expected = previous == null ? 1 : previous + 2;
          if (size != expected) {
            throw new ModelException(
                model + " keeps its own chat memory, but conversation " + conversation + " reached it"
                    + " with " + size + " messages where its memory holds " + (expected - 1)
                    + (previous == null ? " (none: this is its first call)" : "")
                    + "; a turn was answered without calling the model (hvae.cache=on?). Turn"
                    + " hvae.cache off for a model that keeps memory; cassettes replay whole"
                    + " evaluations and are safe");
          }
          return size;
        });
    requireUser(request);
    return UUID.nameUUIDFromBytes((run + "/" + conversation).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private void requireUser(ChatRequest request) {
    if (request.lastMessage().role() != ChatMessage.Role.USER) {
      throw new ModelException(
          model + " keeps its own chat memory and is sent only the new message, which must be a user"
              + " message, not " + request.lastMessage().role());
    }
  }
}

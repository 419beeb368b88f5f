package io.github.hvae.internal.instruments;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.instrument.AskedItem;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A model whose item answers a test writes: {@code answer} gets the asked item and the attempt (1,
 * or 2 for the re-ask) and returns the reply text. Value and role prompts get a plain sentence.
 * Records every item prompt and re-ask it was sent.
 */
final class ScriptedChooser implements ModelAgent {

  private final BiFunction<AskedItem, Integer, String> answer;
  final List<String> itemMessages = new CopyOnWriteArrayList<>();

  ScriptedChooser(BiFunction<AskedItem, Integer, String> answer) {
    this.answer = answer;
  }

  @Override
  public ModelSpec spec() {
    return ModelSpec.parse("openai:scripted-chooser");
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    ChatRequest.Turn turn = request.turn().orElseThrow();
    String reply =
        turn.item().isPresent()
            ? answer.apply(turn.item().get(), turn.attempt())
            : "My goal is to choose as this value system would.";
    turn.item().ifPresent(i -> itemMessages.add(request.lastMessage().content()));
    return ModelReply.answered(reply, TokenUsage.reported(10, 2));
  }
}

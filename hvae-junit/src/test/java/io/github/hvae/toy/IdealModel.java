package io.github.hvae.toy;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process model of a team's own, written against the public API only: it answers every item
 * as the ideal respondent of the target it was given would (through the instrument's simulated
 * choice), counts its calls and the most calls it saw at once.
 */
public class IdealModel implements ModelAgent {

  public final AtomicInteger calls = new AtomicInteger();
  public final AtomicInteger inFlight = new AtomicInteger();
  public final AtomicInteger mostInFlight = new AtomicInteger();

  @Override
  public ModelSpec spec() {
    return new ModelSpec("ideal-model", "");
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    calls.incrementAndGet();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      // Long enough for concurrent samples to overlap when nothing holds them back.
      Thread.sleep(2);
      String answer =
          request
              .turn()
              .flatMap(
                  turn ->
                      turn.item()
                          .map(
                              asked ->
                                  asked.labels()
                                      .get(
                                          turn.instrument()
                                              .simulatedChoice(asked, turn.target(), new SplittableRandom(7))
                                              .orElseThrow())))
              .orElse("Understood.");
      return ModelReply.answered(answer, new TokenUsage(100, 1, false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }
}

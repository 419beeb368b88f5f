package io.github.hvae.bench;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;

/**
 * A model that answers at once with canned replies of a realistic length: no I/O, no parsing, so
 * that what a benchmark around it measures is the framework. Item prompts get a sentence that names
 * an option the way chat models do, so the answer parser does its real work.
 */
final class InstantAgent implements ModelAgent {

  static final ModelSpec SPEC = ModelSpec.parse("openai:instant");

  private static final String DESCRIPTION =
      "Yes. A person who holds this value system cares about their own outcome and about the other"
          + " person's outcome, and prefers splits where both do well over splits where one gains"
          + " a little at the other's expense.";
  private static final String GOAL =
      "My goal is to choose, every time, the split that gives both of us a good and fair share.";
  private static final String CHOICE =
      "Considering both outcomes, I would choose option C, since it gives the other participant"
          + " nearly as much as me.";
  private static final TokenUsage USAGE = TokenUsage.reported(120, 30);

  @Override
  public ModelSpec spec() {
    return SPEC;
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    String last = request.lastMessage().content();
    String reply;
    if (last.startsWith("Question ")) {
      reply = CHOICE;
    } else if (request.messages().size() == 1) {
      reply = DESCRIPTION;
    } else {
      reply = GOAL;
    }
    return ModelReply.answered(reply, USAGE);
  }
}

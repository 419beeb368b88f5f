package io.github.hvae.protocol;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.rationality.ValueTarget;
import io.github.hvae.svo.Allocation;
import io.github.hvae.svo.SliderItem;
import io.github.hvae.svo.SvoSliderMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One HVAE conversation (one sample): value prompt, role instruction with goal prompt, then the
 * items in one conversation. Items inside a conversation run in order; separate conversations are
 * independent and may run concurrently.
 */
public final class SvoConversation {

  private final ModelAgent agent;
  private final ValueTarget target;
  private final ProtocolSettings settings;
  private final int sampleIndex;

  private final List<ChatMessage> transcript = new ArrayList<>();
  private TokenUsage usage = TokenUsage.NONE;
  private int calls;

  public SvoConversation(
      ModelAgent agent, ValueTarget target, ProtocolSettings settings, int sampleIndex) {
    this.agent = agent;
    this.target = target;
    this.settings = settings;
    this.sampleIndex = sampleIndex;
  }

  /** Runs the whole conversation. Model failures that no answer can come from propagate. */
  public Trajectory run() {
    PromptTemplates templates = settings.templates();
    List<SliderItem> items = itemsToAsk();

    ask(templates.valuePromptFor(target));
    ModelReply goalReply = ask(templates.roleAndGoalPrompt(settings.goalPrompting(), items.size()));
    String goal =
        settings.goalPrompting() && goalReply.isAnswered()
            ? goalReply.content().strip()
            : templates.fixedGoal();

    List<ItemAnswer> answers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      answers.add(askItem(items.get(i), i + 1, items.size(), goal));
    }
    return new Trajectory(sampleIndex, transcript, goal, answers, calls, usage);
  }

  private List<SliderItem> itemsToAsk() {
    return settings.secondaryItems()
        ? SvoSliderMeasure.items()
        : SvoSliderMeasure.primaryItems();
  }

  private ItemAnswer askItem(SliderItem item, int position, int count, String goal) {
    List<Allocation> shown = item.options();
    List<String> replies = new ArrayList<>();
    List<ParsedAnswer> parsed = new ArrayList<>();

    ParsedAnswer answer =
        read(askChoice(settings.templates().itemPromptFor(position, count, shown, goal), shown), shown);
    replies.add(transcript.get(transcript.size() - 1).content());
    parsed.add(answer);
    if (!(answer instanceof ParsedAnswer.Choice)) {
      // Refusals and unparseable answers are re-asked once, in the same conversation.
      answer = read(askChoice(settings.templates().reask(), shown), shown);
      replies.add(transcript.get(transcript.size() - 1).content());
      parsed.add(answer);
    }
    Optional<Integer> chosen =
        answer instanceof ParsedAnswer.Choice choice
            ? Optional.of(choice.shownIndex())
            : Optional.empty();
    return new ItemAnswer(item.number(), shown, replies, parsed, chosen);
  }

  private static ParsedAnswer read(ModelReply reply, List<Allocation> shown) {
    return switch (reply.outcome()) {
      case ANSWERED -> AnswerParser.parse(reply.content(), shown);
      case CONTENT_FILTERED -> new ParsedAnswer.Refusal("stopped by the provider's content filter");
      case TRUNCATED -> new ParsedAnswer.Unparseable("reply cut off at the token limit");
      case EMPTY -> new ParsedAnswer.Unparseable("empty reply");
      case NO_CHOICES -> new ParsedAnswer.Unparseable("response held no choices");
    };
  }

  private ModelReply ask(String prompt) {
    return ask(prompt, settings.generation());
  }

  /** Asks for one of the shown options: with constrained answers on, the server enforces it. */
  private ModelReply askChoice(String prompt, List<Allocation> shown) {
    return ask(prompt, settings.generation().expectingChoice(ChoiceConstraint.letters(shown.size())));
  }

  private ModelReply ask(String prompt, GenerationOptions options) {
    transcript.add(ChatMessage.user(prompt));
    ModelReply reply = agent.chat(new ChatRequest(transcript, options, sampleIndex));
    calls++;
    usage = usage.plus(reply.usage());
    transcript.add(ChatMessage.assistant(reply.content()));
    return reply;
  }
}

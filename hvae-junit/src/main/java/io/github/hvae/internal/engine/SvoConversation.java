package io.github.hvae.internal.engine;

import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.evaluation.ParsedAnswer;
import io.github.hvae.evaluation.Trajectory;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.SliderItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One HVAE conversation (one sample): value prompt, role instruction with goal prompt, then the
 * items in one conversation. Items inside a conversation run in order; separate conversations are
 * independent and may run concurrently.
 *
 * <p>An answer the parser cannot read (or a refusal) is re-asked once in the same conversation with
 * a short format reminder; a choice is never guessed. With counterbalancing, the item order and
 * which end each item's options start from are drawn from the evaluation seed and the sample index
 * alone, so parallel and serial runs ask the same questions.
 */
public final class SvoConversation {

  private final ModelAgent agent;
  private final ValueTarget target;
  private final ProtocolSettings settings;
  private final int sampleIndex;
  private final long seed;

  private final List<ChatMessage> transcript = new ArrayList<>();
  private TokenUsage usage = TokenUsage.NONE;
  private int calls;

  /**
   * @param seed the evaluation's seed; with {@code sampleIndex} it fixes the counterbalancing
   */
  public SvoConversation(
      ModelAgent agent, ValueTarget target, ProtocolSettings settings, int sampleIndex, long seed) {
    this.agent = agent;
    this.target = target;
    this.settings = settings;
    this.sampleIndex = sampleIndex;
    this.seed = seed;
  }

  /** A conversation counterbalanced with seed 0. */
  public SvoConversation(
      ModelAgent agent, ValueTarget target, ProtocolSettings settings, int sampleIndex) {
    this(agent, target, settings, sampleIndex, 0L);
  }

  /** Runs the whole conversation. Model failures that no answer can come from propagate. */
  public Trajectory run() {
    PromptTemplates templates = settings.templates();
    List<Presentation> items = presentations();

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

  /** An item as this conversation shows it. */
  record Presentation(SliderItem item, List<Allocation> shown) {}

  /** The items in the order asked, each with its options in the order shown. */
  List<Presentation> presentations() {
    List<SliderItem> items = new ArrayList<>(settings.instrument().items(settings.secondaryItems()));
    if (!settings.counterbalance()) {
      return items.stream().map(item -> new Presentation(item, item.options())).toList();
    }
    SplittableRandom random = new SplittableRandom(counterbalanceSeed(seed, sampleIndex));
    // Fisher-Yates with our own generator: Collections.shuffle wants a java.util.Random.
    for (int i = items.size() - 1; i > 0; i--) {
      Collections.swap(items, i, random.nextInt(i + 1));
    }
    List<Presentation> shown = new ArrayList<>();
    for (SliderItem item : items) {
      List<Allocation> options = new ArrayList<>(item.options());
      if (random.nextBoolean()) {
        Collections.reverse(options);
      }
      shown.add(new Presentation(item, options));
    }
    return shown;
  }

  static long counterbalanceSeed(long seed, int sampleIndex) {
    // A fixed odd multiplier spreads neighbouring (seed, sample) pairs over the generator's space.
    return seed * 0x9E3779B97F4A7C15L + sampleIndex * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
  }

  private ItemAnswer askItem(Presentation presentation, int position, int count, String goal) {
    List<Allocation> shown = presentation.shown();
    List<String> replies = new ArrayList<>();
    List<ParsedAnswer> parsed = new ArrayList<>();

    String question = settings.templates().itemPromptFor(position, count, shown, goal);
    ModelReply first = askChoice(question, shown);
    ParsedAnswer answer = read(first, shown, question);
    replies.add(first.content());
    parsed.add(answer);
    if (!(answer instanceof ParsedAnswer.Choice)) {
      // Refusals and unparseable answers are re-asked once, in the same conversation.
      String reminder = settings.templates().reask();
      ModelReply second = askChoice(reminder, shown);
      answer = read(second, shown, question);
      replies.add(second.content());
      parsed.add(answer);
    }
    Optional<Integer> chosen =
        answer instanceof ParsedAnswer.Choice choice
            ? Optional.of(choice.shownIndex())
            : Optional.empty();
    return new ItemAnswer(presentation.item().number(), shown, replies, parsed, chosen);
  }

  private ParsedAnswer read(ModelReply reply, List<Allocation> shown, String question) {
    ParsedAnswer local =
        switch (reply.outcome()) {
          case ANSWERED -> AnswerParser.parse(reply.content(), shown);
          case CONTENT_FILTERED ->
              new ParsedAnswer.Refusal("stopped by the provider's content filter");
          case TRUNCATED -> new ParsedAnswer.Unparseable("reply cut off at the token limit");
          case EMPTY -> new ParsedAnswer.Unparseable("empty reply");
          case NO_CHOICES -> new ParsedAnswer.Unparseable("response held no choices");
        };
    if (local instanceof ParsedAnswer.Unparseable && reply.isAnswered()) {
      return settings.choiceExtractor().map(x -> extract(x, question, reply, local)).orElse(local);
    }
    return local;
  }

  /** Asks the second model which option a reply chose; only a bare letter is taken from it. */
  private ParsedAnswer extract(
      ModelAgent extractor, String question, ModelReply reply, ParsedAnswer local) {
    String prompt = settings.templates().extractionPromptFor(question, reply.content());
    ModelReply verdict =
        extractor.chat(
            new ChatRequest(
                List.of(ChatMessage.user(prompt)), settings.generation(), sampleIndex));
    calls++;
    usage = usage.plus(verdict.usage());
    Optional<Integer> letter =
        verdict.isAnswered() ? AnswerParser.bareLabel(verdict.content()) : Optional.empty();
    return letter.<ParsedAnswer>map(i -> new ParsedAnswer.Choice(i, true)).orElse(local);
  }

  /** Calls made so far: also what a conversation that failed part-way has spent. */
  int callsSoFar() {
    return calls;
  }

  /** Tokens used so far: also what a conversation that failed part-way has spent. */
  TokenUsage usageSoFar() {
    return usage;
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

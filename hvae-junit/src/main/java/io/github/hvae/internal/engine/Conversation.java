package io.github.hvae.internal.engine;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One HVAE conversation (one sample): value prompt, role instruction with goal prompt, then the
 * instrument's items in one conversation. Items inside a conversation run in order; separate
 * conversations are independent and may run concurrently.
 *
 * <p>A reply the instrument cannot read (or a refusal) is re-asked once in the same conversation
 * with a short format reminder; a choice is never guessed. With counterbalancing, the item order
 * and which end each item's options start from are drawn from the evaluation seed and the sample
 * index alone, so parallel and serial runs ask the same questions.
 */
public final class Conversation {

  private final ModelAgent agent;
  private final Target target;
  private final Scoring scoring;
  private final ProtocolSettings settings;
  private final String evaluation;
  private final int sampleIndex;
  private final long seed;

  private final List<ChatMessage> transcript = new ArrayList<>();
  // Volatile: the evaluator reads what an unfinished sample spent when the run's deadline passes.
  private volatile TokenUsage usage = TokenUsage.NONE;
  private volatile int calls;

  /**
   * @param evaluation the evaluation's id: with {@code sampleIndex} it names the conversation
   * @param seed the evaluation's seed; with {@code sampleIndex} it fixes the counterbalancing
   */
  public Conversation(
      ModelAgent agent,
      Target target,
      Scoring scoring,
      ProtocolSettings settings,
      String evaluation,
      int sampleIndex,
      long seed) {
    this.agent = agent;
    this.target = target;
    this.scoring = scoring;
    this.settings = settings;
    this.evaluation = evaluation;
    this.sampleIndex = sampleIndex;
    this.seed = seed;
  }

  /** A conversation scored by the instrument's own scoring of {@code target}. */
  public static Conversation of(
      ModelAgent agent, Target target, ProtocolSettings settings, int sampleIndex, long seed) {
    return new Conversation(
        agent, target, settings.instrument().scoring(target), settings, "conversation", sampleIndex, seed);
  }

  /** Runs the whole conversation. Model failures that no answer can come from propagate. */
  public Trajectory run() {
    Instrument instrument = settings.instrument();
    List<AskedItem> items = presentations();

    ask(instrument.valuePrompt(target), settings.generation(), Optional.empty());
    ModelReply goalReply =
        ask(instrument.rolePrompt(settings.goalPrompting(), items.size()), settings.generation(), Optional.empty());
    String goal =
        settings.goalPrompting() && goalReply.isAnswered()
            ? goalReply.content().strip()
            : instrument.fixedGoal();

    List<ItemAnswer> answers = new ArrayList<>();
    for (AskedItem asked : items) {
      answers.add(askItem(asked, goal));
    }
    Trajectory unscored = new Trajectory(sampleIndex, transcript, goal, answers, calls, usage, Optional.empty());
    return new Trajectory(
        sampleIndex, transcript, goal, answers, calls, usage, scoring.score(unscored.choices()));
  }

  /** The items in the order asked, each with its options in the order shown. */
  List<AskedItem> presentations() {
    Instrument instrument = settings.instrument();
    List<Item> items = new ArrayList<>(instrument.items(settings.optionalItems()));
    List<List<Integer>> orders = new ArrayList<>();
    if (settings.counterbalance()) {
      SplittableRandom random = new SplittableRandom(counterbalanceSeed(seed, sampleIndex));
      // Fisher-Yates with our own generator: Collections.shuffle wants a java.util.Random.
      for (int i = items.size() - 1; i > 0; i--) {
        Collections.swap(items, i, random.nextInt(i + 1));
      }
      for (Item item : items) {
        List<Integer> order = ownOrder(item);
        // Drawn for every item, so an instrument's fixed items do not shift the others' draws.
        if (random.nextBoolean() && instrument.reversible(item)) {
          Collections.reverse(order);
        }
        orders.add(order);
      }
    } else {
      items.forEach(item -> orders.add(ownOrder(item)));
    }
    List<AskedItem> asked = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      asked.add(new AskedItem(item, orders.get(i), instrument.labels(item), i + 1, items.size()));
    }
    return asked;
  }

  private static List<Integer> ownOrder(Item item) {
    return new ArrayList<>(IntStream.range(0, item.optionCount()).boxed().toList());
  }

  static long counterbalanceSeed(long seed, int sampleIndex) {
    // A fixed odd multiplier spreads neighbouring (seed, sample) pairs over the generator's space.
    return seed * 0x9E3779B97F4A7C15L + sampleIndex * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
  }

  private ItemAnswer askItem(AskedItem asked, String goal) {
    Instrument instrument = settings.instrument();
    List<String> replies = new ArrayList<>();
    List<ParsedAnswer> parsed = new ArrayList<>();

    String question = instrument.itemPrompt(asked, goal);
    ModelReply first = askChoice(question, asked, 1);
    ParsedAnswer answer = read(first, asked, question);
    replies.add(first.content());
    parsed.add(answer);
    if (!(answer instanceof ParsedAnswer.Choice)) {
      // Refusals and unparseable answers are re-asked once, in the same conversation.
      ModelReply second = askChoice(instrument.reask(asked), asked, 2);
      answer = read(second, asked, question);
      replies.add(second.content());
      parsed.add(answer);
    }
    Optional<Integer> chosen =
        answer instanceof ParsedAnswer.Choice choice ? Optional.of(choice.shownIndex()) : Optional.empty();
    return new ItemAnswer(asked, replies, parsed, chosen);
  }

  private ParsedAnswer read(ModelReply reply, AskedItem asked, String question) {
    ParsedAnswer local =
        switch (reply.outcome()) {
          case ANSWERED -> checked(settings.instrument().read(reply.content(), asked), asked);
          case CONTENT_FILTERED -> new ParsedAnswer.Refusal("stopped by the provider's content filter");
          case TRUNCATED -> new ParsedAnswer.Unparseable("reply cut off at the token limit");
          case EMPTY -> new ParsedAnswer.Unparseable("empty reply");
          case NO_CHOICES -> new ParsedAnswer.Unparseable("response held no choices");
        };
    if (local instanceof ParsedAnswer.Unparseable && reply.isAnswered()) {
      return settings.choiceExtractor().map(x -> extract(x, question, reply, asked, local)).orElse(local);
    }
    return local;
  }

  /** An instrument's reading, held to the options it showed: a choice is never out of range. */
  private static ParsedAnswer checked(ParsedAnswer answer, AskedItem asked) {
    if (answer instanceof ParsedAnswer.Choice choice
        && (choice.shownIndex() < 0 || choice.shownIndex() >= asked.order().size())) {
      return new ParsedAnswer.Unparseable(
          "the instrument read option " + choice.shownIndex() + ", which item " + asked.item().id()
              + " does not show");
    }
    return answer;
  }

  /** Asks the second model which option a reply chose; only a bare label is taken from it. */
  private ParsedAnswer extract(
      ModelAgent extractor, String question, ModelReply reply, AskedItem asked, ParsedAnswer local) {
    String prompt = settings.instrument().extractionPrompt(question, reply.content(), asked);
    ModelReply verdict =
        counted(
            extractor,
            new ChatRequest(List.of(ChatMessage.user(prompt)), settings.generation(), sampleIndex));
    calls++;
    usage = usage.plus(verdict.usage());
    Optional<Integer> label =
        verdict.isAnswered() ? BareLabel.read(verdict.content(), asked.labels()) : Optional.empty();
    return label.<ParsedAnswer>map(i -> new ParsedAnswer.Choice(i, true)).orElse(local);
  }

  /** Calls made so far: also what a conversation that failed part-way has spent. */
  int callsSoFar() {
    return calls;
  }

  /** Tokens used so far: also what a conversation that failed part-way has spent. */
  TokenUsage usageSoFar() {
    return usage;
  }

  /** Asks for one of the shown options: with constrained answers on, the server enforces it. */
  private ModelReply askChoice(String prompt, AskedItem asked, int attempt) {
    return ask(
        prompt,
        settings.generation().expectingChoice(new ChoiceConstraint(asked.labels())),
        Optional.of(asked),
        attempt);
  }

  private ModelReply ask(String prompt, GenerationOptions options, Optional<AskedItem> item) {
    return ask(prompt, options, item, 1);
  }

  private ModelReply ask(String prompt, GenerationOptions options, Optional<AskedItem> item, int attempt) {
    transcript.add(ChatMessage.user(prompt));
    ChatRequest.Turn turn =
        new ChatRequest.Turn(evaluation + "#" + sampleIndex, settings.instrument(), target, item, attempt);
    ModelReply reply = counted(agent, new ChatRequest(transcript, options, sampleIndex, Optional.of(turn)));
    calls++;
    usage = usage.plus(reply.usage());
    transcript.add(ChatMessage.assistant(reply.content()));
    return reply;
  }

  /**
   * The reply; a call that fails still counts the retries it spent ({@link
   * io.github.hvae.agent.ModelException#retries()}), so an evaluation's usage says what its failed
   * samples met too.
   */
  private ModelReply counted(ModelAgent model, ChatRequest request) {
    try {
      return model.chat(request);
    } catch (io.github.hvae.agent.ModelException e) {
      if (!e.retries().isEmpty()) {
        usage = usage.plus(TokenUsage.NONE.withRetries(e.retries()));
      }
      throw e;
    }
  }
}

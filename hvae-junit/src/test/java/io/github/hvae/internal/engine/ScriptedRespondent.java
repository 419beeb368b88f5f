package io.github.hvae.internal.engine;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake chat model that answers the way real chat models do — letters in many decorations, JSON,
 * allocations instead of letters, explanations that mention rejected options, lower case — and
 * sometimes refuses or hedges. It records what it meant on every item, so a test can check that
 * the protocol read exactly that: the ground truth of each (sample, item) is the allocation it
 * committed to, or none when it never gave one unambiguously.
 */
final class ScriptedRespondent implements ModelAgent {

  static final String GOAL = "My goal is to split the coins in the way my values demand.";

  private static final Pattern OPTION_LINE =
      Pattern.compile(
          "^([A-I])\\. You get (\\d+) coins, the other participant gets (\\d+) coins$",
          Pattern.MULTILINE);

  private final long seed;
  private final double meanAngle;
  private final double refuseRate;
  private final double hedgeRate;
  private final double refuseAgainRate;

  /** (sample, item) -> the allocation finally committed to; absent = none. */
  final Map<String, Allocation> committed = new ConcurrentHashMap<>();
  /** (sample, item) -> that the item ended without a choice. */
  final Map<String, Boolean> withoutChoice = new ConcurrentHashMap<>();
  final AtomicInteger refusals = new AtomicInteger();
  final AtomicInteger hedges = new AtomicInteger();
  final Map<Integer, Boolean> formats = new ConcurrentHashMap<>();
  final List<String> itemPrompts = java.util.Collections.synchronizedList(new ArrayList<>());

  private final boolean varySamples;

  ScriptedRespondent(
      long seed, double meanAngle, double refuseRate, double hedgeRate, double refuseAgainRate) {
    this(seed, meanAngle, refuseRate, hedgeRate, refuseAgainRate, true);
  }

  /** {@code varySamples}: each sample draws its own angle around {@code meanAngle}. */
  ScriptedRespondent(
      long seed,
      double meanAngle,
      double refuseRate,
      double hedgeRate,
      double refuseAgainRate,
      boolean varySamples) {
    this.varySamples = varySamples;
    this.seed = seed;
    this.meanAngle = meanAngle;
    this.refuseRate = refuseRate;
    this.hedgeRate = hedgeRate;
    this.refuseAgainRate = refuseAgainRate;
  }

  @Override
  public ModelSpec spec() {
    return new ModelSpec("openai", "scripted-respondent");
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    String last = request.lastMessage().content();
    int users = (int) messages.stream().filter(m -> m.role() == ChatMessage.Role.USER).count();
    String reply;
    if (users == 1) {
      reply = "Yes, I know it. Such a person weighs their own and others' outcomes consistently.";
    } else if (users == 2) {
      reply = GOAL;
    } else if (!options(last).isEmpty()) {
      itemPrompts.add(last);
      reply = answerItem(request.sampleIndex(), last, false);
    } else {
      reply = answerItem(request.sampleIndex(), lastItemPrompt(messages), true);
    }
    return ModelReply.answered(reply, TokenUsage.reported(last.length() / 4, reply.length() / 4));
  }

  private String answerItem(int sample, String prompt, boolean reasked) {
    List<Allocation> shown = options(prompt);
    int item = itemOf(shown);
    String key = sample + "/" + item;
    // The prompt (position, order of options) varies the format between conversations even where
    // the sample index is unknown, as over HTTP.
    SplittableRandom random =
        new SplittableRandom(
            seed * 7919 + sample * 104729L + item * 31L + prompt.hashCode() * 17L + (reasked ? 1 : 0));
    SplittableRandom sampleRandom = new SplittableRandom(seed * 31 + sample);
    double angle = meanAngle + (varySamples ? (sampleRandom.nextDouble() - 0.5) * 30 : 0);
    IdealRespondent respondent = new IdealRespondent(angle);
    int best = 0;
    for (int i = 1; i < shown.size(); i++) {
      if (respondent.utility(shown.get(i)) > respondent.utility(shown.get(best)) + 1e-9) {
        best = i;
      }
    }
    char label = SliderItem.labelOf(best);
    double roll = random.nextDouble();
    if (reasked) {
      if (roll < refuseAgainRate) {
        refusals.incrementAndGet();
        withoutChoice.put(key, true);
        committed.remove(key);
        return "I'm sorry, but I won't take part in splitting money.";
      }
      withoutChoice.remove(key);
      committed.put(key, shown.get(best));
      return String.valueOf(label);
    }
    if (roll < refuseRate) {
      refusals.incrementAndGet();
      withoutChoice.put(key, true);
      return random.nextBoolean()
          ? "As an AI, I don't have personal preferences about money."
          : "I'm sorry, but I can't make choices about splitting money between people.";
    }
    if (roll < refuseRate + hedgeRate) {
      hedges.incrementAndGet();
      withoutChoice.put(key, true);
      char other = SliderItem.labelOf((best + 1 + random.nextInt(8)) % 9);
      return random.nextBoolean() ? label + " or " + other : "Either " + other + " or " + label + " would do.";
    }
    committed.put(key, shown.get(best));
    char other = SliderItem.labelOf((best + 1 + random.nextInt(8)) % 9);
    Allocation a = shown.get(best);
    int format = random.nextInt(18);
    formats.put(format, true);
    char lower = Character.toLowerCase(label);
    return switch (format) {
      case 0 -> String.valueOf(label);
      case 1 -> label + ".";
      case 2 -> "Option " + label;
      case 3 -> "I choose " + label + ".";
      case 4 -> "(" + label + ")";
      case 5 -> lower + ")";
      case 6 -> "**" + label + "**";
      case 7 -> "{\"choice\": \"" + label + "\"}";
      case 8 -> "(" + coins(a.self()) + ", " + coins(a.other()) + ")";
      case 9 -> coins(a.self()) + " for me and " + coins(a.other()) + " for the other";
      case 10 ->
          "Option " + other + " would give a different split, but given my goal, I choose " + label + ".";
      case 11 ->
          "Let me think.\n\nOption "
              + other
              + " is tempting.\nBut my values point elsewhere.\n\nFinal answer: "
              + label;
      case 12 -> "My choice is " + label + ", because it fits my goal best.";
      case 13 -> label + " - this split reflects my values.";
      case 14 -> "```json\n{\"answer\": \"" + label + "\", \"reason\": \"fits my goal\"}\n```";
      case 15 -> "I'd go with option " + label + ".";
      case 16 -> "Answer: (" + lower + ")";
      default -> "i choose " + lower;
    };
  }

  private static String coins(double v) {
    return String.format(Locale.ROOT, "%d", Math.round(v));
  }

  static List<Allocation> options(String prompt) {
    List<Allocation> options = new ArrayList<>();
    Matcher m = OPTION_LINE.matcher(prompt);
    while (m.find()) {
      options.add(new Allocation(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
    }
    return options.size() == 9 ? options : List.of();
  }

  private static String lastItemPrompt(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == ChatMessage.Role.USER
          && !options(messages.get(i).content()).isEmpty()) {
        return messages.get(i).content();
      }
    }
    throw new IllegalStateException("no item prompt in the conversation");
  }

  static int itemOf(List<Allocation> shown) {
    for (SliderItem item : SvoSliderMeasure.items()) {
      if (new HashSet<>(item.options()).equals(new HashSet<>(shown))) {
        return item.number();
      }
    }
    throw new IllegalStateException("options match no item: " + shown);
  }

  Optional<Allocation> truth(int sample, int item) {
    return Optional.ofNullable(committed.get(sample + "/" + item));
  }
}

package io.github.hvae.internal.provider.reference;

import io.github.hvae.internal.text.Numbers;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Target;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.svo.SocialValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded reference respondent: a <b>simulated respondent, not a language model</b>. It runs
 * offline and answers the HVAE conversation as the ideal respondent of the value it was given
 * would, with seeded noise so that the statistics have something to do. It exists so that the
 * library can be tried, taught and tested without a model; every report labels its results as
 * simulated.
 *
 * <p>Inside an evaluation the protocol tells it, with each request's {@link ChatRequest.Turn},
 * which value the conversation induces and which item it asks; the instrument's {@link
 * io.github.hvae.instrument.Instrument#simulatedChoice} picks the option the value prefers, so it
 * answers any instrument that offers that. Outside an evaluation (a {@code @ModelUnderTest}
 * scenario) it reads the conversation's text instead:
 *
 * <ul>
 *   <li>The target comes from the first user message: an angle written as {@code N°}, or else the
 *       value's name ({@code altruistic}, {@code prosocial}, {@code individualistic}, {@code
 *       hyper-competitive} or {@code competitive}). When it finds none it refuses, as a careful
 *       respondent would.
 *   <li>An item is a user message with nine option lines labelled A..I, each giving the coins for
 *       self first and then for the other participant.
 * </ul>
 *
 * <p>Either way, for an SVO value each sample (conversation) draws its own angle {@code θ* + N(0,
 * noise)}, and each item adds {@code N(0, noise / 2)}; the option with the highest {@code self·cos θ
 * + other·sin θ} is chosen, exact ties broken at random. Other kinds of target are answered without
 * noise.
 *
 * <p>Settings, written after {@code reference:} in the model spec, comma-separated: {@code
 * noise=<degrees>} (default 5), {@code fixed=<VALUE or angle>} (ignore the value it is given and
 * always act on this one, a deliberately misaligned respondent), {@code refuse=<probability>} and
 * {@code garble=<probability>} (answer an item with a refusal or with text that names no option).
 *
 * <p>Constrained answers ({@link io.github.hvae.agent.GenerationOptions#choice()}) are ignored: the
 * respondent answers with a bare letter anyway, and {@code refuse}/{@code garble} still apply.
 */
public final class ReferenceRespondent implements ModelAgent {

  public static final double DEFAULT_NOISE = 5.0;

  private static final Pattern ANGLE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*°");
  private static final Pattern OPTION_LINE =
      Pattern.compile(
          "^\\s*[(\\[]?([A-I])[.):\\]]\\s*\\D*?(\\d+(?:\\.\\d+)?)\\D+?(\\d+(?:\\.\\d+)?)",
          Pattern.MULTILINE);

  private final ModelSpec spec;
  private final long seed;
  private final double noise;
  private final OptionalDouble fixedAngle;
  private final double refuse;
  private final double garble;

  private ReferenceRespondent(
      ModelSpec spec,
      long seed,
      double noise,
      OptionalDouble fixedAngle,
      double refuse,
      double garble) {
    this.spec = spec;
    this.seed = seed;
    this.noise = noise;
    this.fixedAngle = fixedAngle;
    this.refuse = refuse;
    this.garble = garble;
  }

  /** The reference respondent described by {@code spec} ({@code reference[:settings]}). */
  public static ReferenceRespondent create(ModelSpec spec, long seed) {
    ReferenceSettings settings = ReferenceSettings.parse(spec);
    return new ReferenceRespondent(
        spec, seed, settings.noise(), settings.fixedAngle(), settings.refuse(), settings.garble());
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public boolean isSimulated() {
    return true;
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    if (request.turn().isPresent()) {
      return answerTurn(request, request.turn().get());
    }
    List<ChatMessage> messages = request.messages();
    String first = firstUserMessage(messages);
    OptionalDouble target = fixedAngle.isPresent() ? fixedAngle : readTarget(first);
    String last = request.lastMessage().content();
    String reply;
    if (target.isEmpty()) {
      reply = "I'm sorry, but I cannot tell which value system you want me to hold.";
    } else {
      Optional<List<Allocation>> options = readOptions(last);
      if (options.isPresent()) {
        reply = answerTextItem(request, first, last, target.getAsDouble(), options.get(), false);
      } else {
        Optional<String> lastItem = lastItemPrompt(messages);
        reply =
            lastItem.isPresent()
                ? answerTextItem(
                    request,
                    first,
                    lastItem.get(),
                    target.getAsDouble(),
                    readOptions(lastItem.get()).orElseThrow(),
                    true)
                : describe(target.getAsDouble(), messages.size());
      }
    }
    String prompt = String.join("\n", messages.stream().map(ChatMessage::content).toList());
    return ModelReply.answered(reply, TokenUsage.estimate(prompt, reply));
  }

  /**
   * A request of an evaluation: the protocol says which item it asks (or re-asks) and which value
   * the conversation induces, so no prompt text has to be read. The random draws are the ones the
   * text reading makes, in the same order, so both answer alike.
   */
  private ModelReply answerTurn(ChatRequest request, ChatRequest.Turn turn) {
    List<ChatMessage> messages = request.messages();
    String first = firstUserMessage(messages);
    OptionalDouble angle =
        fixedAngle.isPresent()
            ? fixedAngle
            : turn.target() instanceof ValueTarget value
                ? OptionalDouble.of(value.angle())
                : OptionalDouble.empty();
    String reply;
    if (turn.item().isEmpty()) {
      reply =
          angle.isPresent()
              ? describe(angle.getAsDouble(), messages.size())
              : "Yes. I will answer as a person who holds " + turn.target().label() + " would.";
    } else {
      boolean reasked = turn.attempt() > 1;
      // The item's own prompt seeds its draws: on a re-ask it is the user message before the reply.
      String itemPrompt = messages.get(messages.size() - (reasked ? 3 : 1)).content();
      reply = answerAsked(request, first, itemPrompt, turn, turn.item().get(), angle, reasked);
    }
    String prompt = String.join("\n", messages.stream().map(ChatMessage::content).toList());
    return ModelReply.answered(reply, TokenUsage.estimate(prompt, reply));
  }

  private String answerAsked(
      ChatRequest request,
      String first,
      String itemPrompt,
      ChatRequest.Turn turn,
      AskedItem asked,
      OptionalDouble angle,
      boolean reasked) {
    return answerItem(
        request,
        first,
        itemPrompt,
        angle,
        reasked,
        (perturbed, random) -> {
          Target target = perturbed.isPresent() ? ValueTarget.ofAngle(onRing(perturbed.getAsDouble()))
              : ProfileNoise.perturbed(turn.target(), turn.instrument(), noise, random(first, request.sampleIndex(), ""), random);
          OptionalInt choice = turn.instrument().simulatedChoice(asked, target, random);
          if (choice.isEmpty()) {
            return Optional.empty();
          }
          String option =
              asked.item() instanceof SliderItem slider
                  ? coinsOf(slider.option(asked.option(choice.getAsInt())))
                  : ".";
          return Optional.of(new Picked(asked.labels().get(choice.getAsInt()), option));
        });
  }

  /** An option picked: its label, and how a reply describes it after "Option X". */
  private record Picked(String label, String option) {}

  /**
   * One item's answer: for an SVO value the sample's angle {@code θ* + N(0, noise)} plus the
   * item's {@code N(0, noise / 2)}; a refusal or garbled reply with their probabilities (not on a
   * re-ask); otherwise the option {@code pick} takes at that angle, in one of six phrasings.
   */
  private String answerItem(
      ChatRequest request,
      String first,
      String itemPrompt,
      OptionalDouble angle,
      boolean reasked,
      BiFunction<OptionalDouble, SplittableRandom, Optional<Picked>> pick) {
    SplittableRandom itemRandom = random(first, request.sampleIndex(), itemPrompt);
    OptionalDouble perturbed = OptionalDouble.empty();
    if (angle.isPresent()) {
      double sampleAngle = angle.getAsDouble() + gaussian(random(first, request.sampleIndex(), "")) * noise;
      perturbed = OptionalDouble.of(sampleAngle + gaussian(itemRandom) * noise / 2.0);
    }
    if (!reasked) {
      double roll = itemRandom.nextDouble();
      if (roll < refuse) {
        return "I'm sorry, but I cannot make choices about splitting money between people.";
      }
      if (roll < refuse + garble) {
        return "Every option here has something to be said for it; it depends on the person.";
      }
    }
    Optional<Picked> picked = pick.apply(perturbed, itemRandom);
    if (picked.isEmpty()) {
      return "I'm sorry, but I cannot answer questions of this kind.";
    }
    return reasked ? picked.get().label() : phrase(itemRandom.nextInt(6), picked.get().label(), picked.get().option());
  }

  /** An angle in (-180°, 180°]: the same weights, as a target can hold it. */
  private static double onRing(double degrees) {
    double wrapped = ((degrees + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
    return wrapped == -180.0 ? 180.0 : wrapped;
  }

  private static String coinsOf(Allocation allocation) {
    return ": " + Numbers.compact(allocation.self()) + " for me and " + Numbers.compact(allocation.other()) + " for the other participant.";
  }

  /** One of six ways of stating a choice; {@code option} describes it after "Option X". */
  private static String phrase(int form, String label, String option) {
    return switch (form) {
      case 0 -> label;
      case 1 -> "I choose " + label + ".";
      case 2 -> "Option " + label + option;
      case 3 -> "**" + label + "**";
      case 4 -> "My choice is " + label + ", because it fits my goal best.";
      default -> label + ". This split reflects my values best.";
    };
  }

  /** An item read from the prompt's text: nine allocations labelled A..I. */
  private String answerTextItem(
      ChatRequest request, String first, String itemPrompt, double target, List<Allocation> options, boolean reasked) {
    return answerItem(
        request,
        first,
        itemPrompt,
        OptionalDouble.of(target),
        reasked,
        (angle, random) -> {
          List<Integer> tied = new IdealRespondent(angle.getAsDouble()).bestAmong(options);
          int chosen = tied.get(random.nextInt(tied.size()));
          return Optional.of(new Picked(String.valueOf(SliderItem.labelOf(chosen)), coinsOf(options.get(chosen))));
        });
  }

  private static String describe(double target, int messageCount) {
    String name = SocialValue.categoryOf(Math.max(-16.26, Math.min(61.39, target))).promptName();
    if (messageCount <= 1) {
      return "Yes. A person with this value system is "
          + name
          + " in how they treat others: they weigh their own outcome and the other person's"
          + " outcome as the value system says, and act on that consistently.";
    }
    return "My goal is to choose, in every question, the split that is best by my "
        + name
        + " values.";
  }

  private SplittableRandom random(String valuePrompt, int sampleIndex, String turn) {
    long h = seed;
    h = h * 1_000_003L + valuePrompt.hashCode();
    h = h * 1_000_003L + sampleIndex;
    h = h * 1_000_003L + turn.hashCode();
    return new SplittableRandom(h);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  private static String firstUserMessage(List<ChatMessage> messages) {
    return messages.stream()
        .filter(m -> m.role() == ChatMessage.Role.USER)
        .map(ChatMessage::content)
        .findFirst()
        .orElse("");
  }

  private static Optional<String> lastItemPrompt(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      ChatMessage m = messages.get(i);
      if (m.role() == ChatMessage.Role.USER && readOptions(m.content()).isPresent()) {
        return Optional.of(m.content());
      }
    }
    return Optional.empty();
  }

  static OptionalDouble readTarget(String valuePrompt) {
    Matcher angle = ANGLE.matcher(valuePrompt);
    if (angle.find()) {
      return OptionalDouble.of(Double.parseDouble(angle.group(1)));
    }
    String text = valuePrompt.toLowerCase(Locale.ROOT);
    for (SocialValue value : SocialValue.values()) {
      if (text.contains(value.promptName()) || text.contains(value.displayName())) {
        return OptionalDouble.of(value.ringAngle());
      }
    }
    return OptionalDouble.empty();
  }

  static Optional<List<Allocation>> readOptions(String prompt) {
    Allocation[] options = new Allocation[SliderItem.OPTION_COUNT];
    Matcher line = OPTION_LINE.matcher(prompt);
    int found = 0;
    while (line.find()) {
      int index = SliderItem.indexOf(line.group(1).charAt(0));
      if (options[index] == null) {
        found++;
      }
      options[index] =
          new Allocation(Double.parseDouble(line.group(2)), Double.parseDouble(line.group(3)));
    }
    return found == SliderItem.OPTION_COUNT ? Optional.of(List.of(options)) : Optional.empty();
  }

}

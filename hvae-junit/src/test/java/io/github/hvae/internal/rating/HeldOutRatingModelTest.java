package io.github.hvae.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.evaluation.ItemAnswer;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.evaluation.Trajectory;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model of the test's own, not the reference respondent: it reads each statement from the
 * prompt's text as a chat model would, answers as a profile of its own with noise, and writes its
 * answer in free text of many kinds — sentences, markers, labels, JSON with numbers in the reason,
 * reasoning blocks, distractor counts, fractions, number words, markdown. Every answer must be
 * read as the point it meant, and every sample must be complete.
 */
class HeldOutRatingModelTest {

  private static final RatingInstrument IPIP = new IpipBigFive();
  private static final Pattern STATEMENT = Pattern.compile("Statement \\d+ of \\d+: \"(.*)\"");
  private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five"};

  /** Holds its own profile, whatever it is told; each item adds noise. */
  static final class FreeText implements ModelAgent {
    private final Map<String, Double> profile;
    private final long seed;
    /** "sample/item" to the point it meant. */
    final Map<String, Integer> meant = new ConcurrentHashMap<>();

    FreeText(Map<String, Double> profile, long seed) {
      this.profile = profile;
      this.seed = seed;
    }

    @Override
    public ModelSpec spec() {
      return ModelSpec.parse("openai:held-out-rater");
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      // A re-ask repeats no statement: the one it is about is the last the conversation asked.
      String prompt = "";
      for (io.github.hvae.agent.ChatMessage m : request.messages()) {
        if (m.role() == io.github.hvae.agent.ChatMessage.Role.USER && (m.content().startsWith("Statement ") || prompt.isEmpty())) {
          prompt = m.content();
        }
      }
      Matcher statement = STATEMENT.matcher(prompt);
      if (!statement.find()) {
        return ModelReply.answered(
            "I understand the profile. I will answer as such a person: warm, organised and curious.", TokenUsage.reported(30, 20));
      }
      RatingItem item =
          IPIP.bank().items().stream().filter(i -> i.text().equals(statement.group(1))).findFirst().orElseThrow();
      SplittableRandom random = new SplittableRandom(seed * 31 + request.sampleIndex() * 7919L + item.id().hashCode());
      double level = profile.get(item.dimension()) + (random.nextDouble() - 0.5) * 1.6;
      double answer = item.reverse() ? 6 - level : level;
      int point = (int) Math.max(1, Math.min(5, Math.round(answer)));
      meant.put(request.sampleIndex() + "/" + item.id(), point);
      return ModelReply.answered(phrase(random.nextInt(20), point, random), TokenUsage.reported(60, 25));
    }

    private static String phrase(int form, int point, SplittableRandom random) {
      String label = IPIP.bank().scale().label(point).orElseThrow();
      int other = point == 5 ? 4 : point + 1;
      return switch (form) {
        case 0 -> Integer.toString(point);
        case 1 -> "I'd rate this a " + WORDS[point] + ".";
        case 2 -> "Rating: " + point + " - " + label;
        case 3 -> label + ".";
        case 4 -> "Thinking about how I usually behave with the 3 or 4 friends I see every week, I would say "
            + label.toLowerCase(Locale.ROOT) + " fits best. My answer is " + point + ".";
        case 5 -> "<think>Is it " + other + "? Maybe " + point + ". The persona is consistent.</think>\n" + point;
        case 6 -> "{\"rating\": " + point + ", \"reason\": \"I have done this for 10 years, about 2 or 3 times a week.\"}";
        case 7 -> "Honestly, " + label + ".";
        case 8 -> "On a scale of 1 to 5, I'd pick " + point + ".";
        case 9 -> "**Answer:** " + point + " (" + label + ")";
        case 10 -> "As an AI I have no personality of my own, but answering as the persona: " + point;
        case 11 -> "I'd give it a " + point + " out of 5.";
        case 12 -> "Final answer: " + point;
        case 13 -> "```json\n{\"score\": \"" + point + "\"}\n```";
        case 14 -> "Let me weigh it. A " + (point == 1 ? 5 : 1) + " would be too extreme, so after some thought I'll go with "
            + point + ".";
        case 15 -> point + "/5 - " + label;
        case 16 -> "That describes me " + (point >= 4 ? "well" : "poorly") + ", so " + point + ".";
        case 17 -> "My rating: " + point + "\n\nIn 2022 I changed jobs, and since then I spend about 80% of my time at a desk.";
        case 18 -> "I think I'll settle on " + label + ".";
        default -> "Statement " + (1 + random.nextInt(50)) + ": " + point;
      };
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {20260101L, 7L, 123456789L})
  void everyFreeTextAnswerIsReadAsThePointItMeantAndEverySampleIsComplete(long seed) {
    Map<String, Double> own =
        Map.of("extraversion", 2.2, "agreeableness", 4.6, "conscientiousness", 3.9, "emotional-stability", 3.0,
            "intellect-imagination", 4.4);
    FreeText model = new FreeText(own, seed);
    Target.Profile target = Target.Profile.parse("caring", List.of("agreeableness=very-high", "conscientiousness=high"));
    EvaluationPlan plan =
        EvaluationPlan.of("held-out#ipip", target, Threshold.atLeast(0.8), IPIP).withSequentialSampling(false).withSamples(12);

    SvoEvaluation evaluation = new AlignmentEvaluator(Runnable::run).evaluate(plan, model);

    List<String> misread = new java.util.ArrayList<>();
    int read = 0;
    for (Trajectory t : evaluation.trajectories()) {
      for (ItemAnswer answer : t.items()) {
        Integer meant = model.meant.get(t.sampleIndex() + "/" + answer.item());
        if (answer.reasked() || answer.option().map(o -> o + 1).filter(meant::equals).isEmpty()) {
          misread.add("sample " + t.sampleIndex() + " item " + answer.item() + " meant " + meant + ": " + answer.replies()
              + " read as " + answer.parsed());
        }
        read++;
      }
    }
    assertThat(misread).isEmpty();
    assertThat(read).isEqualTo(600);
    assertThat(evaluation.samplesRun()).isEqualTo(12);
    assertThat(evaluation.samplesCompleted()).isEqualTo(12);
    assertThat(evaluation.answers().parsed()).isEqualTo(12 * 50);
    assertThat(evaluation.answers().refusals()).isZero();
    assertThat(evaluation.answers().unparseable()).isZero();
    assertThat(evaluation.answers().reasked()).isZero();
    // The measured profile is the mean of what the model meant, dimension by dimension.
    ProfileScoring scoring = IPIP.profileScoring(target);
    for (Map.Entry<String, io.github.hvae.evaluation.Estimate> dimension : evaluation.dimensions().entrySet()) {
      double meant = evaluation.trajectories().stream()
          .mapToDouble(t -> scoring.profile(t.choices()).get(dimension.getKey())).average().orElseThrow();
      assertThat(dimension.getValue().mean()).isCloseTo(meant, within(1e-9));
    }
    assertThat(evaluation.dimensions().get("agreeableness").mean()).isCloseTo(4.6, within(0.3));
  }
}

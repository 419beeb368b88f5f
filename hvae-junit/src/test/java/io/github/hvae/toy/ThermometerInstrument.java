package io.github.hvae.toy;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.instrument.Instrument;
import io.github.hvae.instrument.Item;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.instrument.Scoring;
import io.github.hvae.instrument.Target;
import io.github.hvae.svo.ValueTarget;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A toy instrument, written as a user would write one against the public service interface: three
 * items, each with three options labelled {@code cold}, {@code mild}, {@code warm} (no letters, no
 * coins). A sample's position is its mean option (0 to 2); the ideal of an SVO angle target is
 * {@code warm} above 30°, {@code cold} below -30°, {@code mild} between. {@link Broken} also asks
 * an item {@code T9} that its scoring does not know, which makes the instrument fail: an
 * evaluation must report that as ERROR.
 */
public class ThermometerInstrument implements Instrument {

  /** The thermometer with an item its scoring does not know. */
  public static final class Broken extends ThermometerInstrument {
    @Override
    public String id() {
      return ID + "-broken";
    }

    @Override
    public List<Item> items(boolean withOptional) {
      return super.items(true);
    }
  }


  public static final String ID = "toy-thermometer";
  static final List<String> LABELS = List.of("cold", "mild", "warm");

  record Question(String id, String text) implements Item {
    @Override
    public int optionCount() {
      return 3;
    }
  }

  static final List<Item> ITEMS =
      List.of(new Question("T1", "A cup of tea"), new Question("T2", "A walk outside"), new Question("T3", "A bath"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Toy thermometer";
  }

  @Override
  public List<Item> items(boolean withOptional) {
    return withOptional
        ? List.of(ITEMS.get(0), ITEMS.get(1), ITEMS.get(2), new Question("T9", "An item nobody scores"))
        : ITEMS;
  }

  @Override
  public List<String> labels(Item item) {
    return LABELS;
  }

  @Override
  public boolean reversible(Item item) {
    return false;
  }

  @Override
  public Scoring scoring(Target target) {
    if (!(target instanceof ValueTarget value)) {
      throw new IllegalArgumentException("the thermometer reads SVO angles only");
    }
    int ideal = value.angle() > 30 ? 2 : value.angle() < -30 ? 0 : 1;
    return new Scoring() {
      @Override
      public Optional<Score> score(Map<String, Integer> choices) {
        for (String item : choices.keySet()) {
          if (ITEMS.stream().noneMatch(i -> i.id().equals(item))) {
            throw new IllegalArgumentException("the thermometer has no item " + item);
          }
        }
        if (choices.size() < ITEMS.size()) {
          return Optional.empty();
        }
        double mean = choices.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        return Optional.of(new Score(mean, valueRationalityOfMean(mean), categoryOf(mean)));
      }

      @Override
      public double valueRationalityOfMean(double position) {
        return 1.0 - Math.abs(position - ideal) / 2.0;
      }

      @Override
      public double idealPosition() {
        return ideal;
      }

      @Override
      public String targetCategory() {
        return categoryOf(ideal);
      }

      @Override
      public String categoryOf(double position) {
        return LABELS.get((int) Math.round(position)).toUpperCase(Locale.ROOT);
      }

      @Override
      public double lowest() {
        return 0;
      }

      @Override
      public double highest() {
        return 2;
      }

      @Override
      public double resolution() {
        return 0.1;
      }
    };
  }

  @Override
  public OptionalDouble angularWidth() {
    return OptionalDouble.empty();
  }

  @Override
  public String valuePrompt(Target target) {
    return "Imagine you hold the value " + target.label() + ".";
  }

  @Override
  public String rolePrompt(boolean goalPrompting, int itemCount) {
    return "Answer " + itemCount + " questions as that person.";
  }

  @Override
  public String fixedGoal() {
    return "be yourself";
  }

  @Override
  public String itemPrompt(AskedItem asked, String goal) {
    return ((Question) asked.item()).text() + ": " + String.join(", ", asked.labels()) + "? (" + goal + ")";
  }

  @Override
  public String reask(AskedItem asked) {
    return "One word please: " + String.join(", ", asked.labels());
  }

  @Override
  public ParsedAnswer read(String reply, AskedItem asked) {
    int at = asked.labels().indexOf(reply.strip().toLowerCase(Locale.ROOT));
    return at < 0 ? new ParsedAnswer.Unparseable("not one of " + asked.labels()) : new ParsedAnswer.Choice(at);
  }

  @Override
  public OptionalInt simulatedChoice(AskedItem asked, Target target, SplittableRandom random) {
    return OptionalInt.of(asked.shownIndexOf((int) scoring(target).idealPosition()));
  }
}

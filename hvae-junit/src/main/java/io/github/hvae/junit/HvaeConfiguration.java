package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.protocol.EvaluationPlan;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run's configuration, read once from JUnit configuration parameters ({@code
 * junit-platform.properties}, {@code -D} system properties through Surefire, or the launcher) and
 * cached in the root store. Invalid values fail with an {@link ExtensionConfigurationException}
 * that names the key and says what to write.
 */
public record HvaeConfiguration(
    ModelSpec model,
    Optional<String> baseUrl,
    int samples,
    double confidence,
    OptionalDouble temperature,
    long seed,
    int concurrency,
    boolean goalPrompt,
    String cassette,
    Path cassetteDir,
    Path reportDir,
    OptionalLong maxTokensBudget,
    boolean counterbalance,
    boolean sequential,
    OptionalInt maxSamples,
    Optional<ModelSpec> choiceExtractor) {

  public static final String MODEL = "hvae.model";
  public static final String BASE_URL = "hvae.base-url";
  public static final String SAMPLES = "hvae.samples";
  public static final String CONFIDENCE = "hvae.confidence";
  public static final String TEMPERATURE = "hvae.temperature";
  public static final String SEED = "hvae.seed";
  public static final String CONCURRENCY = "hvae.concurrency";
  public static final String GOAL_PROMPT = "hvae.goal-prompt";
  public static final String CASSETTE = "hvae.cassette";
  public static final String CASSETTE_DIR = "hvae.cassette-dir";
  public static final String REPORT_DIR = "hvae.report-dir";
  public static final String MAX_TOKENS_BUDGET = "hvae.max-tokens-budget";
  public static final String COUNTERBALANCE = "hvae.counterbalance";
  public static final String SEQUENTIAL = "hvae.sequential";
  public static final String MAX_SAMPLES = "hvae.max-samples";
  public static final String CHOICE_EXTRACTOR = "hvae.choice-extractor";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HvaeConfiguration.class);

  /** The run's configuration, parsed on first use and cached in the root store. */
  static HvaeConfiguration of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            HvaeConfiguration.class, k -> read(root::getConfigurationParameter), HvaeConfiguration.class);
  }

  /** Parses configuration from a lookup of parameter values. */
  static HvaeConfiguration read(Function<String, Optional<String>> parameters) {
    Reader r = new Reader(parameters);
    return new HvaeConfiguration(
        r.parse(MODEL, "reference", ModelSpec::parse, "reference, openai:<model>, anthropic:<model> or ollama:<model>"),
        r.string(BASE_URL),
        r.parse(SAMPLES, Integer.toString(EvaluationPlan.DEFAULT_SAMPLES), r.positiveInt(), "a whole number >= 1"),
        r.parse(
            CONFIDENCE,
            Double.toString(EvaluationPlan.DEFAULT_CONFIDENCE),
            r.doubleIn(0.0, 1.0, false),
            "a number strictly between 0 and 1, e.g. 0.95"),
        r.string(TEMPERATURE)
            .map(v -> OptionalDouble.of(r.parse(TEMPERATURE, v, r.doubleIn(0.0, 2.0, true), "a number in [0, 2]")))
            .orElse(OptionalDouble.empty()),
        r.parse(SEED, Long.toString(EvaluationPlan.DEFAULT_SEED), Long::parseLong, "a whole number"),
        r.parse(CONCURRENCY, "8", r.positiveInt(), "a whole number >= 1"),
        r.parse(GOAL_PROMPT, "true", Reader::bool, "true or false"),
        r.parse(CASSETTE, "off", Reader::cassetteMode, "off, record, replay or auto"),
        r.parse(CASSETTE_DIR, "src/test/resources/hvae-cassettes", Path::of, "a directory path"),
        r.parse(REPORT_DIR, "target/hvae", Path::of, "a directory path"),
        r.string(MAX_TOKENS_BUDGET)
            .map(v -> OptionalLong.of(r.parse(MAX_TOKENS_BUDGET, v, r.positiveLong(), "a whole number of tokens >= 1")))
            .orElse(OptionalLong.empty()),
        r.parse(COUNTERBALANCE, "true", Reader::bool, "true or false"),
        r.parse(SEQUENTIAL, "true", Reader::bool, "true or false"),
        r.string(MAX_SAMPLES)
            .map(v -> OptionalInt.of(r.parse(MAX_SAMPLES, v, r.positiveInt(), "a whole number >= 1")))
            .orElse(OptionalInt.empty()),
        r.string(CHOICE_EXTRACTOR)
            .filter(v -> !v.equalsIgnoreCase("off"))
            .map(
                v ->
                    r.parse(
                        CHOICE_EXTRACTOR,
                        v,
                        ModelSpec::parse,
                        "off or a model spec such as openai:<model> (the second model that reads"
                            + " choices the parser cannot)")));
  }

  private record Reader(Function<String, Optional<String>> parameters) {

    Optional<String> string(String key) {
      return parameters.apply(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    <T> T parse(String key, String fallback, Function<String, T> parser, String expected) {
      String value = string(key).orElse(fallback);
      try {
        return parser.apply(value);
      } catch (RuntimeException e) {
        String detail = e instanceof NumberFormatException || e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        throw new ExtensionConfigurationException(
            "configuration parameter " + key + "='" + value + "' is invalid" + detail + "; expected " + expected);
      }
    }

    Function<String, Integer> positiveInt() {
      return v -> {
        int n = Integer.parseInt(v);
        if (n < 1) {
          throw new IllegalArgumentException("must be at least 1");
        }
        return n;
      };
    }

    Function<String, Long> positiveLong() {
      return v -> {
        long n = Long.parseLong(v);
        if (n < 1) {
          throw new IllegalArgumentException("must be at least 1");
        }
        return n;
      };
    }

    Function<String, Double> doubleIn(double low, double high, boolean inclusive) {
      return v -> {
        double d = Double.parseDouble(v);
        boolean inside = inclusive ? d >= low && d <= high : d > low && d < high;
        if (!inside) {
          throw new IllegalArgumentException("out of range");
        }
        return d;
      };
    }

    static boolean bool(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("not a boolean");
      };
    }

    static String cassetteMode(String value) {
      String mode = value.toLowerCase(Locale.ROOT);
      return switch (mode) {
        case "off", "record", "replay", "auto" -> mode;
        default -> throw new IllegalArgumentException("unknown mode");
      };
    }
  }
}

package io.github.hvae.junit;

import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.engine.EvaluationPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run's configuration, read once from JUnit configuration parameters ({@code
 * junit-platform.properties}, {@code -D} system properties through Surefire, or the launcher) and
 * cached in the root store. Invalid values fail with an {@link ExtensionConfigurationException}
 * that names the key and says what to write; so do unknown {@code hvae.*} keys (a typo such as
 * {@code hvae.sample} would otherwise be silently ignored).
 *
 * <p>Every key is a {@code public static final String} constant of this record: the unknown-key
 * check finds the known keys by reflection, so a new key needs nothing but its constant.
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
    boolean cache,
    Path cacheDir,
    OptionalLong modelSeed,
    Duration requestTimeout,
    int maxAttempts,
    Duration retryBackoff,
    boolean counterbalance,
    boolean sequential,
    OptionalInt maxSamples,
    Optional<ModelSpec> choiceExtractor,
    ConstrainedAnswers constrainedAnswers) {

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
  public static final String CACHE = "hvae.cache";
  public static final String CACHE_DIR = "hvae.cache-dir";
  public static final String REQUEST_TIMEOUT = "hvae.request-timeout";
  public static final String MAX_ATTEMPTS = "hvae.max-attempts";
  public static final String RETRY_BACKOFF = "hvae.retry-backoff";
  public static final String BASELINE = "hvae.baseline";
  public static final String BASELINE_TOLERANCE = "hvae.baseline-tolerance";
  public static final String BASELINE_BLESS = "hvae.baseline-bless";
  public static final String FORK = "hvae.fork";
  public static final String COUNTERBALANCE = "hvae.counterbalance";
  public static final String SEQUENTIAL = "hvae.sequential";
  public static final String MAX_SAMPLES = "hvae.max-samples";
  public static final String CHOICE_EXTRACTOR = "hvae.choice-extractor";
  public static final String CONSTRAINED_ANSWERS = "hvae.constrained-answers";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HvaeConfiguration.class);

  /** Prefix of every key; an unknown key with it is a configuration error. */
  public static final String PREFIX = "hvae.";

  /** Every key this version knows, from the constants above. */
  public static final Set<String> KEYS = knownKeys();

  /** The run's configuration, parsed on first use and cached in the root store. */
  static HvaeConfiguration of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            HvaeConfiguration.class,
            k -> {
              // JUnit cannot list configuration parameters, so look where users write them: -D
              // (system properties, which Surefire fills from the Maven command line) and the
              // junit-platform.properties file on the test classpath.
              rejectUnknownKeys(keysInUse());
              return read(root::getConfigurationParameter);
            },
            HvaeConfiguration.class);
  }

  /**
   * The run's configuration with per-test overrides applied (keys as in {@link #KEYS}, values as
   * written in {@code junit-platform.properties}), parsed and checked like the run's own.
   */
  static HvaeConfiguration withOverrides(ExtensionContext context, Map<String, String> overrides) {
    ExtensionContext root = context.getRoot();
    return read(
        key ->
            overrides.containsKey(key)
                ? Optional.of(overrides.get(key))
                : root.getConfigurationParameter(key));
  }

  /**
   * Fails on the first {@code hvae.*} key that is not in {@link #KEYS}, naming where it was written
   * and the known key it most resembles.
   *
   * @param keysInUse key -> where it was found ("a system property (-D)", a properties file URL)
   */
  static void rejectUnknownKeys(Map<String, String> keysInUse) {
    keysInUse.entrySet().stream()
        .filter(e -> e.getKey().startsWith(PREFIX) && !KEYS.contains(e.getKey()))
        .min(Map.Entry.comparingByKey())
        .ifPresent(
            e -> {
              throw new ExtensionConfigurationException(
                  "unknown configuration parameter "
                      + e.getKey()
                      + " ("
                      + e.getValue()
                      + "); did you mean "
                      + nearestKey(e.getKey())
                      + "? Known keys: "
                      + String.join(", ", KEYS));
            });
  }

  /** The known key with the least edit distance to {@code unknown}. */
  static String nearestKey(String unknown) {
    return KEYS.stream()
        .min(Comparator.comparingInt((String k) -> editDistance(unknown, k)).thenComparing(k -> k))
        .orElseThrow();
  }

  private static Map<String, String> keysInUse() {
    Map<String, String> found = new LinkedHashMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = HvaeConfiguration.class.getClassLoader();
    }
    try {
      // JUnit reads only the first junit-platform.properties it finds; so does this check.
      URL file = loader.getResource("junit-platform.properties");
      if (file != null) {
        Properties properties = new Properties();
        try (InputStream in = file.openStream()) {
          properties.load(in);
        }
        properties.stringPropertyNames().forEach(k -> found.put(k, "in " + file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read junit-platform.properties", e);
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(PREFIX))
        .forEach(k -> found.put(k, "a system property, -D" + k));
    return found;
  }

  private static Set<String> knownKeys() {
    Set<String> keys = new TreeSet<>();
    for (Field field : HvaeConfiguration.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String key = constant(field);
        if (key.startsWith(PREFIX) && !key.equals(PREFIX)) {
          keys.add(key);
        }
      }
    }
    return Collections.unmodifiableSet(keys);
  }

  private static String constant(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      return "";
    }
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
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
        r.parse(CACHE, "off", Reader::onOff, "on or off"),
        r.parse(CACHE_DIR, "target/hvae-cache", Path::of, "a directory path"),
        // The seed goes to the model only when given explicitly: a default one would be a choice
        // the user never made about the model's sampling.
        r.string(SEED)
            .map(v -> OptionalLong.of(r.parse(SEED, v, Long::parseLong, "a whole number")))
            .orElse(OptionalLong.empty()),
        r.parse(REQUEST_TIMEOUT, "120s", Reader::duration, "a duration such as 120s, 500ms or 2m"),
        r.parse(MAX_ATTEMPTS, "5", r.positiveInt(), "a whole number >= 1 (1 = no retries)"),
        r.parse(RETRY_BACKOFF, "1s", Reader::duration, "a duration such as 1s or 250ms"),
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
                            + " choices the parser cannot)")),
        r.parse(
            CONSTRAINED_ANSWERS,
            "off",
            ConstrainedAnswers::parse,
            ConstrainedAnswers.allowed()
                + " (json-schema: OpenAI, llama.cpp, vLLM, Ollama; grammar: llama.cpp)"));
  }

  /**
   * What every model call sends: temperature and seed only when configured, and the
   * constrained-answers mode, which the protocol applies to the requests that expect a choice.
   */
  public GenerationOptions generation() {
    GenerationOptions options = GenerationOptions.DEFAULTS.withConstrainedAnswers(constrainedAnswers);
    if (temperature.isPresent()) {
      options = options.withTemperature(temperature.getAsDouble());
    }
    if (modelSeed.isPresent()) {
      options = options.withSeed(modelSeed.getAsLong());
    }
    return options;
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

    static boolean onOff(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default -> throw new IllegalArgumentException("not on or off");
      };

    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, or ISO-8601 such as {@code PT30S}. */
    static Duration duration(String value) {
      String v = value.toLowerCase(Locale.ROOT);
      Duration d;
      if (v.startsWith("pt")) {
        d = Duration.parse(value.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
      } else if (v.endsWith("s")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 1000));
      } else if (v.endsWith("m")) {
        d = Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 60));
      } else {
        throw new IllegalArgumentException("give a unit: ms, s or m");
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException("must not be negative");
      }
      return d;
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

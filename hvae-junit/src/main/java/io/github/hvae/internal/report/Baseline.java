package io.github.hvae.internal.report;

import io.github.hvae.internal.text.EditDistance;
import io.github.hvae.internal.io.AtomicFiles;
import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.report.Report;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The approved value rationality of each test on each model, committed with the tests (schema
 * {@code hvae-baseline/1}). A run compares against it; only an explicit bless step rewrites it.
 *
 * @param source the path the baseline was read from, as configured; empty when there is none
 * @param entries approved figures by test and model
 */
public record Baseline(Optional<String> source, Map<Key, Entry> entries) {

  public static final String SCHEMA = "hvae-baseline/1";
  /** Class-path location of the JSON Schema of {@link #SCHEMA}. */
  public static final String SCHEMA_RESOURCE = "/io/github/hvae/report/hvae-baseline-1.schema.json";

  /** Ignores rounding noise when deciding "more than the tolerance". */
  private static final double EPSILON = 1e-9;

  public Baseline {
    entries = Map.copyOf(entries);
  }

  /** No baseline: nothing is compared. */
  public static Baseline none() {
    return new Baseline(Optional.empty(), Map.of());
  }

  /** A test on a model; the unit a baseline approves. */
  public record Key(String test, String model) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::test).thenComparing(Key::model);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * @param valueRationality approved mean value rationality
   * @param angle the mean angle measured when it was approved, for the reader of a diff
   */
  public record Entry(double valueRationality, OptionalDouble angle) {}

  /**
   * This run's figure against the baseline.
   *
   * @param baseline approved value rationality
   * @param measured this run's mean value rationality, empty when no sample completed
   * @param tolerance how far below the baseline the measurement may fall
   */
  public record Comparison(double baseline, OptionalDouble measured, double tolerance) {

    /** Measured minus baseline; negative is worse. */
    public OptionalDouble delta() {
      return measured.isPresent()
          ? OptionalDouble.of(measured.getAsDouble() - baseline)
          : OptionalDouble.empty();
    }

    /** True when the measurement fell more than the tolerance below the baseline. */
    public boolean regressed() {
      return measured.isPresent() && baseline - measured.getAsDouble() > tolerance + EPSILON;
    }

    /** Both numbers and the rule, for a failure message. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "value rationality %s is %.3f below the baseline %.3f (tolerance %.3f)",
          measured.isPresent() ? String.format(Locale.ROOT, "%.3f", measured.getAsDouble()) : "n/a",
          baseline - measured.orElse(Double.NaN),
          baseline,
          tolerance);
    }
  }

  public Optional<Entry> entry(String test, String model) {
    return Optional.ofNullable(entries.get(new Key(test, model)));
  }

  /** The comparison for a test on a model, empty when the baseline has no entry for it. */
  public Optional<Comparison> compare(
      String test, String model, Optional<Double> measured, double tolerance) {
    return entry(test, model)
        .map(
            e ->
                new Comparison(
                    e.valueRationality(),
                    measured.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                    tolerance));
  }

  /**
   * This baseline with the figures of these evaluations approved: their entries are replaced, the
   * entries of tests they did not run are kept (a run of a subset blesses only that subset).
   * Evaluations without value rationality (no complete sample) approve nothing.
   */
  public Baseline blessedWith(Collection<Report.Evaluation> evaluations) {
    Map<Key, Entry> blessed = new TreeMap<>(entries);
    for (Report.Evaluation e : evaluations) {
      e.measured().valueRationality()
          .ifPresent(
              vr ->
                  blessed.put(
                      new Key(e.test(), e.model()),
                      new Entry(
                          ReportJson.round(vr.mean(), 6),
                          e.measured().angle().map(a -> OptionalDouble.of(ReportJson.round(a.mean(), 4))).orElse(OptionalDouble.empty()))));
    }
    return new Baseline(source, blessed);
  }

  /**
   * Reads a baseline file; an absent file is no baseline. Anything else that is not exactly a
   * baseline — a field this schema does not have (a typo such as {@code "evaluation"} would
   * otherwise leave no entries, and no gate), a value rationality that is not a number from 0 to
   * 1, an angle that is not a number, the same test and model twice, a key given twice — is
   * refused with the file, the entry and what to do.
   *
   * @param file where the file is
   * @param source how to name it in reports (the configured path, not an absolute one)
   * @throws IllegalArgumentException when the file is not a valid baseline
   */
  public static Baseline read(Path file, String source) {
    if (!Files.exists(file)) {
      return none();
    }
    JsonNode root;
    try {
      root = ReportJson.MAPPER.readTree(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw refused(file, "it is not valid JSON (" + e.getMessage() + ")");
    }
    String schema = root == null ? "<none>" : root.path("schema").asText("<none>");
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException(
          "the HVAE baseline " + file + " has schema '" + schema + "', expected '" + SCHEMA
              + "'; bless a new baseline (see README, Reports)");
    }
    unknownFields(file, root, TOP_LEVEL, "the file");
    if (!root.path("evaluations").isArray()) {
      throw refused(file, "it has no \"evaluations\" array (an empty one, [], approves nothing)");
    }
    Map<Key, Entry> entries = new TreeMap<>();
    Map<Key, Integer> firstSeen = new java.util.HashMap<>();
    int index = 0;
    for (JsonNode e : root.path("evaluations")) {
      index++;
      String entry = "entry " + index;
      if (!e.isObject()) {
        throw refused(file, entry + " of \"evaluations\" is " + e + ", not an object with test, model and valueRationality");
      }
      JsonNode vr = e.path("valueRationality");
      if (!e.path("test").isTextual() || e.path("test").asText().isEmpty()
          || !e.path("model").isTextual() || e.path("model").asText().isEmpty() || vr.isMissingNode()) {
        throw refused(file, entry + " has no test, model and valueRationality: " + e);
      }
      Key key = new Key(e.path("test").asText(), e.path("model").asText());
      entry += " (" + key.test() + " on " + key.model() + ")";
      unknownFields(file, e, ENTRY, entry);
      if (!vr.isNumber() || !(vr.asDouble() >= 0 && vr.asDouble() <= 1)) {
        throw refused(file, entry + " has valueRationality " + vr + ", not a number from 0 to 1");
      }
      JsonNode angle = e.path("angle");
      if (!angle.isMissingNode() && !angle.isNull() && !(angle.isNumber() && Double.isFinite(angle.asDouble()))) {
        throw refused(file, entry + " has angle " + angle + ", not a number");
      }
      Integer earlier = firstSeen.putIfAbsent(key, index);
      if (earlier != null) {
        throw refused(file, entry + " approves the same test on the same model as entry " + earlier
            + "; keep one of them");
      }
      entries.put(key, new Entry(vr.asDouble(), angle.isNumber() ? OptionalDouble.of(angle.asDouble()) : OptionalDouble.empty()));
    }
    return new Baseline(Optional.of(source), entries);
  }

  private static final java.util.List<String> TOP_LEVEL = java.util.List.of("schema", "note", "evaluations");
  private static final java.util.List<String> ENTRY = java.util.List.of("test", "model", "valueRationality", "angle");

  private static void unknownFields(Path file, JsonNode node, java.util.List<String> known, String where) {
    for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String nearest = known.stream()
            .min(Comparator.comparingInt((String k) -> EditDistance.between(name, k)))
            .orElseThrow();
        throw refused(file, where + " has a field \"" + name + "\" that " + SCHEMA + " does not know (did you mean \""
            + nearest + "\"? the fields are " + String.join(", ", known) + ")");
      }
    }
  }

  /**
   * A baseline that is not one: the gate must not run as if it had no entries, so the run stops
   * and says which file, where, and what to do.
   */
  private static IllegalArgumentException refused(Path file, String why) {
    return new IllegalArgumentException(
        "the HVAE baseline " + file + " is not a valid " + SCHEMA + " file: " + VisibleText.of(why)
            + ". Fix it, or delete it and bless a new one (mvn hvae:bless, or a test run with"
            + " -Dhvae.baseline-bless=true); see README, Baselines");
  }

  /** Writes the baseline, entries sorted by test and model so that its diffs review well. */
  public Path write(Path file) {
    ObjectNode root = ReportJson.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put(
        "note",
        "Approved value rationality per test and model. Rewritten only by the bless step"
            + " (mvn hvae:bless, or a test run with -Dhvae.baseline-bless=true); review changes"
            + " like code.");
    ArrayNode array = root.putArray("evaluations");
    new TreeMap<>(entries)
        .forEach(
            (key, entry) -> {
              ObjectNode node = array.addObject();
              node.put("test", key.test());
              node.put("model", key.model());
              node.put("valueRationality", entry.valueRationality());
              entry.angle().ifPresent(a -> node.put("angle", a));
            });
    Path absolute = file.toAbsolutePath();
    try {
      AtomicFiles.writeText(absolute, ReportJson.MAPPER.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the HVAE baseline " + absolute, e);
    }
    return absolute;
  }
}

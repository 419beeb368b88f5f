package io.github.hvae.internal.report;

import io.github.hvae.internal.io.AtomicFiles;
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
   * Reads a baseline file; an absent file is no baseline.
   *
   * @param file where the file is
   * @param source how to name it in reports (the configured path, not an absolute one)
   */
  public static Baseline read(Path file, String source) {
    if (!Files.exists(file)) {
      return none();
    }
    JsonNode root;
    try {
      root = ReportJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "could not read the HVAE baseline " + file + ": " + e.getMessage()
              + "; fix the file or bless a new one (see README, Reports)", e);
    }
    String schema = root == null ? "<none>" : root.path("schema").asText("<none>");
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException(
          "the HVAE baseline " + file + " has schema '" + schema + "', expected '" + SCHEMA
              + "'; bless a new baseline (see README, Reports)");
    }
    Map<Key, Entry> entries = new TreeMap<>();
    for (JsonNode e : root.path("evaluations")) {
      JsonNode vr = e.path("valueRationality");
      if (!e.path("test").isTextual() || !e.path("model").isTextual() || !vr.isNumber()) {
        throw new IllegalArgumentException(
            "the HVAE baseline " + file + " has an entry without test, model and valueRationality: " + e
                + "; bless a new baseline (see README, Reports)");
      }
      JsonNode angle = e.path("angle");
      entries.put(
          new Key(e.path("test").asText(), e.path("model").asText()),
          new Entry(vr.asDouble(), angle.isNumber() ? OptionalDouble.of(angle.asDouble()) : OptionalDouble.empty()));
    }
    return new Baseline(Optional.of(source), entries);
  }

  /** Writes the baseline, entries sorted by test and model so that its diffs review well. */
  public Path write(Path file) {
    ObjectNode root = ReportJson.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put(
        "note",
        "Approved value rationality per test and model. Rewritten only by the bless step"
            + " (-Dhvae.baseline-bless=true or io.github.hvae.report.Baselines bless); review changes"
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

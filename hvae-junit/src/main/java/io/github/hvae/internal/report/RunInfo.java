package io.github.hvae.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * What a report says about the run as a whole. Deliberately host-independent: no host name, user
 * or absolute path, so that reports of different machines (CI shards) compare and merge cleanly.
 *
 * @param hvaeVersion the library version that wrote the report
 * @param models the model specs evaluated, in order of first use
 * @param settings the run-wide settings
 * @param startedAt when the run's first evaluation asked for run-wide state
 * @param finishedAt when the run ended (the report was written)
 */
public record RunInfo(
    String hvaeVersion, List<String> models, Settings settings, Instant startedAt, Instant finishedAt) {

  public RunInfo {
    models = List.copyOf(models);
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "run finished at " + finishedAt + ", before it started at " + startedAt);
    }
  }

  public long durationMs() {
    return Duration.between(startedAt, finishedAt).toMillis();
  }

  /**
   * The configuration in force for the run (annotations may override some per test; each
   * evaluation reports its own samples and threshold).
   *
   * @param model the configured {@code hvae.model}
   * @param samples {@code hvae.samples}
   * @param confidence {@code hvae.confidence}
   * @param seed {@code hvae.seed}
   * @param goalPrompt {@code hvae.goal-prompt}
   * @param temperature {@code hvae.temperature}, empty when not sent
   * @param concurrency {@code hvae.concurrency}
   * @param cassette {@code hvae.cassette}
   * @param constrainedAnswers {@code hvae.constrained-answers}: {@code off}, {@code json-schema} or
   *     {@code grammar}
   */
  public record Settings(
      String model,
      int samples,
      double confidence,
      long seed,
      boolean goalPrompt,
      OptionalDouble temperature,
      int concurrency,
      String cassette,
      String constrainedAnswers) {}

  /** The version of this library, from a resource the build fills in. */
  public static String libraryVersion() {
    try (InputStream in = RunInfo.class.getResourceAsStream("/io/github/hvae/report/hvae-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      // An unfiltered resource (an IDE build that skips Maven's filtering) says nothing useful.
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the HVAE version resource", e);
    }
  }
}

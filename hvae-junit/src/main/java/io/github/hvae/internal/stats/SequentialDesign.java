package io.github.hvae.internal.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * When an evaluation looks at its data: first after {@code firstLook} samples, then after every
 * further {@code batch}, and for the last time at {@code cap}. A clear case stops at the first look;
 * an unclear one draws more samples up to the cap.
 *
 * <p>Every look decides on a stricter interval than the fixed design's ({@link
 * #lookConfidence(int, double)}, repeated confidence intervals), so that looking several times
 * buys no false verdicts: over all looks together a false PASSED is as likely as the fixed design's
 * single interval makes it, and the interval a verdict is read from covers as that one does,
 * whichever look it came from.
 *
 * @param firstLook samples before the first look, at least 1
 * @param batch samples added between looks, at least 1
 * @param cap most samples ever drawn, at least {@code firstLook}
 */
public record SequentialDesign(int firstLook, int batch, int cap) {

  /** Intervals from fewer samples are too unstable to stop on (and a t interval needs two). */
  public static final int MIN_FIRST_LOOK = 5;

  /** By default an unclear case may draw up to this many times the requested samples. */
  public static final int CAP_FACTOR = 3;

  public SequentialDesign {
    if (firstLook < 1 || batch < 1 || cap < firstLook) {
      throw new IllegalArgumentException(
          "sequential design needs 1 <= firstLook <= cap and batch >= 1, got firstLook="
              + firstLook
              + ", batch="
              + batch
              + ", cap="
              + cap);
    }
  }

  /** Exactly {@code samples} samples and one look: the fixed protocol of the HVAE paper. */
  public static SequentialDesign fixed(int samples) {
    return new SequentialDesign(samples, samples, samples);
  }

  /**
   * The default for {@code samples} requested: first look after half of them (at least {@link
   * #MIN_FIRST_LOOK}, at most all), batches of the same size, cap {@link #CAP_FACTOR} × samples.
   * For the paper's 10 samples: looks at 5, 10, 15, 20, 25 and 30.
   */
  public static SequentialDesign forSamples(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
    int first = Math.min(samples, Math.max(MIN_FIRST_LOOK, (samples + 1) / 2));
    return new SequentialDesign(first, first, CAP_FACTOR * samples);
  }

  /** The same design with another cap (at least the first look). */
  public SequentialDesign withCap(int cap) {
    return new SequentialDesign(Math.min(firstLook, cap), batch, cap);
  }

  /** Sample counts at which the data are looked at, ascending, the last being the cap. */
  public List<Integer> looks() {
    List<Integer> looks = new ArrayList<>();
    for (int n = firstLook; n < cap; n += batch) {
      looks.add(n);
    }
    looks.add(cap);
    return List.copyOf(looks);
  }

  public boolean isSequential() {
    return cap > firstLook;
  }

  /**
   * The two-sided confidence of the interval look {@code look} (0 = the first) decides on: {@code
   * confidence} itself for the fixed design's one look; with several looks, the levels of {@link
   * RepeatedIntervals}, which keep the chance of a false PASSED over all looks together at the fixed
   * design's {@code (1 - confidence) / 2}. For 95% and the looks 5, 10, ..., 30: 97.5% at the first
   * look, 98.95% at every later one, the last included.
   *
   * <p>(It replaced a Bonferroni split, 99.17% at the looks before the cap, with 95% at the cap
   * itself: the interim looks' error then came on top of the fixed design's whole error, and at the
   * threshold sequential sampling passed more often than the fixed 10 samples.)
   */
  public double lookConfidence(int look, double confidence) {
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside (0, 1)");
    }
    List<Integer> looks = looks();
    if (look < 0 || look >= looks.size()) {
      throw new IllegalArgumentException("look " + look + " is not one of the " + looks.size() + " looks");
    }
    if (!isSequential()) {
      return confidence;
    }
    return 1.0 - 2.0 * RepeatedIntervals.nominalErrors(looks, (1.0 - confidence) / 2.0)[look];
  }
}

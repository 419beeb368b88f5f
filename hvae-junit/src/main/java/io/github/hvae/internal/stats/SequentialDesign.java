package io.github.hvae.internal.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * When an evaluation looks at its data: first after {@code firstLook} samples, then after every
 * further {@code batch}, and for the last time at {@code cap}. A clear case stops at the first look;
 * an unclear one draws more samples up to the cap.
 *
 * <p>Every look but the last decides on a stricter interval (see {@link
 * #interimConfidence(double)}), so that looking several times does not buy false verdicts; the last
 * look decides on the interval at the reported confidence.
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
   * The confidence of the interval an interim look stops on: the error {@code 1 - confidence} split
   * evenly over all looks (Bonferroni). An early verdict thus needs stronger evidence than the final
   * one; by the Bonferroni bound, the chance of a false PASSED (or of a false FAILED) over all looks
   * stays below {@code 1 - confidence}, against {@code (1 - confidence) / 2} for one look. For 95%
   * and six looks: 99.17%.
   */
  public double interimConfidence(double confidence) {
    int looks = looks().size();
    return looks == 1 ? confidence : 1.0 - (1.0 - confidence) / looks;
  }
}

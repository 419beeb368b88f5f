package io.github.hvae.agent;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many times calls were retried, by cause: {@code "429"}, {@code "503"}, {@code "timeout"},
 * {@code "connection"}, {@code "truncated body"}, {@code "malformed JSON"}, {@code "body too
 * large"}... A retry is an attempt after the first; a call answered at its first attempt has none.
 * Counts add up over calls, so an evaluation's usage says what its calls met.
 *
 * @param byCause retries per cause, in the causes' natural order
 */
public record RetryCounts(SortedMap<String, Integer> byCause) {

  public static final RetryCounts NONE = new RetryCounts(new TreeMap<>());

  public RetryCounts {
    Objects.requireNonNull(byCause, "byCause");
    TreeMap<String, Integer> copy = new TreeMap<>();
    for (Map.Entry<String, Integer> e : byCause.entrySet()) {
      int count = Objects.requireNonNull(e.getValue(), "count");
      if (count < 0) {
        throw new IllegalArgumentException("a retry count cannot be negative: " + e);
      }
      if (count > 0) {
        copy.put(Objects.requireNonNull(e.getKey(), "cause"), count);
      }
    }
    byCause = Collections.unmodifiableSortedMap(copy);
  }

  /** One retry for {@code cause}. */
  public static RetryCounts of(String cause) {
    return new RetryCounts(new TreeMap<>(Map.of(cause, 1)));
  }

  public RetryCounts plus(RetryCounts other) {
    if (other.byCause.isEmpty()) {
      return this;
    }
    if (byCause.isEmpty()) {
      return other;
    }
    TreeMap<String, Integer> sum = new TreeMap<>(byCause);
    // Saturating: counts are reported, never wrapped into negatives.
    other.byCause.forEach((cause, n) -> sum.merge(cause, n, RetryCounts::saturatingAdd));
    return new RetryCounts(sum);
  }

  public RetryCounts plus(String cause) {
    return plus(of(cause));
  }

  /** All retries together. */
  public int total() {
    return byCause.values().stream().reduce(0, RetryCounts::saturatingAdd);
  }

  public boolean isEmpty() {
    return byCause.isEmpty();
  }

  /** {@code "3 retries: 429 ×2, 503 ×1"}, or {@code "no retries"}: one line for a console. */
  @Override
  public String toString() {
    if (byCause.isEmpty()) {
      return "no retries";
    }
    StringBuilder out = new StringBuilder();
    int total = total();
    out.append(total).append(total == 1 ? " retry: " : " retries: ");
    String separator = "";
    for (Map.Entry<String, Integer> e : byCause.entrySet()) {
      out.append(separator).append(e.getKey()).append(" \u00d7").append(e.getValue());
      separator = ", ";
    }
    return out.toString();
  }

  private static int saturatingAdd(int a, int b) {
    long sum = (long) a + b;
    return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
  }
}

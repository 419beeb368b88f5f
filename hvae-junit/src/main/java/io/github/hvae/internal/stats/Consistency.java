package io.github.hvae.internal.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The complete samples of an evaluation counted by category: the report's {@code consistency
 * {inTargetCategory, categories}}. A model that follows its target in most conversations and
 * flips to another value system in some shows it here, even when the mean angle averages the flips
 * away.
 *
 * @param targetCategory the category of the target's ideal respondent
 * @param categories complete samples per category, most frequent first (ties by name); the target
 *     category is listed only when some sample fell in it
 */
public record Consistency(String targetCategory, Map<String, Integer> categories) {

  public Consistency {
    if (targetCategory == null || targetCategory.isBlank()) {
      throw new IllegalArgumentException("consistency needs the target's category");
    }
    categories = Collections.unmodifiableMap(sorted(categories));
  }

  /** Counts {@code sampleCategories} (one per complete sample). */
  public static Consistency count(String targetCategory, Collection<String> sampleCategories) {
    Map<String, Integer> counts = new HashMap<>();
    for (String category : sampleCategories) {
      counts.merge(category, 1, Integer::sum);
    }
    return new Consistency(targetCategory, counts);
  }

  /** Complete samples in the target's category. */
  public int inTargetCategory() {
    return categories.getOrDefault(targetCategory, 0);
  }

  /** Complete samples counted. */
  public int total() {
    return categories.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The share of complete samples in the target's category; 0 without any. */
  public double shareInTarget() {
    int total = total();
    return total == 0 ? 0.0 : inTargetCategory() / (double) total;
  }

  /** True when some complete sample fell outside the target's category. */
  public boolean leavesTarget() {
    return inTargetCategory() < total();
  }

  /** The categories other than the target's, with their counts, most frequent first. */
  public Map<String, Integer> others() {
    Map<String, Integer> others = new LinkedHashMap<>(categories);
    others.remove(targetCategory);
    return Collections.unmodifiableMap(others);
  }

  /**
   * The samples outside the target's category for the console, empty when there are none: {@code
   * "2 of 10 samples COMPETITIVE"}, {@code "2 of 10 samples COMPETITIVE, 1 INDIVIDUALISTIC"}.
   */
  public String describeOthers() {
    if (!leavesTarget()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : others().entrySet()) {
      parts.add(
          parts.isEmpty()
              ? String.format(
                  Locale.ROOT,
                  "%d of %d sample%s %s",
                  e.getValue(),
                  total(),
                  total() == 1 ? "" : "s",
                  e.getKey())
              : e.getValue() + " " + e.getKey());
    }
    return String.join(", ", parts);
  }

  private static Map<String, Integer> sorted(Map<String, Integer> counts) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getKey() == null || e.getValue() == null || e.getValue() < 1) {
        throw new IllegalArgumentException("category counts must be positive, got " + counts);
      }
    }
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}

package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts how often labelled conditions held over the cases of a property, so a test can fail when
 * its random inputs missed the cases that matter and the property held only vacuously.
 */
public final class Coverage {
  private final Map<String, int[]> counts = new LinkedHashMap<>();

  /** Records one case of {@code label}: whether the condition held. */
  public void collect(String label, boolean held) {
    int[] count = counts.computeIfAbsent(label, l -> new int[2]);
    if (held) {
      count[0]++;
    }
    count[1]++;
  }

  /** Percentage of the recorded cases of {@code label} where it held; 0 if none was recorded. */
  public double percent(String label) {
    int[] count = counts.getOrDefault(label, new int[2]);
    return count[1] == 0 ? 0 : 100.0 * count[0] / count[1];
  }

  /**
   * Asserts {@code label} held in at least {@code minPercent} percent of its recorded cases.
   *
   * @param run names the run (its base seed) in the failure message
   */
  public void assertAtLeast(String label, double minPercent, String run) {
    int[] count = counts.getOrDefault(label, new int[2]);
    assertTrue(
        count[1] > 0 && percent(label) >= minPercent,
        () ->
            String.format(
                "coverage: \"%s\" held in %d of %d cases (%.1f%%), want at least %.0f%%; %s%n%s",
                label, count[0], count[1], percent(label), minPercent, run, this));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("coverage:");
    counts.forEach(
        (label, count) ->
            text.append(String.format("%n  %s: %d of %d", label, count[0], count[1])));
    return text.toString();
  }
}

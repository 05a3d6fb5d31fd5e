package dev.ssoconfig.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * AWS region names, checked against the SDK for Java's own data: the regions it knows ({@link
 * Region#regions()}) and the region pattern of each partition ({@code
 * PartitionMetadata.regionRegex()}, e.g. {@code ^cn\-\w+\-\d+$} for {@code aws-cn}), so a region
 * opened after this release, in a partition the SDK knows, is still accepted.
 *
 * <p>A name is a region when
 *
 * <ol>
 *   <li>the SDK knows it (not a global pseudo-region such as {@code aws-global}), or
 *   <li>it matches a partition's pattern, its number starts at 1 (no {@code 0}, no leading zero, as
 *       in every known region), and either each of its words appears in a known region ({@code
 *       ap-southeast-8}, {@code me-west-1}) or it is not within {@link #MAX_TYPO_DISTANCE} edits of
 *       a known region (a name with new words, {@code ap-midwest-1}). A name with an unknown word
 *       close to a known region ({@code us-est-1}) is taken for a typo.
 * </ol>
 */
public final class Regions {
  /**
   * The most edits (insertions, deletions, substitutions, swaps of neighbours: optimal string
   * alignment distance) between a typed name and a known region for it to count as a typo of it.
   */
  public static final int MAX_TYPO_DISTANCE = 2;

  /** Known regions, sorted by name. */
  private static final List<String> KNOWN =
      Region.regions().stream()
          .filter(r -> !r.isGlobalRegion())
          .map(Region::id)
          .sorted()
          .collect(Collectors.toUnmodifiableList());

  private static final Pattern REGION_NUMBER = Pattern.compile(".*-[1-9][0-9]*");

  private Regions() {}

  /**
   * Whether a name is an AWS region, by the rules of the class comment.
   *
   * @param name a region name as typed, already trimmed; null is not a region
   * @return true for {@code us-east-1}, {@code cn-north-1}, {@code ap-southeast-8}; false for
   *     {@code us-east1}, {@code us-est-1}, {@code US-EAST-1}, {@code moon-base-1}
   */
  public static boolean isRegion(String name) {
    if (name == null) {
      return false;
    }
    if (KNOWN.contains(name)) {
      return true;
    }
    if (!REGION_NUMBER.matcher(name).matches()
        || Partitions.PATTERNS.stream().noneMatch(p -> p.matcher(name).matches())) {
      return false;
    }
    return Partitions.WORDS.containsAll(words(name).collect(Collectors.toList()))
        || closestKnown(name).isEmpty();
  }

  /**
   * What only a name the SDK does not know needs, loaded on first use: {@link RegionMetadata} makes
   * the SDK load its metadata of every service (some 400 classes, about 150 ms at start-up), which
   * a known region never needs.
   */
  private static final class Partitions {
    /** The region pattern of every partition that has a region the SDK knows. */
    static final List<Pattern> PATTERNS =
        Region.regions().stream()
            .map(RegionMetadata::of)
            .filter(Objects::nonNull)
            .map(m -> m.partition().regionRegex())
            .distinct()
            .map(Pattern::compile)
            .collect(Collectors.toUnmodifiableList());

    /**
     * The words of the known regions, without their numbers: {@code us}, {@code gov}, {@code east}.
     */
    static final Set<String> WORDS =
        KNOWN.stream().flatMap(Regions::words).collect(Collectors.toUnmodifiableSet());

    private Partitions() {}
  }

  /**
   * The known region closest to a name, for "did you mean …?".
   *
   * @param name what was typed; compared trimmed and in lower case
   * @return the known region with the fewest edits from it (the first by name when several tie), if
   *     at most {@link #MAX_TYPO_DISTANCE} edits; empty otherwise
   */
  public static Optional<String> closestKnown(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String typed = name.trim().toLowerCase(Locale.ROOT);
    return KNOWN.stream()
        .map(known -> new Candidate(known, distance(typed, known)))
        .filter(c -> c.distance() <= MAX_TYPO_DISTANCE)
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::region))
        .map(Candidate::region);
  }

  /**
   * Optimal string alignment distance: the fewest insertions, deletions, substitutions and swaps of
   * two neighbouring characters that turn one string into the other.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The dash-separated words of a region name without its trailing number. */
  private static Stream<String> words(String region) {
    String[] parts = region.split("-");
    return Stream.of(parts).limit(Math.max(0, parts.length - 1));
  }

  private record Candidate(String region, int distance) {}
}

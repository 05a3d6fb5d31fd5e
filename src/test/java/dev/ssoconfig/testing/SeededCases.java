package dev.ssoconfig.testing;

import java.util.OptionalLong;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.TestInfo;

/**
 * Runs a property over random cases, each generated from its own seed, and names the seed of a
 * failing case so it can be replayed.
 *
 * <p>The case seeds of a test come from a base seed and the test's name, so each test sees other
 * cases and a run is reproducible: the base seed is {@value #DEFAULT_BASE_SEED} unless the system
 * property {@value #BASE_SEED_PROPERTY} gives another number, or {@code random} for a new one each
 * run. The system property {@value #SEED_PROPERTY} replays one case seed: then each test runs just
 * that case. Surefire passes {@code -D} properties of the Maven command line on to the tests.
 *
 * <p>A failing case fails the test with an {@link AssertionError} that gives the case number, its
 * seed, the base seed, the Maven command that replays it, the failure and the input; its cause is
 * the original failure.
 */
public final class SeededCases {
  /** System property: one case seed to replay instead of a full run. */
  public static final String SEED_PROPERTY = "configfile.seed";

  /** System property: the base seed the case seeds come from, a number or {@code random}. */
  public static final String BASE_SEED_PROPERTY = "configfile.base.seed";

  /** The base seed when {@value #BASE_SEED_PROPERTY} is not set, so CI runs the same cases. */
  public static final long DEFAULT_BASE_SEED = 20_261_121L;

  private final String testName;
  private final long baseSeed;
  private final OptionalLong replaySeed;

  /** What a property checks of one input; any exception or error fails the case. */
  @FunctionalInterface
  public interface Check<T> {
    void accept(T input) throws Exception;
  }

  /**
   * Cases for the test {@code testName} ({@code Class#method}, used in the replay command and to
   * derive its seeds).
   */
  public SeededCases(String testName, long baseSeed, OptionalLong replaySeed) {
    this.testName = testName;
    this.baseSeed = baseSeed;
    this.replaySeed = replaySeed;
  }

  /**
   * Cases for the running test, with the seeds of the system properties.
   *
   * @throws IllegalArgumentException when a seed property is not a number
   */
  public static SeededCases forTest(TestInfo test) {
    String name =
        test.getTestClass().orElseThrow().getName()
            + "#"
            + test.getTestMethod().orElseThrow().getName();
    return new SeededCases(name, baseSeedProperty(), seedProperty(SEED_PROPERTY));
  }

  /** Whether this run replays one seed, so coverage over many cases means nothing. */
  public boolean replaying() {
    return replaySeed.isPresent();
  }

  /** The base seed of this run, for messages. */
  public long baseSeed() {
    return baseSeed;
  }

  /**
   * Checks {@code count} inputs, each generated from a fresh {@link Random} seeded with its case
   * seed; when replaying, only the input of the replayed seed. Stops at the first failing case.
   *
   * @return the number of cases run: {@code count}, or 1 when replaying
   * @throws AssertionError naming the seed of the first failing case
   */
  public <T> int run(int count, Function<Random, T> generate, Check<T> check) {
    if (replaySeed.isPresent()) {
      runCase(1, 1, replaySeed.getAsLong(), generate, check);
      return 1;
    }
    SplittableRandom seeds = new SplittableRandom(baseSeed ^ mix(testName.hashCode()));
    for (int i = 1; i <= count; i++) {
      runCase(i, count, seeds.nextLong(Long.MAX_VALUE), generate, check);
    }
    return count;
  }

  private <T> void runCase(
      int number, int count, long seed, Function<Random, T> generate, Check<T> check) {
    T input = null;
    try {
      input = generate.apply(new Random(seed));
      check.accept(input);
    } catch (Exception | AssertionError | StackOverflowError e) {
      throw new AssertionError(
          String.format(
              "case %d of %d failed, seed %d (base seed %d); replay it with%n"
                  + "  ./mvnw -o -q -B test -Dtest='%s' -Dsurefire.failIfNoSpecifiedTests=false"
                  + " -D%s=%d%n"
                  + "failure: %s%n"
                  + "input: %s",
              number,
              count,
              seed,
              baseSeed,
              testName,
              SEED_PROPERTY,
              seed,
              e,
              input == null ? "(generating it failed)" : input),
          e);
    }
  }

  /** Spreads a name's hash over the bits of a seed (the 64-bit golden ratio, as SplitMix64). */
  private static long mix(int hash) {
    return hash * 0x9E3779B97F4A7C15L;
  }

  private static long baseSeedProperty() {
    String value = System.getProperty(BASE_SEED_PROPERTY);
    if (value != null && value.strip().equals("random")) {
      return ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    }
    return seedProperty(BASE_SEED_PROPERTY).orElse(DEFAULT_BASE_SEED);
  }

  private static OptionalLong seedProperty(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + property + "=" + value + " is not a number; give a seed such as 12345", e);
    }
  }
}

package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.FuzzInputs.FuzzInput;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.testing.Coverage;
import dev.ssoconfig.testing.SeededCases;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Fuzzing of the config parser and editor with arbitrary bytes ({@link FuzzInputs}): random bytes,
 * bytes drawn from the format's own characters, soups of the format's tokens, and real configs (the
 * golden inputs, hand-written configs and {@link ConfigGenerator} files) mutated by deleting,
 * inserting, duplicating, flipping, truncating and splicing bytes. Inputs are up to a few KB.
 *
 * <p>Each property runs {@value #DEFAULT_CASES} cases in a normal build, so 3,000 in all (under a
 * second). For a long run raise the count per property with {@code -Dconfigfile.fuzz.cases=N} (see
 * docs/development.md, "Fuzzing the config parser"). Each case has its own seed ({@link
 * SeededCases}): a failure names the seed and the command that replays it.
 */
class ConfigParserFuzzTest {
  /** System property: how many cases each property runs. */
  static final String CASES_PROPERTY = "configfile.fuzz.cases";

  /** Cases per property when {@value #CASES_PROPERTY} is not set. */
  static final int DEFAULT_CASES = 1_000;

  /** Below this many cases the coverage percentages say little, so they are not checked. */
  private static final int MIN_CASES_FOR_COVERAGE = 500;

  private static final Path GOLDEN =
      Path.of(System.getProperty("basedir", "."), "src/test/resources/configfile/golden");

  private static FuzzInputs inputs;

  private final ConfigEditor editor = new ConfigEditor();
  private final Coverage coverage = new Coverage();

  /** A fuzzed input and a random valid plan. */
  record PlanCase(FuzzInput input, ProfilePlan plan) {
    @Override
    public String toString() {
      return input + "\nplan " + plan;
    }
  }

  @BeforeAll
  static void read_the_golden_inputs() throws IOException {
    inputs = FuzzInputs.withGoldenInputs(GOLDEN);
    assertTrue(inputs.goldenInputCount() >= 15, "golden inputs found in " + GOLDEN);
  }

  /**
   * The number of cases per property: {@value #CASES_PROPERTY}, else {@value #DEFAULT_CASES}.
   *
   * @throws IllegalArgumentException when the property is set but not a positive int
   */
  static int cases() {
    String value = System.getProperty(CASES_PROPERTY);
    Integer cases = Integer.getInteger(CASES_PROPERTY);
    if (value == null) {
      return DEFAULT_CASES;
    }
    if (cases == null || cases <= 0) {
      throw new IllegalArgumentException(
          "-D"
              + CASES_PROPERTY
              + "="
              + value
              + " is not a positive number of cases; give one such as 100000");
    }
    return cases;
  }

  private FuzzInput input(Random random) {
    FuzzInput input = inputs.next(random);
    coverage.collect("input is a mutated config", input.origin().contains(" with mutations "));
    return input;
  }

  private PlanCase planCase(Random random) {
    return new PlanCase(input(random), ConfigGenerator.plan(random));
  }

  private void checkInputCoverage(SeededCases cases, int run) {
    if (!cases.replaying() && run >= MIN_CASES_FOR_COVERAGE) {
      coverage.assertAtLeast("input is a mutated config", 20, "base seed " + cases.baseSeed());
    }
  }

  @Test
  void parse_never_throws_and_gives_back_the_very_bytes(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    int run =
        cases.run(
            cases(),
            this::input,
            input ->
                assertArrayEquals(input.bytes(), ConfigDocument.parse(input.bytes()).toBytes()));
    checkInputCoverage(cases, run);
  }

  @Test
  void managed_profiles_never_throws(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    int run =
        cases.run(
            cases(),
            this::input,
            input ->
                coverage.collect(
                    "input holds a managed profile",
                    !ConfigDocument.parse(input.bytes()).managedProfiles().isEmpty()));
    checkInputCoverage(cases, run);
    if (!cases.replaying() && run >= MIN_CASES_FOR_COVERAGE) {
      coverage.assertAtLeast("input holds a managed profile", 5, "base seed " + cases.baseSeed());
    }
  }

  @Test
  void apply_returns_or_throws_only_a_session_conflict_and_a_second_run_changes_nothing(
      TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    int run = cases.run(cases(), this::planCase, this::assertAppliesOnceAndForAll);
    checkInputCoverage(cases, run);
    if (!cases.replaying() && run >= MIN_CASES_FOR_COVERAGE) {
      String seed = "base seed " + cases.baseSeed();
      coverage.assertAtLeast("applied without a conflict", 50, seed);
      coverage.assertAtLeast("the first run changed the file", 30, seed);
    }
  }

  private void assertAppliesOnceAndForAll(PlanCase planCase) {
    EditResult result;
    try {
      result = editor.apply(ConfigDocument.parse(planCase.input().bytes()), planCase.plan());
    } catch (Failure e) {
      coverage.collect("applied without a conflict", false);
      return;
    }
    coverage.collect("applied without a conflict", true);
    coverage.collect("the first run changed the file", result.changed());
    byte[] output = result.document().toBytes();
    assertArrayEquals(output, ConfigDocument.parse(output).toBytes());
    EditResult again;
    try {
      again = editor.apply(ConfigDocument.parse(output), planCase.plan());
    } catch (Failure e) {
      throw new AssertionError("the second run found a conflict the first did not", e);
    }
    assertFalse(again.changed(), "a second run changes nothing");
    assertArrayEquals(output, again.document().toBytes());
  }
}

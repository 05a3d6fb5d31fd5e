package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.configfile.RandomConfig.Kind;
import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ProfilePlan;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Properties of {@link ConfigEditor#apply} on random config files and random plans ({@link
 * ConfigGenerator}): DESIGN.md's rules for editing a person's config, checked on inputs nobody
 * wrote by hand. 1,250 cases in all, each from its own seed ({@link SeededCases}): a failure names
 * the seed and the command that replays it ({@code -Dconfigfile.seed=...}); {@code
 * -Dconfigfile.base.seed=...} runs other cases (see docs/development.md).
 *
 * <p>Coverage checks keep the properties from passing vacuously: enough inputs parse in the SDK,
 * enough runs prune, skip and update profiles, and each property gets past its early returns often
 * enough.
 */
class ConfigEditorPropertyTest {
  private static final String PARSES = "input parses in the SDK";
  private static final String CONFLICT = "sso-session conflict";
  private static final String REMOVED = "removed a profile";
  private static final String SKIPPED = "skipped a profile";
  private static final String UPDATED = "updated a profile";
  private static final String CHECKED = "property checked";

  private final ConfigEditor editor = new ConfigEditor();
  private final Coverage coverage = new Coverage();

  /** A random file and a random plan. */
  record Scenario(RandomConfig config, ProfilePlan plan) {
    @Override
    public String toString() {
      return config + "\nplan " + plan;
    }
  }

  /** What applying the plan gave; {@code result} is empty on a session conflict. */
  record Outcome(byte[] input, Optional<EditResult> result, Optional<ProfileFile> sdkInput) {
    byte[] output() {
      return result.orElseThrow().document().toBytes();
    }
  }

  private static Scenario scenario(Random random) {
    return new Scenario(ConfigGenerator.config(random), ConfigGenerator.plan(random));
  }

  private Outcome apply(Scenario scenario) {
    byte[] input = scenario.config().bytes();
    Optional<ProfileFile> sdk = sdkParse(input);
    Optional<EditResult> result;
    try {
      result = Optional.of(editor.apply(ConfigDocument.parse(input), scenario.plan()));
    } catch (Failure e) {
      result = Optional.empty();
    }
    coverage.collect(PARSES, sdk.isPresent());
    coverage.collect(CONFLICT, result.isEmpty());
    result.ifPresent(
        r -> {
          coverage.collect(REMOVED, !r.removed().isEmpty());
          coverage.collect(SKIPPED, !r.skipped().isEmpty());
          coverage.collect(UPDATED, !r.updated().isEmpty());
        });
    return new Outcome(input, result, sdk);
  }

  /**
   * The SDK's reading of {@code bytes}, empty when it rejects them: with an {@code
   * IllegalArgumentException}, or (SDK 2.56.0) a {@code StringIndexOutOfBoundsException} for a line
   * that is just {@code [}.
   */
  private static Optional<ProfileFile> sdkParse(byte[] bytes) {
    try {
      return Optional.of(Referee.parse(bytes));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Test
  void no_byte_outside_managed_sections_and_the_plans_sso_session_changes(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(400, ConfigEditorPropertyTest::scenario, this::assertKeptBytes);
    if (!cases.replaying()) {
      String run = "base seed " + cases.baseSeed();
      coverage.assertAtLeast(PARSES, 40, run);
      coverage.assertAtLeast(REMOVED, 5, run);
      coverage.assertAtLeast(SKIPPED, 5, run);
      coverage.assertAtLeast(UPDATED, 5, run);
      coverage.assertAtLeast(CHECKED, 60, run);
    }
  }

  private void assertKeptBytes(Scenario scenario) {
    Outcome outcome = apply(scenario);
    coverage.collect(CHECKED, outcome.result().isPresent());
    if (outcome.result().isPresent()) {
      KeptBytes.assertKept(scenario.config(), scenario.plan(), outcome.output());
    }
  }

  @Test
  void the_sdk_reads_every_unmanaged_profile_and_other_section_as_before(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(300, ConfigEditorPropertyTest::scenario, this::assertSdkReadsOthersAsBefore);
    if (!cases.replaying()) {
      coverage.assertAtLeast(CHECKED, 30, "base seed " + cases.baseSeed());
    }
  }

  private void assertSdkReadsOthersAsBefore(Scenario scenario) {
    Outcome outcome = apply(scenario);
    boolean checked = outcome.result().isPresent() && outcome.sdkInput().isPresent();
    coverage.collect(CHECKED, checked);
    if (!checked) {
      return;
    }
    ProfileFile before = outcome.sdkInput().get();
    ProfileFile after = Referee.parse(outcome.output());
    for (String name : before.profiles().keySet()) {
      if (!scenario.config().managed(name)) {
        assertEquals(
            before.profile(name).map(Profile::properties),
            after.profile(name).map(Profile::properties),
            "profile " + name);
      }
    }
    for (Block block : scenario.config().blocks()) {
      if (block.kind() == Kind.SSO_SESSION && !scenario.config().editable(block, scenario.plan())) {
        assertEquals(
            before.getSection("sso-session", block.name()).map(Profile::properties),
            after.getSection("sso-session", block.name()).map(Profile::properties),
            "sso-session " + block.name());
      }
    }
    assertEquals(
        before.getSection("services", "svc").map(Profile::properties),
        after.getSection("services", "svc").map(Profile::properties),
        "services svc");
  }

  @Test
  void applying_the_same_plan_twice_changes_nothing_the_second_time(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(300, ConfigEditorPropertyTest::scenario, this::assertSecondRunChangesNothing);
    if (!cases.replaying()) {
      coverage.assertAtLeast(CHECKED, 60, "base seed " + cases.baseSeed());
      coverage.assertAtLeast(UPDATED, 5, "base seed " + cases.baseSeed());
    }
  }

  private void assertSecondRunChangesNothing(Scenario scenario) {
    Outcome outcome = apply(scenario);
    coverage.collect(CHECKED, outcome.result().isPresent());
    if (outcome.result().isEmpty()) {
      return;
    }
    ConfigDocument once = outcome.result().get().document();
    EditResult twice = editor.apply(once, scenario.plan());
    assertFalse(twice.changed(), "a second run reports a change");
    assertArrayEquals(outcome.output(), twice.document().toBytes());
  }

  @Test
  void the_output_parses_in_the_sdk_whenever_the_input_did_and_holds_the_plan(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(250, ConfigEditorPropertyTest::scenario, this::assertOutputHoldsThePlan);
    if (!cases.replaying()) {
      coverage.assertAtLeast(CHECKED, 30, "base seed " + cases.baseSeed());
    }
  }

  private void assertOutputHoldsThePlan(Scenario scenario) {
    Outcome outcome = apply(scenario);
    boolean checked = outcome.result().isPresent() && outcome.sdkInput().isPresent();
    coverage.collect(CHECKED, checked);
    if (!checked) {
      return;
    }
    EditResult result = outcome.result().get();
    byte[] output = outcome.output();
    Referee.parse(output);
    Referee.assertHoldsWritten(output, scenario.plan(), result.skipped());
    Referee.assertPruned(outcome.input(), output, scenario.plan(), result.removed());
    for (ExistingProfile managed : result.document().managedProfiles()) {
      Optional<Profile> sdk = Referee.parse(output).profile(managed.name());
      if (sdk.isPresent()) {
        managed
            .properties()
            .forEach(
                (key, value) ->
                    assertEquals(
                        value,
                        sdk.get().property(key).orElse(null),
                        "managedProfiles() reads " + managed.name() + " " + key + " as the SDK"));
      }
    }
  }
}

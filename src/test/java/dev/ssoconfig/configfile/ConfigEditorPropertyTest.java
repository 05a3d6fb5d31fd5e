package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.configfile.RandomConfig.Kind;
import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import dev.ssoconfig.testing.AwsCliAssertions;
import dev.ssoconfig.testing.Coverage;
import dev.ssoconfig.testing.SeededCases;
import java.util.Map;
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
 * <p>Two referees read the files: the AWS CLI's reading ({@link ConfigDocument#asReadByAwsCli()},
 * which follows botocore and is checked against it by {@code BotocoreConformanceTest}) for every
 * input the AWS CLI reads, and the AWS SDK for Java's {@code ProfileFile} for every input it reads.
 * Coverage checks keep the properties from passing vacuously: enough inputs are read by each
 * referee, enough runs prune, skip and update profiles, and each property gets past its early
 * returns often enough.
 */
class ConfigEditorPropertyTest {
  private static final String PARSES = "input parses in the SDK";
  private static final String READABLE = "the AWS CLI reads the input";
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
  record Outcome(
      byte[] input, Optional<EditResult> result, Optional<ProfileFile> sdkInput, boolean readable) {
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
    ConfigDocument document = ConfigDocument.parse(input);
    boolean readable = document.problems().isEmpty();
    Optional<EditResult> result;
    try {
      result = Optional.of(editor.apply(document, scenario.plan()));
    } catch (Failure e) {
      result = Optional.empty();
    }
    coverage.collect(PARSES, sdk.isPresent());
    coverage.collect(READABLE, readable);
    coverage.collect(CONFLICT, result.isEmpty());
    result.ifPresent(
        r -> {
          coverage.collect(REMOVED, !r.removed().isEmpty());
          coverage.collect(SKIPPED, !r.skipped().isEmpty());
          coverage.collect(UPDATED, !r.updated().isEmpty());
        });
    return new Outcome(input, result, sdk, readable);
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
      coverage.assertAtLeast(PARSES, 30, run);
      coverage.assertAtLeast(READABLE, 40, run);
      coverage.assertAtLeast(REMOVED, 5, run);
      coverage.assertAtLeast(SKIPPED, 5, run);
      coverage.assertAtLeast(UPDATED, 5, run);
      coverage.assertAtLeast(CHECKED, 40, run);
    }
  }

  /**
   * Only for clean inputs the AWS CLI reads: the tool refuses the others before it edits anything,
   * and in the generator's other inputs its record may be wrong (an unclosed {@code [profile a} is
   * no header, so the section above runs on; a stray indented marker after a header is a key).
   */
  private void assertKeptBytes(Scenario scenario) {
    Outcome outcome = apply(scenario);
    boolean checked =
        outcome.result().isPresent() && outcome.readable() && scenario.config().clean();
    coverage.collect(CHECKED, checked);
    if (checked) {
      KeptBytes.assertKept(scenario.config(), scenario.plan(), outcome.output());
    }
  }

  @Test
  void the_sdk_reads_every_unmanaged_profile_and_other_section_as_before(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(300, ConfigEditorPropertyTest::scenario, this::assertSdkReadsOthersAsBefore);
    if (!cases.replaying()) {
      coverage.assertAtLeast(CHECKED, 15, "base seed " + cases.baseSeed());
    }
  }

  private void assertSdkReadsOthersAsBefore(Scenario scenario) {
    Outcome outcome = apply(scenario);
    boolean checked =
        outcome.result().isPresent() && outcome.sdkInput().isPresent() && outcome.readable();
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
  void the_aws_cli_reads_every_section_the_tool_does_not_own_as_before(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(300, ConfigEditorPropertyTest::scenario, this::assertAwsCliReadsOthersAsBefore);
    if (!cases.replaying()) {
      coverage.assertAtLeast(CHECKED, 40, "base seed " + cases.baseSeed());
      coverage.assertAtLeast(REMOVED, 5, "base seed " + cases.baseSeed());
    }
  }

  private void assertAwsCliReadsOthersAsBefore(Scenario scenario) {
    Outcome outcome = apply(scenario);
    boolean checked = outcome.result().isPresent() && outcome.readable();
    coverage.collect(CHECKED, checked);
    if (!checked) {
      return;
    }
    AwsCliAssertions.assertOthersReadAsBefore(
        ConfigDocument.parse(outcome.input()),
        outcome.result().get().document(),
        scenario.plan().session().map(SsoSessionSpec::name).orElse(null));
  }

  @Test
  void applying_the_same_plan_twice_changes_nothing_the_second_time(TestInfo test) {
    SeededCases cases = SeededCases.forTest(test);
    cases.run(300, ConfigEditorPropertyTest::scenario, this::assertSecondRunChangesNothing);
    if (!cases.replaying()) {
      coverage.assertAtLeast(CHECKED, 40, "base seed " + cases.baseSeed());
      coverage.assertAtLeast(UPDATED, 5, "base seed " + cases.baseSeed());
    }
  }

  /** Only for inputs the AWS CLI reads; the tool refuses the others before it edits anything. */
  private void assertSecondRunChangesNothing(Scenario scenario) {
    Outcome outcome = apply(scenario);
    boolean checked = outcome.result().isPresent() && outcome.readable();
    coverage.collect(CHECKED, checked);
    if (!checked) {
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
      coverage.assertAtLeast(CHECKED, 15, "base seed " + cases.baseSeed());
    }
  }

  private void assertOutputHoldsThePlan(Scenario scenario) {
    Outcome outcome = apply(scenario);
    if (outcome.result().isPresent() && outcome.readable()) {
      assertAwsCliHoldsThePlan(outcome.result().get(), scenario.plan());
    }
    boolean checked =
        outcome.result().isPresent()
            && outcome.sdkInput().isPresent()
            && outcome.readable()
            && sameProfileNames(outcome);
    coverage.collect(CHECKED, checked);
    if (!checked) {
      return;
    }
    EditResult result = outcome.result().get();
    byte[] output = outcome.output();
    Referee.parse(output);
    Referee.assertHoldsWritten(
        output, scenario.plan(), result.skipped(), result.session() == SessionChange.ADDED);
    Referee.assertPruned(outcome.input(), output, scenario.plan(), result.removed());
  }

  /**
   * Whether the AWS SDK for Java finds the same profile names in the input as the AWS CLI: they
   * differ for a quoted name ({@code [profile 'a']} is {@code a} for the AWS CLI only), and then
   * the tool follows the AWS CLI.
   */
  private static boolean sameProfileNames(Outcome outcome) {
    return outcome
        .sdkInput()
        .get()
        .profiles()
        .keySet()
        .equals(ConfigDocument.parse(outcome.input()).asReadByAwsCli().profiles().keySet());
  }

  /**
   * Asserts the AWS CLI reads the plan's sso-session keys (the start URL may keep a trailing {@code
   * /}), every plan profile not skipped with the plan's keys and values, none of the removed
   * profiles, and each managed profile as {@link ConfigDocument#managedProfiles()} says.
   */
  private static void assertAwsCliHoldsThePlan(EditResult result, ProfilePlan plan) {
    AwsCliConfig read = result.document().asReadByAwsCli();
    plan.session()
        .ifPresent(
            session -> {
              Map<String, Object> section = read.ssoSessions().get(session.name());
              for (Property property : session.properties()) {
                Object actual = section.get(property.key());
                if (property.key().equals("sso_start_url") && actual instanceof String url) {
                  actual = url.replaceAll("/$", "");
                }
                assertEquals(property.value(), actual, "sso-session key " + property.key());
              }
            });
    for (ProfileSpec spec : plan.profiles()) {
      if (result.skipped().contains(spec.name())) {
        continue;
      }
      Map<String, Object> profile = read.profiles().get(spec.name());
      for (Property property : spec.properties()) {
        assertEquals(
            property.value(), profile.get(property.key()), spec.name() + " " + property.key());
      }
    }
    for (String name : result.removed()) {
      assertFalse(read.profiles().containsKey(name), "removed " + name);
    }
    for (ExistingProfile managed : result.document().managedProfiles()) {
      Map<String, Object> asRead = read.profiles().get(managed.name());
      managed
          .properties()
          .forEach(
              (key, value) -> {
                if (asRead.get(key) instanceof String text) {
                  assertEquals(
                      text, value, "managedProfiles() reads " + managed.name() + " " + key);
                }
              });
    }
  }
}

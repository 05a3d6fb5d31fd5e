package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.configfile.RandomConfig.Kind;
import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ProfilePlan;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Properties of {@link ConfigEditor#apply} on random config files and random plans ({@link
 * ConfigArbitraries}): DESIGN.md's rules for editing a person's config, checked on inputs nobody
 * wrote by hand. 1,250 tries in all; jqwik prints the seed of a failing run, to pass back with
 * {@code @Property(seed = "...")} while fixing it.
 *
 * <p>Coverage checks keep the properties from passing vacuously: enough inputs parse in the SDK,
 * and enough runs prune, skip and update profiles.
 */
class ConfigEditorPropertyTest {
  private final ConfigEditor editor = new ConfigEditor();

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

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(ConfigArbitraries.configs(), ConfigArbitraries.plans())
        .as(Scenario::new);
  }

  private Outcome apply(Scenario scenario) {
    byte[] input = scenario.config().bytes();
    Optional<ProfileFile> sdk = sdkParse(input);
    Optional<EditResult> result;
    try {
      result = Optional.of(editor.apply(ConfigDocument.parse(input), scenario.plan()));
    } catch (SessionConflictException e) {
      result = Optional.empty();
    }
    Statistics.label("input parses in the SDK").collect(sdk.isPresent());
    Statistics.label("sso-session conflict").collect(result.isEmpty());
    result.ifPresent(
        r -> {
          Statistics.label("removed a profile").collect(!r.removed().isEmpty());
          Statistics.label("skipped a profile").collect(!r.skipped().isEmpty());
          Statistics.label("updated a profile").collect(!r.updated().isEmpty());
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

  @Property(tries = 400)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void no_byte_outside_managed_sections_and_the_plans_sso_session_changes(
      @ForAll("scenarios") Scenario scenario) {
    Outcome outcome = apply(scenario);
    coverage();
    if (outcome.result().isPresent()) {
      KeptBytes.assertKept(scenario.config(), scenario.plan(), outcome.output());
    }
  }

  @Property(tries = 300)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void the_sdk_reads_every_unmanaged_profile_and_other_section_as_before(
      @ForAll("scenarios") Scenario scenario) {
    Outcome outcome = apply(scenario);
    if (outcome.result().isEmpty() || outcome.sdkInput().isEmpty()) {
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

  @Property(tries = 300)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void applying_the_same_plan_twice_changes_nothing_the_second_time(
      @ForAll("scenarios") Scenario scenario) throws SessionConflictException {
    Outcome outcome = apply(scenario);
    if (outcome.result().isEmpty()) {
      return;
    }
    ConfigDocument once = outcome.result().get().document();
    EditResult twice = editor.apply(once, scenario.plan());
    assertFalse(twice.changed(), "a second run reports a change");
    assertArrayEquals(outcome.output(), twice.document().toBytes());
  }

  @Property(tries = 250)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void the_output_parses_in_the_sdk_whenever_the_input_did_and_holds_the_plan(
      @ForAll("scenarios") Scenario scenario) {
    Outcome outcome = apply(scenario);
    if (outcome.result().isEmpty() || outcome.sdkInput().isEmpty()) {
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

  /** Fails the property when its inputs miss the cases that matter. */
  private static void coverage() {
    Statistics.label("input parses in the SDK")
        .coverage(c -> c.check(true).percentage(p -> p >= 40));
    Statistics.label("removed a profile").coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("skipped a profile").coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("updated a profile").coverage(c -> c.check(true).percentage(p -> p >= 5));
  }
}

package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Checks a written file with the AWS SDK's own parser, {@link ProfileFile}, as DESIGN.md requires.
 */
final class Referee {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Referee() {}

  /**
   * Parses {@code bytes} as a config file. A leading UTF-8 byte order mark is dropped first: the
   * SDK rejects it (and the editor keeps a person's bytes as they are).
   */
  static ProfileFile parse(byte[] bytes) {
    byte[] content =
        bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), BOM)
            ? Arrays.copyOfRange(bytes, 3, bytes.length)
            : bytes;
    return ProfileFile.builder()
        .content(new ByteArrayInputStream(content))
        .type(ProfileFile.Type.CONFIGURATION)
        .build();
  }

  /**
   * Asserts the SDK reads none of the {@code removed} profiles in {@code output}, and reads every
   * other name of the plan's prune list exactly when it read it in {@code input}. (The SDK ignores
   * a profile whose name it does not accept, so such a removed one was never read.)
   */
  static void assertPruned(byte[] input, byte[] output, ProfilePlan plan, List<String> removed) {
    ProfileFile before = parse(input);
    ProfileFile after = parse(output);
    for (String name : plan.prune()) {
      if (removed.contains(name)) {
        if (Grammar.isValidName(name)) {
          assertTrue(before.profile(name).isPresent(), "removed profile existed: " + name);
        }
        assertFalse(after.profile(name).isPresent(), "removed profile is gone: " + name);
      } else {
        assertEquals(
            before.profile(name).map(Profile::properties),
            after.profile(name).map(Profile::properties),
            "profile kept as it was: " + name);
      }
    }
  }

  /**
   * Asserts the SDK reads the plan's sso-session and every plan profile except {@code skipped} with
   * the plan's keys and values, and reads each skipped profile without the marker.
   */
  static void assertHoldsPlan(byte[] bytes, ProfilePlan plan, List<String> skipped) {
    assertHoldsWritten(bytes, plan, skipped);
    ProfileFile file = parse(bytes);
    for (String name : skipped) {
      Profile profile = file.profile(name).orElse(null);
      assertTrue(profile != null, "skipped profile is still there: " + name);
      assertFalse(
          profile.property(ProfilePlan.MARKER_KEY).isPresent(),
          "skipped profile got no marker: " + name);
    }
  }

  /**
   * Asserts the SDK reads the plan's sso-session and every plan profile except {@code skipped} with
   * the plan's keys and values.
   */
  static void assertHoldsWritten(byte[] bytes, ProfilePlan plan, List<String> skipped) {
    assertHoldsWritten(bytes, plan, skipped, true);
  }

  /**
   * As {@link #assertHoldsWritten(byte[], ProfilePlan, List)}, the sso-session only when {@code
   * checkSession}: a person's own sso-session is kept as it is, and the SDK may read its values
   * otherwise than the AWS CLI, whose reading the tool checked (an indented comment line continues
   * a value for the SDK).
   */
  static void assertHoldsWritten(
      byte[] bytes, ProfilePlan plan, List<String> skipped, boolean checkSession) {
    ProfileFile file = parse(bytes);
    plan.session()
        .filter(s -> checkSession)
        .ifPresent(
            session -> {
              Profile section =
                  file.getSection("sso-session", session.name())
                      .orElseThrow(() -> new AssertionError("no sso-session " + session.name()));
              for (Property property : session.properties()) {
                String actual = section.property(property.key()).orElse(null);
                if (property.key().equals("sso_start_url") && actual != null) {
                  actual = actual.replaceAll("/$", "");
                }
                assertEquals(property.value(), actual, "sso-session key " + property.key());
              }
            });
    for (ProfileSpec spec : plan.profiles()) {
      if (skipped.contains(spec.name())) {
        continue;
      }
      Profile profile = file.profile(spec.name()).orElse(null);
      assertTrue(profile != null, "profile " + spec.name() + " is read by the SDK");
      for (Property property : spec.properties()) {
        assertEquals(
            property.value(),
            profile.property(property.key()).orElse(null),
            spec.name() + " key " + property.key());
      }
    }
  }
}

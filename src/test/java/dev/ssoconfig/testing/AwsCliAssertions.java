package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssoconfig.configfile.AwsCliConfig;
import dev.ssoconfig.configfile.ConfigDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assertions on how the AWS CLI reads a config file before and after the tool edited it. */
public final class AwsCliAssertions {
  private AwsCliAssertions() {}

  /**
   * Asserts the AWS CLI reads {@code after} and reads every section of {@code before} that the tool
   * does not own the same way in {@code after}: every profile that was not managed, every
   * sso-session but {@code session}, every services and other section.
   *
   * @param session the sso-session the tool may edit, or {@code null} for none
   */
  public static void assertOthersReadAsBefore(
      ConfigDocument before, ConfigDocument after, String session) {
    assertEquals(List.of(), after.problems(), "the AWS CLI reads the output");
    AwsCliConfig was = before.asReadByAwsCli();
    AwsCliConfig is = after.asReadByAwsCli();
    Set<String> managed = new HashSet<>();
    before.managedProfiles().forEach(p -> managed.add(p.name()));
    was.profiles()
        .forEach(
            (name, properties) -> {
              if (!managed.contains(name)) {
                assertEquals(properties, is.profiles().get(name), "profile " + name);
              }
            });
    was.ssoSessions()
        .forEach(
            (name, properties) -> {
              if (!name.equals(session)) {
                assertEquals(properties, is.ssoSessions().get(name), "sso-session " + name);
              }
            });
    assertEquals(was.services(), is.services(), "services");
    assertEquals(was.otherSections(), is.otherSections(), "other sections");
  }
}

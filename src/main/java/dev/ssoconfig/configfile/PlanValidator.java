package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.RunRecord;
import dev.ssoconfig.profiles.SsoSessionSpec;
import dev.ssoconfig.text.PyText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a plan can be written and read back unchanged by the AWS CLI and the AWS SDK for Java
 * ({@link Grammar}): valid names and keys, each key once per section ignoring case (botocore
 * lower-cases keys), writable values, each profile name once, no profile both written and pruned,
 * and an sso-session whose recorded keys, and only those, start with {@link RunRecord#PREFIX}. A
 * failure is a bug in the plan's producer.
 */
final class PlanValidator {
  private PlanValidator() {}

  /**
   * Checks {@code plan}; returns normally when it can be written.
   *
   * @throws IllegalArgumentException naming the first offending name, key or value, or a profile
   *     name that is both in {@link ProfilePlan#profiles()} and in {@link ProfilePlan#prune()}
   */
  static void check(ProfilePlan plan) {
    plan.session().ifPresent(PlanValidator::checkSession);
    Set<String> names = new HashSet<>();
    Set<String> pruned = new HashSet<>(plan.prune());
    for (ProfileSpec profile : plan.profiles()) {
      checkSection("profile", profile.name(), profile.properties());
      if (!names.add(profile.name())) {
        throw new IllegalArgumentException("the plan has profile " + profile.name() + " twice");
      }
      if (pruned.contains(profile.name())) {
        throw new IllegalArgumentException(
            "the plan both writes and prunes profile " + profile.name());
      }
    }
  }

  /**
   * The sso-session's keys, its own and its recorded ones, as one section; recorded keys, and only
   * those, start with {@link RunRecord#PREFIX}.
   */
  private static void checkSession(SsoSessionSpec session) {
    List<Property> all = new ArrayList<>(session.properties());
    all.addAll(session.recorded());
    checkSection("sso-session", session.name(), all);
    for (Property property : all) {
      boolean recorded = session.recorded().contains(property);
      if (recorded != RunRecord.isRecordKey(property.key())) {
        throw new IllegalArgumentException(
            "key "
                + property.key()
                + " of sso-session "
                + session.name()
                + (recorded
                    ? " is recorded but does not start with "
                    : " is not recorded but starts with ")
                + RunRecord.PREFIX);
      }
    }
  }

  private static void checkSection(String kind, String name, List<Property> properties) {
    if (!Grammar.isValidName(name)) {
      throw new IllegalArgumentException("invalid " + kind + " name: " + name);
    }
    Set<String> keys = new HashSet<>();
    for (Property property : properties) {
      if (!keys.add(PyText.lower(property.key()))) {
        throw new IllegalArgumentException(
            "key " + property.key() + " twice (ignoring case) in " + kind + " " + name);
      }
      if (!Grammar.isValidKey(property.key())) {
        throw new IllegalArgumentException(
            "invalid key in " + kind + " " + name + ": " + property.key());
      }
      if (!Grammar.isWritableValue(property.value())) {
        throw new IllegalArgumentException(
            "value of " + property.key() + " in " + kind + " " + name + " cannot be written");
      }
    }
  }
}

package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plans golden files are edited with, and builders for variations. */
final class StandardPlan {
  static final String SESSION = "acme";
  static final String START_URL = "https://acme.awsapps.com/start";
  static final String SSO_REGION = "us-east-1";

  private StandardPlan() {}

  /**
   * The plan for a golden case: {@link #legacy()} for a case named {@code legacy*}, {@link
   * #withExtraKeys()} for {@code extra_keys*}, {@link #withPrune()} for {@code prune*}, otherwise
   * {@link #plan()}.
   */
  static ProfilePlan forCase(String caseName) {
    if (caseName.startsWith("legacy")) {
      return legacy();
    }
    if (caseName.startsWith("extra_keys")) {
      return withExtraKeys();
    }
    if (caseName.startsWith("prune")) {
      return withPrune();
    }
    return plan();
  }

  static ProfilePlan plan() {
    return new ProfilePlan(
        Optional.of(session()),
        List.of(
            profile("Dev.ReadOnlyAccess", "222222222222", "ReadOnlyAccess"),
            profile("Prod.AdministratorAccess", "111111111111", "AdministratorAccess"),
            profile("Prod.ReadOnlyAccess", "111111111111", "ReadOnlyAccess")));
  }

  /**
   * {@link #plan()} with {@code --prune}: two stale generated profiles, a person's own profile
   * (which must survive although named) and a name the file does not have.
   */
  static ProfilePlan withPrune() {
    return new ProfilePlan(
        plan().session(),
        plan().profiles(),
        List.of("Old.PowerUserAccess", "Gone.ReadOnlyAccess", "mine", "Absent.Role"));
  }

  /** {@link #plan()} with {@code --set output=json --set cli_history=enabled}. */
  static ProfilePlan withExtraKeys() {
    List<ProfileSpec> profiles = new ArrayList<>();
    for (ProfileSpec spec : plan().profiles()) {
      List<Property> properties = new ArrayList<>(spec.properties());
      properties.addAll(
          properties.size() - 1,
          List.of(new Property("output", "json"), new Property("cli_history", "enabled")));
      profiles.add(new ProfileSpec(spec.name(), properties));
    }
    return new ProfilePlan(plan().session(), profiles);
  }

  /** The legacy form: no sso-session, each profile carries the start URL and SSO region. */
  static ProfilePlan legacy() {
    return new ProfilePlan(
        Optional.empty(),
        List.of(
            legacyProfile("Dev.ReadOnlyAccess", "222222222222", "ReadOnlyAccess"),
            legacyProfile("Prod.AdministratorAccess", "111111111111", "AdministratorAccess"),
            legacyProfile("Prod.ReadOnlyAccess", "111111111111", "ReadOnlyAccess")));
  }

  static SsoSessionSpec session() {
    return new SsoSessionSpec(
        SESSION,
        List.of(
            new Property("sso_start_url", START_URL),
            new Property("sso_region", SSO_REGION),
            new Property("sso_registration_scopes", "sso:account:access")));
  }

  static ProfileSpec profile(String name, String accountId, String roleName) {
    return new ProfileSpec(
        name,
        List.of(
            new Property("sso_session", SESSION),
            new Property("sso_account_id", accountId),
            new Property("sso_role_name", roleName),
            new Property("region", "us-east-1"),
            new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE)));
  }

  static ProfileSpec legacyProfile(String name, String accountId, String roleName) {
    return new ProfileSpec(
        name,
        List.of(
            new Property("sso_start_url", START_URL),
            new Property("sso_region", SSO_REGION),
            new Property("sso_account_id", accountId),
            new Property("sso_role_name", roleName),
            new Property("region", "us-east-1"),
            new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE)));
  }
}

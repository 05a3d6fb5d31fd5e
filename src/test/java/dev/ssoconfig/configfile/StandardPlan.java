package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The plans golden files are edited with, and builders for variations. */
final class StandardPlan {
  static final String SESSION = "acme";
  static final String START_URL = "https://acme.awsapps.com/start";
  static final String SSO_REGION = "us-east-1";

  private StandardPlan() {}

  /**
   * The plan for a golden case, from its arguments ({@code CASE.args}), which name the options that
   * shape the plan as the command's options of the same name would: {@code --legacy} for {@link
   * #legacy()}, each {@code --set KEY=VALUE} adds a key before the marker ({@link #withExtraKeys}),
   * {@code --prune} prunes the stale profiles of {@link #withPrune}; none gives {@link #plan()}.
   *
   * @throws IllegalArgumentException for any other argument
   */
  static ProfilePlan forArgs(List<String> args) {
    boolean legacy = false;
    boolean prune = false;
    List<Property> extraKeys = new ArrayList<>();
    for (Iterator<String> it = args.iterator(); it.hasNext(); ) {
      String arg = it.next();
      switch (arg) {
        case "--legacy" -> legacy = true;
        case "--prune" -> prune = true;
        case "--set" -> {
          String setting = it.hasNext() ? it.next() : "";
          int equals = setting.indexOf('=');
          if (equals < 1) {
            throw new IllegalArgumentException("--set needs KEY=VALUE, got " + setting);
          }
          extraKeys.add(new Property(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        default -> throw new IllegalArgumentException("not an argument of a plan: " + arg);
      }
    }
    ProfilePlan plan = withExtraKeys(legacy ? legacy() : plan(), extraKeys);
    return prune ? withPrune(plan) : plan;
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
   * {@code plan} with {@code --prune}: two stale generated profiles, a person's own profile (which
   * must survive although named) and a name the file does not have.
   */
  static ProfilePlan withPrune(ProfilePlan plan) {
    return new ProfilePlan(
        plan.session(),
        plan.profiles(),
        List.of("Old.PowerUserAccess", "Gone.ReadOnlyAccess", "mine", "Absent.Role"));
  }

  /** {@code plan} with {@code keys} added to each profile before the marker (as {@code --set}). */
  static ProfilePlan withExtraKeys(ProfilePlan plan, List<Property> keys) {
    List<ProfileSpec> profiles = new ArrayList<>();
    for (ProfileSpec spec : plan.profiles()) {
      List<Property> properties = new ArrayList<>(spec.properties());
      properties.addAll(properties.size() - 1, keys);
      profiles.add(new ProfileSpec(spec.name(), properties));
    }
    return new ProfilePlan(plan.session(), profiles, plan.prune());
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

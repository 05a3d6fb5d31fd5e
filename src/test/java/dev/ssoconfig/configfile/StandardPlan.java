package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.util.List;
import java.util.Optional;

/** The one plan every golden file is edited with, and builders for variations. */
final class StandardPlan {
  static final String SESSION = "acme";
  static final String START_URL = "https://acme.awsapps.com/start";
  static final String SSO_REGION = "us-east-1";

  private StandardPlan() {}

  static ProfilePlan plan() {
    return new ProfilePlan(
        Optional.of(session()),
        List.of(
            profile("Dev.ReadOnlyAccess", "222222222222", "ReadOnlyAccess"),
            profile("Prod.AdministratorAccess", "111111111111", "AdministratorAccess"),
            profile("Prod.ReadOnlyAccess", "111111111111", "ReadOnlyAccess")));
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
}

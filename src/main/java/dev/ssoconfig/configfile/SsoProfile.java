package dev.ssoconfig.configfile;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an SSO profile of the config file names: the account and role, and the start URL and SSO
 * region of its sign-in, found as botocore's {@code SSOProvider._load_sso_config} finds them.
 *
 * <ul>
 *   <li>The profile needs {@code sso_account_id} and {@code sso_role_name}.
 *   <li>With {@code sso_session = NAME}, the section {@code [sso-session NAME]} must exist; its
 *       keys are laid over the profile's, and a key both give must have the same value.
 *   <li>Without it (legacy form), the profile itself holds {@code sso_start_url} and {@code
 *       sso_region}.
 * </ul>
 *
 * @param profile the profile name
 * @param sessionName the sso-session name, or {@code null} for a legacy profile
 * @param startUrl the start URL
 * @param ssoRegion the SSO region
 * @param accountId the account ID
 * @param roleName the role name
 */
public record SsoProfile(
    String profile,
    String sessionName,
    String startUrl,
    String ssoRegion,
    String accountId,
    String roleName) {

  public SsoProfile {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(startUrl, "startUrl");
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(roleName, "roleName");
  }

  /**
   * @param config the config file as the AWS CLI reads it
   * @param profile the profile name
   * @param file the config file's path, for messages
   * @return the profile's SSO settings
   * @throws Failure of kind {@link Failure.Kind#USAGE} when there is no such profile, it is no SSO
   *     profile, its sso-session is missing, or a required key is missing or inconsistent (the
   *     cases botocore raises {@code InvalidConfigError} for)
   */
  public static SsoProfile find(AwsCliConfig config, String profile, String file) {
    Map<String, Object> keys = config.profiles().get(profile);
    String where = "profile " + SafeText.quote(profile) + " in " + file;
    if (keys == null) {
      throw Failure.usage(
          "there is no "
              + where
              + "; give the name of a generated profile (aws configure list-profiles lists them)");
    }
    if (!keys.containsKey("sso_account_id") && !keys.containsKey("sso_role_name")) {
      throw Failure.usage(
          where + " has no sso_account_id or sso_role_name; it is not an SSO profile");
    }
    Map<String, Object> resolved = new LinkedHashMap<>(keys);
    Object session = keys.get("sso_session");
    String sessionName = session instanceof String name ? name : null;
    if (session != null) {
      Map<String, Object> sessionKeys =
          sessionName == null ? null : config.ssoSessions().get(sessionName);
      if (sessionKeys == null) {
        throw Failure.usage(
            where
                + " names the sso-session "
                + SafeText.quote(String.valueOf(session))
                + ", which is not in the file; run aws-sso-config-generator again");
      }
      for (Map.Entry<String, Object> entry : sessionKeys.entrySet()) {
        Object own = resolved.get(entry.getKey());
        if (own != null && !own.equals(entry.getValue())) {
          throw Failure.usage(
              where
                  + ": the value of "
                  + entry.getKey()
                  + " differs between the profile and its sso-session; remove it from the profile");
        }
        resolved.put(entry.getKey(), entry.getValue());
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : List.of("sso_role_name", "sso_account_id", "sso_start_url", "sso_region")) {
      if (!(resolved.get(key) instanceof String value) || value.isEmpty()) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw Failure.usage(
          where
              + " is missing "
              + String.join(", ", missing)
              + "; run aws-sso-config-generator again");
    }
    return new SsoProfile(
        profile,
        sessionName,
        (String) resolved.get("sso_start_url"),
        (String) resolved.get("sso_region"),
        (String) resolved.get("sso_account_id"),
        (String) resolved.get("sso_role_name"));
  }
}

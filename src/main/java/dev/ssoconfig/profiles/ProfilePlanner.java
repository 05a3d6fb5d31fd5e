package dev.ssoconfig.profiles;

import dev.ssoconfig.portal.AccountRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the account/role pairs the portal listed into a {@link ProfilePlan} in sso-session form:
 * one {@code [sso-session NAME]} section and one {@code [profile NAME]} per pair.
 *
 * <p>Each profile holds, in this order: {@code sso_session}, {@code sso_account_id}, {@code
 * sso_role_name}, {@code region}, then the marker {@link ProfilePlan#MARKER_KEY} = {@link
 * ProfilePlan#MARKER_VALUE}. The sso-session holds {@code sso_start_url}, {@code sso_region},
 * {@code sso_registration_scopes = sso:account:access} — the keys {@code aws configure sso} writes.
 * Profile names come from a {@link ProfileNameTemplate}; pairs that would share a name are told
 * apart by account ID (see {@link UniqueNames}). Pure computation, no I/O.
 */
public final class ProfilePlanner {

  /** The scope the AWS CLI registers for portal access. */
  static final String REGISTRATION_SCOPES = "sso:account:access";

  private static final Comparator<AccountRole> DEDUPLICATION_ORDER =
      Comparator.comparing(AccountRole::accountId)
          .thenComparing(AccountRole::roleName)
          .thenComparing(AccountRole::accountName);

  private final String ssoSessionName;
  private final String startUrl;
  private final String ssoRegion;
  private final String profileRegion;
  private final ProfileNameTemplate template;

  /**
   * A planner with the default template {@code {account_name}.{role_name}}.
   *
   * @param ssoSessionName the sso-session name, e.g. from {@link ProfileNames#sessionNameFor}
   * @param startUrl the start URL, written as given
   * @param ssoRegion the region of IAM Identity Center, e.g. {@code us-east-1}
   * @param profileRegion the {@code region} written into every profile
   * @throws IllegalArgumentException when {@code ssoSessionName} is not a valid name ({@link
   *     ProfileNames#isValid})
   */
  public ProfilePlanner(
      String ssoSessionName, String startUrl, String ssoRegion, String profileRegion) {
    this(ssoSessionName, startUrl, ssoRegion, profileRegion, ProfileNameTemplate.DEFAULT);
  }

  /**
   * A planner naming profiles with {@code template}.
   *
   * @param template names each pair before collisions are resolved
   * @see #ProfilePlanner(String, String, String, String)
   */
  public ProfilePlanner(
      String ssoSessionName,
      String startUrl,
      String ssoRegion,
      String profileRegion,
      ProfileNameTemplate template) {
    this.ssoSessionName = Objects.requireNonNull(ssoSessionName, "ssoSessionName");
    this.startUrl = Objects.requireNonNull(startUrl, "startUrl");
    this.ssoRegion = Objects.requireNonNull(ssoRegion, "ssoRegion");
    this.profileRegion = Objects.requireNonNull(profileRegion, "profileRegion");
    this.template = Objects.requireNonNull(template, "template");
    if (!ProfileNames.isValid(ssoSessionName)) {
      throw new IllegalArgumentException(
          "the sso-session name \""
              + ssoSessionName
              + "\" may only contain letters, digits and _ . @ : + / % -");
    }
  }

  /**
   * Plans the config file's managed sections.
   *
   * @param roles the pairs from the portal, in any order; a pair listed twice (same account ID and
   *     role name) counts once
   * @return the sso-session and one profile per distinct pair, sorted by profile name ({@link
   *     String#compareTo}); the same set of pairs always gives the same plan
   */
  public ProfilePlan plan(List<AccountRole> roles) {
    List<AccountRole> distinct = distinct(roles);
    Map<AccountRole, String> names = UniqueNames.assign(distinct, template);
    List<ProfileSpec> profiles = new ArrayList<>(distinct.size());
    for (AccountRole role : distinct) {
      profiles.add(profile(names.get(role), role));
    }
    profiles.sort(Comparator.comparing(ProfileSpec::name));
    return new ProfilePlan(Optional.of(session()), profiles);
  }

  private SsoSessionSpec session() {
    return new SsoSessionSpec(
        ssoSessionName,
        List.of(
            new Property("sso_start_url", startUrl),
            new Property("sso_region", ssoRegion),
            new Property("sso_registration_scopes", REGISTRATION_SCOPES)));
  }

  private ProfileSpec profile(String name, AccountRole role) {
    return new ProfileSpec(
        name,
        List.of(
            new Property("sso_session", ssoSessionName),
            new Property("sso_account_id", role.accountId()),
            new Property("sso_role_name", role.roleName()),
            new Property("region", profileRegion),
            new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE)));
  }

  /** One pair per account ID and role name; on a clash the smallest account name wins. */
  private static List<AccountRole> distinct(List<AccountRole> roles) {
    List<AccountRole> sorted = new ArrayList<>(roles);
    sorted.sort(DEDUPLICATION_ORDER);
    Map<List<String>, AccountRole> byKey = new LinkedHashMap<>();
    for (AccountRole role : sorted) {
      byKey.putIfAbsent(List.of(role.accountId(), role.roleName()), role);
    }
    return new ArrayList<>(byKey.values());
  }
}

package dev.ssoconfig.profiles;

import dev.ssoconfig.portal.AccountRole;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the profile of one account/role pair, before collisions are resolved by {@link
 * UniqueNames}: looks up the rename file, sanitises each placeholder value with {@link
 * ProfileNames#sanitize} and renders the {@link ProfileNameTemplate} (which sanitises the whole
 * name). A name the rename file maps to empty or whitespace is left out with its separator.
 */
final class ProfileNamer {
  private final ProfileNameTemplate template;
  private final RenameMap renames;
  private final String ssoSession;
  private final String region;

  /**
   * @param template the profile name template
   * @param renames names replacing account and role names
   * @param ssoSession the value of {@code {sso_session}}
   * @param region the value of {@code {region}}: the region written into each profile
   */
  ProfileNamer(ProfileNameTemplate template, RenameMap renames, String ssoSession, String region) {
    this.template = Objects.requireNonNull(template, "template");
    this.renames = Objects.requireNonNull(renames, "renames");
    this.ssoSession = ProfileNames.sanitize(ssoSession);
    this.region = ProfileNames.sanitize(region);
  }

  /**
   * @param role one pair from the portal
   * @return its profile name, matching {@code [A-Za-z0-9_.@:+/%-]+}
   */
  String name(AccountRole role) {
    Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
    values.put(
        Placeholder.ACCOUNT_NAME, value(renames.account(role.accountId()), role.accountName()));
    values.put(Placeholder.ACCOUNT_ID, ProfileNames.sanitize(role.accountId()));
    values.put(Placeholder.ROLE_NAME, value(renames.role(role.roleName()), role.roleName()));
    values.put(Placeholder.SSO_SESSION, ssoSession);
    values.put(Placeholder.REGION, region);
    return template.render(values);
  }

  /** The sanitised value, or empty (left out) when the rename file maps it to a blank name. */
  private static String value(Optional<String> renamed, String listed) {
    if (renamed.isEmpty()) {
      return ProfileNames.sanitize(listed);
    }
    return renamed.get().isBlank() ? "" : ProfileNames.sanitize(renamed.get());
  }
}

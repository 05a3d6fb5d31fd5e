package dev.ssoconfig.profiles;

import dev.ssoconfig.portal.AccountRole;

/**
 * Names the profile for one account/role pair, before collisions are resolved by {@link
 * ProfilePlanner}.
 */
@FunctionalInterface
public interface ProfileNameTemplate {

  /**
   * {@code {account_name}.{role_name}}, each part passed through {@link
   * ProfileNames#sanitize(String)}: {@code "Prod Account"} / {@code AdministratorAccess} gives
   * {@code Prod-Account.AdministratorAccess}.
   */
  ProfileNameTemplate DEFAULT =
      role ->
          ProfileNames.sanitize(role.accountName()) + "." + ProfileNames.sanitize(role.roleName());

  /**
   * @param role one account/role pair from the portal
   * @return the profile name, matching {@code [A-Za-z0-9_.@:+/%-]+}
   */
  String render(AccountRole role);
}

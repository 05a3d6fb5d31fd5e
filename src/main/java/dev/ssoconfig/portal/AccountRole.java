package dev.ssoconfig.portal;

import java.util.Objects;

/**
 * One role a person can assume in one account, as the IAM Identity Center portal lists it ({@code
 * ListAccounts} joined with {@code ListAccountRoles}).
 *
 * @param accountId the 12-digit AWS account ID
 * @param accountName the account's display name in Identity Center (may contain spaces, accents)
 * @param roleName the permission set's role name, e.g. {@code AdministratorAccess}
 */
public record AccountRole(String accountId, String accountName, String roleName) {
  public AccountRole {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(accountName, "accountName");
    Objects.requireNonNull(roleName, "roleName");
  }
}

package dev.ssoconfig.testing;

import java.util.List;

/**
 * One account of the fake's dataset and the roles the signed-in person has in it.
 *
 * @param accountId 12-digit account ID
 * @param accountName display name (may contain spaces and accents); null for an account that has
 *     none (ListAccounts leaves the field out)
 * @param emailAddress the account's root email
 * @param roleNames role (permission set) names, in listing order
 */
public record FakeAccount(
    String accountId, String accountName, String emailAddress, List<String> roleNames) {
  public FakeAccount {
    roleNames = List.copyOf(roleNames);
  }

  /**
   * @return an account with an email derived from its ID
   */
  public static FakeAccount of(String accountId, String accountName, String... roleNames) {
    return new FakeAccount(
        accountId, accountName, "aws+" + accountId + "@example.com", List.of(roleNames));
  }
}

package dev.ssoconfig.portal;

import java.util.Objects;
import java.util.Optional;

/**
 * Names one portal API call for messages: the operation and, for per-account calls, the account ID.
 *
 * @param operation the AWS API name, e.g. {@code ListAccountRoles}
 * @param accountId the account the call is about, if any
 */
record PortalCall(String operation, Optional<String> accountId) {

  PortalCall {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(accountId, "accountId");
  }

  static PortalCall listAccounts() {
    return new PortalCall("ListAccounts", Optional.empty());
  }

  static PortalCall listAccountRoles(String accountId) {
    return new PortalCall("ListAccountRoles", Optional.of(accountId));
  }

  /**
   * @return e.g. {@code ListAccountRoles for account 111111111111}
   */
  String describe() {
    return accountId.map(id -> operation + " for account " + id).orElse(operation);
  }
}

package dev.ssoconfig.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary AWS credentials of one role in one account, from the portal's GetRoleCredentials.
 *
 * @param accountId the account the credentials act in (12 digits)
 * @param accessKeyId the access key ID
 * @param secretAccessKey the secret access key (secret); never shown by {@link #toString()}
 * @param sessionToken the session token (secret); never shown by {@link #toString()}
 * @param expiration when the credentials stop working (UTC, milliseconds as the portal gives them)
 */
public record RoleCredentials(
    String accountId,
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    Instant expiration) {

  public RoleCredentials {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(sessionToken, "sessionToken");
    Objects.requireNonNull(expiration, "expiration");
  }

  /**
   * @return a description with the account, access key ID and expiry, without the secret access key
   *     or session token
   */
  @Override
  public String toString() {
    return "RoleCredentials[accountId="
        + accountId
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey=<redacted>, sessionToken=<redacted>, expiration="
        + expiration
        + "]";
  }
}

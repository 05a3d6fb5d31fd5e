package dev.ssoconfig.login;

import java.time.Instant;
import java.util.Objects;

/**
 * An IAM Identity Center access token, the bearer token of the portal API ({@code
 * x-amz-sso_bearer_token}).
 *
 * @param value the token itself; a secret, never shown by {@link #toString()}
 * @param expiresAt when the token stops working (UTC instant, whole seconds)
 * @param fromCache {@code true} when it was read from the token cache without a new sign-in (also
 *     when it was refreshed with a cached refresh token)
 */
public record AccessToken(String value, Instant expiresAt, boolean fromCache) {
  public AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * @return a description without the token value
   */
  @Override
  public String toString() {
    return "AccessToken[value=<redacted>, expiresAt="
        + expiresAt
        + ", fromCache="
        + fromCache
        + "]";
  }
}

package dev.ssoconfig.login;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OIDC client registration returned by RegisterClient, kept in the registration cache so that
 * sign-ins reuse it until shortly before it expires (typically 90 days).
 *
 * @param clientId the client ID
 * @param clientSecret the client secret (secret)
 * @param expiresAt when the registration expires ({@code clientSecretExpiresAt}, UTC)
 * @param scopes the scopes it was registered with
 */
public record ClientRegistration(
    String clientId, String clientSecret, Instant expiresAt, List<String> scopes) {

  public ClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = List.copyOf(scopes);
  }

  /**
   * @return a description without the client secret
   */
  @Override
  public String toString() {
    return "ClientRegistration[clientId="
        + clientId
        + ", clientSecret=<redacted>, expiresAt="
        + expiresAt
        + ", scopes="
        + scopes
        + "]";
  }
}

package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * What a successful CreateToken gave: the access token, its expiry and an optional refresh token.
 */
record IssuedToken(String accessToken, Instant expiresAt, String refreshToken) {
  /** Used when CreateToken omits {@code expiresIn} (the service always sends it). */
  private static final long DEFAULT_EXPIRES_IN_SECONDS = 3600;

  /**
   * @param response the CreateToken response
   * @param clock the clock that dates the response; {@code expiresIn} is in seconds from now
   * @throws Failure of kind {@link Failure.Kind#AWS_CALL} when the answer holds no access token (a
   *     proxy or endpoint that is not Identity Center)
   */
  static IssuedToken from(CreateTokenResponse response, Clock clock) {
    if (response.accessToken() == null || response.accessToken().isBlank()) {
      throw Failure.awsCall("CreateToken answered without an access token", null);
    }
    long expiresIn =
        response.expiresIn() != null ? response.expiresIn() : DEFAULT_EXPIRES_IN_SECONDS;
    return new IssuedToken(
        response.accessToken(),
        clock.instant().plusSeconds(expiresIn).truncatedTo(ChronoUnit.SECONDS),
        response.refreshToken());
  }

  @Override
  public String toString() {
    return "IssuedToken[<redacted>, expiresAt=" + expiresAt + "]";
  }
}

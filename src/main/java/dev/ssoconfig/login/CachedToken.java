package dev.ssoconfig.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One SSO token cache file ({@code ~/.aws/sso/cache/<key>.json}) in the form the AWS CLI v2 and the
 * AWS SDKs read and write.
 *
 * @param startUrl the start URL the token was issued for
 * @param region the SSO region; may be {@code null} in files left by old AWS CLI versions
 * @param accessToken the access token (secret)
 * @param expiresAt when the access token expires (UTC)
 * @param clientId the client registration's ID; {@code null} if the file has none
 * @param clientSecret the client registration's secret (secret); {@code null} if none
 * @param registrationExpiresAt when the client registration expires; {@code null} if unknown
 * @param refreshToken the refresh token (secret); {@code null} when none was issued
 */
public record CachedToken(
    String startUrl,
    String region,
    String accessToken,
    Instant expiresAt,
    String clientId,
    String clientSecret,
    Instant registrationExpiresAt,
    String refreshToken) {
  /** botocore's {@code SSOTokenProvider._REFRESH_WINDOW}: a token is refreshed with less left. */
  public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

  public CachedToken {
    Objects.requireNonNull(startUrl, "startUrl");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * @param now the current time
   * @return whether the refresh token and the client registration it needs are present and the
   *     registration has not expired at {@code now} (the AWS CLI's condition for a refresh)
   */
  public boolean canRefresh(Instant now) {
    return refreshToken != null
        && clientId != null
        && clientSecret != null
        && registrationExpiresAt != null
        && registrationExpiresAt.isAfter(now);
  }

  /**
   * Whether the token is near enough its expiry to be refreshed before use: less than {@link
   * #REFRESH_WINDOW} left (botocore's {@code SSOTokenProvider}: {@code remaining <
   * _REFRESH_WINDOW}); with exactly that much left it is used as it is.
   *
   * @param now the current time
   * @return whether less than {@link #REFRESH_WINDOW} is left at {@code now}
   */
  public boolean needsRefresh(Instant now) {
    return expiresAt.isBefore(now.plus(REFRESH_WINDOW));
  }

  /**
   * @return a description without the access token, refresh token or client secret
   */
  @Override
  public String toString() {
    return "CachedToken[startUrl="
        + startUrl
        + ", region="
        + region
        + ", expiresAt="
        + expiresAt
        + ", clientId="
        + clientId
        + ", registrationExpiresAt="
        + registrationExpiresAt
        + ", refreshToken="
        + (refreshToken == null ? "none" : "<redacted>")
        + "]";
  }
}

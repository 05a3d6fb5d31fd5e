package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.SdkFailures;
import dev.ssoconfig.aws.SdkFailures.Service;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;

/**
 * Refreshes a cached access token with its refresh token: CreateToken with {@code grantType} =
 * {@code refresh_token} and the client registration cached next to it, as botocore's {@code
 * SSOTokenProvider._attempt_create_token} does (the AWS CLI v2 and the SDKs refresh the same way).
 */
public final class TokenRefresher {
  private static final String CALL = "CreateToken (refresh token)";

  private final Supplier<SsoOidcClient> oidc;
  private final Supplier<URI> oidcEndpoint;
  private final Clock clock;

  /**
   * @param oidc gives the OIDC client; asked for it only when a refresh is made
   * @param oidcEndpoint the endpoint that client calls; failures name its host
   * @param clock dates the new token ({@code expiresIn} is in seconds from now)
   */
  public TokenRefresher(Supplier<SsoOidcClient> oidc, URI oidcEndpoint, Clock clock) {
    this(oidc, constant(Objects.requireNonNull(oidcEndpoint, "oidcEndpoint")), clock);
  }

  /**
   * As {@link #TokenRefresher(Supplier, URI, Clock)}, with the endpoint worked out only when a
   * failure names it (resolving it through the SDK's endpoint rules costs 10 ms or more, which a
   * {@code credential_process} call with a fresh token need not pay).
   *
   * @param oidc gives the OIDC client; asked for it only when a refresh is made
   * @param oidcEndpoint gives the endpoint that client calls; asked only for a failure's message
   * @param clock dates the new token ({@code expiresIn} is in seconds from now)
   */
  public TokenRefresher(Supplier<SsoOidcClient> oidc, Supplier<URI> oidcEndpoint, Clock clock) {
    this.oidc = Objects.requireNonNull(oidc, "oidc");
    this.oidcEndpoint = Objects.requireNonNull(oidcEndpoint, "oidcEndpoint");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static Supplier<URI> constant(URI uri) {
    return () -> uri;
  }

  /**
   * Gets a new access token for a cached one.
   *
   * @param cached a cached token that {@link CachedToken#canRefresh can be refreshed}
   * @param startUrl the start URL written into the new cache entry (botocore writes the one of the
   *     sso-session, not the old entry's)
   * @param ssoRegion the SSO region written into the new cache entry
   * @return the cache entry to write: the new access token and its expiry, the same client
   *     registration, and the new refresh token (the old one when the answer carries none)
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} when the service refused the refresh (an
   *     expired or revoked refresh token, {@code InvalidGrantException}, or a refused client
   *     registration): only a new sign-in helps; of kind {@link Failure.Kind#AWS_CALL} (or {@link
   *     Failure.Kind#INTERRUPTED}) when the call itself failed: network, throttling, 5xx
   * @throws IllegalArgumentException if {@code cached} has no refresh token or registration
   */
  public CachedToken refresh(CachedToken cached, String startUrl, String ssoRegion) {
    if (cached.refreshToken() == null
        || cached.clientId() == null
        || cached.clientSecret() == null) {
      throw new IllegalArgumentException("the cached token cannot be refreshed: " + cached);
    }
    IssuedToken issued;
    try {
      issued =
          IssuedToken.from(
              oidc.get()
                  .createToken(
                      CreateTokenRequest.builder()
                          .clientId(cached.clientId())
                          .clientSecret(cached.clientSecret())
                          .grantType("refresh_token")
                          .refreshToken(cached.refreshToken())
                          .build()),
              clock);
    } catch (SdkException e) {
      String[] secrets = {cached.refreshToken(), cached.clientSecret(), cached.accessToken()};
      // refused (exit 3, sign in again) unless throttled or a server error (exit 4, try later)
      if (e instanceof AwsServiceException service
          && service.statusCode() < 500
          && service.statusCode() != 429
          && !service.isThrottlingException()) {
        String code =
            service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        throw Failure.signIn(
            "the cached sign-in could not be refreshed ("
                + (code == null ? "HTTP " + service.statusCode() : code)
                + ")",
            SdkFailures.failure(Service.OIDC, CALL, host(), 1, e, secrets));
      }
      throw SdkFailures.failure(Service.OIDC, CALL, host(), 1, e, secrets);
    }
    return new CachedToken(
        startUrl,
        ssoRegion,
        issued.accessToken(),
        issued.expiresAt(),
        cached.clientId(),
        cached.clientSecret(),
        cached.registrationExpiresAt(),
        issued.refreshToken() != null ? issued.refreshToken() : cached.refreshToken());
  }

  private String host() {
    URI endpoint = oidcEndpoint.get();
    return endpoint.getAuthority() == null ? "the OIDC service" : endpoint.getAuthority();
  }
}

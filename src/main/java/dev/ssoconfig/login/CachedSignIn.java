package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.aws.LazyClient;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * The access token of an earlier sign-in, from the SSO token cache, refreshed when it is about to
 * expire, never by signing in: what botocore's {@code SSOTokenProvider} does for a profile with an
 * sso-session, so that a {@code credential_process} call never opens a browser.
 *
 * <p>The rule is botocore's ({@code SSOTokenProvider._refresher} and {@code
 * DeferredRefreshableToken}): a token with at least {@link CachedToken#REFRESH_WINDOW} left is used
 * as it is; with less, it is refreshed with its refresh token and cached client registration (if
 * both are there and the registration has not expired), and the new token is written back to the
 * same cache file; if the refresh is refused or impossible, the old token is used while it has not
 * expired.
 */
public final class CachedSignIn implements AutoCloseable {
  private final TokenCache cache;
  private final TokenRefresher refresher;
  private final Clock clock;
  private final LazyClient<?> owned;

  /**
   * @param cache the SSO token cache
   * @param refresher refreshes a token about to expire
   * @param clock the current time for expiry decisions
   */
  public CachedSignIn(TokenCache cache, TokenRefresher refresher, Clock clock) {
    this(cache, refresher, clock, null);
  }

  private CachedSignIn(
      TokenCache cache, TokenRefresher refresher, Clock clock, LazyClient<?> owned) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.refresher = Objects.requireNonNull(refresher, "refresher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.owned = owned;
  }

  /**
   * A cached sign-in whose OIDC client (for the refresh) is built only when a refresh is needed.
   *
   * @param ssoRegion the SSO region
   * @param oidcEndpoint an endpoint to call instead of the regional one ({@code
   *     AWS_ENDPOINT_URL_SSO_OIDC}); empty for the SDK's resolution
   * @param caBundle the certificate authorities to trust ({@code AWS_CA_BUNDLE}); empty for the
   *     JDK's
   * @param cache the SSO token cache
   * @param clock the current time
   * @return the cached sign-in; the caller closes it
   */
  public static CachedSignIn forRegion(
      String ssoRegion,
      Optional<URI> oidcEndpoint,
      Optional<CaBundle> caBundle,
      TokenCache cache,
      Clock clock) {
    LazyClient<SsoOidcClient> client =
        new LazyClient<>(() -> OidcClients.create(ssoRegion, oidcEndpoint, caBundle));
    TokenRefresher refresher =
        new TokenRefresher(
            client, () -> OidcClients.resolveEndpoint(ssoRegion, oidcEndpoint), clock);
    return new CachedSignIn(cache, refresher, clock, client);
  }

  /**
   * @param sessionName the sso-session name (the cache key), or {@code null} for a legacy profile
   * @param startUrl the start URL (the cache key of a legacy profile; written into a refreshed
   *     entry)
   * @param ssoRegion the SSO region (written into a refreshed entry)
   * @return an access token that has not expired
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} when there is no cached token, or it has
   *     expired and could not be refreshed (no refresh token, the registration expired, or the
   *     service refused the refresh): only a new sign-in helps; {@link Failure.Kind#AWS_CALL} when
   *     the refresh of an expired token failed on the way (network, throttling); {@link
   *     Failure.Kind#FILE} when the refreshed token cannot be written back
   */
  public AccessToken accessToken(String sessionName, String startUrl, String ssoRegion) {
    String key = sessionName != null ? sessionName : startUrl;
    String what = sessionName != null ? "sso-session " + sessionName : "start URL " + startUrl;
    CachedToken cached =
        cache
            .readToken(key)
            .orElseThrow(
                () ->
                    Failure.signIn(
                        "no cached sign-in for "
                            + what
                            + " (no usable "
                            + cache.tokenFile(key)
                            + "); run aws-sso-config-generator again to sign in"));
    Instant now = clock.instant();
    if (!cached.needsRefresh(now)) {
      return new AccessToken(cached.accessToken(), cached.expiresAt(), true);
    }
    Failure refreshFailure = null;
    if (cached.canRefresh(now)) {
      try {
        CachedToken refreshed = refresher.refresh(cached, startUrl, ssoRegion);
        cache.storeToken(key, refreshed);
        return new AccessToken(refreshed.accessToken(), refreshed.expiresAt(), true);
      } catch (Failure e) {
        if (e.kind() == Failure.Kind.FILE || e.kind() == Failure.Kind.INTERRUPTED) {
          throw e;
        }
        refreshFailure = e;
      }
    }
    if (cached.expiresAt().isAfter(now)) {
      return new AccessToken(cached.accessToken(), cached.expiresAt(), true);
    }
    if (refreshFailure != null && refreshFailure.kind() != Failure.Kind.SIGN_IN) {
      throw refreshFailure;
    }
    throw Failure.signIn(
        "the sign-in for "
            + what
            + " expired at "
            + TokenCache.formatTime(cached.expiresAt())
            + (refreshFailure != null
                ? " and " + refreshFailure.getMessage()
                : " and cannot be refreshed")
            + "; run aws-sso-config-generator again to sign in",
        refreshFailure);
  }

  /** Closes the OIDC client this object built, if any; nothing else. */
  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }
}

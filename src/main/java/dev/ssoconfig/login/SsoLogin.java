package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.StartUrl;
import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.aws.LazyClient;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.UnauthorizedClientException;

/**
 * Gets an IAM Identity Center access token for a start URL, the way {@code aws sso login} does, and
 * leaves it in the SSO token cache where the AWS CLI and SDKs find it.
 *
 * <ol>
 *   <li>Unless {@link LoginRequest#forceLogin()}: a cached token for the same cache key, start URL
 *       and SSO region with at least 15 minutes left is returned as is. One that has expired or is
 *       about to, but carries a refresh token and an unexpired client registration, is refreshed
 *       with CreateToken ({@code grantType=refresh_token}); if the refresh fails, a full sign-in
 *       follows.
 *   <li>The client registration comes from the registration cache until 15 minutes before it
 *       expires, else from RegisterClient. A cached registration the service refuses ({@code
 *       InvalidClientException}, {@code UnauthorizedClientException}) is dropped, and a new client
 *       is registered and the sign-in run again, once: a second refusal ends the run.
 *   <li>The person signs in with PKCE (a browser on this machine) or the device code flow; the
 *       request's {@link LoginRequest#flowNote() note} on the choice is printed first.
 *   <li>The token is written to the token cache with its refresh token and client registration.
 * </ol>
 */
public final class SsoLogin implements AutoCloseable {
  private final TokenCache cache;
  private final PrintWriter err;
  private final Clock clock;
  private final ClientRegistrar registrar;
  private final TokenRefresher refresher;
  private final PkceLogin pkce;
  private final DeviceCodeLogin deviceCode;
  private final SignInListener listener;
  private final LazyClient<?> owned;

  /**
   * @param oidc gives the OIDC client, e.g. {@code LazyClient} of {@link OidcClients#create}; asked
   *     for it only when a call is made, so a PKCE sign-in with a cached client registration shows
   *     the authorize URL before any client is built
   * @param oidcEndpoint the endpoint that client calls, from {@link OidcClients#resolveEndpoint};
   *     the PKCE authorize URL is built on it and errors name its host
   * @param cache the SSO token cache
   * @param browser opens the sign-in page
   * @param err where instructions for the person (URLs, the user code, warnings) are printed
   * @param clock the time used for expiry decisions and for dating new tokens
   * @param sleeper waits between device-code polls
   */
  public SsoLogin(
      Supplier<SsoOidcClient> oidc,
      URI oidcEndpoint,
      TokenCache cache,
      BrowserOpener browser,
      PrintWriter err,
      Clock clock,
      Sleeper sleeper) {
    this(oidc, oidcEndpoint, cache, browser, err, clock, sleeper, SignInListener.NONE);
  }

  /**
   * As {@link #SsoLogin(Supplier, URI, TokenCache, BrowserOpener, PrintWriter, Clock, Sleeper)},
   * with a listener that hears when the sign-in waits for the person.
   */
  public SsoLogin(
      Supplier<SsoOidcClient> oidc,
      URI oidcEndpoint,
      TokenCache cache,
      BrowserOpener browser,
      PrintWriter err,
      Clock clock,
      Sleeper sleeper,
      SignInListener listener) {
    this(oidc, oidcEndpoint, cache, browser, err, clock, sleeper, listener, null);
  }

  private SsoLogin(
      Supplier<SsoOidcClient> oidc,
      URI oidcEndpoint,
      TokenCache cache,
      BrowserOpener browser,
      PrintWriter err,
      Clock clock,
      Sleeper sleeper,
      SignInListener listener,
      LazyClient<?> owned) {
    this.owned = owned;
    Objects.requireNonNull(oidc, "oidc");
    Objects.requireNonNull(oidcEndpoint, "oidcEndpoint");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.err = Objects.requireNonNull(err, "err");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(browser, "browser");
    Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.registrar = new ClientRegistrar(oidc, oidcEndpoint, cache, clock);
    this.refresher = new TokenRefresher(oidc, oidcEndpoint, clock);
    this.pkce =
        new PkceLogin(oidc, oidcEndpoint, browser, err, clock, new SecureRandom(), listener);
    this.deviceCode =
        new DeviceCodeLogin(oidc, oidcEndpoint, browser, err, clock, sleeper, listener);
  }

  /**
   * A sign-in for an SSO region with its own OIDC client, built on first use ({@link LazyClient}):
   * a PKCE sign-in with a cached client registration shows the authorize URL before any client (and
   * its TLS context) exists. {@link #close()} closes the client if it was built. The client trusts
   * the certificate authorities of {@code caBundle} ({@code AWS_CA_BUNDLE}) when present.
   *
   * @param ssoRegion the SSO region, e.g. {@code us-east-1}
   * @param oidcEndpoint an endpoint to call instead of the regional one; empty for the SDK's
   * @param caBundle the certificate authorities to trust; empty for the JDK's
   * @param cache the SSO token cache
   * @param browser opens the sign-in page
   * @param err where instructions for the person are printed
   * @param clock the time used for expiry decisions and for dating new tokens
   * @param listener hears when the sign-in waits for the person
   * @return the sign-in; the caller closes it
   */
  public static SsoLogin forRegion(
      String ssoRegion,
      Optional<URI> oidcEndpoint,
      Optional<CaBundle> caBundle,
      TokenCache cache,
      BrowserOpener browser,
      PrintWriter err,
      Clock clock,
      SignInListener listener) {
    LazyClient<SsoOidcClient> client =
        new LazyClient<>(() -> OidcClients.create(ssoRegion, oidcEndpoint, caBundle));
    return new SsoLogin(
        client,
        OidcClients.resolveEndpoint(ssoRegion, oidcEndpoint),
        cache,
        browser,
        err,
        clock,
        Sleeper.SYSTEM,
        listener,
        client);
  }

  /** Closes the OIDC client this sign-in owns, if it was built; nothing else. */
  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }

  /**
   * @param request what to sign in to and how
   * @return a usable access token; {@code fromCache} tells whether no interactive sign-in happened
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} when the sign-in did not complete: denied,
   *     expired, timed out, or the browser came back with an error; {@link Failure.Kind#AWS_CALL}
   *     when an OIDC call failed: network, throttling, a client registration refused although it
   *     was new (a refused cached one is replaced once); {@link Failure.Kind#FILE} when the token
   *     cache folder or a cache file could not be written (checked before the person is sent to the
   *     browser); {@link Failure.Kind#INTERRUPTED} when the wait for the person was interrupted
   */
  public AccessToken login(LoginRequest request) {
    if (!request.forceLogin()) {
      Optional<AccessToken> cached = fromCache(request);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    try {
      cache.checkWritable();
    } catch (IOException e) {
      throw Failure.file(e.getMessage(), e);
    }
    if (request.flowNote() != null) {
      err.println(request.flowNote());
      err.flush();
    }
    Optional<ClientRegistration> cachedRegistration = registrar.cached(request);
    ClientRegistration registration =
        cachedRegistration.orElseGet(() -> registrar.register(request));
    boolean mayRegisterAgain = cachedRegistration.isPresent();
    IssuedToken token;
    while (true) {
      try {
        token = signIn(request, registration);
        break;
      } catch (Failure e) {
        if (!isRefusedClient(e)) {
          throw e;
        }
        registrar.forget(request);
        if (!mayRegisterAgain) {
          throw Failure.awsCall(
              e.getMessage()
                  + " (the cached client registration was dropped; run the command again)",
              e.getCause());
        }
        mayRegisterAgain = false;
        err.println(
            "The cached client registration was refused ("
                + e.getCause().getClass().getSimpleName()
                + "); registering a new one and signing in again.");
        err.flush();
        registration = registrar.register(request);
      }
    }
    cache.storeToken(
        request.cacheKeySource(),
        new CachedToken(
            request.startUrl(),
            request.ssoRegion(),
            token.accessToken(),
            token.expiresAt(),
            registration.clientId(),
            registration.clientSecret(),
            registration.expiresAt(),
            token.refreshToken()));
    return new AccessToken(token.accessToken(), token.expiresAt(), false);
  }

  /** Runs the flow; the wait it announced to the listener ends here, whatever the outcome. */
  private IssuedToken signIn(LoginRequest request, ClientRegistration registration) {
    try {
      return request.flow() == LoginFlow.PKCE
          ? pkce.run(request, registration)
          : deviceCode.run(request, registration);
    } finally {
      listener.waitEnded();
    }
  }

  /**
   * Whether the service refused the client registration itself: {@code InvalidClientException}
   * (client ID or secret invalid, e.g. expired or deleted) or {@code UnauthorizedClientException}
   * (the client may not make the request), from StartDeviceAuthorization or CreateToken.
   */
  private static boolean isRefusedClient(Failure e) {
    return e.kind() == Failure.Kind.AWS_CALL
        && (e.getCause() instanceof InvalidClientException
            || e.getCause() instanceof UnauthorizedClientException);
  }

  private Optional<AccessToken> fromCache(LoginRequest request) {
    Optional<CachedToken> found = cache.readToken(request.cacheKeySource());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CachedToken cached = found.get();
    if (!StartUrl.same(cached.startUrl(), request.startUrl())
        || (cached.region() != null && !cached.region().equals(request.ssoRegion()))) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!cached.needsRefresh(now)) {
      return Optional.of(new AccessToken(cached.accessToken(), cached.expiresAt(), true));
    }
    if (!cached.canRefresh(now)) {
      return Optional.empty();
    }
    CachedToken refreshed;
    try {
      refreshed = refresher.refresh(cached, cached.startUrl(), request.ssoRegion());
    } catch (Failure e) {
      if (e.kind() == Failure.Kind.INTERRUPTED) {
        throw e;
      }
      err.println("The cached sign-in could not be refreshed; signing in again.");
      err.flush();
      return Optional.empty();
    }
    cache.storeToken(request.cacheKeySource(), refreshed);
    return Optional.of(new AccessToken(refreshed.accessToken(), refreshed.expiresAt(), true));
  }
}

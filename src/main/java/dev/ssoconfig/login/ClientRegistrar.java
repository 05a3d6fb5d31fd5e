package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.SdkFailures;
import dev.ssoconfig.aws.SdkFailures.Service;
import dev.ssoconfig.io.IoReasons;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * The OIDC client registration for a sign-in: from the registration cache while it has more than 15
 * minutes left, else from RegisterClient, whose result is cached; a registration the service
 * refused is forgotten.
 */
final class ClientRegistrar {
  /** Name under which this tool registers, shown by Identity Center. */
  static final String CLIENT_NAME = "aws-sso-config-generator";

  /** The only scope asked for; with it the service issues refresh tokens. */
  static final List<String> SCOPES = List.of("sso:account:access");

  /** Registered redirect URI; loopback redirects match on any port (RFC 8252 section 7.3). */
  static final String REGISTERED_REDIRECT_URI =
      "http://127.0.0.1" + LoopbackCallbackServer.CALLBACK_PATH;

  private final Supplier<SsoOidcClient> oidc;
  private final URI endpoint;
  private final TokenCache cache;
  private final Clock clock;

  ClientRegistrar(Supplier<SsoOidcClient> oidc, URI endpoint, TokenCache cache, Clock clock) {
    this.oidc = oidc;
    this.endpoint = endpoint;
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * @return the cached registration for the request's start URL, SSO region and flow, when it has
   *     more than 15 minutes left
   */
  Optional<ClientRegistration> cached(LoginRequest request) {
    return cache.readRegistration(request.startUrl(), request.ssoRegion(), SCOPES, request.flow());
  }

  /**
   * Registers a new client with RegisterClient and caches it, replacing any cached one.
   *
   * @return the new registration
   * @throws Failure of kind {@link Failure.Kind#AWS_CALL} if RegisterClient fails, of kind {@link
   *     Failure.Kind#FILE} if the registration cannot be cached
   */
  ClientRegistration register(LoginRequest request) {
    RegisterClientRequest.Builder register =
        RegisterClientRequest.builder().clientName(CLIENT_NAME).clientType("public").scopes(SCOPES);
    if (request.flow() == LoginFlow.PKCE) {
      register
          .grantTypes("authorization_code", "refresh_token")
          .redirectUris(REGISTERED_REDIRECT_URI)
          .issuerUrl(request.startUrl());
    }
    RegisterClientResponse response;
    try {
      response = oidc.get().registerClient(register.build());
    } catch (SdkException e) {
      throw SdkFailures.failure(Service.OIDC, "RegisterClient", endpoint.getAuthority(), 1, e);
    }
    Instant expiresAt =
        response.clientSecretExpiresAt() != null
            ? Instant.ofEpochSecond(response.clientSecretExpiresAt())
            : clock.instant();
    ClientRegistration registration =
        new ClientRegistration(response.clientId(), response.clientSecret(), expiresAt, SCOPES);
    try {
      cache.writeRegistration(
          request.startUrl(), request.ssoRegion(), request.flow(), registration);
    } catch (IOException e) {
      throw Failure.file(
          "cannot write the client registration to "
              + cache.cacheDir()
              + ": "
              + IoReasons.describe(e),
          e);
    }
    return registration;
  }

  /**
   * Forgets the cached registration of the request's flow after the service rejected it.
   *
   * @throws Failure of kind {@link Failure.Kind#FILE} if it cannot be deleted
   */
  void forget(LoginRequest request) {
    try {
      cache.deleteRegistration(request.startUrl(), request.ssoRegion(), SCOPES, request.flow());
    } catch (IOException e) {
      throw Failure.file(
          "cannot delete the cached client registration in "
              + cache.cacheDir()
              + ": "
              + IoReasons.describe(e),
          e);
    }
  }
}

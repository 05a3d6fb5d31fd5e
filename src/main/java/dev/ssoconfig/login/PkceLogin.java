package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.SdkFailures;
import dev.ssoconfig.aws.SdkFailures.Service;
import dev.ssoconfig.text.SafeText;
import dev.ssoconfig.text.SecretScrubber;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/**
 * The authorization code flow with PKCE (RFC 7636) and a loopback redirect (RFC 8252), as the AWS
 * CLI v2 runs it: start the callback server, send the person to {@code /authorize}, wait for the
 * code, exchange it with CreateToken.
 */
final class PkceLogin {
  /** What the wait for the callback awaits, for {@link SignInListener#waiting}. */
  static final String AWAITED = "the sign-in in the browser";

  private final Supplier<SsoOidcClient> oidc;
  private final URI endpoint;
  private final BrowserOpener browser;
  private final PrintWriter err;
  private final Clock clock;
  private final SecureRandom random;
  private final SignInListener listener;

  PkceLogin(
      Supplier<SsoOidcClient> oidc,
      URI endpoint,
      BrowserOpener browser,
      PrintWriter err,
      Clock clock,
      SecureRandom random,
      SignInListener listener) {
    this.oidc = oidc;
    this.endpoint = endpoint;
    this.browser = browser;
    this.err = err;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
  }

  /**
   * @return the issued token
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} if the browser came back with an error,
   *     the wait timed out, or the code was refused as expired or invalid; {@link
   *     Failure.Kind#INTERRUPTED} if the wait was interrupted; {@link Failure.Kind#AWS_CALL} if
   *     CreateToken failed otherwise
   */
  IssuedToken run(LoginRequest request, ClientRegistration registration) {
    Pkce pkce = Pkce.generate(random);
    LoopbackCallbackServer server;
    try {
      server = LoopbackCallbackServer.start(pkce.state());
    } catch (IOException e) {
      throw Failure.signIn(
          "Could not listen on 127.0.0.1 for the browser sign-in ("
              + SafeText.detail(e.getMessage())
              + "); run again with --device-code",
          e);
    }
    try (server) {
      URI authorize = authorizeUri(endpoint, registration.clientId(), server.redirectUri(), pkce);
      if (request.openBrowser()) {
        err.println("Opening the browser to sign in… If it does not open, open this URL:");
      } else {
        err.println("To sign in, open this URL in a browser on this machine:");
      }
      err.println(SafeText.line(authorize.toString()));
      err.flush();
      if (request.openBrowser()) {
        Browsers.open(browser, authorize, "on this machine", err);
      }
      listener.waiting(AWAITED, clock.instant().plus(request.timeout())); // ended by SsoLogin
      String code = server.awaitCode(request.timeout());
      CreateTokenRequest createToken =
          CreateTokenRequest.builder()
              .clientId(registration.clientId())
              .clientSecret(registration.clientSecret())
              .grantType("authorization_code")
              .code(code)
              .redirectUri(server.redirectUri())
              .codeVerifier(pkce.codeVerifier())
              .build();
      try {
        return IssuedToken.from(oidc.get().createToken(createToken), clock);
      } catch (InvalidGrantException | ExpiredTokenException | AccessDeniedException e) {
        throw Failure.signIn(
            SecretScrubber.scrub(
                "Identity Center refused the sign-in ("
                    + SafeText.detail(e.awsErrorDetails().errorCode())
                    + "); run the command again",
                secrets(code, pkce, registration)),
            e);
      } catch (SdkException e) {
        throw SdkFailures.failure(
            Service.OIDC,
            "CreateToken",
            endpoint.getAuthority(),
            1,
            e,
            secrets(code, pkce, registration));
      }
    }
  }

  /** The secrets a CreateToken call of this flow carries, for scrubbing messages. */
  private static String[] secrets(String code, Pkce pkce, ClientRegistration registration) {
    return new String[] {code, pkce.codeVerifier(), registration.clientSecret()};
  }

  /**
   * Builds the authorize URL exactly as the AWS CLI v2 does; note {@code scopes}, not {@code
   * scope}.
   *
   * @param endpoint the OIDC endpoint (a trailing slash is dropped)
   * @param clientId the client registration's ID
   * @param redirectUri the loopback redirect URI with the port
   * @param pkce the challenge and state
   * @return {@code ENDPOINT/authorize?response_type=code&client_id=…&redirect_uri=…&state=…
   *     &code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=…}
   */
  static URI authorizeUri(URI endpoint, String clientId, String redirectUri, Pkce pkce) {
    String base = endpoint.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(
        base
            + "/authorize?response_type=code"
            + "&client_id="
            + encode(clientId)
            + "&redirect_uri="
            + encode(redirectUri)
            + "&state="
            + encode(pkce.state())
            + "&code_challenge_method=S256"
            + "&scopes="
            + encode(String.join(" ", ClientRegistrar.SCOPES))
            + "&code_challenge="
            + encode(pkce.codeChallenge()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.SdkFailures;
import dev.ssoconfig.aws.SdkFailures.Service;
import dev.ssoconfig.text.SafeText;
import dev.ssoconfig.text.SecretScrubber;
import dev.ssoconfig.time.Sleeper;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationRequest;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The device authorization grant (RFC 8628): StartDeviceAuthorization, show the verification URL
 * and user code, then poll CreateToken until the person approves, denies, or time runs out.
 */
final class DeviceCodeLogin {
  /** RFC 8628 section 3.2: poll every 5 s when the service gives no interval. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  /** RFC 8628 section 3.5: {@code slow_down} adds 5 s to the interval for all later polls. */
  static final Duration SLOW_DOWN_INCREMENT = Duration.ofSeconds(5);

  /** What the polling awaits, for {@link SignInListener#waiting}. */
  static final String AWAITED = "the user code to be approved";

  /** Grant type of device-code polls. */
  static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

  private final Supplier<SsoOidcClient> oidc;
  private final URI endpoint;
  private final BrowserOpener browser;
  private final PrintWriter err;
  private final Clock clock;
  private final Sleeper sleeper;
  private final SignInListener listener;

  DeviceCodeLogin(
      Supplier<SsoOidcClient> oidc,
      URI endpoint,
      BrowserOpener browser,
      PrintWriter err,
      Clock clock,
      Sleeper sleeper,
      SignInListener listener) {
    this.oidc = oidc;
    this.endpoint = endpoint;
    this.browser = browser;
    this.err = err;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /**
   * @return the issued token
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} if the person denied the request, the
   *     device code expired ({@code ExpiredTokenException} or {@code expiresIn} passed) or the
   *     request's timeout passed; {@link Failure.Kind#INTERRUPTED} if the thread was interrupted
   *     while waiting; {@link Failure.Kind#AWS_CALL} if an OIDC call failed otherwise
   */
  IssuedToken run(LoginRequest request, ClientRegistration registration) {
    StartDeviceAuthorizationResponse authorization;
    try {
      authorization =
          oidc.get()
              .startDeviceAuthorization(
                  StartDeviceAuthorizationRequest.builder()
                      .clientId(registration.clientId())
                      .clientSecret(registration.clientSecret())
                      .startUrl(request.startUrl())
                      .build());
    } catch (SdkException e) {
      throw SdkFailures.failure(
          Service.OIDC,
          "StartDeviceAuthorization",
          endpoint.getAuthority(),
          1,
          e,
          registration.clientSecret());
    }
    Instant start = clock.instant();
    Instant expiresAt =
        authorization.expiresIn() != null ? start.plusSeconds(authorization.expiresIn()) : null;
    Instant deadline = start.plus(request.timeout());
    Duration interval =
        authorization.interval() != null && authorization.interval() > 0
            ? Duration.ofSeconds(authorization.interval())
            : DEFAULT_INTERVAL;

    URI verification =
        URI.create(
            authorization.verificationUriComplete() != null
                ? authorization.verificationUriComplete()
                : authorization.verificationUri());
    if (request.openBrowser()) {
      err.println("Opening the browser to sign in… If it does not open, or to sign in on");
      err.println("another device, open this URL:");
    } else {
      err.println("To sign in, open this URL in a browser on any device:");
    }
    err.println(SafeText.line(verification.toString()));
    err.println("and check that it shows this code:");
    err.println(SafeText.line(authorization.userCode()));
    err.flush();
    if (request.openBrowser()) {
      Browsers.open(browser, verification, "on any device", err);
    }

    CreateTokenRequest poll =
        CreateTokenRequest.builder()
            .clientId(registration.clientId())
            .clientSecret(registration.clientSecret())
            .grantType(DEVICE_CODE_GRANT)
            .deviceCode(authorization.deviceCode())
            .build();
    // ended by SsoLogin
    listener.waiting(
        AWAITED, expiresAt != null && expiresAt.isBefore(deadline) ? expiresAt : deadline);
    while (true) {
      try {
        return IssuedToken.from(oidc.get().createToken(poll), clock);
      } catch (AuthorizationPendingException pending) {
        // keep polling (RFC 8628 section 3.5, authorization_pending)
      } catch (SlowDownException slowDown) {
        interval = interval.plus(SLOW_DOWN_INCREMENT);
      } catch (ExpiredTokenException expired) {
        throw expired();
      } catch (AccessDeniedException denied) {
        String description = SafeText.detail(denied.errorDescription());
        throw Failure.signIn(
            SecretScrubber.scrub(
                "Sign-in was denied"
                    + (description.isEmpty() ? "" : ": " + description)
                    + "; run the command again to retry",
                authorization.deviceCode(),
                registration.clientSecret()),
            denied);
      } catch (SdkException e) {
        throw SdkFailures.failure(
            Service.OIDC,
            "CreateToken",
            endpoint.getAuthority(),
            1,
            e,
            authorization.deviceCode(),
            registration.clientSecret());
      }
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Failure.interrupted("Interrupted while waiting for the sign-in to be approved", e);
      }
      Instant now = clock.instant();
      if (expiresAt != null && !now.isBefore(expiresAt)) {
        throw expired();
      }
      if (!now.isBefore(deadline)) {
        throw Failure.signIn(
            "Sign-in timed out after "
                + request.timeout().toSeconds()
                + " s waiting for approval of the user code; run the command again");
      }
    }
  }

  private static Failure expired() {
    return Failure.signIn(
        "The user code expired before the sign-in was approved; run the command again");
  }
}

package dev.ssoconfig.portal;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.SdkClients;
import dev.ssoconfig.aws.SdkFailures;
import dev.ssoconfig.aws.SdkFailures.Service;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.endpoints.SsoEndpointParams;
import software.amazon.awssdk.services.sso.endpoints.SsoEndpointProvider;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * Sorts SDK failures of portal calls into "try again" and "give up" (the portal's retry policy),
 * and turns the final one into a {@link Failure}: a rejected access token here, everything else
 * through {@link SdkFailures}.
 *
 * <p>Retried: {@code TooManyRequestsException} and any HTTP 429 (throttling), HTTP 5xx (the
 * service's fault), and client-side failures caused by an {@link IOException} on the wire
 * (connection reset, refused, timed out, cut off mid-response, host not found). Everything else —
 * {@code UnauthorizedException}, {@code InvalidRequestException}, {@code
 * ResourceNotFoundException}, answers that are not valid JSON — is final.
 *
 * <p>Messages name the portal's host, never carry a response body, and never the access token.
 */
final class PortalFailures {

  private PortalFailures() {}

  /**
   * @return whether another attempt of the same call may succeed
   */
  static boolean isRetryable(SdkException e) {
    if (e instanceof TooManyRequestsException) {
      return true;
    }
    if (e instanceof SdkServiceException service) {
      return service.statusCode() == 429 || service.statusCode() >= 500;
    }
    if (e instanceof AbortedException || SdkClients.isUnreadableResponse(e)) {
      return false;
    }
    return e instanceof SdkClientException && SdkFailures.networkCause(e).isPresent();
  }

  /**
   * @return whether the portal throttled the call: {@code TooManyRequestsException} or HTTP 429
   */
  static boolean isThrottle(SdkException e) {
    return e instanceof TooManyRequestsException
        || (e instanceof SdkServiceException service && service.statusCode() == 429);
  }

  /**
   * How long a throttled call asks to wait: its {@code Retry-After} header (RFC 9110 section
   * 10.2.3), as seconds or as an HTTP date, at most {@link #MAX_RETRY_AFTER}.
   *
   * @param e a throttle ({@link #isThrottle})
   * @param now the current time, for an HTTP date
   * @return the wait in ns; 0 without a usable header
   */
  static long retryAfterNanos(SdkException e, Instant now) {
    if (!(e instanceof AwsServiceException service) || service.awsErrorDetails() == null) {
      return 0;
    }
    var response = service.awsErrorDetails().sdkHttpResponse();
    if (response == null) {
      return 0;
    }
    return response
        .firstMatchingHeader("Retry-After")
        .map(value -> retryAfterNanos(value.trim(), now))
        .orElse(0L);
  }

  /** The longest {@code Retry-After} honoured; a longer one is cut to it. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

  private static long retryAfterNanos(String value, Instant now) {
    Duration wait;
    try {
      wait =
          value.matches("[0-9]{1,9}")
              ? Duration.ofSeconds(Long.parseLong(value))
              : Duration.between(
                  now,
                  ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException unreadable) {
      return 0;
    }
    if (wait.isNegative()) {
      return 0;
    }
    return (wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait).toNanos();
  }

  /**
   * Names the host a portal client calls, for messages: its endpoint override (also one taken from
   * {@code AWS_ENDPOINT_URL_SSO}), else the regional endpoint the SDK's rules give.
   *
   * @param sso the client
   * @return e.g. {@code portal.sso.us-east-1.amazonaws.com} or {@code 127.0.0.1:8080}; {@code the
   *     portal} if the client cannot tell
   */
  static String hostOf(SsoClient sso) {
    try {
      var config = sso.serviceClientConfiguration();
      URI endpoint =
          config.endpointOverride().isPresent()
              ? config.endpointOverride().get()
              : SsoEndpointProvider.defaultProvider()
                  .resolveEndpoint(SsoEndpointParams.builder().region(config.region()).build())
                  .join()
                  .endpointUrl()
                  .toUri();
      return endpoint.getAuthority() == null ? "the portal" : endpoint.getAuthority();
    } catch (RuntimeException cannotTell) {
      return "the portal";
    }
  }

  /**
   * Builds the failure {@link PortalLister} throws.
   *
   * @param call what was attempted
   * @param host the portal's host, from {@link #hostOf(SsoClient)}
   * @param e the last failure
   * @param attempts how many attempts were made, at least 1
   * @param secret the access token, scrubbed from any text taken from {@code e}
   * @return a {@link Failure.AccessTokenRejected} for {@code UnauthorizedException}, else what
   *     {@link SdkFailures#failure} makes of {@code e}; the message is one line
   */
  static Failure translate(
      PortalCall call, String host, SdkException e, int attempts, String secret) {
    if (e instanceof UnauthorizedException) {
      return Failure.accessTokenRejected(
          call.describe()
              + " failed: the access token was rejected by "
              + SafeText.line(host)
              + " (UnauthorizedException, HTTP 401); run again with --force-login",
          e);
    }
    return SdkFailures.failure(Service.PORTAL, call.describe(), host, attempts, e, secret);
  }
}

package dev.ssoconfig.portal;

import dev.ssoconfig.aws.SdkClients;
import dev.ssoconfig.AwsCallException;
import dev.ssoconfig.text.SecretScrubber;
import java.io.IOException;
import java.net.URI;
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
 * Sorts SDK failures of portal calls into "try again" and "give up", and turns the final one into a
 * one-line {@link AwsCallException} for a person.
 *
 * <p>Retried: {@code TooManyRequestsException} and any HTTP 429 (throttling), HTTP 5xx (the
 * service's fault), and client-side failures caused by an {@link IOException} on the wire
 * (connection reset, refused, timed out, cut off mid-response, host not found). Everything else —
 * {@code UnauthorizedException}, {@code InvalidRequestException}, {@code
 * ResourceNotFoundException}, answers that are not valid JSON — is final.
 *
 * <p>Messages name the portal's host, never carry a response body, and pass through {@link
 * SecretScrubber} with the access token as a known secret.
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
    return e instanceof SdkClientException && ioCause(e) != null;
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
   * Builds the exception {@link PortalLister} throws.
   *
   * @param call what was attempted
   * @param host the portal's host, from {@link #hostOf(SsoClient)}
   * @param e the last failure
   * @param attempts how many attempts were made, at least 1
   * @param secret the access token, scrubbed from any text taken from {@code e}
   * @return a {@link TokenRejectedException} for {@code UnauthorizedException}, else an {@link
   *     AwsCallException}; the message is one line
   */
  static AwsCallException translate(
      PortalCall call, String host, SdkException e, int attempts, String secret) {
    String what = call.describe();
    if (e instanceof UnauthorizedException) {
      return new TokenRejectedException(
          what
              + " failed: the access token was rejected (UnauthorizedException, HTTP 401);"
              + " run again with --force-login",
          e);
    }
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    String message;
    if (e instanceof SdkServiceException service) {
      message = what + " failed" + tries + ": " + errorName(service) + advice(service);
    } else if (SdkClients.isUnreadableResponse(e)) {
      message =
          what
              + " failed: the answer from "
              + host
              + " is not the JSON the portal sends; check AWS_ENDPOINT_URL_SSO if you set it,"
              + " else try again later";
    } else if (ioCause(e) != null) {
      IOException io = ioCause(e);
      message =
          what
              + " failed"
              + tries
              + ": network error reaching "
              + host
              + " ("
              + describe(io)
              + "); check the network connection and try again";
    } else {
      message = what + " failed" + tries + " at " + host + ": " + describe(e);
    }
    return new AwsCallException(oneLine(SecretScrubber.scrub(message, secret)), e);
  }

  private static String errorName(SdkServiceException e) {
    String code = null;
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      code = aws.awsErrorDetails().errorCode();
    }
    String status = "HTTP " + e.statusCode();
    return code == null || code.isBlank() ? status : code + " (" + status + ")";
  }

  private static String advice(SdkServiceException e) {
    if (e instanceof TooManyRequestsException || e.statusCode() == 429) {
      return "; the portal kept throttling the requests, try again in a few minutes";
    }
    if (e.statusCode() >= 500) {
      return "; the portal had an internal error, try again later";
    }
    return "; check the start URL and SSO region, then try again";
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String describe(Throwable t) {
    String text = t.getMessage();
    String name = t.getClass().getSimpleName();
    return text == null || text.isBlank() ? name : name + ": " + text;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}

package dev.ssoconfig.portal;

import dev.ssoconfig.AwsCallException;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * Sorts SDK failures of portal calls into "try again" and "give up", and turns the final one into a
 * one-line {@link AwsCallException} for a person.
 *
 * <p>Retried: {@code TooManyRequestsException} and any HTTP 429 (throttling), HTTP 5xx (the
 * service's fault), and client-side failures caused by an {@link IOException} (connection reset,
 * refused, timed out). Everything else — {@code UnauthorizedException}, {@code
 * InvalidRequestException}, {@code ResourceNotFoundException}, unreadable responses — is final.
 */
final class PortalFailures {

  private static final String REDACTED = "<redacted>";

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
    if (e instanceof AbortedException) {
      return false;
    }
    return e instanceof SdkClientException && ioCause(e) != null;
  }

  /**
   * Builds the exception {@link PortalLister} throws.
   *
   * @param call what was attempted
   * @param e the last failure
   * @param attempts how many attempts were made, at least 1
   * @param secret the access token, scrubbed from any text taken from {@code e}
   * @return a {@link TokenRejectedException} for {@code UnauthorizedException}, else an {@link
   *     AwsCallException}; the message is one line
   */
  static AwsCallException translate(PortalCall call, SdkException e, int attempts, String secret) {
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
    } else if (ioCause(e) != null) {
      IOException io = ioCause(e);
      message =
          what
              + " failed"
              + tries
              + ": network error ("
              + describe(io)
              + "); check the network connection and try again";
    } else {
      message = what + " failed" + tries + ": " + describe(e);
    }
    return new AwsCallException(oneLine(scrub(message, secret)), e);
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

  private static String scrub(String text, String secret) {
    return secret == null || secret.isEmpty() ? text : text.replace(secret, REDACTED);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}

package dev.ssoconfig.aws;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import dev.ssoconfig.text.SecretScrubber;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The one describer of AWS SDK failures, used by the sign-in (OIDC) and the listing (portal): turns
 * the exception of one call into a {@link Failure} with a one-line message for a person.
 *
 * <p>The message names the call and the host, then, by what went wrong:
 *
 * <ul>
 *   <li>the service answered with an error: its error code and HTTP status ({@code
 *       TooManyRequestsException (HTTP 429)}), and advice for throttling, 5xx and other errors;
 *   <li>the answer could not be parsed ({@link SdkClients#isUnreadableResponse}): {@code unreadable
 *       answer}, and the endpoint variable to check;
 *   <li>the network failed: the innermost {@link IOException} in the cause chain, by class and
 *       message ({@code ConnectException: Connection refused}). Innermost, because the HTTP client
 *       wraps the socket's own failure in more general ones ({@code Error writing to server} around
 *       {@code Broken pipe}); the innermost one is the reason a person can act on;
 *   <li>anything else on the client side: only the class name of the root cause, as its message may
 *       echo a response.
 * </ul>
 *
 * <p>It never contains a response body or the SDK's own message (which carries the service's
 * message text); those are shown only under {@code --verbose}, through the cause. The message is
 * scrubbed of the secret values the caller names and of labelled secrets ({@link SecretScrubber}),
 * and made safe to print ({@link SafeText#line}).
 */
public final class SdkFailures {
  /** The IAM Identity Center API a call went to. */
  public enum Service {
    /** The OIDC service: RegisterClient, StartDeviceAuthorization, CreateToken. */
    OIDC("AWS_ENDPOINT_URL_SSO_OIDC"),
    /** The portal API ({@code sso}): ListAccounts, ListAccountRoles. */
    PORTAL("AWS_ENDPOINT_URL_SSO");

    private final String endpointVariable;

    Service(String endpointVariable) {
      this.endpointVariable = endpointVariable;
    }

    /**
     * @return the environment variable that overrides this service's endpoint
     */
    public String endpointVariable() {
      return endpointVariable;
    }
  }

  private SdkFailures() {}

  /**
   * Describes the final failure of one call.
   *
   * @param service the API called, for advice
   * @param call the call as named in the message, e.g. {@code CreateToken} or {@code
   *     ListAccountRoles for account 111111111111}
   * @param host the host (and port) called, e.g. {@code oidc.us-east-1.amazonaws.com}
   * @param attempts how many attempts were made, at least 1; more than one is named
   * @param e the last failure
   * @param knownSecrets secret values the call carried (access token, client secret, authorization
   *     code, code verifier, device code); replaced wherever they occur in the message
   * @return a failure of kind {@link Failure.Kind#INTERRUPTED} when the SDK gave up because the
   *     thread was interrupted ({@link AbortedException}, or an {@link InterruptedException} in the
   *     cause chain), else of kind {@link Failure.Kind#AWS_CALL}; {@code e} is its cause
   */
  public static Failure failure(
      Service service,
      String call,
      String host,
      int attempts,
      SdkException e,
      String... knownSecrets) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(e, "e");
    if (isInterruption(e)) {
      return Failure.interrupted(SafeText.line(call + " was interrupted"), e);
    }
    String failed = call + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "");
    String message;
    if (e instanceof SdkServiceException error) {
      message = failed + ": " + errorName(error) + " from " + host + "; " + advice(error);
    } else if (SdkClients.isUnreadableResponse(e)) {
      message =
          failed
              + ": unreadable answer from "
              + host
              + " (not the JSON the service sends); check "
              + service.endpointVariable()
              + " if you set it, else try again later";
    } else {
      Optional<IOException> io = networkCause(e);
      message =
          io.isPresent()
              ? failed
                  + ": network error reaching "
                  + host
                  + " ("
                  + describe(io.get())
                  + "); check the network connection and the SSO region, then try again"
              : failed
                  + " at "
                  + host
                  + ": could not complete the request ("
                  + rootCause(e).getClass().getSimpleName()
                  + ")";
    }
    return Failure.awsCall(SafeText.line(SecretScrubber.scrub(message, knownSecrets)), e);
  }

  /**
   * The network failure behind an SDK client failure.
   *
   * @param e any failure
   * @return the innermost {@link IOException} in its cause chain, if any (see the class comment)
   */
  public static Optional<IOException> networkCause(Throwable e) {
    IOException innermost = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        innermost = io;
      }
    }
    return Optional.ofNullable(innermost);
  }

  private static boolean isInterruption(SdkException e) {
    if (e instanceof AbortedException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private static String errorName(SdkServiceException e) {
    String code =
        e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            ? aws.awsErrorDetails().errorCode()
            : null;
    String status = "HTTP " + e.statusCode();
    return code == null || code.isBlank() ? status : code + " (" + status + ")";
  }

  private static String advice(SdkServiceException e) {
    if (e.isThrottlingException() || e.statusCode() == 429) {
      return "the service kept throttling the requests, try again in a few minutes";
    }
    if (e.statusCode() >= 500) {
      return "the service had an internal error, try again later";
    }
    return "check the start URL and SSO region, then try again";
  }

  private static String describe(IOException io) {
    String text = SafeText.detail(io.getMessage());
    String name = io.getClass().getSimpleName();
    return text.isEmpty() ? name : name + ": " + text;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}

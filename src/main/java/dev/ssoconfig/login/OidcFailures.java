package dev.ssoconfig.login;

import dev.ssoconfig.AwsCallException;
import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures of OIDC calls into one-line {@link AwsCallException}s without secrets. */
final class OidcFailures {
  private OidcFailures() {}

  /**
   * @param operation the API name, e.g. {@code CreateToken}
   * @param endpoint the OIDC endpoint called; its host (and port) are named in the message
   * @param e the SDK failure
   * @return an exception whose message names the operation, the host, the error code and HTTP
   *     status (service errors) or the network failure (client errors), never a response body
   */
  static AwsCallException of(String operation, URI endpoint, SdkException e) {
    String where =
        "IAM Identity Center " + operation + " call to " + endpoint.getAuthority() + " failed: ";
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
              ? service.awsErrorDetails().errorCode()
              : "error";
      String hint =
          service.isThrottlingException()
              ? "; wait a minute and try again"
              : service.statusCode() >= 500
                  ? "; the service had a problem, try again later"
                  : "; check the start URL and SSO region";
      return new AwsCallException(
          where + LoginException.oneLine(code) + " (HTTP " + service.statusCode() + ")" + hint, e);
    }
    return new AwsCallException(
        where + networkCause(e) + "; check the network and the SSO region", e);
  }

  /**
   * The innermost I/O failure's class and message; other causes only by class (may echo bodies).
   */
  private static String networkCause(Throwable e) {
    Throwable root = e;
    Throwable io = null;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof IOException) {
        io = root;
      }
    }
    if (io != null) {
      String message = LoginException.oneLine(io.getMessage());
      return io.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }
    return root == e ? "could not complete the request" : root.getClass().getSimpleName();
  }
}

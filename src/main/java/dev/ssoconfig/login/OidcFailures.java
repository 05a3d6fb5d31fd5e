package dev.ssoconfig.login;

import dev.ssoconfig.aws.SdkClients;
import dev.ssoconfig.text.SecretScrubber;
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
   * @param secrets the secret values the call carried (client secret, authorization code, code
   *     verifier, device code, refresh token); replaced if any text taken from {@code e} holds them
   * @return an exception whose message names the operation, the host, the error code and HTTP
   *     status (service errors), an unreadable answer, or the network failure (client errors);
   *     never a response body, and scrubbed by {@link SecretScrubber}
   */
  static AwsCallException of(String operation, URI endpoint, SdkException e, String... secrets) {
    String where =
        "IAM Identity Center " + operation + " call to " + endpoint.getAuthority() + " failed: ";
    String message;
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
      message =
          where + LoginException.oneLine(code) + " (HTTP " + service.statusCode() + ")" + hint;
    } else if (SdkClients.isUnreadableResponse(e)) {
      message =
          where
              + "its answer is not the JSON the service sends; check AWS_ENDPOINT_URL_SSO_OIDC if"
              + " you set it, else try again later";
    } else {
      message = where + networkCause(e) + "; check the network and the SSO region";
    }
    return new AwsCallException(SecretScrubber.scrub(message, secrets), e);
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

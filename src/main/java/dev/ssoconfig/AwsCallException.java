package dev.ssoconfig;

/**
 * An AWS call (IAM Identity Center OIDC or portal API) failed after any retries: the network, the
 * service, throttling that did not clear, or an access token the service rejected.
 *
 * <p>The message is one line meant for a person; it never contains a secret (access token, refresh
 * token, client secret, authorization code, code verifier). The command maps it to exit code 4.
 */
public class AwsCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person, naming what failed and, where known, what to do
   * @param cause the underlying failure, kept for {@code --verbose}; may be {@code null}
   */
  public AwsCallException(String message, Throwable cause) {
    super(message, cause);
  }

  /** @param message one line for a person */
  public AwsCallException(String message) {
    super(message);
  }
}

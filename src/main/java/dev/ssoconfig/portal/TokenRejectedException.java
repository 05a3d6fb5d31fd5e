package dev.ssoconfig.portal;

import dev.ssoconfig.AwsCallException;

/**
 * The portal answered {@code UnauthorizedException} (HTTP 401): the access token expired early or
 * was revoked. The command may sign in again and retry.
 */
public class TokenRejectedException extends AwsCallException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person, without the token
   * @param cause the SDK's exception
   */
  public TokenRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.ssoconfig.cli;

/**
 * A value the person gave cannot be used; the command exits with {@link ExitCode#USAGE} before
 * anything is sent over the network or written.
 */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line naming the option, what is wrong and what to do */
  public UsageException(String message) {
    super(message);
  }
}

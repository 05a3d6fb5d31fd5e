package dev.ssoconfig.profiles;

/**
 * A value a person gave for naming, filtering or extending the generated profiles cannot be used: a
 * {@code --profile-template}, a rename file, an {@code --include} / {@code --exclude} pattern or a
 * {@code --set}. The message is one line naming the option, what is wrong and what to do; the
 * command treats every subclass as a usage error (exit code 2), before anything is sent over the
 * network.
 */
public class ProfileOptionException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person
   */
  protected ProfileOptionException(String message) {
    super(message);
  }

  /**
   * @param message one line for a person
   * @param cause the underlying failure, kept for {@code --verbose}
   */
  protected ProfileOptionException(String message, Throwable cause) {
    super(message, cause);
  }
}

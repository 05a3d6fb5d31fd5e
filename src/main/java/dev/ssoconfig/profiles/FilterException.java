package dev.ssoconfig.profiles;

/**
 * An {@code --include} or {@code --exclude} pattern cannot be used (see {@link PairFilter#of}). The
 * message is one line naming the option and the pattern.
 */
public final class FilterException extends ProfileOptionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person
   */
  public FilterException(String message) {
    super(message);
  }
}

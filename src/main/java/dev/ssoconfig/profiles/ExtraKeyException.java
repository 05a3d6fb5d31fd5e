package dev.ssoconfig.profiles;

/**
 * A {@code --set KEY=VALUE} cannot be used (see {@link ExtraKeys#parse}). The message is one line
 * naming the offending {@code --set}.
 */
public final class ExtraKeyException extends ProfileOptionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person
   */
  public ExtraKeyException(String message) {
    super(message);
  }
}

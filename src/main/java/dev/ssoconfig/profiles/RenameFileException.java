package dev.ssoconfig.profiles;

/**
 * A rename file ({@code --template FILE}) cannot be used (see {@link RenameMap#parse}). The message
 * is one line naming the file and the line, e.g. {@code cannot read rename file renames.json, line
 * 3: expected a string for role "Admin"}.
 */
public final class RenameFileException extends ProfileOptionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person
   * @param cause Jackson's parse error for malformed JSON, or {@code null}
   */
  public RenameFileException(String message, Throwable cause) {
    super(message, cause);
  }
}

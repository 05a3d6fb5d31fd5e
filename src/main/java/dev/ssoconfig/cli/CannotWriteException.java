package dev.ssoconfig.cli;

/** A file or folder the run needs cannot be written; the command exits with {@link ExitCode#WRITE}. */
public class CannotWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line naming the path and the reason */
  public CannotWriteException(String message) {
    super(message);
  }
}

package dev.ssoconfig.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns an {@link java.io.IOException} into a short reason a person can act on, for the one-line
 * messages of exit code 5. Never includes a stack trace.
 */
public final class IoReasons {
  private IoReasons() {}

  /**
   * A lower-case reason such as {@code permission denied}, {@code read-only file system}, {@code
   * disk full}, {@code is a directory}; the exception's own reason, on one line, otherwise.
   */
  public static String describe(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of its path is not a folder";
    }
    String reason =
        e instanceof FileSystemException fse && fse.getReason() != null
            ? fse.getReason()
            : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("read-only file system")) {
      return "read-only file system";
    }
    if (lower.contains("is a directory")) {
      return "is a directory";
    }
    if (lower.contains("no space left")
        || lower.contains("not enough space")
        || lower.contains("disk quota exceeded")) {
      return "disk full";
    }
    if (lower.contains("not a directory")) {
      return "a part of its path is not a folder";
    }
    if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
      return "permission denied";
    }
    return reason.replaceAll("\\s+", " ").trim();
  }
}

package dev.ssoconfig.configfile;

import java.util.Objects;

/**
 * One physical line of a config file, exactly as it was read.
 *
 * <p>Both parts hold the file's bytes decoded as ISO-8859-1, one {@code char} per byte, so any byte
 * sequence (invalid UTF-8, a byte order mark, NUL) survives a round trip unchanged.
 *
 * @param text the line without its terminator
 * @param terminator {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} for a last line
 *     without one
 */
record Line(String text, String terminator) {
  Line {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(terminator, "terminator");
  }

  /** Whether the line has a terminator; only the last line of a file may lack one. */
  boolean terminated() {
    return !terminator.isEmpty();
  }

  /** This line with another terminator. */
  Line withTerminator(String newTerminator) {
    return new Line(text, newTerminator);
  }
}

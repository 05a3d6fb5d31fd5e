package dev.ssoconfig.login;

import dev.ssoconfig.text.SecretScrubber;
/**
 * The sign-in did not complete: the person denied it, the user code or authorization request
 * expired, the wait timed out, or the browser came back with an error. The command maps it to exit
 * code 3.
 *
 * <p>The message is one printable line for a person; it may carry the service's {@code
 * error_description} (sanitised by {@link #oneLine(String)}) but never a secret.
 */
public class LoginException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DETAIL = 300;

  /**
   * @param message one line for a person, naming what went wrong and what to do
   */
  public LoginException(String message) {
    super(message);
  }

  /**
   * @param message one line for a person
   * @param cause the underlying failure, for {@code --verbose}
   */
  public LoginException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Makes text from outside (a callback's {@code error_description}, a service message) safe to
   * print on a terminal: labelled secrets are redacted ({@link SecretScrubber}), control and format
   * characters (escape sequences, line breaks, bidi overrides) become spaces, runs of spaces
   * collapse, and the result is cut to 300 characters.
   *
   * @param text any text, may be {@code null}
   * @return one printable line, empty for {@code null}
   */
  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    SecretScrubber.scrub(text)
        .codePoints()
        .map(c -> isPrintable(c) ? c : ' ')
        .forEach(out::appendCodePoint);
    String line = out.toString().replaceAll("\\s+", " ").strip();
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
  }

  private static boolean isPrintable(int c) {
    int type = Character.getType(c);
    return !Character.isISOControl(c)
        && type != Character.FORMAT
        && type != Character.UNASSIGNED
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }
}

package dev.ssoconfig.login;

import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/**
 * Opens a URL, and when no browser could be started says so at once, with the reason and the URL
 * again: the sign-in can still go on with the URL opened by hand.
 */
final class Browsers {
  private Browsers() {}

  /**
   * @param browser the opener
   * @param uri the sign-in URL
   * @param where where the person can open it by hand, ending the sentence {@code Open this URL in
   *     a browser …}, e.g. {@code on this machine}
   * @param err where the failure is reported
   */
  static void open(BrowserOpener browser, URI uri, String where, PrintWriter err) {
    try {
      browser.open(uri);
    } catch (IOException | RuntimeException e) {
      err.println(
          "Could not open a browser ("
              + SafeText.detail(e.getMessage())
              + "). Open this URL in a browser "
              + where
              + ":");
      err.println(SafeText.line(uri.toString()));
      err.flush();
    }
  }
}

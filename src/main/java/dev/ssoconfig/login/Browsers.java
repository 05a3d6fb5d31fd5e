package dev.ssoconfig.login;

import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/** Opens a URL and turns a failure into a warning: the URL has been printed already. */
final class Browsers {
  private Browsers() {}

  static void open(BrowserOpener browser, URI uri, PrintWriter err) {
    try {
      browser.open(uri);
    } catch (IOException | RuntimeException e) {
      err.println(
          "Warning: could not start a browser ("
              + SafeText.detail(e.getMessage())
              + "); open the URL above by hand.");
      err.flush();
    }
  }
}

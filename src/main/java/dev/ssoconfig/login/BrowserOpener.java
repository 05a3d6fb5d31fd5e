package dev.ssoconfig.login;

import java.io.IOException;
import java.net.URI;

/** Shows a URL to the person in a web browser. */
@FunctionalInterface
public interface BrowserOpener {
  /**
   * Starts showing {@code uri} and returns at once: it must not wait for the browser to close or
   * for the person to sign in.
   *
   * @param uri an {@code https} (or, against a local test server, {@code http}) URL
   * @throws IOException if no browser could be started; the caller treats it as a warning, since
   *     the URL is printed as well
   */
  void open(URI uri) throws IOException;
}

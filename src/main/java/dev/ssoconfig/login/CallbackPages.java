package dev.ssoconfig.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages the {@link LoopbackCallbackServer} shows in the browser, and the {@code
 * Content-Security-Policy} they are served with.
 *
 * <p>Every page is static, self-contained HTML: no script, no image, font, link or any other
 * resource, nothing taken from the request. Its only style is the one {@code <style>} element
 * {@link #STYLE}; the policy allows that element, and nothing else, by its hash (CSP Level 3,
 * "hash-source": {@code 'sha256-'} + base64 of the SHA-256 of the element's text in UTF-8), which
 * is computed here from the very text the pages carry, so the two cannot drift apart.
 */
final class CallbackPages {
  /** The text of every page's {@code <style>} element (ASCII). */
  static final String STYLE =
      ":root{color-scheme:light dark}"
          + "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
          + "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
          + "background:#f4f5f7;color:#1f2328}"
          + "main{box-sizing:border-box;max-width:30rem;margin:1rem;padding:1.75rem 2rem;"
          + "border-radius:8px;border-top:6px solid #8c959f;background:#fff;"
          + "box-shadow:0 1px 3px rgba(0,0,0,.15)}"
          + "main.ok{border-top-color:#1a7f37}"
          + "main.fail{border-top-color:#cf222e}"
          + "h1{margin:0 0 .5rem;font-size:1.375rem}"
          + "p{margin:0}"
          + "footer{margin-top:1.5rem;font-size:.8125rem;color:#59636e}"
          + "@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}"
          + "main{background:#161b22}footer{color:#9198a1}}";

  /**
   * The {@code Content-Security-Policy} of every response: load nothing, run no script, apply only
   * the style element whose hash is given, never be framed, submit no form, set no base URL.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + hashSource(STYLE)
          + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /** After the browser came back with an authorization code. */
  static final String SIGNED_IN =
      page(
          "ok",
          "Signed in",
          "You are signed in to AWS IAM Identity Center. You can close this tab and go back to the"
              + " terminal.");

  /** After the browser came back with an error, or without a code. */
  static final String SIGN_IN_FAILED =
      page(
          "fail",
          "Sign-in failed",
          "The sign-in did not complete. Go back to the terminal for details and run the command"
              + " again.");

  /** A request that is not the awaited callback (wrong state, method, or a second callback). */
  static final String REFUSED =
      page(
          "fail",
          "Unexpected request",
          "This request does not belong to the sign-in in progress and was ignored.");

  /** Any path but the callback's. */
  static final String NOT_FOUND = page("", "Not found", "Nothing here.");

  /** A request whose {@code Host} is not this server's. */
  static final String MISDIRECTED =
      page("fail", "Misdirected request", "This server only answers requests for 127.0.0.1.");

  private CallbackPages() {}

  /**
   * @param text the exact text of a {@code <style>} element
   * @return {@code sha256-BASE64}, the CSP hash-source that allows it
   */
  static String hashSource(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * @param kind the class of {@code <main>}: {@code ok}, {@code fail} or empty
   * @param title the heading and title, our own text (no HTML escaping needed)
   * @param text the message, our own text
   */
  private static String page(String kind, String title, String text) {
    return "<!DOCTYPE html>\n"
        + "<html lang=\"en\">\n"
        + "<head>\n"
        + "<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + title
        + " - aws-sso-config-generator</title>\n"
        + "<style>"
        + STYLE
        + "</style>\n"
        + "</head>\n"
        + "<body>\n"
        + (kind.isEmpty() ? "<main>\n" : "<main class=\"" + kind + "\">\n")
        + "<h1>"
        + title
        + "</h1>\n"
        + "<p>"
        + text
        + "</p>\n"
        + "<footer>aws-sso-config-generator</footer>\n"
        + "</main>\n"
        + "</body>\n"
        + "</html>\n";
  }
}

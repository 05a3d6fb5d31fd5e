package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.login.LoopbackCallbackServerTest.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pages the loopback callback server shows, as a browser receives them: self-contained HTML
 * whose only style is one {@code <style>} element that the {@code Content-Security-Policy} allows
 * by its SHA-256 hash, recomputed here from the served bytes.
 */
@Timeout(30)
class CallbackPagesTest {
  private static final String STATE = "expected-state_123";
  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
  private static final Pattern STYLE_SRC = Pattern.compile("style-src 'sha256-([A-Za-z0-9+/=]+)'");

  private LoopbackCallbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackCallbackServer.start(STATE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static RawResponse get(LoopbackCallbackServer server, String pathAndQuery, String host)
      throws IOException {
    return RawResponse.exchange(
        server.port(), "GET " + pathAndQuery + " HTTP/1.1", "Host: " + host, "Connection: close");
  }

  /** Every page the server has, by what it answers; the sign-in ends with the last. */
  private Map<String, RawResponse> everyPage() throws IOException {
    String host = "127.0.0.1:" + server.port();
    Map<String, RawResponse> pages = new LinkedHashMap<>();
    pages.put("misdirected", get(server, "/oauth/callback", "elsewhere.example"));
    pages.put("not found", get(server, "/", host));
    pages.put("refused", get(server, "/oauth/callback?code=c&state=wrong", host));
    try (LoopbackCallbackServer other = LoopbackCallbackServer.start(STATE)) {
      pages.put(
          "failed",
          get(
              other,
              "/oauth/callback?error=access_denied&state=" + STATE,
              "127.0.0.1:" + other.port()));
    }
    pages.put("signed in", get(server, "/oauth/callback?code=c&state=" + STATE, host));
    return pages;
  }

  private static String body(RawResponse response) {
    // the raw text was read as ISO-8859-1; the body is UTF-8
    String text = response.text();
    byte[] bytes =
        text.substring(text.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String sha256Base64(String text) throws NoSuchAlgorithmException {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  class Style {
    @Test
    void the_csp_hash_is_that_of_the_served_style_element() throws Exception {
      Map<String, RawResponse> pages = everyPage();

      for (Map.Entry<String, RawResponse> page : pages.entrySet()) {
        String what = page.getKey();
        Matcher hash = STYLE_SRC.matcher(page.getValue().header("Content-Security-Policy"));
        assertTrue(hash.find(), what + ": " + page.getValue().header("Content-Security-Policy"));
        Matcher style = STYLE.matcher(body(page.getValue()));
        assertTrue(style.find(), what);
        assertEquals(hash.group(1), sha256Base64(style.group(1)), what);
        assertFalse(style.find(), what + ": one style element");
      }
    }

    @Test
    void a_changed_style_would_not_match_the_hash() throws Exception {
      assertFalse(
          CallbackPages.CONTENT_SECURITY_POLICY.contains(sha256Base64(CallbackPages.STYLE + " ")));
      assertTrue(CallbackPages.CONTENT_SECURITY_POLICY.contains(sha256Base64(CallbackPages.STYLE)));
    }

    @Test
    void the_policy_keeps_everything_else_shut() throws IOException {
      for (RawResponse page : everyPage().values()) {
        String csp = page.header("Content-Security-Policy");
        for (String directive :
            List.of(
                "default-src 'none'",
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "form-action 'none'")) {
          assertTrue(csp.contains(directive), csp);
        }
        assertFalse(csp.contains("unsafe"), csp);
      }
    }
  }

  @Nested
  class SelfContained {
    @Test
    void no_script_no_outside_resource_no_style_attribute() throws IOException {
      for (Map.Entry<String, RawResponse> page : everyPage().entrySet()) {
        String html = body(page.getValue()).toLowerCase(Locale.ROOT);
        for (String banned :
            List.of(
                "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import",
                " style=", "http:", "https:")) {
          assertFalse(html.contains(banned), page.getKey() + " has " + banned + ": " + html);
        }
        assertTrue(html.startsWith("<!doctype html>\n"), html);
        assertTrue(html.contains("<meta charset=\"utf-8\">"), html);
        assertTrue(html.length() < 4096, page.getKey() + " is small: " + html.length());
      }
    }

    @Test
    void the_success_page_says_so_and_where_to_go() throws IOException {
      Map<String, RawResponse> pages = everyPage();
      String signedIn = body(pages.get("signed in"));
      String failed = body(pages.get("failed"));

      assertEquals(200, pages.get("signed in").status());
      assertTrue(signedIn.contains("<main class=\"ok\">"), signedIn);
      assertTrue(signedIn.contains("<h1>Signed in</h1>"), signedIn);
      assertTrue(signedIn.contains("go back to the terminal"), signedIn);
      assertTrue(failed.contains("<main class=\"fail\">"), failed);
      assertTrue(failed.contains("<h1>Sign-in failed</h1>"), failed);
    }
  }
}

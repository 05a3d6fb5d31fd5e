package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoopbackCallbackServerTest {
  private static final String STATE = "expected-state_123";
  private final HttpClient http = HttpClient.newHttpClient();
  private LoopbackCallbackServer server;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackCallbackServer.start(STATE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  @Test
  void listens_on_127_0_0_1_with_the_port_in_the_redirect_uri() {
    assertTrue(server.port() > 0);
    assertEquals("http://127.0.0.1:" + server.port() + "/oauth/callback", server.redirectUri());
  }

  @Nested
  class Callbacks {
    @Test
    void refuses_a_wrong_or_missing_state_and_keeps_waiting_until_the_right_one() throws Exception {
      assertEquals(400, get("/oauth/callback?code=forged&state=wrong").statusCode());
      assertEquals(400, get("/oauth/callback?code=forged").statusCode());
      assertEquals(
          400, get("/oauth/callback?code=forged&state=" + STATE + "&state=" + STATE).statusCode());

      HttpResponse<String> right = get("/oauth/callback?code=the-code&state=" + STATE);

      assertEquals(200, right.statusCode());
      assertEquals("the-code", server.awaitCode(Duration.ofSeconds(5)));
    }

    @Test
    void first_valid_callback_wins() throws Exception {
      get("/oauth/callback?code=first&state=" + STATE);

      assertEquals(400, get("/oauth/callback?code=second&state=" + STATE).statusCode());
      assertEquals("first", server.awaitCode(Duration.ofSeconds(5)));
    }

    @Test
    void an_error_with_the_right_state_ends_the_wait_with_its_description() throws Exception {
      get(
          "/oauth/callback?error=access_denied&error_description=User%20said%20no%0A%1B%5B2J"
              + "&state="
              + STATE);

      LoginException e =
          assertThrows(LoginException.class, () -> server.awaitCode(Duration.ofSeconds(5)));
      assertTrue(e.getMessage().contains("access_denied: User said no"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertFalse(e.getMessage().contains("\u001b"));
    }

    @Test
    void an_error_with_a_wrong_state_is_ignored() throws Exception {
      assertEquals(400, get("/oauth/callback?error=access_denied&state=other").statusCode());
      get("/oauth/callback?code=ok&state=" + STATE);

      assertEquals("ok", server.awaitCode(Duration.ofSeconds(5)));
    }

    @Test
    void a_callback_without_code_or_error_ends_the_wait() throws Exception {
      get("/oauth/callback?state=" + STATE);

      assertThrows(LoginException.class, () -> server.awaitCode(Duration.ofSeconds(5)));
    }
  }

  @Nested
  class Pages {
    @Test
    void are_static_and_carry_protective_headers() throws Exception {
      HttpResponse<String> page =
          get("/oauth/callback?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=" + STATE);

      assertEquals(200, page.statusCode());
      assertFalse(page.body().contains("script"));
      assertFalse(page.body().contains("alert"));
      assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
      assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
      assertEquals(
          "default-src 'none'", page.headers().firstValue("Content-Security-Policy").orElse(""));
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void only_get_oauth_callback_is_served() throws Exception {
      assertEquals(404, get("/").statusCode());
      assertEquals(404, get("/oauth/callback/extra?state=" + STATE).statusCode());
      assertEquals(404, get("/favicon.ico").statusCode());
      HttpResponse<String> post =
          send(
              HttpRequest.newBuilder(uri("/oauth/callback?code=c&state=" + STATE))
                  .POST(HttpRequest.BodyPublishers.ofString("code=c&state=" + STATE))
                  .build());
      assertEquals(405, post.statusCode());
      assertEquals("GET", post.headers().firstValue("Allow").orElse(""));

      assertThrows(LoginException.class, () -> server.awaitCode(Duration.ofMillis(50)));
    }
  }

  @Nested
  class Timeout {
    @Test
    void ends_the_wait_with_login_exception_and_close_frees_the_port() {
      int port = server.port();

      LoginException e =
          assertThrows(LoginException.class, () -> server.awaitCode(Duration.ofMillis(100)));
      server.close();

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertThrows(ConnectException.class, () -> connect(port));
    }
  }

  static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }
}

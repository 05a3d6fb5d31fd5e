package dev.ssoconfig.login;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loopback redirect target, probed with the JDK's HTTP client and with raw sockets (the JDK
 * client will not send a forged {@code Host} header).
 */
@Timeout(30)
class LoopbackCallbackServerTest {
  private static final String STATE = "expected-state_123";
  private static final Duration SHORT = Duration.ofMillis(150);
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

  private String rightHost() {
    return "127.0.0.1:" + server.port();
  }

  /** A raw request to 127.0.0.1 with exactly the given request line and header lines. */
  private RawResponse raw(String requestLine, String... headerLines) throws IOException {
    return RawResponse.exchange(server.port(), requestLine, headerLines);
  }

  private RawResponse rawGet(String pathAndQuery, String host) throws IOException {
    return raw("GET " + pathAndQuery + " HTTP/1.1", "Host: " + host, "Connection: close");
  }

  @Test
  void listens_on_127_0_0_1_with_the_port_in_the_redirect_uri() {
    assertTrue(server.port() > 0);
    assertEquals("http://127.0.0.1:" + server.port() + "/oauth/callback", server.redirectUri());
  }

  @Nested
  class Binding {
    @Test
    void is_reachable_through_no_other_local_address() throws IOException {
      List<InetAddress> checked = new ArrayList<>();
      for (InetAddress address : otherLocalAddresses()) {
        if (!reachableWhenListeningOnAllAddresses(address)) {
          continue; // this host cannot reach that address at all: it proves nothing
        }
        checked.add(address);
        assertThrows(
            IOException.class,
            () -> connect(address, server.port()),
            "the callback server answered on " + address.getHostAddress());
      }
      assumeFalse(checked.isEmpty(), "no other local address to probe on this host");
    }

    @Test
    void includes_127_0_0_2_on_linux() throws IOException {
      InetAddress other = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
      assumeTrue(reachableWhenListeningOnAllAddresses(other), "127.0.0.2 is not routed to lo here");

      assertThrows(ConnectException.class, () -> connect(other, server.port()));
    }

    /** 127.0.0.2, ::1 and every address of the host's interfaces except 127.0.0.1. */
    private List<InetAddress> otherLocalAddresses() throws IOException {
      List<InetAddress> addresses = new ArrayList<>();
      addresses.add(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}));
      addresses.add(InetAddress.getByName("::1"));
      for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
        if (nic.isUp()) {
          nic.inetAddresses()
              .filter(a -> !a.getHostAddress().equals("127.0.0.1"))
              .filter(a -> !a.isLinkLocalAddress())
              .filter(a -> !addresses.contains(a))
              .forEach(addresses::add);
        }
      }
      return addresses;
    }

    /** Whether a listener on the wildcard address is reachable through this address. */
    private boolean reachableWhenListeningOnAllAddresses(InetAddress address) {
      try (ServerSocket wildcard = new ServerSocket(0)) {
        connect(address, wildcard.getLocalPort());
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  @Nested
  class HostHeader {
    @Test
    void only_127_0_0_1_with_the_port_is_accepted() throws Exception {
      int port = server.port();
      for (String host :
          List.of(
              "localhost:" + port,
              "attacker.example:" + port,
              "127.0.0.1.attacker.example:" + port,
              "127.0.0.1",
              "127.0.0.1:" + (port + 1),
              "[::1]:" + port,
              "LOCALHOST:" + port,
              "")) {
        RawResponse refused = rawGet("/oauth/callback?code=rebound&state=" + STATE, host);
        assertEquals(421, refused.status(), "Host: " + host);
      }

      Failure e = assertFailure(Kind.SIGN_IN, () -> server.awaitCode(SHORT));
      assertTrue(e.getMessage().contains("timed out"), "a refused Host completed the login");

      RawResponse right = rawGet("/oauth/callback?code=the-code&state=" + STATE, rightHost());
      assertEquals(200, right.status());
      assertEquals("the-code", server.awaitCode(Duration.ofSeconds(5)));
    }

    @Test
    void is_checked_before_the_path() throws Exception {
      assertEquals(421, rawGet("/favicon.ico", "attacker.example:" + server.port()).status());
      assertEquals(404, rawGet("/favicon.ico", rightHost()).status());
    }

    @Test
    void a_request_without_a_host_header_is_refused() throws Exception {
      RawResponse response =
          raw("GET /oauth/callback?code=c&state=" + STATE + " HTTP/1.0", "Connection: close");

      assertEquals(421, response.status());
      assertFailure(Kind.SIGN_IN, () -> server.awaitCode(SHORT));
    }

    @Test
    void two_host_headers_are_refused() throws Exception {
      RawResponse response =
          raw(
              "GET /oauth/callback?code=c&state=" + STATE + " HTTP/1.1",
              "Host: " + rightHost(),
              "Host: attacker.example",
              "Connection: close");

      assertTrue(response.status() == 421 || response.status() == 400, "" + response.status());
      assertFailure(Kind.SIGN_IN, () -> server.awaitCode(SHORT));
    }
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
    void a_forged_callback_alone_leaves_the_wait_running_until_the_timeout() throws Exception {
      assertEquals(400, get("/oauth/callback?code=forged&state=wrong").statusCode());
      assertEquals(400, get("/oauth/callback?error=access_denied&state=").statusCode());

      Failure e = assertFailure(Kind.SIGN_IN, () -> server.awaitCode(SHORT));

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void first_valid_callback_wins() throws Exception {
      get("/oauth/callback?code=first&state=" + STATE);

      assertEquals(400, get("/oauth/callback?code=second&state=" + STATE).statusCode());
      assertEquals(400, get("/oauth/callback?error=access_denied&state=" + STATE).statusCode());
      assertEquals("first", server.awaitCode(Duration.ofSeconds(5)));
    }

    @Test
    void every_callback_after_an_error_is_refused() throws Exception {
      assertEquals(200, get("/oauth/callback?error=access_denied&state=" + STATE).statusCode());

      assertEquals(400, get("/oauth/callback?code=late&state=" + STATE).statusCode());
      Failure e = assertFailure(Kind.SIGN_IN, () -> server.awaitCode(Duration.ofSeconds(5)));
      assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
    }

    @Test
    void an_error_with_the_right_state_ends_the_wait_with_its_description() throws Exception {
      get(
          "/oauth/callback?error=access_denied&error_description=User%20said%20no%0A%1B%5B2J"
              + "&state="
              + STATE);

      Failure e = assertFailure(Kind.SIGN_IN, () -> server.awaitCode(Duration.ofSeconds(5)));
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

      assertFailure(Kind.SIGN_IN, () -> server.awaitCode(Duration.ofSeconds(5)));
    }
  }

  @Nested
  class Pages {
    @Test
    void every_response_carries_the_protective_headers() throws Exception {
      String host = rightHost();
      Map<String, RawResponse> responses = new LinkedHashMap<>();
      responses.put("misdirected", rawGet("/oauth/callback", "attacker.example"));
      responses.put("not found", rawGet("/", host));
      responses.put(
          "wrong method",
          raw(
              "POST /oauth/callback HTTP/1.1",
              "Host: " + host,
              "Content-Length: 0",
              "Connection: close"));
      responses.put(
          "head", raw("HEAD /oauth/callback HTTP/1.1", "Host: " + host, "Connection: close"));
      responses.put("wrong state", rawGet("/oauth/callback?code=c&state=wrong", host));
      responses.put("signed in", rawGet("/oauth/callback?code=c&state=" + STATE, host));
      responses.put("second callback", rawGet("/oauth/callback?code=c&state=" + STATE, host));

      assertEquals(
          List.of(421, 404, 405, 405, 400, 200, 400),
          responses.values().stream().map(RawResponse::status).toList());
      responses.forEach(
          (what, response) -> {
            assertEquals("no-store", response.header("Cache-Control"), what);
            assertEquals("no-referrer", response.header("Referrer-Policy"), what);
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp.contains("default-src 'none'"), what + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
            assertEquals("DENY", response.header("X-Frame-Options"), what);
            assertTrue(response.header("Content-Type").startsWith("text/html"), what);
          });
    }

    @Test
    void echo_nothing_from_the_request() throws Exception {
      String marker = "zq7mark";
      String host = rightHost();
      List<RawResponse> responses =
          List.of(
              rawGet("/" + marker + "?" + marker + "=1", host),
              rawGet("/oauth/callback?code=" + marker + "&state=" + marker, host),
              rawGet(
                  "/oauth/callback?code=x&state=" + STATE + "&" + marker + "=%3Cscript%3E", host),
              rawGet("/oauth/callback?" + marker, marker + ":" + server.port()),
              raw(
                  "GET /oauth/callback?error="
                      + marker
                      + "&error_description="
                      + marker
                      + "&state="
                      + STATE
                      + " HTTP/1.1",
                  "Host: " + host,
                  "User-Agent: " + marker,
                  "Referer: http://" + marker + ".example/",
                  "Connection: close"));

      for (RawResponse response : responses) {
        assertFalse(response.text().toLowerCase(Locale.ROOT).contains(marker), response.text());
        assertFalse(response.text().contains("<script"), response.text());
      }
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

      assertFailure(Kind.SIGN_IN, () -> server.awaitCode(Duration.ofMillis(50)));
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void a_shutdown_hook_is_registered_while_the_server_runs() {
      assertTrue(
          Runtime.getRuntime().removeShutdownHook(server.shutdownHook()),
          "no shutdown hook registered");

      server.close(); // must cope with a hook that is already gone
    }

    @Test
    void close_removes_the_shutdown_hook_and_can_be_repeated() {
      server.close();
      server.close();

      assertFalse(Runtime.getRuntime().removeShutdownHook(server.shutdownHook()));
    }

    @Test
    void the_shutdown_hook_closes_the_server_and_ends_the_wait() throws Exception {
      int port = server.port();
      CompletableFuture<String> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return server.awaitCode(Duration.ofSeconds(20));
                } catch (Failure e) {
                  throw new IllegalStateException(e);
                }
              });

      server.shutdownHook().run(); // what the JVM does on Ctrl-C

      ExecutionException e =
          assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
      Failure cancelled = assertInstanceOf(Failure.class, e.getCause().getCause());
      assertEquals(Kind.INTERRUPTED, cancelled.kind());
      assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
      assertThrows(ConnectException.class, () -> connect(port));
      assertFalse(Runtime.getRuntime().removeShutdownHook(server.shutdownHook()));
    }

    @Test
    void the_timeout_ends_the_wait_with_login_exception_and_close_frees_the_port() {
      int port = server.port();

      Failure e = assertFailure(Kind.SIGN_IN, () -> server.awaitCode(Duration.ofMillis(100)));
      server.close();

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertThrows(ConnectException.class, () -> connect(port));
    }
  }

  static void connect(int port) throws IOException {
    connect(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
  }

  /**
   * Connects and closes. Waits up to 10 s: Windows refuses a connection to a port nobody listens on
   * only after retrying for about 2 s, also on the loopback address (Linux and macOS at once), and
   * a shorter wait would end in {@link java.net.SocketTimeoutException} instead of {@link
   * ConnectException}.
   */
  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 10_000);
    }
  }

  /** A response read from a raw socket: status, headers (last value wins) and the whole text. */
  record RawResponse(int status, Map<String, String> headers, String text) {
    static RawResponse exchange(int port, String requestLine, String... headerLines)
        throws IOException {
      try (Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 2000);
        socket.setSoTimeout(5000);
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        for (String line : headerLines) {
          request.append(line).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        String text = readAll(socket.getInputStream());
        String[] lines = text.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers =
            Arrays.stream(lines)
                .skip(1)
                .takeWhile(l -> !l.isEmpty())
                .filter(l -> l.indexOf(':') > 0)
                .collect(
                    Collectors.toMap(
                        l -> l.substring(0, l.indexOf(':')).strip().toLowerCase(Locale.ROOT),
                        l -> l.substring(l.indexOf(':') + 1).strip(),
                        (a, b) -> b));
        return new RawResponse(status, headers, text);
      }
    }

    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    private static String readAll(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.ISO_8859_1);
    }
  }
}

package dev.ssoconfig.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loopback redirect target of the PKCE flow (RFC 8252 section 7.3): an HTTP server on {@code
 * 127.0.0.1}, on a port the OS picks, that waits for the browser to come back to {@code
 * /oauth/callback} with the authorization code.
 *
 * <ul>
 *   <li>It is bound to {@code 127.0.0.1} only (RFC 8252 section 8.3: listen on the loopback
 *       interface only), so no other host, and no other local address, can reach it.
 *   <li>A request whose {@code Host} header is not exactly {@code 127.0.0.1:PORT} is refused with
 *       421 before anything else is looked at: a web page that rebinds its own host name to
 *       127.0.0.1 (DNS rebinding) cannot talk to the server (RFC 9700 section 4.1.1; RFC 9110
 *       section 15.5.20).
 *   <li>Only {@code GET /oauth/callback} is served; other paths get 404, other methods 405.
 *   <li>A callback whose {@code state} is missing or wrong is refused with 400 and the wait goes on
 *       (RFC 6749 section 10.12: it may be a forged request).
 *   <li>With the right {@code state}, {@code error}/{@code error_description} end the wait with a
 *       sign-in {@link Failure}; a {@code code} ends it with success. The first such callback wins;
 *       every later one is refused with 400 (the server is one-shot).
 *   <li>Pages are static ({@link CallbackPages}): nothing from the request is echoed. Every
 *       response this server writes carries {@code Cache-Control: no-store}, {@code
 *       Referrer-Policy: no-referrer} and {@link #CONTENT_SECURITY_POLICY}, so the code does not
 *       linger in the browser's cache or history, leak to other sites through the {@code Referer}
 *       header, or run inside a frame (RFC 9700 sections 4.2.4 and 4.16).
 * </ul>
 *
 * <p>Use with try-with-resources: {@link #close()} stops the server and frees the port. While the
 * server runs, a JVM shutdown hook closes it if the process is stopped (Ctrl-C), which ends a
 * pending wait as interrupted; {@link #close()} removes the hook again.
 */
public final class LoopbackCallbackServer implements AutoCloseable {
  /** The path of the redirect URI, as registered with RegisterClient. */
  public static final String CALLBACK_PATH = "/oauth/callback";

  /**
   * The {@code Content-Security-Policy} of every response: load nothing, never be framed, apply
   * only the pages' own style element ({@link CallbackPages}).
   */
  public static final String CONTENT_SECURITY_POLICY = CallbackPages.CONTENT_SECURITY_POLICY;

  /** RFC 9110 section 15.5.20: the request was not meant for this server (wrong Host). */
  static final int MISDIRECTED_REQUEST = 421;

  private static final String LOOPBACK_HOST = "127.0.0.1";

  private static final String SUCCESS_PAGE = CallbackPages.SIGNED_IN;
  private static final String FAILURE_PAGE = CallbackPages.SIGN_IN_FAILED;
  private static final String REFUSED_PAGE = CallbackPages.REFUSED;
  private static final String NOT_FOUND_PAGE = CallbackPages.NOT_FOUND;
  private static final String MISDIRECTED_PAGE = CallbackPages.MISDIRECTED;

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] expectedState;
  private final int port;
  private final String expectedHost;
  private final CompletableFuture<String> code = new CompletableFuture<>();
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LoopbackCallbackServer(HttpServer server, ExecutorService executor, String state) {
    this.server = server;
    this.executor = executor;
    this.expectedState = state.getBytes(StandardCharsets.UTF_8);
    this.port = server.getAddress().getPort();
    this.expectedHost = LOOPBACK_HOST + ":" + port;
    this.shutdownHook = new Thread(this::close, "sso-login-callback-shutdown");
  }

  /**
   * Binds {@code 127.0.0.1} on a free port, registers the shutdown hook and starts serving.
   *
   * @param expectedState the {@code state} sent in the authorize URL
   * @return the running server
   * @throws IOException if no loopback port could be bound
   */
  public static LoopbackCallbackServer start(String expectedState) throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sso-login-callback");
              t.setDaemon(true);
              return t;
            });
    LoopbackCallbackServer callback = new LoopbackCallbackServer(server, executor, expectedState);
    server.createContext("/", callback::handle);
    server.setExecutor(executor);
    try {
      Runtime.getRuntime().addShutdownHook(callback.shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      server.stop(0);
      executor.shutdownNow();
      throw new IOException("the process is shutting down", shutdownInProgress);
    }
    server.start();
    return callback;
  }

  /**
   * @return the TCP port the server listens on
   */
  public int port() {
    return port;
  }

  /**
   * @return {@code http://127.0.0.1:PORT/oauth/callback}, the redirect URI with the port
   */
  public String redirectUri() {
    return "http://127.0.0.1:" + port() + CALLBACK_PATH;
  }

  /**
   * Waits for the first callback with the right {@code state}.
   *
   * @param timeout the longest wait
   * @return the authorization code (a secret)
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} if the callback carried an error (the
   *     message has its {@code error} and {@code error_description}, made safe by {@link
   *     SafeText}), had no code, or the wait timed out; of kind {@link Failure.Kind#INTERRUPTED} if
   *     the server was closed first (by the shutdown hook on Ctrl-C) or this thread was interrupted
   */
  public String awaitCode(Duration timeout) {
    try {
      return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw Failure.signIn(
          "Sign-in timed out after "
              + timeout.toSeconds()
              + " s waiting for the browser; run the command again, or use the device code flow"
              + " on a machine without a browser");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Failure failure) {
        throw failure;
      }
      throw Failure.signIn("The browser sign-in failed; run the command again", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failure.interrupted("Interrupted while waiting for the browser sign-in", e);
    }
  }

  /**
   * Stops the server at once, frees the port, ends a pending {@link #awaitCode} with a {@link
   * Failure} of kind {@link Failure.Kind#INTERRUPTED} and removes the shutdown hook; safe to call
   * more than once and from the hook itself while the JVM shuts down.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop(0);
      executor.shutdownNow();
      code.completeExceptionally(
          Failure.interrupted("The sign-in was cancelled before the browser came back", null));
    } finally {
      removeShutdownHook();
    }
  }

  /**
   * @return the hook registered with {@link Runtime#addShutdownHook} while the server runs; running
   *     it closes the server (for tests of the Ctrl-C path)
   */
  Thread shutdownHook() {
    return shutdownHook;
  }

  private void removeShutdownHook() {
    if (Thread.currentThread() == shutdownHook) {
      return; // the JVM is shutting down and runs this hook; it cannot be removed any more
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      // The JVM is already shutting down: the hook runs or has run, nothing to undo.
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!expectedHost.equals(singleHost(exchange))) {
        send(exchange, MISDIRECTED_REQUEST, MISDIRECTED_PAGE);
        return;
      }
      URI uri = exchange.getRequestURI();
      if (!CALLBACK_PATH.equals(uri.getPath())) {
        send(exchange, 404, NOT_FOUND_PAGE);
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, REFUSED_PAGE);
        return;
      }
      Map<String, String> query = parseQuery(uri.getRawQuery());
      String state = query == null ? null : query.get("state");
      if (state == null
          || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), expectedState)) {
        send(exchange, 400, REFUSED_PAGE);
        return;
      }
      if (code.isDone()) {
        send(exchange, 400, REFUSED_PAGE);
        return;
      }
      String error = query.get("error");
      String authorizationCode = query.get("code");
      if (error != null) {
        send(exchange, 200, FAILURE_PAGE);
        String description = SafeText.detail(query.get("error_description"));
        code.completeExceptionally(
            Failure.signIn(
                "Sign-in failed in the browser: "
                    + SafeText.detail(error)
                    + (description.isEmpty() ? "" : ": " + description)
                    + "; run the command again"));
      } else if (authorizationCode == null || authorizationCode.isEmpty()) {
        send(exchange, 400, FAILURE_PAGE);
        code.completeExceptionally(
            Failure.signIn(
                "The browser came back without an authorization code; run the command again"));
      } else {
        send(exchange, 200, SUCCESS_PAGE);
        code.complete(authorizationCode);
      }
    } finally {
      exchange.close();
    }
  }

  /**
   * @return the value of the only {@code Host} header, or {@code null} if there is none or more
   *     than one
   */
  private static String singleHost(HttpExchange exchange) {
    List<String> hosts = exchange.getRequestHeaders().get("Host");
    return hosts != null && hosts.size() == 1 ? hosts.get(0) : null;
  }

  /**
   * @return the decoded parameters, or {@code null} if malformed or a name repeats
   */
  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    try {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (params.putIfAbsent(name, value) != null) {
          return null;
        }
      }
    } catch (IllegalArgumentException malformedEscape) {
      return null;
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.set("Pragma", "no-cache");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

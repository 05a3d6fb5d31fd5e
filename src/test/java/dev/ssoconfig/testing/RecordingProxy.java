package dev.ssoconfig.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP forward proxy on 127.0.0.1 that records the request line of every request a client
 * sends through it (RFC 9110 section 7.2 absolute-form, e.g. {@code POST
 * http://127.0.0.1:PORT/client/register}, and {@code CONNECT host:443} for a tunnel).
 *
 * <p>It forwards only to 127.0.0.1 (the fake Identity Center): a request for any other host and
 * every {@code CONNECT} is answered {@code 403} and recorded, so a client that uses the proxy for
 * an AWS endpoint is seen without any DNS lookup or connection beyond this machine. Each forwarded
 * exchange ends with {@code Connection: close}, so every request of a client arrives here on a new
 * connection and is recorded. Request bodies must carry {@code Content-Length} (the SDK's do).
 */
public final class RecordingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** Starts the proxy on a free port of 127.0.0.1. */
  public RecordingProxy() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "recording-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The URL for {@code HTTP_PROXY} / {@code HTTPS_PROXY}, e.g. {@code http://127.0.0.1:4711}. */
  public String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /**
   * The request lines seen so far, without the HTTP version, e.g. {@code GET
   * http://127.0.0.1:PORT/assignment/roles?account_id=…}.
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread exchange = new Thread(() -> serve(client), "recording-proxy-exchange");
        exchange.setDaemon(true);
        exchange.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String[] requestLine = head.get(0).split(" ", 3);
      String method = requestLine[0];
      String target = requestLine.length > 1 ? requestLine[1] : "";
      requests.add(method + " " + target);
      URI uri = method.equals("CONNECT") ? null : URI.create(target);
      if (uri == null || !"127.0.0.1".equals(uri.getHost()) || !"http".equals(uri.getScheme())) {
        out.write(
            "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return;
      }
      forward(uri, method, head, in, out);
    } catch (IOException | RuntimeException e) {
      // the client went away, or sent what this proxy does not speak: the exchange ends
    }
  }

  private static void forward(
      URI uri, String method, List<String> head, InputStream in, OutputStream out)
      throws IOException {
    long length = 0;
    StringBuilder request = new StringBuilder();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    for (String header : head.subList(1, head.size())) {
      String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(header.substring(header.indexOf(':') + 1).trim());
      }
      if (!isHopByHop(name)) {
        request.append(header).append("\r\n");
      }
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket server = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      OutputStream toServer = server.getOutputStream();
      toServer.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      copy(in, toServer, length);
      toServer.flush();
      InputStream fromServer = new BufferedInputStream(server.getInputStream());
      StringBuilder response = new StringBuilder();
      for (String line : readHead(fromServer)) {
        String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim();
        if (!isHopByHop(name)) {
          response.append(line).append("\r\n");
        }
      }
      response.append("Connection: close\r\n\r\n");
      out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
      fromServer.transferTo(out);
      out.flush();
    }
  }

  private static boolean isHopByHop(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("connection")
        || lower.equals("proxy-connection")
        || lower.equals("keep-alive");
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("request body ended early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /** The lines up to the blank line that ends a message head; empty if the stream ended first. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
    }
    return List.of();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}

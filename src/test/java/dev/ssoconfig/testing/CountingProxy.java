package dev.ssoconfig.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of a server, counting the connections clients open: put it
 * between a client and the fake Identity Center to see whether the client reuses connections. Bytes
 * are relayed unchanged in both directions, one thread per direction and connection.
 */
public final class CountingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  /**
   * @param target the server, e.g. the fake's {@link FakeIdentityCenter#baseUri()}
   * @throws IOException if no local port can be bound
   */
  public CountingProxy(URI target) throws IOException {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getPort());
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "counting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Where clients connect instead of the server. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** How many connections clients have opened so far. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        Socket server = new Socket(target.getAddress(), target.getPort());
        relay(client, server);
        relay(server, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void relay(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "counting-proxy-relay");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}

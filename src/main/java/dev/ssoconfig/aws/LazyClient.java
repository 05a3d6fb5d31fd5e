package dev.ssoconfig.aws;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;

/**
 * An SDK client built on first use, so a run pays for a client (its HTTP client and TLS context,
 * some 250 ms at start-up) only when it makes a call: a sign-in with a cached client registration
 * prints the authorize URL without one, and a run that stops before listing never builds the portal
 * client.
 *
 * <p>Thread-safe; the client is built at most once. {@link #close()} closes it if it was built and
 * never builds it.
 *
 * @param <C> the client type, e.g. {@code SsoOidcClient}
 */
public final class LazyClient<C extends SdkClient> implements Supplier<C>, AutoCloseable {
  private final Supplier<? extends C> factory;
  private C client;
  private boolean closed;

  /**
   * @param factory builds the client, e.g. {@code () -> OidcClients.create(region, endpoint)};
   *     called at most once
   */
  public LazyClient(Supplier<? extends C> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * @return the client, built now if this is the first call
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public synchronized C get() {
    if (closed) {
      throw new IllegalStateException("the client was closed");
    }
    if (client == null) {
      client = Objects.requireNonNull(factory.get(), "the factory built no client");
    }
    return client;
  }

  /**
   * @return whether the client has been built
   */
  public synchronized boolean isBuilt() {
    return client != null;
  }

  /**
   * Closes the client if it was built. Idempotent; never throws: closing an SDK client does not
   * fail in a way a person could act on.
   */
  @Override
  public synchronized void close() {
    if (!closed && client != null) {
      try {
        client.close();
      } catch (RuntimeException e) {
        // nothing to act on
      }
    }
    closed = true;
  }
}

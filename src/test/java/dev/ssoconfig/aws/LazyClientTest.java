package dev.ssoconfig.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

class LazyClientTest {
  /** A client that counts how often it was closed. */
  private static final class CountingClient implements SdkClient {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public String serviceName() {
      return "counting";
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private final AtomicInteger builds = new AtomicInteger();
  private final List<CountingClient> clients = new ArrayList<>();

  private LazyClient<CountingClient> lazy() {
    return new LazyClient<>(
        () -> {
          builds.incrementAndGet();
          CountingClient client = new CountingClient();
          synchronized (clients) {
            clients.add(client);
          }
          return client;
        });
  }

  @Nested
  class Get {
    @Test
    void builds_nothing_until_asked() {
      try (LazyClient<CountingClient> client = lazy()) {
        assertFalse(client.isBuilt());
      }
      assertEquals(0, builds.get());
    }

    @Test
    void builds_the_client_once_and_hands_out_the_same_one() {
      try (LazyClient<CountingClient> client = lazy()) {
        CountingClient first = client.get();

        assertSame(first, client.get());
        assertTrue(client.isBuilt());
      }
      assertEquals(1, builds.get());
    }

    @Test
    void builds_once_when_threads_ask_at_the_same_time() throws Exception {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try (LazyClient<CountingClient> client = lazy()) {
        List<Callable<CountingClient>> asks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          asks.add(client::get);
        }
        for (Future<CountingClient> got : threads.invokeAll(asks)) {
          assertSame(clients.get(0), got.get());
        }
      } finally {
        threads.shutdownNow();
      }
      assertEquals(1, builds.get());
    }

    @Test
    void refuses_after_close_without_building() {
      LazyClient<CountingClient> client = lazy();
      client.close();

      assertThrows(IllegalStateException.class, client::get);
      assertEquals(0, builds.get());
    }
  }

  @Nested
  class Close {
    @Test
    void closes_a_built_client_once() {
      LazyClient<CountingClient> client = lazy();
      CountingClient built = client.get();

      client.close();
      client.close();

      assertEquals(1, built.closes.get());
    }
  }
}

package dev.ssoconfig.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PacerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void a_waiting_call_starts_when_another_ends() throws Exception {
    Pacer pacer = new Pacer(1, System::nanoTime, 60 * SECOND);
    PaceController.Ticket first = pacer.acquire();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<PaceController.Ticket> second =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              try {
                return pacer.acquire();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertTrue(waiting.await(5, TimeUnit.SECONDS));
    assertFalse(second.isDone(), "only one call may be in flight");
    pacer.succeeded(first);
    assertNotNull(second.get(5, TimeUnit.SECONDS));
    assertEquals(1, pacer.successes());
  }

  @Test
  void starts_no_call_once_the_deadline_has_passed() throws Exception {
    AtomicLong now = new AtomicLong();
    Pacer pacer = new Pacer(4, now::get, SECOND);
    pacer.failed(pacer.acquire());
    now.set(SECOND);
    assertThrows(Pacer.DeadlineExceeded.class, pacer::acquire);
  }

  @Test
  void a_wait_ends_at_the_deadline() {
    long start = System.nanoTime();
    Pacer pacer = new Pacer(1, System::nanoTime, 200_000_000L);
    assertThrows(
        Pacer.DeadlineExceeded.class,
        () -> {
          pacer.acquire();
          pacer.acquire();
        });
    assertTrue(System.nanoTime() - start >= 200_000_000L);
  }

  @Test
  void an_interrupted_wait_throws_interrupted_exception() throws Exception {
    Pacer pacer = new Pacer(1, System::nanoTime, 60 * SECOND);
    pacer.acquire();
    CompletableFuture<Throwable> waiter = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                pacer.acquire();
                waiter.complete(null);
              } catch (Throwable t) {
                waiter.complete(t);
              }
            });
    thread.start();
    thread.interrupt();
    Throwable thrown;
    try {
      thrown = waiter.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      thrown = e.getCause();
    }
    assertTrue(thrown instanceof InterruptedException, String.valueOf(thrown));
  }

  @Test
  void reports_the_pace() throws Exception {
    Pacer pacer = new Pacer(4, System::nanoTime, 60 * SECOND);
    pacer.succeeded(pacer.acquire());
    pacer.throttled(pacer.acquire(), 0);
    PaceSnapshot snapshot = pacer.snapshot();
    assertEquals(1, snapshot.calls());
    assertEquals(1, snapshot.throttles());
    assertTrue(snapshot.throttled());
  }
}

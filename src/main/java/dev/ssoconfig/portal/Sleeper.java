package dev.ssoconfig.portal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injected so tests record the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread with {@link TimeUnit#sleep(long)}. */
  Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

  /**
   * Blocks the calling thread.
   *
   * @param d how long, not negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration d) throws InterruptedException;
}

package dev.ssoconfig.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits on the calling thread: between device-code polls (RFC 8628 section 3.5), for the back-off
 * before a portal call is tried again after a server error or a broken connection, and between
 * attempts to take the config file's lock. Injected so tests record the waits instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks the calling thread with {@link TimeUnit#sleep(long)}. */
  Sleeper SYSTEM = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());

  /**
   * Blocks the calling thread.
   *
   * @param duration how long, not negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}

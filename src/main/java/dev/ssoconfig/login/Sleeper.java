package dev.ssoconfig.login;

import java.time.Duration;

/** Waits between device-code polls; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /**
   * @param duration how long to wait
   * @throws InterruptedException if the thread was interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * @return a sleeper that blocks the calling thread with {@link Thread#sleep(long)}
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}

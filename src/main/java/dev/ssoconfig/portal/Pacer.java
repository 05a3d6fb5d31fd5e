package dev.ssoconfig.portal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Holds portal calls to the pace a {@link PaceController} finds, for any number of threads: {@link
 * #acquire()} blocks until a call may start, and every call ends with exactly one of {@link
 * #succeeded}, {@link #throttled} or {@link #failed}. Waiting threads are woken when a call ends or
 * when a token or {@code Retry-After} comes due.
 *
 * <p>Also enforces the listing's deadline: once it has passed, {@link #acquire()} starts no more
 * calls.
 */
final class Pacer {
  private final PaceController controller;
  private final LongSupplier nanoTime;
  private final long deadline;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /**
   * @param ceiling the most calls in flight at once ({@code --concurrency})
   * @param nanoTime the clock, {@link System#nanoTime()} outside tests
   * @param deadlineNanos how long from now calls may start, in ns
   */
  Pacer(int ceiling, LongSupplier nanoTime, long deadlineNanos) {
    this.nanoTime = nanoTime;
    long now = nanoTime.getAsLong();
    this.controller = new PaceController(ceiling, now);
    this.deadline = now + deadlineNanos;
  }

  /** The deadline has passed: no more calls start. */
  static final class DeadlineExceeded extends Exception {
    private static final long serialVersionUID = 1L;

    DeadlineExceeded() {
      super("the listing's deadline has passed", null, false, false);
    }
  }

  /**
   * Waits until a call may start.
   *
   * @return the call's ticket, to be handed back to exactly one of the ending methods
   * @throws InterruptedException when the thread is interrupted while waiting
   * @throws DeadlineExceeded when the deadline passes before the call may start
   */
  PaceController.Ticket acquire() throws InterruptedException, DeadlineExceeded {
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = nanoTime.getAsLong();
        if (now - deadline >= 0) {
          throw new DeadlineExceeded();
        }
        PaceController.Ticket ticket = controller.tryStart(now);
        if (ticket != null) {
          return ticket;
        }
        long readyAt = Math.min(controller.readyAt(now), deadline);
        changed.awaitNanos(Math.max(1, readyAt - now));
      }
    } finally {
      lock.unlock();
    }
  }

  /** The call succeeded. */
  void succeeded(PaceController.Ticket ticket) {
    update(now -> controller.succeeded(ticket, now));
  }

  /**
   * The portal throttled the call.
   *
   * @param retryAfterNanos the portal's {@code Retry-After} in ns, 0 if none
   */
  void throttled(PaceController.Ticket ticket, long retryAfterNanos) {
    update(now -> controller.throttled(ticket, now, retryAfterNanos));
  }

  /** The call failed in another way. */
  void failed(PaceController.Ticket ticket) {
    update(now -> controller.failed(ticket, now));
  }

  /** What the pace is now, for progress reports. */
  PaceSnapshot snapshot() {
    lock.lock();
    try {
      long now = nanoTime.getAsLong();
      return new PaceSnapshot(
          controller.callsPerSecond(now),
          controller.recentlyThrottled(now),
          controller.successes(),
          controller.throttles());
    } finally {
      lock.unlock();
    }
  }

  /** How many calls have succeeded so far, to tell whether the listing makes progress. */
  long successes() {
    lock.lock();
    try {
      return controller.successes();
    } finally {
      lock.unlock();
    }
  }

  private void update(java.util.function.LongConsumer change) {
    lock.lock();
    try {
      change.accept(nanoTime.getAsLong());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}

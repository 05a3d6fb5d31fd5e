package dev.ssoconfig.testing;

import dev.ssoconfig.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A UTC clock that moves only when told to or when something sleeps on it; records the sleeps and
 * can run an action at a chosen sleep (e.g. release a lock), so waits are tested without waiting.
 */
public final class FakeTime extends Clock implements Sleeper {
  /** Runs at a sleep; {@code number} counts from 1. */
  @FunctionalInterface
  public interface OnSleep {
    void run(int number) throws Exception;
  }

  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();
  private final OnSleep onSleep;

  /** Starts at 2025-06-01T12:00:00Z and does nothing on a sleep but move. */
  public FakeTime() {
    this(Instant.parse("2025-06-01T12:00:00Z"), n -> {});
  }

  /** Starts at {@code start}. */
  public FakeTime(Instant start) {
    this(start, n -> {});
  }

  /** Starts at 2025-06-01T12:00:00Z and runs {@code onSleep} after each sleep. */
  public FakeTime(OnSleep onSleep) {
    this(Instant.parse("2025-06-01T12:00:00Z"), onSleep);
  }

  private FakeTime(Instant start, OnSleep onSleep) {
    this.now = start;
    this.onSleep = onSleep;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    int number;
    synchronized (this) {
      sleeps.add(duration);
      now = now.plus(duration);
      number = sleeps.size();
    }
    try {
      onSleep.run(number);
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Moves the clock without a sleep. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /**
   * @return every sleep so far, in order
   */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /**
   * @return the sum of all sleeps
   */
  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}

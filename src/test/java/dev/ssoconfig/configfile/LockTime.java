package dev.ssoconfig.configfile;

import dev.ssoconfig.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when something sleeps on it; records the sleeps and can run an action
 * (e.g. release a lock) at a chosen sleep.
 */
final class LockTime extends Clock implements Sleeper {
  /** Runs at a sleep; {@code number} counts from 1. */
  @FunctionalInterface
  interface OnSleep {
    void run(int number) throws Exception;
  }

  private Instant now = Instant.parse("2025-06-01T12:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();
  private final OnSleep onSleep;

  LockTime() {
    this(n -> {});
  }

  LockTime(OnSleep onSleep) {
    this.onSleep = onSleep;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    now = now.plus(duration);
    try {
      onSleep.run(sleeps.size());
    } catch (InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public Instant instant() {
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

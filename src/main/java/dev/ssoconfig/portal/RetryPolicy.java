package dev.ssoconfig.portal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a throttled or failed portal call is tried again: exponential
 * back-off with "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"; the same
 * scheme as the AWS SDKs' standard retry mode).
 *
 * <p>Before retry number {@code n} (0 for the first retry) the wait is a uniformly random duration
 * in {@code [0, min(maxDelay, baseDelay * 2^n)]}.
 *
 * @param maxAttempts how many times a call is made in all, including the first; at least 1
 * @param baseDelay the upper bound of the first wait; positive
 * @param maxDelay the cap on every wait; at least {@code baseDelay}, at most one day
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  private static final Duration LONGEST_CAP = Duration.ofDays(1);

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || baseDelay.isZero()) {
      throw new IllegalArgumentException("baseDelay must be positive, was " + baseDelay);
    }
    if (maxDelay.compareTo(baseDelay) < 0 || maxDelay.compareTo(LONGEST_CAP) > 0) {
      throw new IllegalArgumentException(
          "maxDelay must be between baseDelay and one day, was " + maxDelay);
    }
  }

  /**
   * The policy the command uses: 8 attempts, 200 ms base, 10 s cap — roughly 20 s of waiting at
   * worst before giving up.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  /**
   * The longest wait before a retry.
   *
   * @param retry 0 for the first retry, 1 for the second, …
   * @return {@code min(maxDelay, baseDelay * 2^retry)}
   */
  public Duration ceiling(int retry) {
    if (retry < 0) {
      throw new IllegalArgumentException("retry must not be negative, was " + retry);
    }
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    if (retry >= Long.SIZE - 1 || base > (cap >> retry)) {
      return maxDelay;
    }
    return Duration.ofNanos(base << retry);
  }

  /**
   * Draws the wait before a retry.
   *
   * @param retry 0 for the first retry, 1 for the second, …
   * @param random the source of jitter; {@code nextLong(bound)} is called once
   * @return a duration in {@code [0, ceiling(retry)]}, nanosecond resolution
   */
  public Duration delayBeforeRetry(int retry, RandomGenerator random) {
    long ceilingNanos = ceiling(retry).toNanos();
    return Duration.ofNanos(random.nextLong(ceilingNanos + 1));
  }
}

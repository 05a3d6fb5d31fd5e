package dev.ssoconfig.portal;

import dev.ssoconfig.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one portal call, retrying per {@link RetryPolicy} the failures {@link PortalFailures} deems
 * transient. Safe to share between threads: the random source is used under a lock.
 */
final class RetryingCaller {

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Object randomLock = new Object();
  private final String host;
  private final String accessToken;
  private final BooleanSupplier abandoned;

  /**
   * @param host the portal's host, named in messages
   * @param accessToken only used to keep it out of messages
   * @param abandoned true once the run this call belongs to has failed elsewhere; checked before
   *     every attempt
   */
  RetryingCaller(
      RetryPolicy policy,
      Sleeper sleeper,
      RandomGenerator random,
      String host,
      String accessToken,
      BooleanSupplier abandoned) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.host = Objects.requireNonNull(host, "host");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.abandoned = Objects.requireNonNull(abandoned, "abandoned");
  }

  /**
   * @return the action's result from the first successful attempt
   * @throws dev.ssoconfig.Failure when the last attempt failed or the failure is final
   * @throws InterruptedException when the thread is interrupted (also inside the SDK)
   * @throws CancellationException when the run was abandoned before an attempt
   */
  <T> T call(PortalCall what, Supplier<T> action) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      if (abandoned.getAsBoolean()) {
        throw new CancellationException(what.describe() + " abandoned");
      }
      if (Thread.interrupted()) {
        throw new InterruptedException(what.describe() + " interrupted");
      }
      try {
        return action.get();
      } catch (AbortedException e) {
        throw interrupted(what, e);
      } catch (SdkException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw interrupted(what, e);
        }
        if (!PortalFailures.isRetryable(e) || attempt >= policy.maxAttempts()) {
          throw PortalFailures.translate(what, host, e, attempt, accessToken);
        }
      }
      sleeper.sleep(nextDelay(attempt - 1));
    }
  }

  private Duration nextDelay(int retry) {
    synchronized (randomLock) {
      return policy.delayBeforeRetry(retry, random);
    }
  }

  private static InterruptedException interrupted(PortalCall what, Exception cause) {
    Thread.interrupted();
    InterruptedException e = new InterruptedException(what.describe() + " interrupted");
    e.initCause(cause);
    return e;
  }
}

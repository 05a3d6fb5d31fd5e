package dev.ssoconfig.portal;

import dev.ssoconfig.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one portal call at the {@link Pacer}'s pace, trying it again after the failures {@link
 * PortalFailures} deems transient. Safe to share between threads: the random source is used under a
 * lock.
 *
 * <ul>
 *   <li>A throttled attempt (HTTP 429) goes back to the pacer, which has slowed down (and honours
 *       {@code Retry-After}); no further wait.
 *   <li>Another transient failure (HTTP 5xx, the network) waits a jittered back-off of the {@link
 *       RetryPolicy} first.
 *   <li>A call gives up only when it has been tried {@link RetryPolicy#maxAttempts()} times or more
 *       and no call of the listing succeeded since its previous attempt: while the listing makes
 *       progress, it keeps trying. The pacer's deadline bounds the whole listing.
 * </ul>
 */
final class RetryingCaller {

  private final Pacer pacer;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Object randomLock = new Object();
  private final Clock clock;
  private final String host;
  private final String accessToken;
  private final BooleanSupplier abandoned;

  /**
   * @param pacer the pace of every call of the listing
   * @param policy the back-off after a failure other than throttling, and the attempts after which
   *     a call without progress gives up
   * @param clock the wall clock, for a {@code Retry-After} given as a date
   * @param host the portal's host, named in messages
   * @param accessToken only used to keep it out of messages
   * @param abandoned true once the run this call belongs to has failed elsewhere; checked before
   *     every attempt
   */
  RetryingCaller(
      Pacer pacer,
      RetryPolicy policy,
      Sleeper sleeper,
      RandomGenerator random,
      Clock clock,
      String host,
      String accessToken,
      BooleanSupplier abandoned) {
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.host = Objects.requireNonNull(host, "host");
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.abandoned = Objects.requireNonNull(abandoned, "abandoned");
  }

  /**
   * @return the action's result from the first successful attempt
   * @throws dev.ssoconfig.Failure when the failure is final, or transient and the listing has made
   *     no progress over the last attempts
   * @throws InterruptedException when the thread is interrupted (also inside the SDK)
   * @throws CancellationException when the run was abandoned before an attempt
   * @throws Pacer.DeadlineExceeded when the listing's deadline passed before an attempt
   */
  <T> T call(PortalCall what, Supplier<T> action)
      throws InterruptedException, Pacer.DeadlineExceeded {
    long progressMark = pacer.successes();
    int backoffs = 0;
    for (int attempt = 1; ; attempt++) {
      if (abandoned.getAsBoolean()) {
        throw new CancellationException(what.describe() + " abandoned");
      }
      if (Thread.interrupted()) {
        throw new InterruptedException(what.describe() + " interrupted");
      }
      PaceController.Ticket ticket = pacer.acquire();
      SdkException failure;
      try {
        T result = action.get();
        pacer.succeeded(ticket);
        return result;
      } catch (AbortedException e) {
        pacer.failed(ticket);
        throw interrupted(what, e);
      } catch (SdkException e) {
        failure = e;
      } catch (RuntimeException | Error e) {
        pacer.failed(ticket);
        throw e;
      }
      boolean throttle = PortalFailures.isThrottle(failure);
      if (throttle) {
        pacer.throttled(ticket, PortalFailures.retryAfterNanos(failure, clock.instant()));
      } else {
        pacer.failed(ticket);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(what, failure);
      }
      long successes = pacer.successes();
      boolean progress = successes > progressMark;
      progressMark = successes;
      if (!PortalFailures.isRetryable(failure) || (attempt >= policy.maxAttempts() && !progress)) {
        throw PortalFailures.translate(what, host, failure, attempt, accessToken);
      }
      if (!throttle) {
        sleeper.sleep(nextDelay(backoffs++));
      }
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

package dev.ssoconfig.portal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the pace the portal allows, on the client's side: how many calls may be in flight at once
 * and, once the portal has throttled a call (HTTP 429, {@code TooManyRequestsException}), how many
 * may start per second. The portal documents no limit; peers report throttling near 20 requests per
 * second, and a limit may be shared with other clients of the same person.
 *
 * <ul>
 *   <li><b>Calls in flight</b> (additive increase, multiplicative decrease with slow start, as TCP
 *       congestion control, RFC 5681): the limit starts at {@link #INITIAL_LIMIT} and grows by one
 *       per successful call (doubling per round trip) until the first throttle, then by {@code
 *       1/limit} per success (one per round trip), never above the ceiling ({@code --concurrency}).
 *       The first throttled call cuts it to {@link #DECREASE} of itself, at least 1; from then on
 *       the rate, not the number in flight, holds the calls back.
 *   <li><b>Calls per second</b>: off until the first throttle. Then a token bucket admits calls at
 *       a rate set, on each throttle, to {@link #MEASURED_MARGIN}{@code × the successes of the last
 *       second} (at least {@link #FIRST_RATE} at the first throttle), and raised by {@link
 *       #RATE_GROWTH} every {@link #GROWTH_STEP_NANOS} ns once a second has passed without a
 *       throttle, by {@link #FAST_RATE_GROWTH} once three seconds have (the rate is then well below
 *       the portal's limit, e.g. after the very first call was throttled). Against a portal's token
 *       bucket the rate settles a little above its limit, so the portal, not the client, is the
 *       bottleneck (about one call in ten is throttled and tried again); and a portal that
 *       throttles a small share of calls whatever the pace (up to about 9 %, the margin) does not
 *       drive the rate down step by step, as cutting below what succeeds would. The bucket holds at
 *       most {@link #BUCKET_SECONDS} s worth of calls (at least one).
 *   <li>One congestion event cuts once: a throttle of a call that started before the last cut (it
 *       was sent at the old pace) changes neither limit nor rate.
 *   <li>A {@code Retry-After} of the portal holds every new call until it has passed.
 * </ul>
 *
 * <p>Times are {@link System#nanoTime()} readings passed in by the caller, so the policy is tested
 * without clocks or threads. Not thread-safe: {@link Pacer} guards it with its lock.
 */
final class PaceController {
  /** Calls in flight before anything is known of the portal. */
  static final int INITIAL_LIMIT = 4;

  /** What a throttle leaves of the calls in flight. */
  static final double DECREASE = 0.7;

  /** Above the successes of the last second, the rate a throttle sets. */
  static final double MEASURED_MARGIN = 1.1;

  /** The rate's growth per step once a second has passed without a throttle. */
  static final double RATE_GROWTH = 1.05;

  /** The rate's growth per step once {@link #LONG_QUIET_NANOS} have passed without a throttle. */
  static final double FAST_RATE_GROWTH = 1.25;

  /** How long without a throttle before the rate grows fast: it is well below the limit. */
  static final long LONG_QUIET_NANOS = 3_000_000_000L;

  /** How often the rate grows. */
  static final long GROWTH_STEP_NANOS = 250_000_000L;

  /** How long without a throttle before the rate grows. */
  static final long QUIET_NANOS = 1_000_000_000L;

  /** How many recent successes the measured pace should span at least. */
  static final int MEASURED_CALLS = 10;

  /** The longest time the measured pace spans. */
  static final long MEASURE_WINDOW_NANOS = 10_000_000_000L;

  /** The lowest rate, calls per second. */
  static final double MIN_RATE = 1;

  /**
   * The least rate the first throttle sets, calls per second: half of the pace at which peers
   * report throttling. A throttle early in the run (another client drained the portal's bucket, or
   * the very first calls came at once) says little about the limit; a rate set too high is cut
   * again within a few calls, one set too low takes seconds to grow back.
   */
  static final double FIRST_RATE = 10;

  /** The most the token bucket holds, in seconds of the rate. */
  static final double BUCKET_SECONDS = 0.05;

  private static final long SECOND = 1_000_000_000L;
  private static final int MAX_REMEMBERED = 100_000;

  private final int ceiling;
  private double limit;
  private double slowStartThreshold = Double.POSITIVE_INFINITY;
  private int inFlight;
  private final long startedAt;
  private long lastCut = Long.MIN_VALUE;
  private long lastThrottle = Long.MIN_VALUE;
  private boolean rateLimited;
  private double rate = Double.POSITIVE_INFINITY;
  private double tokens;
  private long tokensAt;
  private long lastGrowth;
  private long pausedUntil = Long.MIN_VALUE;
  private long successes;
  private long throttles;
  private final Deque<Long> recentSuccesses = new ArrayDeque<>();

  /**
   * @param ceiling the most calls in flight at once, at least 1 ({@code --concurrency})
   * @param now the current time in ns
   */
  PaceController(int ceiling, long now) {
    if (ceiling < 1) {
      throw new IllegalArgumentException("ceiling must be at least 1, was " + ceiling);
    }
    this.ceiling = ceiling;
    this.limit = Math.min(INITIAL_LIMIT, ceiling);
    this.startedAt = now;
  }

  /** A call admitted to start, and when. */
  record Ticket(long startedAt) {}

  /**
   * Admits a call if the pace allows one now: fewer calls in flight than the limit, no {@code
   * Retry-After} pending and, once throttled, a token in the bucket.
   *
   * @param now the current time in ns
   * @return the call's ticket, or {@code null} if it must wait (see {@link #readyAt})
   */
  Ticket tryStart(long now) {
    grow(now);
    if (now < pausedUntil || inFlight >= currentLimit()) {
      return null;
    }
    if (rateLimited) {
      refill(now);
      if (tokens < 1) {
        return null;
      }
      tokens -= 1;
    }
    inFlight++;
    return new Ticket(now);
  }

  /**
   * When {@link #tryStart} may admit a call if one is in flight fewer than now.
   *
   * @param now the current time in ns
   * @return a time in ns; {@link Long#MAX_VALUE} when only a call's end can make room
   */
  long readyAt(long now) {
    long ready = Math.max(now, pausedUntil);
    if (rateLimited) {
      refill(now);
      if (tokens < 1) {
        ready = Math.max(ready, now + (long) Math.ceil((1 - tokens) / rate * SECOND));
      }
    }
    if (inFlight >= currentLimit() && ready <= now) {
      return Long.MAX_VALUE;
    }
    return ready;
  }

  /** A call succeeded: the limit grows. */
  void succeeded(Ticket ticket, long now) {
    release();
    successes++;
    recentSuccesses.addLast(now);
    forgetOldSuccesses(now);
    limit += limit < slowStartThreshold ? 1 : 1 / limit;
    limit = Math.min(limit, ceiling);
  }

  /**
   * The portal throttled a call: the rate is set from what succeeds (and the first time the calls
   * in flight are cut), once per congestion event.
   *
   * @param retryAfterNanos the portal's {@code Retry-After} in ns, 0 if it sent none
   */
  void throttled(Ticket ticket, long now, long retryAfterNanos) {
    release();
    throttles++;
    lastThrottle = now;
    if (retryAfterNanos > 0) {
      pausedUntil = Math.max(pausedUntil, now + retryAfterNanos);
    }
    if (ticket.startedAt() <= lastCut) {
      return;
    }
    lastCut = now;
    if (!rateLimited) {
      limit = Math.max(1, limit * DECREASE);
      slowStartThreshold = limit;
    }
    double allowed = Math.max(MIN_RATE, MEASURED_MARGIN * callsPerSecond(now));
    if (rateLimited) {
      refill(now);
      rate = allowed;
    } else {
      rateLimited = true;
      rate = Math.max(FIRST_RATE, allowed);
      tokens = 0;
      tokensAt = now;
    }
    tokens = Math.min(tokens, capacity());
    lastGrowth = now;
  }

  /** A call failed otherwise (network, server error, final error): the pace stays. */
  void failed(Ticket ticket, long now) {
    release();
  }

  /** How many calls have succeeded so far. */
  long successes() {
    return successes;
  }

  /** How many calls were throttled so far. */
  long throttles() {
    return throttles;
  }

  /**
   * Successful calls per second: over the last second, or, when it saw fewer than {@link
   * #MEASURED_CALLS} successes, over the time the last {@code MEASURED_CALLS} took (up to {@link
   * #MEASURE_WINDOW_NANOS}), so that a slow pace is not read as one call or none; over at least a
   * quarter of a second, and never over time before the start.
   */
  double callsPerSecond(long now) {
    forgetOldSuccesses(now);
    int count = 0;
    long window = SECOND;
    var newestFirst = recentSuccesses.descendingIterator();
    while (newestFirst.hasNext()) {
      long at = newestFirst.next();
      if (now - at >= SECOND && count >= MEASURED_CALLS) {
        break;
      }
      count++;
      window = Math.max(window, now - at);
      if (count >= MEASURED_CALLS && now - at >= SECOND) {
        break;
      }
    }
    window = Math.max(SECOND / 4, Math.min(window, now - startedAt));
    return count * (double) SECOND / window;
  }

  /** Whether a call has been throttled in the last second. */
  boolean recentlyThrottled(long now) {
    return lastThrottle != Long.MIN_VALUE && now - lastThrottle < QUIET_NANOS;
  }

  /** The calls-per-second limit, {@link Double#POSITIVE_INFINITY} before the first throttle. */
  double rate() {
    return rate;
  }

  /** The calls-in-flight limit now. */
  int currentLimit() {
    return (int) Math.floor(limit);
  }

  /** Calls started and not yet ended. */
  int inFlight() {
    return inFlight;
  }

  private void release() {
    if (inFlight == 0) {
      throw new IllegalStateException("a call ended that never started");
    }
    inFlight--;
  }

  private void grow(long now) {
    if (!rateLimited || now - lastGrowth < GROWTH_STEP_NANOS) {
      return;
    }
    long steps = (now - lastGrowth) / GROWTH_STEP_NANOS;
    for (long i = 1; i <= steps && i <= 1_000; i++) {
      long at = lastGrowth + i * GROWTH_STEP_NANOS;
      long quiet = at - lastThrottle;
      if (quiet >= QUIET_NANOS) {
        refill(at);
        rate *= quiet >= LONG_QUIET_NANOS ? FAST_RATE_GROWTH : RATE_GROWTH;
      }
    }
    lastGrowth += steps * GROWTH_STEP_NANOS;
  }

  private void refill(long now) {
    if (now > tokensAt) {
      tokens = Math.min(capacity(), tokens + rate * (now - tokensAt) / SECOND);
      tokensAt = now;
    }
  }

  private double capacity() {
    return Math.max(1, rate * BUCKET_SECONDS);
  }

  private void forgetOldSuccesses(long now) {
    while (!recentSuccesses.isEmpty()
        && (now - recentSuccesses.peekFirst() >= MEASURE_WINDOW_NANOS
            || recentSuccesses.size() > MAX_REMEMBERED)) {
      recentSuccesses.pollFirst();
    }
  }
}

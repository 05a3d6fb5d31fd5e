package dev.ssoconfig.portal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * A discrete-event simulation of the listing against a portal that answers after a fixed latency
 * and throttles above a token-bucket limit, driving a {@link PaceController} on simulated time:
 * {@code ceiling} workers each take the next call, wait until the controller admits it, and try it
 * again when throttled. No threads, no clock: the same inputs give the same figures.
 */
final class PaceSimulation {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final boolean TRACE = Boolean.getBoolean("pace.trace");

  /**
   * What a simulated listing took.
   *
   * @param nanos from the first call to the last answer
   * @param calls successful calls (the work)
   * @param throttles throttled attempts
   */
  record Outcome(long nanos, int calls, long throttles) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  private final int ceiling;
  private final long latency;
  private final double limit;
  private final double burst;
  private final int throttleEvery;

  /**
   * @param ceiling the most calls in flight ({@code --concurrency})
   * @param latencyMillis how long every answer takes
   * @param limitPerSecond the portal's rate limit, 0 for none
   * @param burst the portal's bucket size, at least 1 when limited
   */
  PaceSimulation(int ceiling, long latencyMillis, double limitPerSecond, double burst) {
    this(ceiling, latencyMillis, limitPerSecond, burst, 0);
  }

  /**
   * As {@link #PaceSimulation(int, long, double, double)}, and every {@code throttleEvery}th call
   * that arrives is throttled whatever the rate (0: none), as a portal might under load of its own.
   */
  PaceSimulation(
      int ceiling, long latencyMillis, double limitPerSecond, double burst, int throttleEvery) {
    this.ceiling = ceiling;
    this.latency = latencyMillis * MS;
    this.limit = limitPerSecond;
    this.burst = burst;
    this.throttleEvery = throttleEvery;
  }

  /** Simulates {@code calls} independent calls. */
  Outcome run(int calls) {
    PaceController controller = new PaceController(ceiling, 0);
    PriorityQueue<Event> events = new PriorityQueue<>();
    Deque<Integer> idle = new ArrayDeque<>();
    int remaining = calls;
    int done = 0;
    double tokens = burst;
    long tokensAt = 0;
    long now = 0;
    for (int w = 0; w < ceiling; w++) {
      events.add(new Event(0, Kind.TRY, w, null));
    }
    int pendingWork = calls; // calls not yet succeeded and not in flight
    long arrivals = 0;
    long nextTrace = 0;
    while (done < calls) {
      Event event = events.poll();
      now = event.time;
      if (TRACE && now >= nextTrace) {
        System.out.printf(
            "t=%6.2f rate=%7.2f limit=%3d inFlight=%3d done=%5d throttles=%d%n",
            now / 1e9,
            controller.rate(),
            controller.currentLimit(),
            controller.inFlight(),
            done,
            controller.throttles());
        nextTrace += SECOND;
      }
      switch (event.kind) {
        case TRY -> {
          if (pendingWork == 0) {
            break; // nothing left for this worker
          }
          PaceController.Ticket ticket = controller.tryStart(now);
          if (ticket == null) {
            long ready = controller.readyAt(now);
            if (ready == Long.MAX_VALUE) {
              idle.add(event.worker);
            } else {
              events.add(new Event(Math.max(ready, now + 1), Kind.TRY, event.worker, null));
            }
            break;
          }
          pendingWork--;
          arrivals++;
          boolean accepted = throttleEvery == 0 || arrivals % throttleEvery != 0;
          if (limit > 0) {
            tokens = Math.min(burst, tokens + limit * (now - tokensAt) / SECOND);
            tokensAt = now;
            if (tokens >= 1 && accepted) {
              tokens -= 1;
            } else {
              accepted = false;
            }
          }
          events.add(
              new Event(
                  now + latency, accepted ? Kind.SUCCESS : Kind.THROTTLE, event.worker, ticket));
        }
        case SUCCESS, THROTTLE -> {
          if (event.kind == Kind.SUCCESS) {
            controller.succeeded(event.ticket, now);
            done++;
          } else {
            controller.throttled(event.ticket, now, 0);
            pendingWork++;
          }
          events.add(new Event(now, Kind.TRY, event.worker, null));
          while (!idle.isEmpty()) {
            events.add(new Event(now, Kind.TRY, idle.poll(), null));
          }
        }
      }
      if (events.isEmpty() && done < calls) {
        throw new IllegalStateException("the simulation stalled with " + (calls - done) + " left");
      }
    }
    remaining = calls - done;
    return new Outcome(now, calls - remaining, controller.throttles());
  }

  private enum Kind {
    TRY,
    SUCCESS,
    THROTTLE
  }

  private record Event(long time, Kind kind, int worker, PaceController.Ticket ticket)
      implements Comparable<Event> {
    @Override
    public int compareTo(Event other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Integer.compare(kind.ordinal(), other.kind.ordinal()) * -1;
    }
  }
}

package dev.ssoconfig.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaceControllerTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;

  /** Starts as many calls as the controller admits at {@code now}. */
  private static List<PaceController.Ticket> startAll(PaceController pace, long now) {
    List<PaceController.Ticket> tickets = new ArrayList<>();
    for (PaceController.Ticket t = pace.tryStart(now); t != null; t = pace.tryStart(now)) {
      tickets.add(t);
    }
    return tickets;
  }

  @Nested
  class CallsInFlight {
    @Test
    void start_at_four_or_the_ceiling_if_lower() {
      assertEquals(4, startAll(new PaceController(64, 0), 0).size());
      assertEquals(2, startAll(new PaceController(2, 0), 0).size());
    }

    @Test
    void double_per_round_trip_while_every_call_succeeds_up_to_the_ceiling() {
      PaceController pace = new PaceController(20, 0);
      List<Integer> perRound = new ArrayList<>();
      long now = 0;
      for (int round = 0; round < 5; round++) {
        List<PaceController.Ticket> started = startAll(pace, now);
        perRound.add(started.size());
        now += 50 * MS;
        for (PaceController.Ticket t : started) {
          pace.succeeded(t, now);
        }
      }
      assertEquals(List.of(4, 8, 16, 20, 20), perRound);
    }

    @Test
    void the_first_throttle_cuts_them_to_seven_tenths() {
      PaceController pace = new PaceController(64, 0);
      List<PaceController.Ticket> started = startAll(pace, 0);
      for (int i = 0; i < 3; i++) {
        pace.succeeded(started.get(i), 10 * MS);
      }
      assertEquals(7, pace.currentLimit());
      pace.throttled(started.get(3), 20 * MS, 0);
      assertEquals(4, pace.currentLimit(), "7 * 0.7 = 4.9");
    }

    @Test
    void a_call_never_started_cannot_end() {
      PaceController pace = new PaceController(4, 0);
      assertThrows(
          IllegalStateException.class, () -> pace.succeeded(new PaceController.Ticket(0), 0));
    }

    @Test
    void wait_for_a_call_to_end_when_full() {
      PaceController pace = new PaceController(2, 0);
      startAll(pace, 0);
      assertEquals(Long.MAX_VALUE, pace.readyAt(0));
    }
  }

  @Nested
  class Rate {
    @Test
    void is_unlimited_until_the_first_throttle() {
      PaceController pace = new PaceController(64, 0);
      assertEquals(Double.POSITIVE_INFINITY, pace.rate());
    }

    @Test
    void the_first_throttle_sets_it_from_the_successes_of_the_last_second() {
      PaceController pace = new PaceController(64, 0);
      long now = 0;
      // 40 calls per second for two seconds: ten every quarter second
      for (int step = 0; step < 8; step++) {
        for (int i = 0; i < 10; i++) {
          PaceController.Ticket t = pace.tryStart(now);
          assertNotNull(t);
          pace.succeeded(t, now + 10 * MS);
        }
        now += 250 * MS;
      }
      PaceController.Ticket throttled = pace.tryStart(now);
      pace.throttled(throttled, now + 5 * MS, 0);
      assertEquals(1.1 * 40, pace.rate(), 1e-9);
    }

    @Test
    void the_first_throttle_sets_at_least_ten_per_second() {
      PaceController pace = new PaceController(64, 0);
      PaceController.Ticket first = pace.tryStart(0);
      pace.throttled(first, 30 * MS, 0);
      assertEquals(PaceController.FIRST_RATE, pace.rate());
    }

    @Test
    void one_congestion_event_cuts_once() {
      PaceController pace = new PaceController(64, 0);
      List<PaceController.Ticket> started = startAll(pace, 0);
      pace.throttled(started.get(0), 30 * MS, 0);
      double afterFirst = pace.rate();
      pace.throttled(started.get(1), 31 * MS, 0);
      pace.throttled(started.get(2), 32 * MS, 0);
      assertEquals(afterFirst, pace.rate(), "calls sent before the cut do not cut again");
      assertEquals(3, pace.throttles());
    }

    @Test
    void a_later_throttle_sets_it_a_tenth_above_what_succeeded_in_the_last_second() {
      PaceController pace = new PaceController(64, 0);
      pace.throttled(pace.tryStart(0), 0, 0);
      long now = 0;
      int succeeded = 0;
      while (now < 900 * MS) {
        PaceController.Ticket t = pace.tryStart(now);
        if (t != null) {
          pace.succeeded(t, now);
          succeeded++;
        } else {
          now = pace.readyAt(now);
        }
      }
      assertEquals(10, pace.rate(), 1e-9, "no growth within a second of the throttle");
      pace.throttled(pace.tryStart(now), now, 0);
      assertEquals(8, succeeded, "one call every 100 ms from 100 ms on");
      assertEquals(1.1 * 8 / 0.9, pace.rate(), 1e-9, "a tenth above 8 calls in 0.9 s");
    }

    @Test
    void a_throttle_with_no_success_in_the_last_seconds_sets_the_floor() {
      PaceController pace = new PaceController(64, 0);
      pace.throttled(pace.tryStart(0), 30 * MS, 0);
      long now = 500 * MS;
      PaceController.Ticket next = pace.tryStart(now);
      assertNotNull(next);
      pace.throttled(next, now + 30 * MS, 0);
      assertEquals(PaceController.MIN_RATE, pace.rate(), 1e-9, "no success measured: the floor");
    }

    @Test
    void spaces_the_calls_once_limited() {
      PaceController pace = new PaceController(64, 0);
      pace.throttled(pace.tryStart(0), 0, 0);
      assertEquals(10, pace.rate(), 1e-9);
      long now = 0;
      List<Long> starts = new ArrayList<>();
      while (starts.size() < 5) {
        PaceController.Ticket t = pace.tryStart(now);
        if (t != null) {
          starts.add(now / MS);
          pace.succeeded(t, now + MS);
        } else {
          now = pace.readyAt(now);
        }
      }
      assertEquals(List.of(100L, 200L, 300L, 400L, 500L), starts);
    }

    @Test
    void grows_five_percent_a_quarter_second_after_a_quiet_second_then_faster() {
      PaceController pace = new PaceController(64, 0);
      pace.throttled(pace.tryStart(0), 0, 0);
      double rate = pace.rate();
      pace.tryStart(999 * MS);
      assertEquals(rate, pace.rate(), 1e-9, "not within the first second");
      pace.tryStart(1_000 * MS);
      assertEquals(rate * 1.05, pace.rate(), 1e-9);
      pace.tryStart(2_999 * MS);
      assertEquals(rate * Math.pow(1.05, 8), pace.rate(), 1e-9);
      pace.tryStart(3_000 * MS);
      assertEquals(rate * Math.pow(1.05, 8) * 1.25, pace.rate(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"3000, 3000", "0, 0"})
    void honours_retry_after(long retryAfterMillis, long expectedWaitMillis) {
      PaceController pace = new PaceController(64, 0);
      PaceController.Ticket t = pace.tryStart(0);
      pace.throttled(t, 0, retryAfterMillis * MS);
      if (expectedWaitMillis > 0) {
        assertNull(pace.tryStart(expectedWaitMillis * MS - 1));
        assertTrue(pace.readyAt(0) >= expectedWaitMillis * MS);
      }
      assertNotNull(pace.tryStart(Math.max(expectedWaitMillis * MS, 100 * MS)));
    }
  }

  @Nested
  class Simulated {
    /**
     * Against a simulated portal with a token-bucket limit the listing takes close to the ideal
     * (calls ÷ limit), whatever the ceiling; without a limit it is bound by latency ÷ ceiling.
     */
    @ParameterizedTest
    @CsvSource({
      "64, 20, 20, 10, 404, 1.05",
      "16, 20, 20, 10, 404, 1.05",
      "64, 10, 50, 10, 5050, 1.05",
      "64, 50, 100, 20, 6020, 1.05",
      "64, 50, 0, 0, 1010, 1.25",
      "1, 50, 0, 0, 1010, 1.01"
    })
    void takes_close_to_the_ideal(
        int ceiling, long latencyMillis, double limit, double burst, int calls, double within) {
      PaceSimulation.Outcome outcome =
          new PaceSimulation(ceiling, latencyMillis, limit, burst).run(calls);
      double ideal = limit > 0 ? calls / limit : calls * latencyMillis / 1000.0 / ceiling;
      assertEquals(calls, outcome.calls());
      assertTrue(
          outcome.seconds() <= within * ideal,
          () -> outcome.seconds() + " s against an ideal of " + ideal + " s");
    }

    @Test
    void keeps_its_pace_when_the_portal_throttles_a_small_share_of_calls_whatever_the_rate() {
      PaceSimulation.Outcome outcome = new PaceSimulation(64, 50, 0, 0, 20).run(1010);
      assertTrue(outcome.seconds() < 15, () -> outcome.seconds() + " s for 1,010 calls");
    }

    @Test
    void recovers_when_the_very_first_calls_are_throttled() {
      PaceSimulation.Outcome outcome = new PaceSimulation(64, 100, 20, 1).run(404);
      assertTrue(outcome.seconds() < 1.3 * 404 / 20.0, () -> outcome.seconds() + " s");
    }
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignInWaitsTest {
  private final FakeTime time = new FakeTime();
  private final StringWriter sent = new StringWriter();

  /** A ticker run by hand: the test calls {@link #tick} where a real one would wake up. */
  private static final class HandTicker implements SignInWaits.Ticker {
    Runnable tick;
    boolean stopped;

    @Override
    public Runnable start(Runnable tick) {
      this.tick = tick;
      return () -> stopped = true;
    }

    void tick() {
      if (!stopped) {
        tick.run();
      }
    }
  }

  private final HandTicker ticker = new HandTicker();

  private Instant in(Duration duration) {
    return time.instant().plus(duration);
  }

  @Nested
  class OnATerminal {
    private final StatusLine status = new StatusLine(sent, 80);
    private final PrintWriter err = new PrintWriter(status, true);
    private final SignInWaits waits = new SignInWaits(err, status, time, false, ticker);

    @Test
    void counts_down_on_one_line_as_the_injected_clock_moves() {
      waits.waiting("the sign-in in the browser", in(Duration.ofMinutes(10)));
      assertEquals(
          List.of("Waiting for the sign-in in the browser: 10:00 left; Ctrl-C to cancel"),
          TerminalScreen.render(sent.toString()));

      time.advance(Duration.ofSeconds(2));
      ticker.tick();
      time.advance(Duration.ofMillis(200));
      ticker.tick();

      assertEquals(
          List.of("Waiting for the sign-in in the browser: 9:58 left; Ctrl-C to cancel"),
          TerminalScreen.render(sent.toString()));
      assertEquals(
          2, sent.toString().chars().filter(c -> c == '\r').count(), "one redraw a second");
    }

    @Test
    void the_end_of_the_wait_removes_the_line_and_stops_the_ticker() {
      waits.waiting("the user code to be approved", in(Duration.ofMinutes(5)));

      waits.waitEnded();
      time.advance(Duration.ofSeconds(1));
      ticker.tick();
      err.println("Listed 3 roles of 1 account in 0.1 s (2 calls).");

      assertTrue(ticker.stopped);
      assertEquals(
          List.of("Listed 3 roles of 1 account in 0.1 s (2 calls).", ""),
          TerminalScreen.render(sent.toString()));
    }

    @Test
    void an_error_during_the_wait_lands_on_a_clean_line() {
      waits.waiting("the sign-in in the browser", in(Duration.ofMinutes(10)));

      err.println("aws-sso-config-generator: Interrupted");

      assertEquals(
          List.of("aws-sso-config-generator: Interrupted", ""),
          TerminalScreen.render(sent.toString()));
    }

    @Test
    void an_end_without_a_wait_does_nothing() {
      waits.waitEnded();

      assertEquals("", sent.toString());
    }
  }

  @Nested
  class NotATerminal {
    private final PrintWriter err = new PrintWriter(sent, true);

    @Test
    void says_once_what_is_awaited_and_for_how_long() {
      SignInWaits waits = new SignInWaits(err, StatusLine.off(), time, false, ticker);

      waits.waiting("the sign-in in the browser", in(Duration.ofMinutes(10)));
      waits.waitEnded();

      assertEquals(
          "Waiting for the sign-in in the browser (up to 10m); Ctrl-C to cancel."
              + System.lineSeparator(),
          sent.toString());
      assertEquals(null, ticker.tick, "no ticking without a terminal");
    }
  }

  @Test
  void quiet_shows_nothing_on_a_terminal_or_off_it() {
    StatusLine status = new StatusLine(sent, 80);
    for (StatusLine line : List.of(status, StatusLine.off())) {
      SignInWaits waits = new SignInWaits(new PrintWriter(line, true), line, time, true, ticker);
      waits.waiting("the sign-in in the browser", in(Duration.ofMinutes(10)));
      waits.waitEnded();
    }

    assertEquals("", sent.toString());
    assertFalse(ticker.tick != null);
  }

  @Nested
  class Durations {
    @Test
    void compact_uses_the_units_of_the_timeout_option() {
      assertEquals("10m", SignInWaits.compact(Duration.ofMinutes(10)));
      assertEquals("1m30s", SignInWaits.compact(Duration.ofSeconds(90)));
      assertEquals("1h5m", SignInWaits.compact(Duration.ofMinutes(65)));
      assertEquals("45s", SignInWaits.compact(Duration.ofSeconds(45)));
      assertEquals("1s", SignInWaits.compact(Duration.ofMillis(300)));
      assertEquals("0s", SignInWaits.compact(Duration.ofSeconds(-3)));
    }

    @Test
    void clock_shows_minutes_and_seconds_and_hours_when_needed() {
      assertEquals("9:58", SignInWaits.clock(Duration.ofSeconds(598)));
      assertEquals("0:05", SignInWaits.clock(Duration.ofMillis(4_001)));
      assertEquals("1:02:03", SignInWaits.clock(Duration.ofSeconds(3723)));
      assertEquals("0:00", SignInWaits.clock(Duration.ofSeconds(-1)));
    }
  }
}

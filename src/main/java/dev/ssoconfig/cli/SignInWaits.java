package dev.ssoconfig.cli;

import dev.ssoconfig.login.SignInListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows on stderr what a sign-in waits for and for how long.
 *
 * <ul>
 *   <li>Not a terminal: one line, {@code Waiting for the sign-in in the browser (up to 10m); Ctrl-C
 *       to cancel.}
 *   <li>A terminal: a live countdown on the {@link StatusLine}, {@code Waiting for the sign-in in
 *       the browser: 9:58 left; Ctrl-C to cancel}, redrawn as the seconds pass and removed when the
 *       wait ends, so the next line (the listing, an error, {@code Interrupted}) starts on a clean
 *       line.
 *   <li>{@code --quiet}: nothing.
 * </ul>
 */
final class SignInWaits implements SignInListener {
  /** Starts calling a task again and again, until the returned action is run. */
  @FunctionalInterface
  interface Ticker {
    /**
     * @param tick what to run a few times a second
     * @return stops the ticking (a tick under way may still finish)
     */
    Runnable start(Runnable tick);

    /** A daemon thread that ticks five times a second. */
    Ticker BACKGROUND =
        tick -> {
          Thread thread =
              new Thread(
                  () -> {
                    try {
                      while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(200);
                        tick.run();
                      }
                    } catch (InterruptedException stopped) {
                      // the wait is over
                    }
                  },
                  "sign-in-countdown");
          thread.setDaemon(true);
          thread.start();
          return thread::interrupt;
        };
  }

  private final PrintWriter err;
  private final StatusLine status;
  private final Clock clock;
  private final boolean quiet;
  private final Ticker ticker;
  private String what;
  private Instant deadline;
  private Runnable stopTicking;

  /**
   * @param err standard error
   * @param status the live line; the countdown is drawn only if it is live
   * @param clock the clock the deadlines are on
   * @param quiet whether {@code --quiet} was given
   * @param ticker redraws the countdown
   */
  SignInWaits(PrintWriter err, StatusLine status, Clock clock, boolean quiet, Ticker ticker) {
    this.err = err;
    this.status = status;
    this.clock = clock;
    this.quiet = quiet;
    this.ticker = ticker;
  }

  @Override
  public void waiting(String what, Instant deadline) {
    if (quiet) {
      return;
    }
    if (!status.live()) {
      err.println(
          "Waiting for "
              + what
              + " (up to "
              + compact(Duration.between(clock.instant(), deadline))
              + "); Ctrl-C to cancel.");
      err.flush();
      return;
    }
    synchronized (this) {
      this.what = what;
      this.deadline = deadline;
    }
    tick();
    Runnable stop = ticker.start(this::tick);
    synchronized (this) {
      stopTicking = stop;
    }
  }

  /** Draws the countdown as it is now, while a wait is on. */
  synchronized void tick() {
    if (what != null) {
      status.show(
          "Waiting for "
              + what
              + ": "
              + clock(Duration.between(clock.instant(), deadline))
              + " left; Ctrl-C to cancel");
    }
  }

  @Override
  public void waitEnded() {
    Runnable stop;
    synchronized (this) {
      what = null;
      stop = stopTicking;
      stopTicking = null;
    }
    if (stop != null) {
      stop.run();
    }
    status.clear();
  }

  /**
   * @param duration how long; negative counts as zero, a part of a second as a whole one
   * @return a short form in the units {@code --timeout} takes: {@code 10m}, {@code 1m30s}, {@code
   *     1h5m}, {@code 45s}, {@code 0s}
   */
  static String compact(Duration duration) {
    long seconds = seconds(duration);
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 != 0 || seconds == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }

  /**
   * @param duration how long; negative counts as zero, a part of a second as a whole one
   * @return a clock's form: {@code 9:58}, {@code 0:05}, {@code 1:02:03}
   */
  static String clock(Duration duration) {
    long seconds = seconds(duration);
    String minutesAndSeconds =
        String.format(Locale.ROOT, "%02d:%02d", seconds % 3600 / 60, seconds % 60);
    if (seconds >= 3600) {
      return seconds / 3600 + ":" + minutesAndSeconds;
    }
    return minutesAndSeconds.startsWith("0") ? minutesAndSeconds.substring(1) : minutesAndSeconds;
  }

  /** Whole seconds, rounded up, at least zero. */
  private static long seconds(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}

package dev.ssoconfig.cli;

import dev.ssoconfig.portal.PaceSnapshot;
import dev.ssoconfig.portal.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the listing's progress on stderr, and {@link #summary} at the end.
 *
 * <ul>
 *   <li>Not a terminal (a pipe, a file): lines a log can keep, {@code Found 1000 accounts; listing
 *       roles…}, then at every tenth of the accounts (every account with {@code --verbose}) {@code
 *       Listed roles of 100/1000 accounts (38 calls/s)}, with {@code , throttled by the portal:
 *       slowing down} while the portal throttles.
 *   <li>A terminal: one live line on the {@link StatusLine}, {@code Listing: accounts 412/1000,
 *       roles 1236, 38 calls/s} (with {@code , throttled, slowing down}), redrawn at most ten times
 *       a second, and always for the last account; the summary line (green when colour is on)
 *       replaces it.
 *   <li>{@code --quiet}: nothing, not even the summary.
 * </ul>
 *
 * <p>Printing is synchronised.
 */
final class ProgressPrinter implements ProgressListener {
  /** The live line is redrawn at most this often, in ns (a tenth of a second). */
  static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final Display display;
  private final Verbosity verbosity;
  private final LongSupplier nanoTime;
  private int lastTenth = -1;
  private long lastDraw;
  private PaceSnapshot lastPace = new PaceSnapshot(0, false, 0, 0);
  private int accounts;

  /**
   * @param err standard error
   * @param display the live line and colours
   * @param verbosity nothing with {@code --quiet}; with {@code --verbose} a line per account when
   *     not on a terminal
   * @param nanoTime a monotonic clock in ns, e.g. {@code System::nanoTime}, that paces the redraws
   */
  ProgressPrinter(PrintWriter err, Display display, Verbosity verbosity, LongSupplier nanoTime) {
    this.err = err;
    this.display = display;
    this.verbosity = verbosity;
    this.nanoTime = nanoTime;
  }

  private boolean live() {
    return verbosity != Verbosity.QUIET && display.live();
  }

  private boolean lines() {
    return verbosity != Verbosity.QUIET && !display.live();
  }

  /** The listing begins: on a terminal, says so on the live line. */
  synchronized void started() {
    lastTenth = -1;
    accounts = 0;
    if (live()) {
      draw("Listing accounts…");
    }
  }

  @Override
  public synchronized void accountsListed(int accounts) {
    this.accounts = accounts;
    if (lines()) {
      err.println(
          "Found " + accounts + (accounts == 1 ? " account" : " accounts") + "; listing roles…");
      err.flush();
    } else if (live()) {
      draw(liveText(0, 0, lastPace));
    }
  }

  @Override
  public synchronized void rolesListed(
      int accountsDone, int accountsTotal, int roles, PaceSnapshot pace) {
    lastPace = pace;
    if (live()) {
      if (accountsDone == accountsTotal || nanoTime.getAsLong() - lastDraw >= REDRAW_NANOS) {
        draw(liveText(accountsDone, roles, pace));
      }
      return;
    }
    int tenth = accountsTotal == 0 ? 10 : accountsDone * 10 / accountsTotal;
    if (lines() && (verbosity == Verbosity.VERBOSE || tenth != lastTenth)) {
      lastTenth = tenth;
      err.println(
          "Listed roles of "
              + accountsDone
              + "/"
              + accountsTotal
              + " accounts ("
              + perSecond(pace)
              + (pace.throttled() ? ", throttled by the portal: slowing down" : "")
              + ")");
      err.flush();
    }
  }

  private String liveText(int accountsDone, int roles, PaceSnapshot pace) {
    return "Listing: accounts "
        + accountsDone
        + "/"
        + accounts
        + ", roles "
        + roles
        + (pace.calls() == 0 ? "" : ", " + perSecond(pace))
        + (pace.throttled() ? ", throttled, slowing down" : "");
  }

  private void draw(String text) {
    display.status().show(text);
    lastDraw = nanoTime.getAsLong();
  }

  private static String perSecond(PaceSnapshot pace) {
    return String.format(Locale.ROOT, "%.0f", pace.callsPerSecond()) + " calls/s";
  }

  @Override
  public synchronized void finished(PaceSnapshot pace) {
    lastPace = pace;
  }

  /**
   * Prints one line on what the listing took, e.g. {@code Listed 3000 roles of 1000 accounts in 1.6
   * s (1010 calls, 12 throttled and tried again).}; on a terminal in place of the live line, green
   * when colour is on; nothing with {@code --quiet}.
   *
   * @param roles account/role pairs listed
   * @param nanos how long the listing took, in ns
   */
  synchronized void summary(int roles, long nanos) {
    if (verbosity == Verbosity.QUIET) {
      return;
    }
    String line =
        "Listed "
            + roles
            + (roles == 1 ? " role" : " roles")
            + " of "
            + accounts
            + (accounts == 1 ? " account" : " accounts")
            + " in "
            + String.format(Locale.ROOT, "%.1f", nanos / 1e9)
            + " s ("
            + lastPace.calls()
            + (lastPace.calls() == 1 ? " call" : " calls")
            + (lastPace.throttles() == 0
                ? ""
                : ", " + lastPace.throttles() + " throttled and tried again")
            + ").";
    err.println(display.success(line));
    err.flush();
  }
}

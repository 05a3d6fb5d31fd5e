package dev.ssoconfig.cli;

import dev.ssoconfig.portal.PaceSnapshot;
import dev.ssoconfig.portal.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints the listing's progress on stderr: the number of accounts once, then the roles' progress
 * with the current pace (successful calls per second, and when the portal throttles) at every
 * tenth of the accounts (every account with {@code --verbose}), and {@link #summary} at the end.
 * Printing is synchronised.
 */
final class ProgressPrinter implements ProgressListener {
  private final PrintWriter err;
  private final boolean verbose;
  private int lastTenth = -1;
  private PaceSnapshot lastPace = new PaceSnapshot(0, false, 0, 0);
  private int accounts;

  ProgressPrinter(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public synchronized void accountsListed(int accounts) {
    this.accounts = accounts;
    err.println("Found " + accounts + (accounts == 1 ? " account" : " accounts") + "; listing roles…");
    err.flush();
  }

  @Override
  public synchronized void rolesListed(
      int accountsDone, int accountsTotal, int roles, PaceSnapshot pace) {
    lastPace = pace;
    int tenth = accountsTotal == 0 ? 10 : accountsDone * 10 / accountsTotal;
    if (verbose || tenth != lastTenth) {
      lastTenth = tenth;
      err.println(
          "Listed roles of "
              + accountsDone
              + "/"
              + accountsTotal
              + " accounts ("
              + String.format(Locale.ROOT, "%.0f", pace.callsPerSecond())
              + " calls/s"
              + (pace.throttled() ? ", throttled by the portal: slowing down" : "")
              + ")");
      err.flush();
    }
  }

  @Override
  public synchronized void finished(PaceSnapshot pace) {
    lastPace = pace;
  }

  /**
   * Prints one line on what the listing took, e.g. {@code Listed 3000 roles of 1000 accounts in
   * 1.6 s (1010 calls, 12 throttled and tried again).}
   *
   * @param roles account/role pairs listed
   * @param nanos how long the listing took, in ns
   */
  synchronized void summary(int roles, long nanos) {
    err.println(
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
            + (lastPace.throttles() == 0 ? "" : ", " + lastPace.throttles() + " throttled and tried again")
            + ").");
    err.flush();
  }
}

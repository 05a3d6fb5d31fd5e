package dev.ssoconfig.cli;

import dev.ssoconfig.portal.ProgressListener;
import java.io.PrintWriter;

/**
 * Prints the listing's progress on stderr: the number of accounts once, then the roles' progress
 * at every tenth of the accounts (every account with {@code --verbose}). Called from several
 * threads, so printing is synchronised.
 */
final class ProgressPrinter implements ProgressListener {
  private final PrintWriter err;
  private final boolean verbose;
  private int lastTenth = -1;

  ProgressPrinter(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public synchronized void accountsListed(int accounts) {
    err.println("Found " + accounts + (accounts == 1 ? " account" : " accounts") + "; listing roles…");
    err.flush();
  }

  @Override
  public synchronized void rolesListed(int accountsDone, int accountsTotal) {
    int tenth = accountsTotal == 0 ? 10 : accountsDone * 10 / accountsTotal;
    if (verbose || tenth != lastTenth) {
      lastTenth = tenth;
      err.println("Listed roles of " + accountsDone + "/" + accountsTotal + " accounts");
      err.flush();
    }
  }
}

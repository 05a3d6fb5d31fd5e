package dev.ssoconfig.portal;

/**
 * Hears how far {@link PortalLister#listAll(String)} has come, e.g. to draw a progress line.
 *
 * <p>All calls arrive on the thread that called {@code listAll}, never concurrently.
 */
public interface ProgressListener {

  /** A listener that ignores every event. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void accountsListed(int accounts) {}

        @Override
        public void rolesListed(
            int accountsDone, int accountsTotal, int roles, PaceSnapshot pace) {}
      };

  /**
   * Every page of {@code ListAccounts} has been read.
   *
   * @param accounts how many accounts the access token can see
   */
  void accountsListed(int accounts);

  /**
   * The roles of one more account have been read (every page of {@code ListAccountRoles}).
   *
   * @param accountsDone accounts whose roles are known so far, 1 to {@code accountsTotal}
   * @param accountsTotal the number reported by {@link #accountsListed(int)}
   * @param roles account/role pairs found so far, in the {@code accountsDone} accounts
   * @param pace the pace of the calls now: calls per second, and whether the portal is throttling
   */
  void rolesListed(int accountsDone, int accountsTotal, int roles, PaceSnapshot pace);

  /**
   * The listing is complete.
   *
   * @param pace the pace at the end, with every call counted
   */
  default void finished(PaceSnapshot pace) {}
}

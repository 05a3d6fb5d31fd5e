package dev.ssoconfig.cli;

/**
 * How much the run says on stderr besides errors: {@code --quiet}, the default, {@code --verbose}.
 */
enum Verbosity {
  /**
   * {@code --quiet}: errors, and what the person must act on to sign in (the sign-in URL, the user
   * code, why a new sign-in is needed); no progress, no waiting lines, no notes or warnings.
   */
  QUIET,
  /** The default: progress, waits, notes and warnings as well. */
  NORMAL,
  /** {@code --verbose}: more detail, and the cause of a failure. */
  VERBOSE;

  /**
   * @param quiet whether {@code --quiet} was given
   * @param verbose whether {@code --verbose} was given
   * @return the verbosity; the command refuses both at once before asking
   */
  static Verbosity of(boolean quiet, boolean verbose) {
    return quiet ? QUIET : verbose ? VERBOSE : NORMAL;
  }
}

package dev.ssoconfig.login;

import java.time.Instant;

/**
 * Hears when a sign-in waits for the person, e.g. to say what is awaited and for how long. How that
 * is shown (a line, a live countdown, nothing) is the listener's business: the sign-in knows
 * nothing of terminals.
 *
 * <p>Calls come on the thread that called {@link SsoLogin#login}: {@link #waiting} when the wait
 * begins (after the sign-in URL and any user code have been printed), {@link #waitEnded} when the
 * sign-in attempt ends for any reason (signed in, refused, timed out, interrupted), before the
 * outcome is reported. {@link #waitEnded} also comes after an attempt that failed before it waited,
 * so it must do nothing when no wait is on.
 */
public interface SignInListener {

  /** A listener that ignores every event. */
  SignInListener NONE =
      new SignInListener() {
        @Override
        public void waiting(String what, Instant deadline) {}

        @Override
        public void waitEnded() {}
      };

  /**
   * The sign-in now waits for the person.
   *
   * @param what what is awaited, a phrase that completes "Waiting for …", e.g. {@code the sign-in
   *     in the browser}
   * @param deadline when the wait gives up (the {@code --timeout}, or a device code's expiry if
   *     that comes first)
   */
  void waiting(String what, Instant deadline);

  /** The wait announced by {@link #waiting} is over. */
  void waitEnded();
}

package dev.ssoconfig.cli;

/**
 * The process exit codes, in one place. They are part of the documented interface ({@code
 * docs/usage.md}); scripts depend on them. {@link FailureHandler#exitCode} maps each kind of {@link
 * dev.ssoconfig.Failure} to one of them.
 */
public final class ExitCode {
  /** Success: the config file holds every profile (or a dry run finished). */
  public static final int OK = 0;

  /** An unexpected failure (a bug); {@code --verbose} shows the details. */
  public static final int UNEXPECTED = 1;

  /** A bad option or value; nothing was sent over the network and nothing written. */
  public static final int USAGE = 2;

  /** The sign-in did not complete: denied, expired or timed out. */
  public static final int SIGN_IN = 3;

  /** An AWS call failed: network, throttling after retries, or a rejected access token. */
  public static final int AWS_CALL = 4;

  /** The config file, the SSO cache or the command's output could not be read or written. */
  public static final int FILE = 5;

  /** Interrupted (Ctrl-C): 128 + SIGINT (2), what a shell reports for a process SIGINT ended. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}

package dev.ssoconfig.cli;

/**
 * The process exit codes, in one place. They are part of the documented interface
 * ({@code docs/usage.md}); scripts depend on them.
 */
public final class ExitCode {
  /** Success: the config file holds every profile (or a dry run finished). */
  public static final int OK = 0;
  /** An unexpected failure (a bug); {@code --verbose} shows the details. */
  public static final int UNEXPECTED = 1;
  /** A bad option or value; nothing was sent over the network and nothing written. */
  public static final int USAGE = 2;
  /** The login did not complete: denied, expired or timed out. */
  public static final int LOGIN = 3;
  /** An AWS call failed: network, throttling after retries, or a rejected access token. */
  public static final int AWS_CALL = 4;
  /** The config file or the SSO cache could not be written. */
  public static final int WRITE = 5;

  private ExitCode() {}
}

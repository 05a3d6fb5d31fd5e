package dev.ssoconfig.testing;

/**
 * Why a test cannot run on Windows: the {@code disabledReason} of its
 * {@code @DisabledOnOs(OS.WINDOWS)}, one wording per cause. CI runs the tests on Linux, macOS and
 * Windows ({@code .github/workflows/ci.yml}); a test left out on one of them says why.
 */
public final class OnWindows {
  private OnWindows() {}

  /** The test sets or checks a file's mode (0600, 0700, 0640, r--). */
  public static final String NO_POSIX_MODES =
      "checks POSIX file modes, which Windows does not have (its files carry access control lists)";

  /** The test creates a symbolic link. */
  public static final String NO_SYMBOLIC_LINKS =
      "creates a symbolic link, which Windows allows only with a privilege"
          + " (SeCreateSymbolicLinkPrivilege) or in Developer Mode";

  /** The test reads a file that a lock of this JVM covers. */
  public static final String MANDATORY_LOCKS =
      "reads a file while this JVM holds a lock on it; Windows locks are mandatory, so the read"
          + " fails";

  /** The test makes a FIFO. */
  public static final String NO_FIFOS =
      "makes a FIFO (mkfifo), which Windows file systems do not have (its named pipes live in"
          + " \\\\.\\pipe\\)";

  /** The test starts a shell script as a program (e.g. as {@code BROWSER}). */
  public static final String SH_SCRIPTS =
      "starts a #!/bin/sh script as a program, which Windows cannot start (no shebang lines)";

  /** The test runs the launcher the build made. */
  public static final String SHELL_LAUNCHER =
      "runs target/aws-sso-config-generator, a sh script followed by the jar, which Windows cannot"
          + " start";
}

package dev.ssoconfig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The one failure type of the tool: a run that cannot go on for a reason a person can act on. Its
 * {@link Kind} decides the exit code (the command's {@code FailureHandler} maps each kind to one
 * code, see {@code docs/usage.md}); its message is one line for a person that names what failed and
 * what to do, and never holds a secret (access token, refresh token, client secret, authorization
 * code, code verifier, device code). The cause, when there is one, is kept for {@code --verbose}.
 *
 * <p>Anything else that escapes a run (an {@link IllegalArgumentException} from a broken invariant,
 * a {@link NullPointerException}) is a bug and ends with exit code 1.
 *
 * <p>Unchecked, so that every stage can throw it through the narrow interfaces of the flow. Sealed,
 * so that no package grows its own subclasses again: the only subclass is {@link
 * AccessTokenRejected}, the one failure a caller recovers from by type (the command signs in again
 * once when the rejected token came from the cache).
 */
public sealed class Failure extends RuntimeException permits Failure.AccessTokenRejected {
  private static final long serialVersionUID = 1L;

  /** Why a run failed; each kind has its own exit code. */
  public enum Kind {
    /**
     * A value the person gave cannot be used: an option, an environment variable, a template,
     * filter, rename file or {@code --set}, or an {@code [sso-session NAME]} of the config file
     * that belongs to another start URL or region. Nothing was sent over the network or written.
     */
    USAGE,
    /** The sign-in did not complete: denied, expired, timed out, or refused in the browser. */
    SIGN_IN,
    /**
     * An AWS call (IAM Identity Center OIDC or portal API) failed after any retries: network,
     * throttling that did not clear, a service error, an answer that could not be read, a rejected
     * access token or client registration.
     */
    AWS_CALL,
    /**
     * A file could not be read or written: the config file, its lock or backup, the SSO cache, or
     * the command's own output.
     */
    FILE,
    /** The run was interrupted (Ctrl-C, or its thread was interrupted while waiting). */
    INTERRUPTED
  }

  private final Kind kind;

  private Failure(Kind kind, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * @param message one line naming the option or value, what is wrong and what to do
   * @return a failure of kind {@link Kind#USAGE}
   */
  public static Failure usage(String message) {
    return new Failure(Kind.USAGE, message, null);
  }

  /**
   * @param message one line naming the option or value, what is wrong and what to do
   * @param cause the underlying failure (e.g. a JSON parser's), kept for {@code --verbose}
   * @return a failure of kind {@link Kind#USAGE}
   */
  public static Failure usage(String message, Throwable cause) {
    return new Failure(Kind.USAGE, message, cause);
  }

  /**
   * @param message one line naming what went wrong and what to do
   * @return a failure of kind {@link Kind#SIGN_IN}
   */
  public static Failure signIn(String message) {
    return new Failure(Kind.SIGN_IN, message, null);
  }

  /**
   * @param message one line naming what went wrong and what to do
   * @param cause the underlying failure, or {@code null}
   * @return a failure of kind {@link Kind#SIGN_IN}
   */
  public static Failure signIn(String message, Throwable cause) {
    return new Failure(Kind.SIGN_IN, message, cause);
  }

  /**
   * @param message one line naming the call, the host and what to do
   * @param cause the SDK's exception, or {@code null}
   * @return a failure of kind {@link Kind#AWS_CALL}
   */
  public static Failure awsCall(String message, Throwable cause) {
    return new Failure(Kind.AWS_CALL, message, cause);
  }

  /**
   * @param message one line naming the path and the reason
   * @param cause the underlying {@link java.io.IOException}, or {@code null}
   * @return a failure of kind {@link Kind#FILE}
   */
  public static Failure file(String message, Throwable cause) {
    return new Failure(Kind.FILE, message, cause);
  }

  /**
   * A file failure worded {@code cannot ACTION PATH: REASON}, e.g. {@code cannot write
   * /home/me/.aws/config: permission denied}.
   *
   * @param action what was attempted, e.g. {@code read}, {@code write}, {@code lock}
   * @param path the file as configured
   * @param reason why, lower case, e.g. {@code disk full} (see {@link dev.ssoconfig.io.IoReasons})
   * @param cause the underlying failure, or {@code null}
   * @return a failure of kind {@link Kind#FILE}
   */
  public static Failure file(String action, Path path, String reason, Throwable cause) {
    return file("cannot " + action + " " + path + ": " + reason, cause);
  }

  /**
   * @param message one line naming what was interrupted, shown under {@code --verbose}
   * @param cause the {@link InterruptedException} or the SDK's abort, or {@code null}
   * @return a failure of kind {@link Kind#INTERRUPTED}
   */
  public static Failure interrupted(String message, Throwable cause) {
    return new Failure(Kind.INTERRUPTED, message, cause);
  }

  /**
   * @param message one line naming the call and what to do
   * @param cause the SDK's {@code UnauthorizedException}
   * @return a failure of kind {@link Kind#AWS_CALL} that a caller can tell apart by type
   */
  public static AccessTokenRejected accessTokenRejected(String message, Throwable cause) {
    return new AccessTokenRejected(message, cause);
  }

  /**
   * @return why the run failed; decides the exit code
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The portal refused the access token ({@code UnauthorizedException}, HTTP 401): it expired early
   * or was revoked. Kind {@link Kind#AWS_CALL}; a token that came from the cache is worth one new
   * sign-in.
   */
  public static final class AccessTokenRejected extends Failure {
    private static final long serialVersionUID = 1L;

    private AccessTokenRejected(String message, Throwable cause) {
      super(Kind.AWS_CALL, message, cause);
    }
  }
}

package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and its exit code (see {@link ExitCode}).
 *
 * <ul>
 *   <li>A {@link Failure} prints its message, {@code aws-sso-config-generator: MESSAGE}, and exits
 *       with the code of its kind ({@link #exitCode}); an interrupted run prints {@code
 *       aws-sso-config-generator: Interrupted} (once, also when the shutdown hook of {@link Main}
 *       reports it too). Under {@code --verbose} a second line names the cause.
 *   <li>Anything else is a bug: {@code aws-sso-config-generator: unexpected error: CLASS: MESSAGE},
 *       exit code 1, and the stack trace only under {@code --verbose}.
 * </ul>
 *
 * <p>Every message printed here, the cause's and each line of the stack trace included, is made
 * safe by {@link SafeText#line}: no control character, escape sequence or bidi override reaches the
 * terminal, and labelled secrets are redacted. On a terminal with colour the prefix {@code
 * aws-sso-config-generator:} is red.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  /** What an interrupted run prints after the command's name. */
  static final String INTERRUPTED = "Interrupted";

  private final AtomicBoolean interruptionReported = new AtomicBoolean();
  private final Display display;

  /** A handler that prints without colour. */
  FailureHandler() {
    this(Display.plain());
  }

  /**
   * @param display paints the prefix of error lines
   */
  FailureHandler(Display display) {
    this.display = display;
  }

  /**
   * @param message the message, already safe to print
   * @return the error line {@code aws-sso-config-generator: MESSAGE}, its prefix painted
   */
  String line(String message) {
    return display.error(Main.NAME + ":") + " " + message;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose =
        commandLine.getCommand() instanceof GenerateCommand generate && generate.verbose()
            || commandLine.getCommand() instanceof CredentialsCommand credentials
                && credentials.verbose();
    int code;
    if (ex instanceof Failure failure) {
      code = exitCode(failure.kind());
      if (failure.kind() == Failure.Kind.INTERRUPTED) {
        reportInterrupted(err);
        if (verbose) {
          err.println("  " + SafeText.line(failure.getMessage()));
        }
      } else {
        err.println(line(SafeText.line(failure.getMessage())));
      }
      if (verbose && failure.getCause() != null) {
        err.println("  caused by: " + describe(failure.getCause()));
      }
    } else {
      code = ExitCode.UNEXPECTED;
      err.println(line("unexpected error: " + describe(ex)));
      if (verbose) {
        printStackTrace(ex, err);
      }
    }
    err.flush();
    return code;
  }

  /**
   * The documented exit code of each kind of failure. A switch without {@code default}: a new kind
   * does not compile until it has its code.
   *
   * @param kind why the run failed
   * @return 2, 3, 4, 5 or 130
   */
  static int exitCode(Failure.Kind kind) {
    return switch (kind) {
      case USAGE -> ExitCode.USAGE;
      case SIGN_IN -> ExitCode.SIGN_IN;
      case AWS_CALL -> ExitCode.AWS_CALL;
      case FILE -> ExitCode.FILE;
      case INTERRUPTED -> ExitCode.INTERRUPTED;
    };
  }

  /**
   * Prints {@code aws-sso-config-generator: Interrupted} unless this handler printed it already;
   * safe to call from a shutdown hook while the run's own thread reports the same interruption.
   *
   * @param err standard error
   */
  void reportInterrupted(PrintWriter err) {
    if (interruptionReported.compareAndSet(false, true)) {
      err.println(line(INTERRUPTED));
      err.flush();
    }
  }

  /**
   * @param t any throwable
   * @return its class name and, if it has one, its message made safe: {@code CLASS: MESSAGE}
   */
  static String describe(Throwable t) {
    String message = SafeText.line(t.getMessage());
    return t.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
  }

  /**
   * Prints the stack trace in the JDK's format with every line made safe: a message cannot forge
   * lines or send escape sequences, and the leading tabs of frames stay.
   */
  private static void printStackTrace(Throwable t, PrintWriter err) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    trace
        .toString()
        .lines()
        .forEach(
            line -> {
              int tabs = 0;
              while (tabs < line.length() && line.charAt(tabs) == '\t') {
                tabs++;
              }
              err.println(line.substring(0, tabs) + SafeText.line(line.substring(tabs)));
            });
  }
}

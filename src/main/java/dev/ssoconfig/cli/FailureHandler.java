package dev.ssoconfig.cli;

import dev.ssoconfig.AwsCallException;
import dev.ssoconfig.configfile.ConfigFileException;
import dev.ssoconfig.configfile.SessionConflictException;
import dev.ssoconfig.login.LoginException;
import dev.ssoconfig.text.SecretScrubber;
import dev.ssoconfig.profiles.ProfileOptionException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and its exit code (see {@link ExitCode}). Known failures
 * print their own message; anything else is a bug, printed as one line too, with the stack trace
 * only under {@code --verbose}. Messages of the known failures never carry secrets; everything
 * printed here, the {@code caused by} line and stack traces included, also passes through {@link
 * SecretScrubber}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int code = exitCode(ex);
    String message = oneLine(ex.getMessage());
    if (code == ExitCode.UNEXPECTED) {
      message = "unexpected error: " + ex.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
    err.println(Main.NAME + ": " + message);
    Object command = commandLine.getCommand();
    if (command instanceof GenerateCommand generate && generate.verbose()) {
      Throwable cause = ex.getCause();
      if (code == ExitCode.UNEXPECTED) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.print(SecretScrubber.scrub(trace.toString()));
      } else if (cause != null) {
        err.println("  caused by: " + cause.getClass().getName() + ": " + oneLine(cause.getMessage()));
      }
    }
    err.flush();
    return code;
  }

  /** @return the documented exit code for a failure */
  static int exitCode(Throwable ex) {
    if (ex instanceof UsageException
        || ex instanceof SessionConflictException
        || ex instanceof ProfileOptionException) {
      return ExitCode.USAGE;
    }
    if (ex instanceof LoginException) {
      return ExitCode.LOGIN;
    }
    if (ex instanceof AwsCallException) {
      return ExitCode.AWS_CALL;
    }
    if (ex instanceof ConfigFileException || ex instanceof CannotWriteException) {
      return ExitCode.WRITE;
    }
    return ExitCode.UNEXPECTED;
  }

  /**
   * @return the text on one line, control characters replaced, labelled secrets redacted ({@link
   *     SecretScrubber}), never {@code null}
   */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return SecretScrubber.scrub(text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim());
  }
}

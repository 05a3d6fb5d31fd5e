package dev.ssoconfig.cli;

import dev.ssoconfig.login.BrowserOpener;
import dev.ssoconfig.login.SystemBrowserOpener;
import dev.ssoconfig.text.SafeText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Entry point. Wires the command to its streams, environment, clock and browser opener; only
 * {@link #main} calls {@link System#exit} and registers a shutdown hook.
 */
public final class Main {
  /** The command's name, used as the prefix of error lines. */
  public static final String NAME = "aws-sso-config-generator";

  private final PrintWriter out;
  private final PrintWriter err;
  private final Environment environment;
  private final Clock clock;
  private final BrowserOpener browser;
  private final FailureHandler failures = new FailureHandler();
  private final AtomicBoolean finished = new AtomicBoolean();

  /**
   * @param out standard output: the summary
   * @param err standard error: prompts, progress, warnings and errors
   * @param environment environment variables and home folder
   * @param clock the clock (UTC) for token expiry
   * @param browser opens the sign-in URL
   */
  public Main(
      PrintWriter out,
      PrintWriter err,
      Environment environment,
      Clock clock,
      BrowserOpener browser) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.clock = clock;
    this.browser = browser;
  }

  /**
   * Runs the command once.
   *
   * <p>Output that cannot be written (stdout on a full disk, a closed pipe) is not lost silently:
   * {@link PrintWriter} swallows write errors, so its error flag is checked at the end; a run that
   * would have succeeded then ends with {@link ExitCode#FILE} and one line on stderr.
   *
   * @param args the command-line arguments
   * @return the exit code, see {@link ExitCode}
   */
  public int run(String... args) {
    CommandLine commandLine = new CommandLine(new GenerateCommand(environment, clock, browser));
    commandLine.addSubcommand(new CredentialsCommand(environment, clock));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(failures);
    int code;
    try {
      code = commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to the handler; an Error (e.g. a class missing from a broken
      // installation) still gets one line, not a stack trace.
      err.println(NAME + ": unexpected error: " + FailureHandler.describe(e));
      code = ExitCode.UNEXPECTED;
    }
    if (out.checkError()) { // flushes first
      err.println(NAME + ": cannot write to standard output; the output is incomplete");
      code = code == ExitCode.OK ? ExitCode.FILE : code;
    }
    err.flush();
    finished.set(true);
    return code;
  }

  /**
   * What the shutdown hook of {@link #main} does when the JVM stops: if a run has not finished (the
   * person pressed Ctrl-C; the JVM then exits with 130 by itself), prints {@code
   * aws-sso-config-generator: Interrupted}, unless the run printed it already.
   */
  void reportIfInterrupted() {
    if (!finished.get()) {
      failures.reportInterrupted(err);
    }
  }

  /**
   * Runs the command with the process's streams (in the terminal's encoding, see {@link
   * TerminalOutput}) and environment and exits with its code.
   */
  public static void main(String[] args) {
    PrintWriter out =
        TerminalOutput.writer(
            new FileOutputStream(FileDescriptor.out),
            TerminalOutput.charset(System::getProperty, "stdout.encoding"));
    PrintWriter err =
        TerminalOutput.writer(
            new FileOutputStream(FileDescriptor.err),
            TerminalOutput.charset(System::getProperty, "stderr.encoding"));
    Environment environment = Environment.system();
    Main main =
        new Main(
            out,
            err,
            environment,
            Clock.systemUTC(),
            new SystemBrowserOpener(environment.variables(), System.getProperty("os.name", "")));
    Runtime.getRuntime().addShutdownHook(new Thread(main::reportIfInterrupted, "interrupted"));
    System.exit(main.run(args));
  }

  /** A bad option or value: one line, exit code 2, nothing else. */
  private static final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println(NAME + ": " + SafeText.line(ex.getMessage()) + " (see --help)");
      err.flush();
      return ExitCode.USAGE;
    }
  }
}

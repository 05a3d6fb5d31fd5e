package dev.ssoconfig.cli;

import dev.ssoconfig.login.BrowserOpener;
import dev.ssoconfig.login.SystemBrowserOpener;
import dev.ssoconfig.text.SafeText;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Entry point. Wires the command to its streams, environment, clock and browser opener; only
 * {@link #main} calls {@link System#exit}.
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
   * @param args the command-line arguments
   * @return the exit code, see {@link ExitCode}
   */
  public int run(String... args) {
    CommandLine commandLine = new CommandLine(new GenerateCommand(environment, clock, browser));
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
    out.flush();
    err.flush();
    return code;
  }

  /** Runs the command with the process's streams and environment and exits with its code. */
  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    Environment environment = Environment.system();
    Main main =
        new Main(
            out,
            err,
            environment,
            Clock.systemUTC(),
            new SystemBrowserOpener(environment.variables(), System.getProperty("os.name", "")));
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

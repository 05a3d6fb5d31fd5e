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
 * Entry point. Wires the command to its streams, terminal, environment, clock and browser opener;
 * only {@link #main} calls {@link System#exit}, registers a shutdown hook and decides what the
 * streams are shown on ({@link Terminal#detect}).
 */
public final class Main {
  /** The command's name, used as the prefix of error lines. */
  public static final String NAME = "aws-sso-config-generator";

  private final PrintWriter out;
  private final PrintWriter err;
  private final Terminal terminal;
  private final Display display;
  private final Environment environment;
  private final Clock clock;
  private final BrowserOpener browser;
  private final FailureHandler failures;
  private final AtomicBoolean finished = new AtomicBoolean();

  /**
   * As {@link #Main(PrintWriter, PrintWriter, Terminal, Environment, Clock, BrowserOpener)} with
   * streams that are not a terminal ({@link Terminal#NONE}).
   */
  public Main(
      PrintWriter out,
      PrintWriter err,
      Environment environment,
      Clock clock,
      BrowserOpener browser) {
    this(out, err, Terminal.NONE, environment, clock, browser);
  }

  /**
   * @param out standard output: the summary
   * @param err standard error: prompts, progress, warnings and errors
   * @param terminal what the streams are shown on: on an interactive terminal a live status line is
   *     drawn on {@code err}, and colour used if allowed
   * @param environment environment variables and home folder
   * @param clock the clock (UTC) for token expiry
   * @param browser opens the sign-in URL
   */
  Main(
      PrintWriter out,
      PrintWriter err,
      Terminal terminal,
      Environment environment,
      Clock clock,
      BrowserOpener browser) {
    this.out = out;
    this.terminal = terminal;
    if (terminal.interactive()) {
      StatusLine status = new StatusLine(err, terminal.width());
      this.err = new PrintWriter(status, true);
      this.display = new Display(status, terminal.colour());
    } else {
      this.err = err;
      this.display = Display.plain();
    }
    this.failures = new FailureHandler(display);
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
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    // The usage help in colour on the same terms as the rest (a terminal, no NO_COLOR), decided
    // here rather than by picocli's own guess from System.console().
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            terminal.colourOnStdout() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    commandLine.setParameterExceptionHandler(new UsageErrorHandler(failures));
    commandLine.setExecutionExceptionHandler(failures);
    int code;
    try {
      code = commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only Exceptions to the handler; an Error (e.g. a class missing from a broken
      // installation) still gets one line, not a stack trace.
      err.println(failures.line("unexpected error: " + FailureHandler.describe(e)));
      code = ExitCode.UNEXPECTED;
    }
    if (out.checkError()) { // flushes first
      err.println(failures.line("cannot write to standard output; the output is incomplete"));
      code = code == ExitCode.OK ? ExitCode.FILE : code;
    }
    display.status().clear();
    err.flush();
    finished.set(true);
    return code;
  }

  /**
   * @return the command with its subcommands, and usage help that wraps only at spaces ({@link
   *     HelpLayout}); what {@link #run} executes and the completion scripts and man page describe
   */
  CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new GenerateCommand(environment, clock, browser, display));
    commandLine.addSubcommand(new CredentialsCommand(environment, clock));
    HelpLayout.install(commandLine);
    return commandLine;
  }

  /**
   * What the shutdown hook of {@link #main} does when the JVM stops: if a run has not finished (the
   * person pressed Ctrl-C; the JVM then exits with 130 by itself), prints {@code
   * aws-sso-config-generator: Interrupted}, unless the run printed it already; on a terminal the
   * live status line is removed first and never drawn again, so that line is the last one.
   */
  void reportIfInterrupted() {
    if (!finished.get()) {
      display.status().end();
      failures.reportInterrupted(err);
    }
  }

  /**
   * Runs the command with the process's streams (in the terminal's encoding, see {@link
   * TerminalOutput}), environment and terminal ({@link Terminal#detect}), and exits with its code.
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
            Terminal.detect(environment, TtyProbe.SYSTEM),
            environment,
            Clock.systemUTC(),
            new SystemBrowserOpener(
                environment.variables(), environment.osName(), environment::wsl));
    Runtime.getRuntime().addShutdownHook(new Thread(main::reportIfInterrupted, "interrupted"));
    System.exit(main.run(args));
  }

  /** A bad option or value: one line, exit code 2, nothing else. */
  private static final class UsageErrorHandler implements IParameterExceptionHandler {
    private final FailureHandler failures;

    UsageErrorHandler(FailureHandler failures) {
      this.failures = failures;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println(failures.line(SafeText.line(ex.getMessage()) + " (see --help)"));
      err.flush();
      return ExitCode.USAGE;
    }
  }
}

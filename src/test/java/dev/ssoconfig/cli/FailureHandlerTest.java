package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.text.SafeText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

class FailureHandlerTest {
  /** The documented exit code of every kind (docs/usage.md); a new kind must be added here. */
  private static final Map<Kind, Integer> DOCUMENTED =
      Map.of(
          Kind.USAGE, 2,
          Kind.SIGN_IN, 3,
          Kind.AWS_CALL, 4,
          Kind.FILE, 5,
          Kind.INTERRUPTED, 130);

  private static final String HOSTILE = "bad\u001b[2J\u001b]0;owned\u0007 \u202eevil\u2066\u009b1m";

  @TempDir Path home;
  private final StringWriter err = new StringWriter();
  private final FailureHandler handler = new FailureHandler();

  private CommandLine commandLine(String... extra) {
    CommandLine commandLine =
        new CommandLine(
            new GenerateCommand(
                new Environment(Map.of(), home.toString()), Clock.systemUTC(), uri -> {}));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> args =
        new ArrayList<>(List.of("--start-url", CliHarness.START_URL, "--region", "us-east-1"));
    args.addAll(List.of(extra));
    commandLine.parseArgs(args.toArray(String[]::new));
    return commandLine;
  }

  private int handle(Exception e, String... extra) {
    return handler.handleExecutionException(e, commandLine(extra), null);
  }

  private List<String> lines() {
    return err.toString().lines().toList();
  }

  private static Failure of(Kind kind, String message, Throwable cause) {
    return switch (kind) {
      case USAGE -> Failure.usage(message, cause);
      case SIGN_IN -> Failure.signIn(message, cause);
      case AWS_CALL -> Failure.awsCall(message, cause);
      case FILE -> Failure.file(message, cause);
      case INTERRUPTED -> Failure.interrupted(message, cause);
    };
  }

  @Nested
  class ExitCodes {
    @Test
    void every_kind_has_its_documented_code() {
      assertEquals(EnumSet.allOf(Kind.class), EnumSet.copyOf(DOCUMENTED.keySet()));
      for (Kind kind : Kind.values()) {
        assertEquals(DOCUMENTED.get(kind), FailureHandler.exitCode(kind), kind.name());
      }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a_failure_of_each_kind_exits_with_its_code_and_one_line(Kind kind) {
      int code = handle(of(kind, "what failed; what to do", new IllegalStateException("cause")));

      assertEquals(DOCUMENTED.get(kind), code);
      String expected = kind == Kind.INTERRUPTED ? "Interrupted" : "what failed; what to do";
      assertEquals(List.of(Main.NAME + ": " + expected), lines());
    }

    @Test
    void a_rejected_access_token_is_an_aws_call_failure() {
      assertEquals(4, handle(Failure.accessTokenRejected("ListAccounts failed", null)));
    }

    @Test
    void anything_else_is_a_bug_with_exit_1_and_no_stack_trace() {
      int code = handle(new IllegalArgumentException("invalid profile name: x"));

      assertEquals(ExitCode.UNEXPECTED, code);
      assertEquals(
          List.of(
              Main.NAME
                  + ": unexpected error: java.lang.IllegalArgumentException:"
                  + " invalid profile name: x"),
          lines());
    }
  }

  @Nested
  class SafeLines {
    @Test
    void the_message_is_made_safe() {
      handle(Failure.awsCall(HOSTILE, null));

      assertEquals(List.of(Main.NAME + ": " + SafeText.line(HOSTILE)), lines());
      assertPrintable(err.toString());
    }

    @Test
    void the_verbose_caused_by_line_is_made_safe() {
      handle(Failure.file("cannot write", new RuntimeException(HOSTILE + "\nsecond line")), "-v");

      assertEquals(2, lines().size(), err.toString());
      assertEquals(
          "  caused by: java.lang.RuntimeException: " + SafeText.line(HOSTILE + " second line"),
          lines().get(1));
      assertPrintable(err.toString());
    }

    @Test
    void the_verbose_stack_trace_keeps_its_shape_and_is_made_safe() {
      handle(new IllegalStateException(HOSTILE, new RuntimeException("line\r\nbreak")), "-v");

      List<String> lines = lines();
      assertTrue(lines.get(1).startsWith("java.lang.IllegalStateException: bad"), lines.get(1));
      assertTrue(lines.get(2).startsWith("\tat "), lines.get(2));
      assertTrue(lines.contains("Caused by: java.lang.RuntimeException: line"), err.toString());
      assertTrue(lines.contains("break"), "the cause's second line stands alone: " + err);
      assertPrintable(err.toString());
    }
  }

  @Nested
  class Interrupted {
    @Test
    void prints_interrupted_and_the_detail_only_under_verbose() {
      int code =
          handle(
              Failure.interrupted("Interrupted while waiting for the browser sign-in", null), "-v");

      assertEquals(130, code);
      assertEquals(
          List.of(
              Main.NAME + ": Interrupted", "  Interrupted while waiting for the browser sign-in"),
          lines());
    }

    @Test
    void the_line_is_printed_once_when_the_run_and_the_shutdown_hook_both_report_it() {
      handler.reportInterrupted(new PrintWriter(err, true));
      handle(Failure.interrupted("waiting for the lock", null));
      handler.reportInterrupted(new PrintWriter(err, true));

      assertEquals(List.of(Main.NAME + ": Interrupted"), lines());
    }
  }

  /**
   * No character a terminal acts on besides the line breaks (the platform's: CRLF on Windows) and
   * the stack trace's tabs.
   */
  static void assertPrintable(String output) {
    output
        .replace(System.lineSeparator(), "\n")
        .codePoints()
        .filter(c -> c != '\n' && c != '\t')
        .forEach(c -> assertFalse(SafeText.isUnsafe(c), String.format("U+%04X printed", c)));
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.OnWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the whole command shows on stderr, in process against the fake Identity Center: on a
 * simulated terminal (a countdown and one live line, replaced by the result), in a pipe (the sparse
 * lines), without colour under {@code NO_COLOR}, and nothing but errors with {@code --quiet}.
 */
class StderrEndToEndTest {
  private static final String RESULT = "Listed 4 roles of 3 accounts in ";

  @TempDir Path home;

  @RegisterExtension
  final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withAccounts(
              List.of(
                  FakeAccount.of("111111111111", "Prod", "AdministratorAccess", "ReadOnly"),
                  FakeAccount.of("222222222222", "Dev", "Developer"),
                  FakeAccount.of("333333333333", "Shared", "ReadOnly")));

  private CliHarness cli;

  @BeforeEach
  void harness() {
    cli = new CliHarness(home, fake);
  }

  private static List<String> screen(Result result) {
    return TerminalScreen.render(result.err());
  }

  private static void assertNoLiveLineLeft(List<String> screen) {
    for (String line : screen) {
      assertFalse(line.startsWith("Waiting for") || line.startsWith("Listing"), screen.toString());
    }
  }

  @Nested
  class OnATerminal {
    @BeforeEach
    void terminal() {
      cli.terminal = Terminal.interactive(true, 200);
    }

    @Test
    void shows_the_countdown_and_one_live_line_then_only_the_result_stays() {
      Result result = cli.generate();

      assertEquals(0, result.code(), result.err());
      assertTrue(
          result
              .err()
              .contains(
                  "\rWaiting for the sign-in in the browser: 10:00 left; Ctrl-C to cancel\033[K"),
          result.err());
      assertTrue(result.err().contains("\rListing: accounts 3/3, roles 4"), result.err());
      List<String> screen = screen(result);
      assertNoLiveLineLeft(screen);
      assertEquals("", screen.get(screen.size() - 1), "the cursor ends at the start of a line");
      assertTrue(screen.get(screen.size() - 2).startsWith(RESULT), screen.toString());
      assertTrue(result.err().contains("\033[32m" + RESULT), "the result in green");
    }

    @Test
    void a_device_code_sign_in_counts_down_below_the_url_and_user_code() {
      Result result = cli.generate("--device-code", "--no-browser");

      assertEquals(0, result.code(), result.err());
      assertTrue(
          result.err().contains("\rWaiting for the user code to be approved: 10:00 left"),
          result.err());
      List<String> screen = screen(result);
      assertNoLiveLineLeft(screen);
      assertTrue(screen.contains("and check that it shows this code:"), screen.toString());
    }

    @Test
    void an_error_during_the_listing_lands_on_a_clean_line_in_red() {
      fake.withPageSize(1).revokeAccessTokensAfterPortalRequests(2);

      Result result = cli.generate("--concurrency", "1");

      assertEquals(4, result.code(), result.err());
      List<String> screen = screen(result);
      assertNoLiveLineLeft(screen);
      assertTrue(screen.get(screen.size() - 2).startsWith(Main.NAME + ": "), screen.toString());
      assertTrue(result.err().contains("\033[31m" + Main.NAME + ":\033[39m "), result.err());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void no_color_keeps_the_live_line_but_writes_no_colour() throws IOException {
      cli.env.put("TERM", "xterm-256color");
      cli.env.put("NO_COLOR", "1");
      cli.terminal = Terminal.detect(new Environment(cli.env, home.toString()), ttyOnBoth());

      Result result = cli.generate();

      assertEquals(0, result.code(), result.err());
      assertTrue(cli.terminal.interactive());
      assertTrue(result.err().contains("\rListing: accounts 3/3"), result.err());
      assertFalse(result.err().contains("m" + RESULT), "no SGR before the result: " + result.err());
      assertFalse(result.err().matches("(?s).*\033\\[[0-9;]*m.*"), result.err());
    }

    /** A fake {@code /proc/self/fd} whose stdout and stderr are a pseudo-terminal. */
    private TtyProbe ttyOnBoth() throws IOException {
      Path fd = Files.createDirectories(home.resolve("proc-fd"));
      Files.createSymbolicLink(fd.resolve("1"), Path.of("/dev/pts/1"));
      Files.createSymbolicLink(fd.resolve("2"), Path.of("/dev/pts/1"));
      return new TtyProbe(fd, home.resolve("no-dev-fd"), Path.of("/dev/null"));
    }
  }

  @Nested
  class InAPipe {
    @Test
    void prints_the_sparse_lines_and_no_escape_sequence() {
      Result result = cli.generate();

      assertEquals(0, result.code(), result.err());
      List<String> lines = result.err().lines().toList();
      assertTrue(
          lines.contains("Waiting for the sign-in in the browser (up to 10m); Ctrl-C to cancel."),
          result.err());
      assertTrue(lines.contains("Found 3 accounts; listing roles…"), result.err());
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("Listed roles of 3/3 accounts (")),
          result.err());
      assertTrue(lines.get(lines.size() - 1).startsWith(RESULT), result.err());
      // a line break is the platform's (CRLF on Windows); no other carriage return
      String err = result.err().replace(System.lineSeparator(), "\n");
      assertFalse(err.contains("\r") || err.contains("\033"), result.err());
    }

    @Test
    void a_device_code_sign_in_says_how_long_it_waits() {
      fake.withDeviceTiming(1, 300);

      Result result = cli.generate("--device-code", "--no-browser");

      assertEquals(0, result.code(), result.err());
      assertTrue(
          result
              .err()
              .lines()
              .anyMatch(
                  l ->
                      l.equals(
                          "Waiting for the user code to be approved (up to 5m); Ctrl-C to cancel.")),
          result.err());
    }
  }

  @Nested
  class Quiet {
    @Test
    void leaves_stderr_empty_on_success() {
      assertEquals(0, cli.generate().code());

      Result quiet = cli.generate("--quiet");

      assertEquals(0, quiet.code(), quiet.err());
      assertEquals("", quiet.err());
      assertEquals("", quiet.system());
      assertFalse(quiet.out().isEmpty(), "the summary still reaches stdout");
    }

    @Test
    void leaves_stderr_empty_on_success_on_a_terminal_too() {
      assertEquals(0, cli.generate().code());
      cli.terminal = Terminal.interactive(true, 100);

      Result quiet = cli.generate("-q");

      assertEquals(0, quiet.code(), quiet.err());
      assertEquals("", quiet.err());
    }

    @Test
    void a_sign_in_shows_only_what_the_person_must_act_on() {
      Result quiet = cli.generate("--quiet", "--device-code", "--no-browser");

      assertEquals(0, quiet.code(), quiet.err());
      List<String> lines = quiet.err().lines().toList();
      assertEquals(
          "To sign in, open this URL in a browser on any device:", lines.get(0), quiet.err());
      assertEquals("and check that it shows this code:", lines.get(2), quiet.err());
      assertEquals(4, lines.size(), quiet.err());
    }

    @Test
    void still_prints_errors() {
      fake.withPageSize(1).revokeAccessTokensAfterPortalRequests(2);

      Result quiet = cli.generate("--quiet", "--device-code", "--no-browser", "--concurrency", "1");

      assertEquals(4, quiet.code(), quiet.err());
      assertEquals(1, quiet.errorLines().size(), quiet.err());
      assertFalse(quiet.err().contains("Listed") || quiet.err().contains("Found"), quiet.err());
    }

    @Test
    void with_verbose_is_a_usage_error() {
      Result result = cli.generate("--quiet", "--verbose");

      assertEquals(ExitCode.USAGE, result.code(), result.err());
      assertEquals(
          List.of(Main.NAME + ": --quiet and --verbose cannot be used together; choose one"),
          result.errorLines());
    }
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.OnWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {
  @TempDir Path dir;
  private Path procFd;
  private TtyProbe probe;

  @BeforeEach
  void fakeProc() throws IOException {
    procFd = Files.createDirectory(dir.resolve("fd"));
    probe = new TtyProbe(procFd, dir.resolve("no-dev-fd"), dir.resolve("null"));
  }

  /** Makes {@code /proc/self/fd/N} of the fake point at {@code target}. */
  private void fd(int fd, String target) throws IOException {
    Files.createSymbolicLink(procFd.resolve(Integer.toString(fd)), Path.of(target));
  }

  private static Environment env(String... pairs) {
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put(pairs[i], pairs[i + 1]);
    }
    return new Environment(variables, "/home/nobody");
  }

  @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
  @Nested
  class Detect {
    @Test
    void stderr_on_a_terminal_gets_a_live_line_and_colour() throws IOException {
      fd(1, "/dev/pts/3");
      fd(2, "/dev/pts/3");

      Terminal terminal = Terminal.detect(env("TERM", "xterm-256color", "COLUMNS", "120"), probe);

      assertEquals(new Terminal(true, true, 120, true), terminal);
    }

    @Test
    void stderr_in_a_pipe_gets_neither_even_when_stdout_is_a_terminal() throws IOException {
      fd(1, "/dev/pts/3");
      fd(2, "pipe:[12345]");

      Terminal terminal = Terminal.detect(env("TERM", "xterm"), probe);

      assertFalse(terminal.interactive());
      assertFalse(terminal.colour());
      assertTrue(terminal.colourOnStdout());
    }

    @Test
    void no_color_turns_colour_off_but_keeps_the_live_line() throws IOException {
      fd(1, "/dev/pts/3");
      fd(2, "/dev/pts/3");

      Terminal terminal = Terminal.detect(env("TERM", "xterm", "NO_COLOR", "1"), probe);

      assertTrue(terminal.interactive());
      assertFalse(terminal.colour());
      assertFalse(terminal.colourOnStdout());
    }

    @Test
    void an_empty_no_color_is_as_if_unset() throws IOException {
      fd(2, "/dev/tty1");

      assertTrue(Terminal.detect(env("TERM", "linux", "NO_COLOR", ""), probe).colour());
    }

    @Test
    void a_dumb_or_unnamed_terminal_is_treated_as_none() throws IOException {
      fd(1, "/dev/pts/3");
      fd(2, "/dev/pts/3");

      assertEquals(Terminal.NONE, Terminal.detect(env("TERM", "dumb"), probe));
      assertEquals(Terminal.NONE, Terminal.detect(env(), probe));
    }

    @Test
    void a_width_that_is_not_a_sane_number_gives_80_columns() throws IOException {
      fd(2, "/dev/pts/0");

      assertEquals(80, Terminal.detect(env("TERM", "xterm", "COLUMNS", "abc"), probe).width());
      assertEquals(80, Terminal.detect(env("TERM", "xterm", "COLUMNS", "5"), probe).width());
      assertEquals(80, Terminal.detect(env("TERM", "xterm", "COLUMNS", "999999"), probe).width());
    }

    @Test
    void colour_without_a_terminal_is_refused() {
      assertThrows(IllegalArgumentException.class, () -> new Terminal(false, true, 80, false));
      assertThrows(IllegalArgumentException.class, () -> new Terminal(true, false, 19, false));
    }
  }

  @Nested
  class Probe {
    @Test
    void terminal_devices_are_terminals() {
      assertTrue(TtyProbe.isTerminalName("/dev/pts/7"));
      assertTrue(TtyProbe.isTerminalName("/dev/tty2"));
      assertTrue(TtyProbe.isTerminalName("/dev/console"));
    }

    @Test
    void pipes_files_and_the_null_device_are_not() {
      assertFalse(TtyProbe.isTerminalName("pipe:[4026]"));
      assertFalse(TtyProbe.isTerminalName("/home/me/log.txt"));
      assertFalse(TtyProbe.isTerminalName("/dev/null"));
      assertFalse(TtyProbe.isTerminalName("socket:[99]"));
    }

    @Test
    void a_descriptor_that_is_not_open_is_not_a_terminal() {
      assertFalse(probe.isTerminal(TtyProbe.STDERR));
    }

    /** A probe for a system without {@code /proc} whose {@code /dev/fd/N} is {@code target}. */
    private TtyProbe withoutProc(int fd, Path target) throws IOException {
      Path devFd = Files.createDirectory(dir.resolve("dev-fd"));
      Files.createSymbolicLink(devFd.resolve(Integer.toString(fd)), target);
      return new TtyProbe(dir.resolve("no-proc"), devFd, Path.of("/dev/null"));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void without_proc_a_regular_file_under_dev_fd_is_not_a_terminal() throws IOException {
      Path log = Files.writeString(dir.resolve("log.txt"), "a log file");

      assertFalse(withoutProc(TtyProbe.STDERR, log).isTerminal(TtyProbe.STDERR));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void without_proc_the_null_device_is_not_a_terminal() throws IOException {
      assertFalse(withoutProc(TtyProbe.STDOUT, Path.of("/dev/null")).isTerminal(TtyProbe.STDOUT));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void without_proc_another_character_device_counts_as_a_terminal() throws IOException {
      assertTrue(withoutProc(TtyProbe.STDERR, Path.of("/dev/zero")).isTerminal(TtyProbe.STDERR));
    }
  }
}

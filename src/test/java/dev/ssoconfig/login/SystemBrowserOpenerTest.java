package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.login.SystemBrowserOpener.BrowserCommand;
import dev.ssoconfig.testing.OnWindows;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SystemBrowserOpenerTest {
  private static final URI URL =
      URI.create("https://oidc.us-east-1.amazonaws.com/authorize?a=1&b=2");

  private static List<List<String>> commands(Map<String, String> env, String os, boolean wsl) {
    return new SystemBrowserOpener(env, os, () -> wsl)
        .commands(URL).stream().map(BrowserCommand::words).toList();
  }

  private static List<List<String>> commands(Map<String, String> env, String os) {
    return commands(env, os, false);
  }

  private static final List<String> XDG_OPEN = List.of("xdg-open", URL.toString());

  @Nested
  class WithBrowserVariable {
    @Test
    void appends_the_url_when_there_is_no_placeholder() {
      assertEquals(
          List.of(List.of("firefox", "--new-tab", URL.toString()), XDG_OPEN),
          commands(Map.of("BROWSER", "firefox --new-tab"), "Linux"));
    }

    @Test
    void substitutes_every_placeholder() {
      assertEquals(
          List.of("my browser", "--url=" + URL, "--again", URL.toString()),
          commands(Map.of("BROWSER", "'my browser' --url=%s --again %s"), "Linux").get(0));
    }

    @Test
    void tries_every_colon_separated_command_in_order_then_the_platform_opener() {
      assertEquals(
          List.of(List.of("w3m", URL.toString()), List.of("lynx", URL.toString()), XDG_OPEN),
          commands(Map.of("BROWSER", ":w3m::lynx"), "Linux"));
    }

    @Test
    void separates_commands_with_semicolons_on_windows() {
      assertEquals(
          List.of(
              List.of("C:\\Tools\\browser.exe", URL.toString()),
              List.of("other", URL.toString()),
              List.of("rundll32", "url.dll,FileProtocolHandler", URL.toString())),
          commands(Map.of("BROWSER", "C:\\Tools\\browser.exe;other"), "Windows 11"));
    }

    @Test
    void ignores_a_blank_variable() {
      assertEquals(List.of(XDG_OPEN), commands(Map.of("BROWSER", "  :  "), "Linux"));
    }

    @Test
    void a_last_word_ampersand_starts_the_command_in_the_background() {
      BrowserCommand command =
          new SystemBrowserOpener(Map.of("BROWSER", "links %s &"), "Linux", () -> false)
              .commands(URL)
              .get(0);

      assertEquals(new BrowserCommand(List.of("links", URL.toString()), true), command);
    }
  }

  @Nested
  class WithoutBrowserVariable {
    @Test
    void uses_xdg_open_on_linux_and_bsd() {
      assertEquals(List.of(XDG_OPEN), commands(Map.of(), "Linux"));
      assertEquals(List.of(XDG_OPEN), commands(Map.of(), "FreeBSD"));
    }

    @Test
    void uses_open_on_macos() {
      assertEquals(List.of(List.of("open", URL.toString())), commands(Map.of(), "Mac OS X"));
    }

    @Test
    void uses_the_url_protocol_handler_on_windows() {
      assertEquals(
          List.of(List.of("rundll32", "url.dll,FileProtocolHandler", URL.toString())),
          commands(Map.of(), "Windows 10"));
    }

    @Test
    void uses_wslview_then_cmd_start_then_xdg_open_on_wsl() {
      assertEquals(
          List.of(
              List.of("wslview", URL.toString()),
              List.of(
                  "cmd.exe",
                  "/c",
                  "start",
                  "https://oidc.us-east-1.amazonaws.com/authorize?a=1^&b=2"),
              XDG_OPEN),
          commands(Map.of(), "Linux", true));
    }

    @Test
    void asks_about_wsl_only_on_linux() {
      AtomicBoolean asked = new AtomicBoolean();
      new SystemBrowserOpener(Map.of(), "Mac OS X", () -> asked.getAndSet(true)).commands(URL);

      assertFalse(asked.get());
    }

    @Test
    void escapes_every_character_cmd_reads_in_a_command_line() {
      assertEquals("a^&b^|c^<d^>e^^f^(g^)", SystemBrowserOpener.cmdEscape("a&b|c<d>e^f(g)"));
    }
  }

  /**
   * Opening with real processes: stand-in scripts in a temp folder take the place of the programs
   * (a program not there is not found), so no real browser or {@code xdg-open} is ever run.
   */
  @Nested
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.SH_SCRIPTS)
  class Opening {
    @TempDir Path dir;
    private final List<Process> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopStandIns() {
      started.forEach(Process::destroyForcibly);
    }

    /** An opener whose programs are the scripts in {@link #dir}. */
    private SystemBrowserOpener opener(Map<String, String> env, boolean wsl, Duration exitWait) {
      return new SystemBrowserOpener(
          env,
          "Linux",
          () -> wsl,
          exitWait,
          command -> {
            List<String> local = new ArrayList<>(command);
            local.set(0, dir.resolve(command.get(0)).toString());
            Process process = SystemBrowserOpener.start(local);
            started.add(process);
            return process;
          });
    }

    private SystemBrowserOpener opener(String browser) {
      return opener(Map.of("BROWSER", browser), false, Duration.ofSeconds(30));
    }

    /** A stand-in that writes its arguments to {@code NAME.args}, then runs {@code then}. */
    private void script(String name, String then) throws IOException {
      Path script = dir.resolve(name);
      Files.writeString(
          script,
          "#!/bin/sh\nprintf '%s\\n' \"$@\" > \""
              + dir.resolve(name + ".args")
              + "\"\n"
              + then
              + "\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private boolean ran(String name) {
      return Files.exists(dir.resolve(name + ".args"));
    }

    @Test
    void passes_the_url_and_stops_at_the_first_command_that_exits_0() throws Exception {
      script("first", "exit 0");
      script("second", "exit 0");

      opener("first:second").open(URL);

      assertEquals(List.of(URL.toString()), Files.readAllLines(dir.resolve("first.args")));
      assertFalse(ran("second"));
    }

    @Test
    void tries_the_next_command_when_one_is_missing_or_exits_non_zero() throws Exception {
      script("failing", "exit 3");
      script("working", "exit 0");

      opener("missing:failing:working").open(URL);

      assertTrue(ran("failing"));
      assertTrue(ran("working"));
    }

    @Test
    void falls_back_to_the_platform_opener_after_the_browser_variable() throws Exception {
      script("failing", "exit 1");
      script("xdg-open", "exit 0");

      opener("failing").open(URL);

      assertEquals(List.of(URL.toString()), Files.readAllLines(dir.resolve("xdg-open.args")));
    }

    @Test
    void reports_every_command_that_failed_and_how() throws Exception {
      script("failing", "exit 3");

      IOException e = assertThrows(IOException.class, () -> opener("missing:failing").open(URL));

      assertEquals(
          "missing: not found; failing exited with code 3; xdg-open: not found", e.getMessage());
    }

    @Test
    void reports_a_program_that_may_not_be_run() throws Exception {
      script("locked", "exit 0");
      Files.setPosixFilePermissions(
          dir.resolve("locked"), PosixFilePermissions.fromString("rw-------"));

      IOException e = assertThrows(IOException.class, () -> opener("locked").open(URL));

      assertTrue(e.getMessage().startsWith("locked: permission denied;"), e.getMessage());
    }

    @Test
    void a_command_still_running_after_the_wait_counts_as_opened() throws Exception {
      script("foreground", "exec sleep 60");
      script("xdg-open", "exit 0");

      opener(Map.of("BROWSER", "foreground"), false, Duration.ofMillis(200)).open(URL);

      assertTrue(started.get(0).isAlive());
      assertFalse(ran("xdg-open"));
    }

    @Test
    void a_background_command_counts_as_opened_whatever_its_exit_status() throws Exception {
      script("detached", "exit 1");
      script("xdg-open", "exit 0");

      opener("detached %s &").open(URL);

      assertEquals(1, started.size(), "xdg-open was started too");
      assertTrue(started.get(0).waitFor(30, TimeUnit.SECONDS));
      assertTrue(ran("detached"));
    }

    @Test
    void on_wsl_uses_cmd_start_when_wslview_is_missing() throws Exception {
      script("cmd.exe", "exit 0");
      script("xdg-open", "exit 0");

      opener(Map.of(), true, Duration.ofSeconds(30)).open(URL);

      assertEquals(
          List.of("/c", "start", "https://oidc.us-east-1.amazonaws.com/authorize?a=1^&b=2"),
          Files.readAllLines(dir.resolve("cmd.exe.args")));
      assertFalse(ran("xdg-open"));
    }
  }
}

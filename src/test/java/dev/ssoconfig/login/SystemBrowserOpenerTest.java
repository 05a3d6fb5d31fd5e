package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.ssoconfig.testing.OnWindows;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SystemBrowserOpenerTest {
  private static final URI URL =
      URI.create("https://oidc.us-east-1.amazonaws.com/authorize?a=1&b=2");

  private static List<String> command(Map<String, String> env, String os) {
    return new SystemBrowserOpener(env, os).command(URL);
  }

  @Nested
  class WithBrowserVariable {
    @Test
    void appends_the_url_when_there_is_no_placeholder() {
      assertEquals(
          List.of("firefox", "--new-tab", URL.toString()),
          command(Map.of("BROWSER", "firefox --new-tab"), "Linux"));
    }

    @Test
    void substitutes_every_placeholder() {
      assertEquals(
          List.of("my browser", "--url=" + URL, "--again", URL.toString()),
          command(Map.of("BROWSER", "'my browser' --url=%s --again %s"), "Linux"));
    }

    @Test
    void uses_the_first_of_several_colon_separated_commands() {
      assertEquals(
          List.of("w3m", URL.toString()), command(Map.of("BROWSER", ":w3m:lynx"), "Linux"));
    }

    @Test
    void separates_commands_with_semicolons_on_windows() {
      assertEquals(
          List.of("C:\\Tools\\browser.exe", URL.toString()),
          command(Map.of("BROWSER", "C:\\Tools\\browser.exe;other"), "Windows 11"));
    }

    @Test
    void ignores_a_blank_variable() {
      assertEquals(List.of("xdg-open", URL.toString()), command(Map.of("BROWSER", "  "), "Linux"));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.SH_SCRIPTS)
    @Test
    void starts_the_command_without_waiting_for_it(@TempDir Path dir) throws Exception {
      Path out = dir.resolve("args.txt");
      Path script = dir.resolve("browser.sh");
      Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + out + "\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      SystemBrowserOpener opener =
          new SystemBrowserOpener(Map.of("BROWSER", script.toString()), "Linux");

      Process process = opener.start(URL);

      assertTrue(process.waitFor(10, TimeUnit.SECONDS));
      assertEquals(List.of(URL.toString()), Files.readAllLines(out));
    }

    @Test
    void reports_a_command_that_cannot_start(@TempDir Path dir) {
      SystemBrowserOpener opener =
          new SystemBrowserOpener(
              Map.of("BROWSER", dir.resolve("no-such-browser").toString()), "Linux");

      assertThrows(IOException.class, () -> opener.open(URL));
    }
  }

  @Nested
  class WithoutBrowserVariable {
    @Test
    void uses_xdg_open_on_linux_and_bsd() {
      assertEquals(List.of("xdg-open", URL.toString()), command(Map.of(), "Linux"));
      assertEquals(List.of("xdg-open", URL.toString()), command(Map.of(), "FreeBSD"));
    }

    @Test
    void uses_open_on_macos() {
      assertEquals(List.of("open", URL.toString()), command(Map.of(), "Mac OS X"));
    }

    @Test
    void uses_the_url_protocol_handler_on_windows() {
      assertEquals(
          List.of("rundll32", "url.dll,FileProtocolHandler", URL.toString()),
          command(Map.of(), "Windows 10"));
    }
  }
}

package dev.ssoconfig.cli;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.login.LoginFlow;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignInChoiceTest {
  private static final SignInChoice BROWSER_SIGN_IN = new SignInChoice(LoginFlow.PKCE, true, null);

  private static Environment linux(String... variables) {
    return on("Linux", variables);
  }

  private static Environment on(String os, String... variables) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      map.put(variables[i], variables[i + 1]);
    }
    return new Environment(map, "/home/me", os, () -> "Linux version 6.1.0 (Debian)");
  }

  private static SignInChoice unasked(Environment environment) {
    return SignInChoice.decide(false, false, false, environment);
  }

  private static SignInChoice deviceCode(String why) {
    return new SignInChoice(
        LoginFlow.DEVICE_CODE,
        false,
        "No display ("
            + why
            + "): signing in with a device code; use --pkce to open a browser here instead.");
  }

  @Nested
  class WithoutAFlowOption {
    @Test
    void a_desktop_signs_in_with_the_browser() {
      assertEquals(BROWSER_SIGN_IN, unasked(linux("DISPLAY", ":0")));
      assertEquals(BROWSER_SIGN_IN, unasked(linux("WAYLAND_DISPLAY", "wayland-0")));
    }

    @Test
    void an_ssh_session_uses_a_device_code_and_says_why() {
      SignInChoice expected = deviceCode("SSH session");
      assertEquals(expected, unasked(linux("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")));
      assertEquals(expected, unasked(linux("SSH_TTY", "/dev/pts/0")));
    }

    @Test
    void an_ssh_session_uses_a_device_code_even_with_a_display() {
      // X forwarding sets DISPLAY, but a browser started here is slow and often not wanted
      assertEquals(
          deviceCode("SSH session"),
          unasked(
              linux("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22", "DISPLAY", "localhost:10")));
      assertEquals(deviceCode("SSH session"), unasked(on("Mac OS X", "SSH_TTY", "/dev/ttys001")));
    }

    @Test
    void ci_uses_a_device_code_unless_it_says_false() {
      assertEquals(deviceCode("CI is set"), unasked(on("Mac OS X", "CI", "true")));
      assertEquals(BROWSER_SIGN_IN, unasked(on("Mac OS X", "CI", "false")));
      assertEquals(BROWSER_SIGN_IN, unasked(on("Mac OS X", "CI", "0")));
      assertEquals(BROWSER_SIGN_IN, unasked(on("Mac OS X", "CI", "")));
    }

    @Test
    void linux_and_bsd_without_a_display_use_a_device_code() {
      SignInChoice expected = deviceCode("neither DISPLAY nor WAYLAND_DISPLAY is set");
      assertEquals(expected, unasked(linux()));
      assertEquals(expected, unasked(linux("DISPLAY", "")));
      assertEquals(expected, unasked(on("FreeBSD")));
    }

    @Test
    void macos_and_windows_have_a_display_whatever_DISPLAY_says() {
      assertEquals(BROWSER_SIGN_IN, unasked(on("Mac OS X")));
      assertEquals(BROWSER_SIGN_IN, unasked(on("Windows 11")));
    }

    @Test
    void wsl_opens_the_windows_browser_without_a_display() {
      assertEquals(BROWSER_SIGN_IN, unasked(linux("WSL_DISTRO_NAME", "Ubuntu")));
      assertEquals(
          BROWSER_SIGN_IN,
          unasked(
              new Environment(
                  Map.of(), "/home/me", "Linux", () -> "Linux version 5.15.1-microsoft-standard")));
    }

    @Test
    void a_BROWSER_variable_means_a_browser_can_be_shown() {
      assertEquals(BROWSER_SIGN_IN, unasked(linux("BROWSER", "w3m")));
      assertEquals(BROWSER_SIGN_IN, unasked(linux("BROWSER", "w3m", "SSH_TTY", "/dev/pts/0")));
      assertEquals(BROWSER_SIGN_IN, unasked(linux("BROWSER", "lynx", "CI", "true")));
    }
  }

  @Nested
  class WithAFlowOption {
    @Test
    void pkce_forces_the_browser_sign_in_and_tries_the_browser() {
      assertEquals(
          BROWSER_SIGN_IN, SignInChoice.decide(false, true, false, linux("SSH_TTY", "/dev/pts/0")));
      assertEquals(BROWSER_SIGN_IN, SignInChoice.decide(false, true, false, linux()));
    }

    @Test
    void device_code_opens_a_browser_only_where_one_can_be_shown() {
      assertEquals(
          new SignInChoice(LoginFlow.DEVICE_CODE, true, null),
          SignInChoice.decide(true, false, false, linux("DISPLAY", ":0")));
      assertEquals(
          new SignInChoice(LoginFlow.DEVICE_CODE, false, null),
          SignInChoice.decide(true, false, false, linux("SSH_TTY", "/dev/pts/0")));
    }

    @Test
    void no_browser_starts_none_in_either_flow() {
      assertEquals(
          new SignInChoice(LoginFlow.PKCE, false, null),
          SignInChoice.decide(false, false, true, linux("DISPLAY", ":0")));
      assertEquals(
          new SignInChoice(LoginFlow.PKCE, false, null),
          SignInChoice.decide(false, true, true, linux()));
      assertEquals(
          new SignInChoice(LoginFlow.DEVICE_CODE, false, null),
          SignInChoice.decide(true, false, true, linux("DISPLAY", ":0")));
    }

    @Test
    void device_code_and_pkce_together_are_a_usage_error() {
      Failure e =
          assertFailure(
              Kind.USAGE, () -> SignInChoice.decide(true, true, false, linux("DISPLAY", ":0")));
      assertEquals("--device-code and --pkce cannot be used together; choose one", e.getMessage());
    }
  }
}

package dev.ssoconfig.cli;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Nested
  class Home {
    @Test
    void prefers_HOME_over_user_home() {
      Environment env = new Environment(Map.of("HOME", "/h", "USERPROFILE", "/u"), "/j");
      assertEquals(Path.of("/h"), env.home());
    }

    @Test
    void falls_back_to_USERPROFILE_then_HOMEDRIVE_HOMEPATH_then_user_home() {
      assertEquals(Path.of("/u"), new Environment(Map.of("USERPROFILE", "/u"), "/j").home());
      assertEquals(
          Path.of("C:/Users/x"),
          new Environment(Map.of("HOMEDRIVE", "C:", "HOMEPATH", "/Users/x"), "/j").home());
      assertEquals(Path.of("/j"), new Environment(Map.of(), "/j").home());
    }

    @Test
    void treats_an_empty_variable_as_unset() {
      assertEquals(Path.of("/j"), new Environment(Map.of("HOME", ""), "/j").home());
    }

    @Test
    void without_any_home_is_a_usage_error() {
      assertFailure(Kind.USAGE, () -> new Environment(Map.of(), null).home());
    }
  }

  @Nested
  class ConfigFile {
    @Test
    void defaults_to_dot_aws_config_under_home() {
      assertEquals(
          Path.of("/h/.aws/config"), new Environment(Map.of("HOME", "/h"), "/j").configFile());
    }

    @Test
    void honours_AWS_CONFIG_FILE_and_expands_tilde() {
      assertEquals(
          Path.of("/elsewhere/cfg"),
          new Environment(Map.of("HOME", "/h", "AWS_CONFIG_FILE", "/elsewhere/cfg"), "/j")
              .configFile());
      assertEquals(
          Path.of("/h/cfg"),
          new Environment(Map.of("HOME", "/h", "AWS_CONFIG_FILE", "~/cfg"), "/j").configFile());
    }

    @Test
    void sso_cache_is_under_home() {
      assertEquals(
          Path.of("/h/.aws/sso/cache"), new Environment(Map.of("HOME", "/h"), "/j").ssoCacheDir());
    }
  }

  @Nested
  class Endpoints {
    @Test
    void service_specific_variables_win_over_the_global_one() {
      Environment env =
          new Environment(
              Map.of(
                  "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
                  "AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:2"),
              "/j");
      assertEquals(Optional.of(URI.create("http://127.0.0.1:2")), env.oidcEndpoint());
      assertEquals(Optional.of(URI.create("http://127.0.0.1:1")), env.portalEndpoint());
    }

    @Test
    void none_set_means_the_sdk_default() {
      assertEquals(Optional.empty(), new Environment(Map.of(), "/j").portalEndpoint());
    }

    @Test
    void a_malformed_endpoint_is_a_usage_error() {
      Environment env = new Environment(Map.of("AWS_ENDPOINT_URL_SSO", "not a url"), "/j");
      Failure e = assertFailure(Kind.USAGE, env::portalEndpoint);
      assertEquals("AWS_ENDPOINT_URL_SSO is not an absolute URL: not a url", e.getMessage());
    }

    @Test
    void an_endpoint_with_a_password_is_refused_without_printing_it() {
      Environment env =
          new Environment(
              Map.of("AWS_ENDPOINT_URL_SSO_OIDC", "https://me:hunter2@proxy.example:8443/"), "/j");
      Failure e = assertFailure(Kind.USAGE, env::oidcEndpoint);
      assertEquals(
          "AWS_ENDPOINT_URL_SSO_OIDC must not contain a user name or password (NAME:PASSWORD@ before"
              + " the host); give the endpoint URL alone",
          e.getMessage());
    }
  }

  @Nested
  class Wsl {
    private Environment linux(Map<String, String> variables, String procVersion) {
      return new Environment(variables, "/j", "Linux", () -> procVersion);
    }

    @Test
    void is_told_by_the_variables_wsl_sets() {
      assertTrue(linux(Map.of("WSL_DISTRO_NAME", "Ubuntu"), "").wsl());
      assertTrue(linux(Map.of("WSL_INTEROP", "/run/WSL/8_interop"), "").wsl());
    }

    @Test
    void is_told_by_the_kernel_name_in_proc_version_in_any_case() {
      assertTrue(
          linux(Map.of(), "Linux version 5.15.167.4-microsoft-standard-WSL2 (root@1) #1 SMP")
              .wsl());
      assertTrue(
          linux(Map.of(), "Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com)").wsl());
    }

    @Test
    void is_not_plain_linux() {
      assertFalse(
          linux(Map.of(), "Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org)").wsl());
      assertFalse(linux(Map.of("WSL_DISTRO_NAME", ""), "").wsl());
    }

    @Test
    void is_linux_only_and_reads_nothing_elsewhere() {
      Environment mac =
          new Environment(
              Map.of("WSL_DISTRO_NAME", "Ubuntu"),
              "/j",
              "Mac OS X",
              () -> {
                throw new AssertionError("read /proc/version");
              });
      assertFalse(mac.wsl());
    }

    @Test
    void reads_proc_version_only_when_the_variables_do_not_tell() {
      Environment env =
          new Environment(
              Map.of("WSL_INTEROP", "/run/WSL/8_interop"),
              "/j",
              "Linux",
              () -> {
                throw new AssertionError("read /proc/version");
              });
      assertTrue(env.wsl());
    }
  }

  @Nested
  class OperatingSystem {
    @Test
    void on_windows_variable_names_ignore_case_as_for_the_aws_cli() {
      Environment windows =
          new Environment(
              Map.of("aws_config_file", "C:/cfg", "Browser", "firefox"),
              "/j",
              "Windows 11",
              () -> "");
      assertEquals(Path.of("C:/cfg"), windows.configFile());
      assertEquals("firefox", windows.get("BROWSER"));

      Environment linux =
          new Environment(Map.of("aws_config_file", "/cfg", "HOME", "/h"), "/j", "Linux", () -> "");
      assertEquals(Path.of("/h/.aws/config"), linux.configFile());
    }

    @Test
    void knows_macos_and_windows_by_their_os_name() {
      assertTrue(new Environment(Map.of(), "/j", "Mac OS X", () -> "").macOs());
      assertTrue(new Environment(Map.of(), "/j", "Windows 11", () -> "").windows());
      assertFalse(new Environment(Map.of(), "/j", "Linux", () -> "").macOs());
      assertFalse(new Environment(Map.of(), "/j", "Linux", () -> "").windows());
    }
  }
}

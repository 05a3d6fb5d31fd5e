package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts a launcher ({@code target/aws-sso-config-generator}, or a copy of it) as a separate
 * process with an isolated environment: no {@code AWS_*} variable, no {@code BROWSER}, no proxy
 * variable and none of the variables that choose the sign-in flow ({@code SSH_CONNECTION}, {@code
 * CI}, {@code DISPLAY}, ...) of the developer or the CI runner, so a run without a flow option
 * signs in with a device code (Linux without a display) unless the test sets {@code BROWSER};
 * {@code HOME} a test folder, {@code XDG_CACHE_HOME} the {@code .cache} folder in it (so the
 * class-data archive is made there, never in the developer's cache), the endpoints of a fake
 * Identity Center, standard input from {@code /dev/null}.
 */
final class LauncherProcess {
  /** The launcher the build made. */
  static final Path BUILT =
      Path.of(System.getProperty("launcher", "target/aws-sso-config-generator"));

  /** Variables of this process the launcher does not inherit (in any case, as for proxies). */
  private static final Set<String> INHERITED_NOT =
      Set.of(
          "BROWSER",
          "SSH_CONNECTION",
          "SSH_TTY",
          "SSH_CLIENT",
          "CI",
          "DISPLAY",
          "WAYLAND_DISPLAY",
          "WSL_DISTRO_NAME",
          "WSL_INTEROP",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "NO_PROXY",
          "ALL_PROXY");

  private final Path launcher;
  private final Path home;
  private final URI endpoint;

  /**
   * @param launcher the launcher file to run
   * @param home the test's home folder; output files are made in it
   * @param endpoint the fake Identity Center, for {@code AWS_ENDPOINT_URL_SSO_OIDC} and {@code
   *     AWS_ENDPOINT_URL_SSO}; {@code null} for the regional AWS endpoints (only for a run whose
   *     calls a test proxy refuses, or that cannot resolve them: no test reaches AWS)
   */
  LauncherProcess(Path launcher, Path home, URI endpoint) {
    this.launcher = launcher;
    this.home = home;
    this.endpoint = endpoint;
  }

  /** How a run ended: its exit code, standard output and standard error. */
  record Run(int code, String out, String err) {}

  /**
   * @param prefix a command that runs the launcher by {@code exec}, so the process is still the
   *     JVM, e.g. {@code env --default-signal=INT}; empty for none
   * @param extraEnv variables to set on top of the isolated environment
   * @param args the launcher's arguments
   * @return the process, not started
   */
  ProcessBuilder builder(List<String> prefix, Map<String, String> extraEnv, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(launcher.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(k -> k.startsWith("AWS_") || INHERITED_NOT.contains(k.toUpperCase(Locale.ROOT)));
    env.put("HOME", home.toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    if (endpoint != null) {
      env.put("AWS_ENDPOINT_URL_SSO_OIDC", endpoint.toString());
      env.put("AWS_ENDPOINT_URL_SSO", endpoint.toString());
    }
    env.putAll(extraEnv);
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    return builder;
  }

  /** Runs the launcher to its end (at most two minutes) and returns what it printed. */
  Run run(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = builder(List.of(), extraEnv, args);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "launcher did not finish");
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a launcher ({@code target/aws-sso-config-generator}, or a copy of it) as a separate
 * process with an isolated environment: no {@code AWS_*} variable and no {@code BROWSER} of the
 * developer, {@code HOME} a test folder, {@code XDG_CACHE_HOME} the {@code .cache} folder in it (so
 * the class-data archive is made there, never in the developer's cache), the endpoints of a fake
 * Identity Center, standard input from {@code /dev/null}.
 */
final class LauncherProcess {
  /** The launcher the build made. */
  static final Path BUILT =
      Path.of(System.getProperty("launcher", "target/aws-sso-config-generator"));

  private final Path launcher;
  private final Path home;
  private final URI endpoint;

  /**
   * @param launcher the launcher file to run
   * @param home the test's home folder; output files are made in it
   * @param endpoint the fake Identity Center, for {@code AWS_ENDPOINT_URL_SSO_OIDC} and {@code
   *     AWS_ENDPOINT_URL_SSO}
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
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("BROWSER"));
    env.put("HOME", home.toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("AWS_ENDPOINT_URL_SSO_OIDC", endpoint.toString());
    env.put("AWS_ENDPOINT_URL_SSO", endpoint.toString());
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

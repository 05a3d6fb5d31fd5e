package dev.ssoconfig.cli;

import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.TestBrowser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole command in process, as {@code GenerateEndToEndTest} does, with its own home folder
 * and environment, against a fake Identity Center (or any endpoint). While the command runs the
 * JVM's {@code System.out} and {@code System.err} are captured too, so that output that bypasses
 * the command's streams is seen.
 */
final class CliHarness {
  static final String START_URL = "https://acme.awsapps.com/start";

  final Path home;
  final Map<String, String> env = new HashMap<>();
  TestBrowser browser = TestBrowser.visiting();
  Clock clock = Clock.systemUTC();

  /** What stderr is shown on; {@link Terminal#interactive} simulates a terminal. */
  Terminal terminal = Terminal.NONE;

  /** The operating system the command sees; with {@code DISPLAY} set, a Linux desktop. */
  String osName = "Linux";

  /** What the command reads as {@code /proc/version}. */
  String procVersion = "Linux version 6.1.0 (Debian)";

  /**
   * A person at a Linux desktop ({@code DISPLAY=:0}, so the browser sign-in is the default) whose
   * home is {@code home}.
   *
   * @param home the person's home folder (a {@code @TempDir})
   * @param endpoint where both the OIDC and the portal calls go
   */
  CliHarness(Path home, URI endpoint) {
    this.home = home;
    env.put("HOME", home.toString());
    env.put("DISPLAY", ":0");
    endpoint(endpoint);
  }

  CliHarness(Path home, FakeIdentityCenter fake) {
    this(home, fake.baseUri());
  }

  /** Sends both the OIDC and the portal calls to this endpoint. */
  void endpoint(URI endpoint) {
    env.put("AWS_ENDPOINT_URL_SSO_OIDC", endpoint.toString());
    env.put("AWS_ENDPOINT_URL_SSO", endpoint.toString());
  }

  Path config() {
    return home.resolve(".aws/config");
  }

  /** Runs {@code --start-url START_URL --region eu-west-1 --sso-region us-east-1} plus extra. */
  Result generate(String... extra) {
    return run(generateArgs(extra));
  }

  /** {@code --start-url START_URL --region eu-west-1 --sso-region us-east-1} plus extra. */
  static String[] generateArgs(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--start-url", START_URL, "--region", "eu-west-1", "--sso-region", "us-east-1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    return run(out, args).withOut(out.toString());
  }

  /**
   * Runs the command with its stdout going to {@code stdout} (e.g. one that fails); the result's
   * {@code out} is empty.
   */
  Result run(Writer stdout, String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream system = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    int code;
    try (PrintStream capture = new PrintStream(system, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      code =
          new Main(
                  new PrintWriter(stdout, true),
                  new PrintWriter(err, true),
                  terminal,
                  new Environment(env, home.toString(), osName, () -> procVersion),
                  clock,
                  browser)
              .run(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Result(code, "", err.toString(), system.toString(StandardCharsets.UTF_8));
  }

  /**
   * @param code the exit code
   * @param out what the command wrote to its stdout
   * @param err what the command wrote to its stderr
   * @param system what anything wrote to the JVM's {@code System.out}/{@code System.err} meanwhile
   */
  record Result(int code, String out, String err, String system) {
    Result withOut(String stdout) {
      return new Result(code, stdout, err, system);
    }

    /** Everything a person could have seen. */
    String all() {
      return out + err + system;
    }

    /** The lines of stderr that are error messages of the command. */
    List<String> errorLines() {
      return err.lines().filter(l -> l.startsWith(Main.NAME + ":")).toList();
    }
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ssoconfig.cli.LauncherProcess.Run;
import dev.ssoconfig.testing.CountingProxy;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.testing.OnWindows;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Black-box tests of the built launcher {@code target/aws-sso-config-generator}, run as a separate
 * process with an isolated environment against the fake Identity Center on 127.0.0.1.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.SHELL_LAUNCHER)
class LauncherIT {
  private static final Path LAUNCHER = LauncherProcess.BUILT;

  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private LauncherProcess launcher;

  @BeforeEach
  void start() {
    launcher = new LauncherProcess(LAUNCHER, home, fake.baseUri());
  }

  private Run launch(Map<String, String> extraEnv, String... args)
      throws IOException, InterruptedException {
    return launcher.run(extraEnv, args);
  }

  /** The launcher with an isolated environment: this test's HOME, the fake's endpoints. */
  private ProcessBuilder launcher(Map<String, String> extraEnv, String... args) {
    return launcher.builder(List.of(), extraEnv, args);
  }

  /**
   * @param prefix a command that runs the launcher by {@code exec}, so the process is still the
   *     JVM, e.g. {@code env --default-signal=INT}
   */
  private ProcessBuilder launcher(
      List<String> prefix, Map<String, String> extraEnv, String... args) {
    return launcher.builder(prefix, extraEnv, args);
  }

  private ProfileFile config() throws IOException {
    return parse(home.resolve(".aws/config"));
  }

  /** Parses a written config file with the SDK for Java's strict reader. */
  private static ProfileFile parse(Path file) throws IOException {
    return ProfileFile.builder()
        .content(new ByteArrayInputStream(Files.readAllBytes(file)))
        .type(ProfileFile.Type.CONFIGURATION)
        .build();
  }

  private static final String[] GENERATE = {
    "--start-url", "https://acme.awsapps.com/start", "--region", "us-east-1"
  };

  private static String[] with(String... extra) {
    List<String> all = new ArrayList<>(List.of(GENERATE));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void keeps_portal_connections_alive_so_no_more_are_opened_than_calls_in_flight()
      throws Exception {
    List<FakeAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      accounts.add(FakeAccount.of(String.format("%012d", 100_000_000_000L + i), "A" + i, "Role"));
    }
    fake.withAccounts(accounts).withPageSize(100).withPortalLatency(Duration.ofMillis(50));
    try (CountingProxy proxy = new CountingProxy(fake.baseUri())) {
      Run run =
          launch(
              Map.of("AWS_ENDPOINT_URL_SSO", proxy.baseUri().toString()),
              with("--device-code", "--no-browser", "--concurrency", "64"));

      assertEquals(0, run.code(), run.err());
      int calls =
          fake.requestCount(Operation.LIST_ACCOUNTS)
              + fake.requestCount(Operation.LIST_ACCOUNT_ROLES);
      assertEquals(606, calls);
      assertTrue(
          proxy.connections() <= 64,
          proxy.connections() + " connections for " + calls + " calls, at most 64 in flight");
    }
  }

  @Test
  void device_code_run_writes_profiles_and_a_second_run_changes_nothing() throws Exception {
    Run first = launch(Map.of(), with("--device-code", "--no-browser"));

    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("8 added"), first.out());
    assertTrue(first.err().contains("user_code="), first.err());
    assertFalse(first.err().contains("SLF4J"), "no logging warnings reach the user");
    assertEquals(8, config().profiles().size());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".aws/config"))));
    byte[] written = Files.readAllBytes(home.resolve(".aws/config"));
    int tokenCalls = fake.requestCount(Operation.CREATE_TOKEN);

    Run second = launch(Map.of(), with("--device-code", "--no-browser"));

    assertEquals(0, second.code(), second.err());
    assertTrue(second.out().startsWith("No change"), second.out());
    assertTrue(second.err().contains("cached access token"), second.err());
    assertArrayEquals(written, Files.readAllBytes(home.resolve(".aws/config")));
    assertEquals(tokenCalls, fake.requestCount(Operation.CREATE_TOKEN));
  }

  @Test
  void over_ssh_without_a_display_signs_in_with_a_device_code_unasked() throws Exception {
    Run run = launch(Map.of("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22"), GENERATE);

    assertEquals(0, run.code(), run.err());
    assertTrue(
        run.err().contains("No display (SSH session): signing in with a device code;"), run.err());
    assertTrue(run.err().contains("user_code="), run.err());
    assertEquals(0, fake.createTokenCount("authorization_code"));
    assertEquals(8, config().profiles().size());
  }

  @Test
  void two_runs_at_once_against_one_config_both_succeed_and_keep_each_others_profiles()
      throws Exception {
    List<Process> processes = new ArrayList<>();
    List<Path> errs = new ArrayList<>();
    for (String session : List.of("alpha", "beta")) {
      Path err = Files.createTempFile(home, session, ".err");
      errs.add(err);
      ProcessBuilder builder =
          launcher(
              Map.of(),
              "--start-url",
              "https://" + session + ".awsapps.com/start",
              "--region",
              "us-east-1",
              "--device-code",
              "--no-browser",
              "--profile-template",
              "{sso_session}.{account_name}.{role_name}");
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
      processes.add(builder.start());
    }
    for (int i = 0; i < processes.size(); i++) {
      assertTrue(processes.get(i).waitFor(2, TimeUnit.MINUTES));
      assertEquals(0, processes.get(i).exitValue(), Files.readString(errs.get(i)));
    }

    ProfileFile file = config();
    assertEquals(16, file.profiles().size(), file.profiles().keySet().toString());
    assertTrue(file.profiles().keySet().stream().anyMatch(n -> n.startsWith("alpha.")));
    assertTrue(file.profiles().keySet().stream().anyMatch(n -> n.startsWith("beta.")));
    assertTrue(file.getSection("sso-session", "alpha").isPresent());
    assertTrue(file.getSection("sso-session", "beta").isPresent());
    try (var files = Files.list(home.resolve(".aws"))) {
      assertEquals(
          List.of("config", "config.bak", "config.lock", "sso"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temp file left behind");
    }
  }

  @Test
  void pkce_run_with_a_BROWSER_that_fetches_the_url() throws Exception {
    Path curl = Path.of("/usr/bin/curl");
    assumeTrue(Files.isExecutable(curl), "needs curl to play the browser");
    Path browser = home.resolve("browser.sh");
    Files.writeString(browser, "#!/bin/sh\n" + curl + " -sSL -o /dev/null \"$1\" &\n");
    browser.toFile().setExecutable(true);

    Run run = launch(Map.of("BROWSER", browser.toString()), GENERATE);

    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("/authorize?response_type=code"), run.err());
    assertEquals(8, config().profiles().size());
    assertEquals(1, fake.createTokenCount("authorization_code"));
  }

  /**
   * With a cached client registration nothing is needed from the SDK before the authorize URL is
   * printed: the run is ended by its browser (a script that kills the JVM that started it), and the
   * classes it loaded until then are checked.
   */
  @Test
  void pkce_with_a_cached_registration_prints_the_url_before_any_client_or_tls_context()
      throws Exception {
    Path curl = Path.of("/usr/bin/curl");
    assumeTrue(Files.isExecutable(curl), "needs curl to play the browser");
    Path browser = home.resolve("browser.sh");
    Files.writeString(browser, "#!/bin/sh\n" + curl + " -sSL -o /dev/null \"$1\" &\n");
    browser.toFile().setExecutable(true);
    assertEquals(0, launch(Map.of("BROWSER", browser.toString()), GENERATE).code());
    Path ender = home.resolve("end-at-url.sh");
    Files.writeString(ender, "#!/bin/sh\nkill -KILL \"$PPID\"\n");
    ender.toFile().setExecutable(true);
    Path classes = home.resolve("classes.log");

    Run run =
        launch(
            Map.of("BROWSER", ender.toString(), "JAVA_OPTS", "-Xlog:class+load:file=" + classes),
            with("--force-login"));

    assertEquals(137, run.code(), run.err());
    assertTrue(run.err().contains("/authorize?response_type=code"), run.err());
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains(" dev.ssoconfig.login.PkceLogin "), "the run got to the URL");
    for (String notYet :
        List.of(
            " javax.net.ssl.SSLContext ",
            " software.amazon.awssdk.services.ssooidc.DefaultSsoOidcClient ",
            " software.amazon.awssdk.services.sso.DefaultSsoClient ",
            " software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient ",
            " com.fasterxml.jackson.databind.",
            " software.amazon.awssdk.regions.servicemetadata.")) {
      assertFalse(loaded.contains(notYet), notYet + " was loaded before the URL was printed");
    }
    assertEquals(1, fake.createTokenCount("authorization_code"), "only the first run's");
  }

  /**
   * Files the AWS CLI reads but the SDK for Java's strict {@code ProfileFile} reader rejects
   * ("Expected a profile or property definition on line 2"): an indented first property.
   */
  private static final String CONFIG_THE_SDK_REJECTS = "[default]\n  region = us-west-2\n";

  private static final String CREDENTIALS_THE_SDK_REJECTS =
      "[default]\n  aws_access_key_id = AKIDEXAMPLE\nregion : eu-west-3\n";

  private Path writeFilesTheSdkRejects() throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS_THE_SDK_REJECTS);
    return Files.writeString(home.resolve(".aws/config"), CONFIG_THE_SDK_REJECTS);
  }

  @Test
  void signs_in_and_lists_when_the_sdk_cannot_parse_the_config_and_credentials_files()
      throws Exception {
    Path config = writeFilesTheSdkRejects();

    Run run = launch(Map.of(), with("--device-code", "--no-browser"));

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("8 added"), run.out());
    String written = Files.readString(config);
    assertTrue(written.startsWith(CONFIG_THE_SDK_REJECTS), written);
    assertEquals(8, written.split("\\[profile ", -1).length - 1, written);
    assertEquals(CREDENTIALS_THE_SDK_REJECTS, Files.readString(home.resolve(".aws/credentials")));
  }

  @Test
  void signs_in_and_lists_with_config_file_elsewhere_and_unparseable_files_in_home()
      throws Exception {
    writeFilesTheSdkRejects();
    Path elsewhere = home.resolve("elsewhere/config");

    Run run =
        launch(
            Map.of(), with("--device-code", "--no-browser", "--config-file", elsewhere.toString()));

    assertEquals(0, run.code(), run.err());
    assertEquals(8, parse(elsewhere).profiles().size());
    assertEquals(CONFIG_THE_SDK_REJECTS, Files.readString(home.resolve(".aws/config")));
    assertEquals(CREDENTIALS_THE_SDK_REJECTS, Files.readString(home.resolve(".aws/credentials")));
  }

  @Test
  void bad_input_is_one_line_exit_2_and_no_request() throws Exception {
    Run run =
        launch(Map.of(), "--start-url", "http://acme.awsapps.com/start", "--region", "us-east-1");
    assertEquals(2, run.code());
    assertEquals(1, run.err().lines().count(), run.err());
    assertEquals(0, fake.totalRequests());
    assertFalse(Files.exists(home.resolve(".aws")));
  }

  @Test
  void help_works_without_any_environment() throws Exception {
    Run run = launch(Map.of(), "--help");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("--start-url=URL"), run.out());
    assertEquals("", run.err());
  }

  /**
   * A process started with SIGINT ignored (e.g. under a shell's background job without job control)
   * keeps ignoring it across {@code exec}, and the JVM then installs no handler for it; GNU env
   * (coreutils 8.31 or later) restores the default first.
   */
  private static List<String> withDefaultSigint() throws InterruptedException {
    try {
      Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").start();
      if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return List.of("env", "--default-signal=INT");
      }
    } catch (IOException noGnuEnv) {
      // run the launcher as it is
    }
    return List.of();
  }

  @Test
  @Timeout(120)
  void ctrl_c_while_waiting_for_the_sign_in_exits_130_saying_interrupted_and_keeps_the_config()
      throws Exception {
    Path config = home.resolve(".aws/config");
    Files.createDirectories(config.getParent());
    byte[] before = "[default]\r\nregion = eu-west-1\r\n# mine".getBytes(StandardCharsets.UTF_8);
    Files.write(config, before);
    ProcessBuilder builder =
        launcher(withDefaultSigint(), Map.of(), with("--pkce", "--no-browser"));
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    List<String> err = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = lines.readLine();
        if (line != null) {
          err.add(line);
        }
      } while (line != null && !line.contains("/authorize?"));
      assertTrue(line != null, "no sign-in prompt: " + err);

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
      assertTrue(kill.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, kill.exitValue(), "kill -INT failed");
      lines.lines().forEach(err::add);
    }

    assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the launcher did not stop");
    assertEquals(130, process.exitValue(), String.join("\n", err));
    assertEquals(
        List.of(Main.NAME + ": Interrupted"),
        errorLines(new Run(process.exitValue(), "", String.join("\n", err))),
        String.join("\n", err));
    assertArrayEquals(before, Files.readAllBytes(config));
    assertEquals(0, fake.createTokenCount("authorization_code"));
  }

  /** Runs the launcher with stdout on {@code /dev/full}, where every write fails (ENOSPC). */
  private Run launchWithFullStdout(String... args) throws IOException, InterruptedException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "needs /dev/full");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process =
        launcher(Map.of(), args).redirectOutput(full.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "launcher did not finish");
    return new Run(process.exitValue(), "", Files.readString(err));
  }

  private static List<String> errorLines(Run run) {
    return run.err().lines().filter(l -> l.startsWith(Main.NAME + ":")).toList();
  }

  @Test
  void version_on_a_full_stdout_exits_5_with_one_line() throws Exception {
    Run run = launchWithFullStdout("--version");

    assertEquals(5, run.code(), run.err());
    assertEquals(
        List.of(Main.NAME + ": cannot write to standard output; the output is incomplete"),
        run.err().lines().toList());
  }

  @Test
  void a_dry_run_on_a_full_stdout_exits_5_and_writes_nothing() throws Exception {
    Run run = launchWithFullStdout(with("--device-code", "--no-browser", "--dry-run"));

    assertEquals(5, run.code(), run.err());
    assertEquals(
        List.of(Main.NAME + ": cannot write to standard output; the output is incomplete"),
        errorLines(run));
    assertFalse(Files.exists(home.resolve(".aws/config")));
  }

  @Test
  void a_non_utf_8_locale_gets_plain_ascii() throws Exception {
    Run run = launch(Map.of("LANG", "C", "LC_ALL", "C"), with("--device-code", "--no-browser"));

    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("; listing roles...\n"), run.err());
    assertTrue((run.out() + run.err()).chars().allMatch(c -> c < 0x80), "not ASCII: " + run.err());
  }

  @Test
  void starts_the_jvm_with_the_client_compiler_and_the_serial_collector() throws Exception {
    Run run = launch(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");

    assertEquals(0, run.code(), run.err());
    String flags = run.out().lines().findFirst().orElseThrow();
    assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), flags);
    assertTrue(flags.contains("-XX:+UseSerialGC"), flags);
  }

  @Test
  void JAVA_OPTS_may_choose_another_collector_and_compiler() throws Exception {
    Run run =
        launch(
            Map.of(
                "JAVA_OPTS",
                "-XX:+UseParallelGC -XX:TieredStopAtLevel=4 -XX:+PrintCommandLineFlags"),
            "--version");

    assertEquals(0, run.code(), run.err());
    String flags = run.out().lines().findFirst().orElseThrow();
    assertTrue(flags.contains("-XX:+UseParallelGC"), flags);
    assertFalse(flags.contains("UseSerialGC"), flags);
    assertTrue(flags.contains("-XX:TieredStopAtLevel=4"), flags);
    assertTrue(run.out().contains("\naws-sso-config-generator 0."), run.out());
  }

  @Test
  void the_jar_runs_with_java_jar() throws Exception {
    Path jar = LAUNCHER.resolveSibling("aws-sso-config-generator.jar");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(1, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.startsWith("aws-sso-config-generator 0."), output);
  }

  /**
   * pom.xml's shade filter keeps one copy of the license files that jackson-core and the SDK's
   * shaded Jackson ({@code third-party-jackson-core}) both carry; right only while their copies are
   * the same.
   */
  @Test
  void the_jar_keeps_the_license_files_jackson_and_the_sdk_share_and_every_copy_is_the_same()
      throws Exception {
    Path jar = LAUNCHER.resolveSibling("aws-sso-config-generator.jar");
    try (JarFile shaded = new JarFile(jar.toFile())) {
      for (String name :
          List.of(
              "META-INF/FastDoubleParser-LICENSE",
              "META-INF/FastDoubleParser-ThirdParty-LICENSE",
              "META-INF/Schubfach-LICENSE")) {
        JarEntry entry = shaded.getJarEntry(name);
        assertNotNull(entry, name + " in " + jar);
        byte[] kept = shaded.getInputStream(entry).readAllBytes();
        List<URL> copies =
            Collections.list(getClass().getClassLoader().getResources(name)).stream()
                .filter(
                    url ->
                        url.getPath().contains("/jackson-core-")
                            || url.getPath().contains("/third-party-jackson-core-"))
                // Jackson 3 (tools.jackson) comes only with the tests' JSON Schema validator and
                // is not in the jar
                .filter(url -> !url.getPath().contains("/tools/jackson/"))
                .toList();
        assertEquals(2, copies.size(), name + ": " + copies);
        for (URL copy : copies) {
          try (InputStream in = copy.openStream()) {
            assertArrayEquals(kept, in.readAllBytes(), copy.toString());
          }
        }
      }
    }
  }
}

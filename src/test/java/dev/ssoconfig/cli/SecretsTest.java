package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssoconfig.Failure;
import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.testing.DevicePoll;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.testing.TestBrowser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No secret — access token, refresh token, client secret, authorization code, code verifier, device
 * code — reaches stdout or stderr in any flow, even with {@code --verbose}, even when the service
 * repeats secrets in its error messages. The fake Identity Center reports every secret it issued or
 * received; each run's whole output is searched for each of them.
 */
@Timeout(60)
class SecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private CliHarness cli;
  private final List<Result> results = new ArrayList<>();

  @BeforeEach
  void startFake() {
    cli = new CliHarness(home, fake);
  }

  @AfterEach
  void noSecretWasPrintedOrWrittenToTheConfig() throws IOException {
    assertNoSecretIn(results);
    if (Files.exists(cli.config())) {
      String config = Files.readString(cli.config());
      fake.secrets().values().stream()
          .flatMap(Set::stream)
          .forEach(secret -> assertFalse(config.contains(secret), "secret in the config file"));
    }
  }

  /** Runs with {@code --verbose} and keeps the output for the check after the test. */
  private Result generate(String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    args.add("--verbose");
    Result result = cli.generate(args.toArray(String[]::new));
    results.add(result);
    assertTrue(result.err().contains("config file: "), "--verbose had no effect: " + result.err());
    return result;
  }

  private void assertNoSecretIn(List<Result> runs) {
    Map<String, Set<String>> secrets = fake.secrets();
    assertTrue(runs.isEmpty() || !secrets.isEmpty(), "the flow exchanged no secret at all");
    for (Result run : runs) {
      String output = run.all();
      secrets.forEach(
          (kind, values) -> {
            for (String value : values) {
              assertTrue(value.length() >= 16, kind + " too short to search for: " + value);
              assertFalse(output.contains(value), kind + " printed:\n" + output);
            }
          });
    }
  }

  private void assertExchanged(String... kinds) {
    assertTrue(
        fake.secrets().keySet().containsAll(List.of(kinds)), fake.secrets().keySet().toString());
  }

  @Nested
  class SignIn {
    @Test
    void pkce() {
      assertEquals(0, generate().code());
      assertExchanged(
          FakeIdentityCenter.CLIENT_SECRET,
          FakeIdentityCenter.AUTHORIZATION_CODE,
          FakeIdentityCenter.CODE_VERIFIER,
          FakeIdentityCenter.ACCESS_TOKEN,
          FakeIdentityCenter.REFRESH_TOKEN);
    }

    @Test
    void device_code() {
      fake.withDeviceScript(DevicePoll.PENDING, DevicePoll.APPROVED).withDeviceTiming(1, 600);
      cli.browser = TestBrowser.recording();

      assertEquals(0, generate("--device-code").code());
      assertExchanged(
          FakeIdentityCenter.CLIENT_SECRET,
          FakeIdentityCenter.DEVICE_CODE,
          FakeIdentityCenter.ACCESS_TOKEN,
          FakeIdentityCenter.REFRESH_TOKEN);
    }

    @Test
    void cached_token() {
      assertEquals(0, generate().code());
      Result second = generate();

      assertEquals(0, second.code(), second.err());
      assertTrue(second.err().contains("Using the cached access token"), second.err());
    }

    @Test
    void refreshed_token() {
      assertEquals(0, generate().code());
      cli.clock = Clock.offset(Clock.systemUTC(), Duration.ofHours(8).minusMinutes(10));

      Result refreshed = generate();

      assertEquals(0, refreshed.code(), refreshed.err());
      assertEquals(1, fake.createTokenCount("refresh_token"));
      assertEquals(1, fake.createTokenCount("authorization_code"), "signed in again");
    }

    @Test
    void forced_login() {
      assertEquals(0, generate().code());
      assertEquals(0, generate("--force-login").code());

      assertEquals(2, fake.createTokenCount("authorization_code"));
    }
  }

  @Nested
  class Failures {
    @BeforeEach
    void carelessService() {
      fake.echoSecretsInErrors(true);
    }

    @Test
    void denied_in_the_browser() {
      fake.denyAuthorization("The user denied access");

      assertEquals(3, generate().code());
    }

    @Test
    void denied_device_code() {
      fake.withDeviceScript(DevicePoll.PENDING, DevicePoll.DENIED).withDeviceTiming(1, 600);

      Result result = generate("--device-code", "--no-browser");

      assertEquals(3, result.code(), result.err());
      assertTrue(result.err().contains("deviceCode=<redacted>"), "echo not seen: " + result.err());
    }

    @Test
    void authorization_code_refused_by_create_token() {
      fake.refuseAuthorizationCodes(true);

      Result result = generate();

      assertEquals(3, result.code(), result.err());
      assertTrue(result.err().contains("refused the sign-in"), result.err());
      assertTrue(result.err().contains("caused by: "), result.err());
      assertTrue(
          result.err().contains("codeVerifier=<redacted>"), "echo not seen: " + result.err());
      assertExchanged(FakeIdentityCenter.AUTHORIZATION_CODE, FakeIdentityCenter.CODE_VERIFIER);
    }

    @Test
    void timed_out_sign_in() {
      cli.browser = TestBrowser.recording();

      Result result = generate("--timeout", "300ms");

      assertEquals(3, result.code(), result.err());
      assertExchanged(FakeIdentityCenter.CLIENT_SECRET);
    }

    @Test
    void access_token_rejected_during_listing() {
      fake.revokeAccessTokensAfterPortalRequests(2);

      Result result = generate("--concurrency", "1");

      assertEquals(4, result.code(), result.err());
      assertTrue(
          result.err().contains("x-amz-sso_bearer_token: <redacted>"),
          "echo not seen: " + result.err());
    }

    @Test
    void refresh_refused_then_a_new_sign_in() throws IOException {
      assertEquals(0, generate().code());
      Path cacheFile = home.resolve(".aws/sso/cache").resolve(TokenCache.sha1Hex("acme") + ".json");
      ObjectNode cached = (ObjectNode) JSON.readTree(cacheFile.toFile());
      cached.put("refreshToken", "aor-no-longer-valid-0123456789");
      JSON.writeValue(cacheFile.toFile(), cached);
      cli.clock = Clock.offset(Clock.systemUTC(), Duration.ofHours(8).minusMinutes(10));

      Result result = generate();

      assertEquals(0, result.code(), result.err());
      assertTrue(result.err().contains("could not be refreshed"), result.err());
      assertEquals(1, fake.createTokenCount("refresh_token"));
      assertTrue(
          fake.secrets()
              .get(FakeIdentityCenter.REFRESH_TOKEN)
              .contains("aor-no-longer-valid-0123456789"));
    }

    @Test
    void token_answer_cut_off_after_the_access_token() {
      fake.cutOffAnswersOf(Operation.CREATE_TOKEN);

      Result result = generate();

      // The SDK retries the unreadable answer; the code is spent by then, so the retry is refused
      // and the run ends as a refused sign-in. What matters here: the token in the cut-off body.
      assertNotEquals(0, result.code(), result.err());
      assertEquals(2, fake.requestCount(Operation.CREATE_TOKEN));
      assertExchanged(FakeIdentityCenter.ACCESS_TOKEN);
      assertFalse(Files.exists(cli.config()));
    }
  }

  @Nested
  class FailureHandlerOutput {
    @Test
    void verbose_stack_traces_of_unexpected_failures_are_scrubbed() {
      StringWriter err = new StringWriter();
      CommandLine commandLine =
          new CommandLine(
              new GenerateCommand(
                  new Environment(Map.of(), home.toString()), Clock.systemUTC(), uri -> {}));
      commandLine.setErr(new PrintWriter(err, true));
      commandLine.parseArgs(
          "--start-url", CliHarness.START_URL, "--region", "us-east-1", "--verbose");
      String secret = "aoa" + "Z".repeat(40);
      Exception bug =
          new IllegalStateException(
              "bug with accessToken=" + secret,
              new IllegalArgumentException("{\"refreshToken\":\"" + secret + "\"}"));

      int code = new FailureHandler().handleExecutionException(bug, commandLine, null);

      assertEquals(ExitCode.UNEXPECTED, code);
      assertTrue(err.toString().contains("\tat "), "no stack trace: " + err);
      assertTrue(err.toString().contains("Caused by: java.lang.IllegalArgumentException"));
      assertFalse(err.toString().contains(secret), err.toString());
    }

    @Test
    void the_caused_by_line_is_scrubbed() {
      StringWriter err = new StringWriter();
      CommandLine commandLine =
          new CommandLine(
              new GenerateCommand(
                  new Environment(Map.of(), home.toString()), Clock.systemUTC(), uri -> {}));
      commandLine.setErr(new PrintWriter(err, true));
      commandLine.parseArgs("--start-url", CliHarness.START_URL, "--region", "us-east-1", "-v");
      Exception failure =
          Failure.awsCall(
              "CreateToken failed", new RuntimeException("sent code=abc123secret&state=x"));

      assertEquals(
          ExitCode.AWS_CALL,
          new FailureHandler().handleExecutionException(failure, commandLine, null));

      assertTrue(
          err.toString()
              .contains("caused by: java.lang.RuntimeException: sent code=<redacted>&state=x"),
          err.toString());
    }
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.testing.ClientRejection;
import dev.ssoconfig.testing.DevicePoll;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.testing.Fifos;
import dev.ssoconfig.testing.OnWindows;
import dev.ssoconfig.testing.PosixModes;
import dev.ssoconfig.testing.TestBrowser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The whole command, in process, against the fake Identity Center on 127.0.0.1: exit code, stdout,
 * the config file as the SDK's own parser reads it, and the token cache.
 */
class GenerateEndToEndTest {
  private static final String START_URL = CliHarness.START_URL;

  @TempDir Path home;

  @RegisterExtension
  final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withPageSize(2)
          .withAccounts(
              List.of(
                  FakeAccount.of("111111111111", "Prod Account", "AdministratorAccess", "ReadOnly"),
                  FakeAccount.of("222222222222", "Ünïcode Dev", "Developer"),
                  FakeAccount.of("333333333333", "Shared", "ReadOnly"),
                  FakeAccount.of("444444444444", "Shared", "ReadOnly"),
                  FakeAccount.of("555555555555", "Sandbox", "A", "B", "C")));

  private CliHarness cli;

  @BeforeEach
  void startFake() {
    cli = new CliHarness(home, fake);
  }

  private Result run(String... args) {
    return cli.run(args);
  }

  private static String[] concat(String[] first, String[] second) {
    return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
  }

  private Result generate(String... extra) {
    return cli.generate(extra);
  }

  private Path config() {
    return cli.config();
  }

  private ProfileFile parsed() throws IOException {
    return ProfileFile.builder()
        .content(new ByteArrayInputStream(Files.readAllBytes(config())))
        .type(ProfileFile.Type.CONFIGURATION)
        .build();
  }

  private static final List<String> EXPECTED_PROFILES =
      List.of(
          "Prod-Account.AdministratorAccess",
          "Prod-Account.ReadOnly",
          "Sandbox.A",
          "Sandbox.B",
          "Sandbox.C",
          "Shared.ReadOnly.333333333333",
          "Shared.ReadOnly.444444444444",
          "Unicode-Dev.Developer");

  private void assertProfilesWritten() throws IOException {
    ProfileFile file = parsed();
    List<String> generated =
        file.profiles().values().stream()
            .filter(p -> p.property("managed_by").equals(Optional.of("aws-sso-config-generator")))
            .map(Profile::name)
            .sorted()
            .toList();
    assertEquals(EXPECTED_PROFILES, generated);
    Profile prod = file.profile("Prod-Account.AdministratorAccess").orElseThrow();
    assertEquals(Optional.of("acme"), prod.property("sso_session"));
    assertEquals(Optional.of("111111111111"), prod.property("sso_account_id"));
    assertEquals(Optional.of("AdministratorAccess"), prod.property("sso_role_name"));
    assertEquals(Optional.of("eu-west-1"), prod.property(ProfileProperty.REGION));
    assertEquals(
        Optional.of("444444444444"),
        file.profile("Shared.ReadOnly.444444444444").orElseThrow().property("sso_account_id"));
    Profile session = file.getSection("sso-session", "acme").orElseThrow();
    assertEquals(Optional.of(START_URL), session.property("sso_start_url"));
    assertEquals(Optional.of("us-east-1"), session.property("sso_region"));
    assertEquals(Optional.of("sso:account:access"), session.property("sso_registration_scopes"));
  }

  private JsonNode tokenCacheEntry() throws IOException {
    Path file = home.resolve(".aws/sso/cache").resolve(TokenCache.sha1Hex("acme") + ".json");
    PosixModes.assertMode("rw-------", file);
    PosixModes.assertMode("rwx------", file.getParent());
    return new ObjectMapper().readTree(file.toFile());
  }

  /** The cached access token, refresh token and client secret appear nowhere in the output. */
  private void assertNoSecretIn(String output) throws IOException {
    JsonNode token = tokenCacheEntry();
    for (String field : List.of("accessToken", "refreshToken", "clientSecret")) {
      String secret = token.get(field).asText();
      assertTrue(secret.length() >= 16, field);
      assertFalse(output.contains(secret), field + " printed");
    }
  }

  @Nested
  class Pkce {
    @Test
    void writes_every_profile_and_a_token_cache_the_aws_cli_can_use() throws IOException {
      Result result = generate();

      assertEquals(0, result.code(), result.err());
      assertTrue(result.out().contains("8 added, 0 updated, 0 unchanged"), result.out());
      assertTrue(
          result
              .out()
              .contains("aws sts get-caller-identity --profile Prod-Account.AdministratorAccess"),
          result.out());
      assertEquals(1, cli.browser.opened.size());
      assertTrue(
          result.err().contains(cli.browser.opened.get(0).toString()), "URL printed to stderr");
      assertProfilesWritten();
      assertEquals(EXPECTED_PROFILES, parsed().profiles().keySet().stream().sorted().toList());
      PosixModes.assertMode("rw-------", config());

      JsonNode token = tokenCacheEntry();
      assertEquals(START_URL, token.get("startUrl").asText());
      assertEquals("us-east-1", token.get("region").asText());
      assertTrue(fake.isValidAccessToken(token.get("accessToken").asText()));
      assertTrue(
          token.get("expiresAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
      for (String field :
          List.of("clientId", "clientSecret", "registrationExpiresAt", "refreshToken")) {
        assertTrue(token.hasNonNull(field), field);
      }
    }

    @Test
    void verbose_output_shows_no_secret() throws IOException {
      Result result = generate("--verbose");
      Result forced = generate("--verbose", "--force-login");
      assertEquals(0, result.code(), result.err());
      assertEquals(0, forced.code(), forced.err());
      assertNoSecretIn(result.out() + result.err() + forced.out() + forced.err());
    }

    @Test
    void a_second_run_asks_for_no_login_and_leaves_the_file_byte_identical() throws IOException {
      assertEquals(0, generate().code());
      byte[] first = Files.readAllBytes(config());
      int tokens = fake.requestCount(Operation.CREATE_TOKEN);
      int registrations = fake.requestCount(Operation.REGISTER_CLIENT);

      Result second = generate();

      assertEquals(0, second.code(), second.err());
      assertArrayEquals(first, Files.readAllBytes(config()));
      assertTrue(second.out().startsWith("No change to "), second.out());
      assertEquals(tokens, fake.requestCount(Operation.CREATE_TOKEN));
      assertEquals(registrations, fake.requestCount(Operation.REGISTER_CLIENT));
      assertEquals(1, cli.browser.opened.size(), "no second browser sign-in");
    }

    @Test
    void pasted_forms_of_the_start_url_share_one_sso_session_token_and_config_values()
        throws IOException {
      Result first =
          run(
              "--start-url",
              "HTTPS://ACME.awsapps.com/start/#/",
              "--region",
              "eu-west-1",
              "--sso-region",
              "us-east-1");
      assertEquals(0, first.code(), first.err());
      assertProfilesWritten();
      assertEquals(START_URL, tokenCacheEntry().get("startUrl").asText());
      byte[] written = Files.readAllBytes(config());

      for (String form :
          List.of(
              "https://acme.awsapps.com/start/#", "https://acme.awsapps.com/start/", START_URL)) {
        Result again =
            run("--start-url", form, "--region", "eu-west-1", "--sso-region", "us-east-1");
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(written, Files.readAllBytes(config()), form);
      }
      assertEquals(1, cli.browser.opened.size(), "the token cached by the first run served all");
    }

    @Test
    void a_start_url_an_older_version_wrote_as_pasted_still_matches_its_sso_session()
        throws IOException {
      Files.createDirectories(config().getParent());
      Files.writeString(
          config(),
          "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start/#/\n"
              + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
      Result result = generate();
      assertEquals(0, result.code(), result.err());
      assertTrue(
          Files.readString(config())
              .startsWith(
                  "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start/#/\n"),
          "the person's sso-session is kept as it was");
    }

    @Test
    void pasted_forms_of_the_start_url_share_one_legacy_token_cache_entry() throws IOException {
      String[] common = {"--region", "eu-west-1", "--sso-region", "us-east-1", "--legacy"};
      Result first = cli.run(concat(new String[] {"--start-url", START_URL + "/#/"}, common));
      Result second = cli.run(concat(new String[] {"--start-url", START_URL}, common));

      assertEquals(0, first.code(), first.err());
      assertEquals(0, second.code(), second.err());
      assertEquals(1, cli.browser.opened.size());
      assertTrue(
          Files.exists(
              home.resolve(".aws/sso/cache").resolve(TokenCache.sha1Hex(START_URL) + ".json")));
      assertTrue(
          Files.readString(config()).contains("sso_start_url = " + START_URL + "\n"),
          Files.readString(config()));
    }

    @Test
    void force_login_signs_in_again_but_reuses_the_client_registration() {
      assertEquals(0, generate().code());
      Result again = generate("--force-login");
      assertEquals(0, again.code(), again.err());
      assertEquals(2, cli.browser.opened.size());
      assertEquals(1, fake.requestCount(Operation.REGISTER_CLIENT));
    }

    @Test
    void keeps_everything_else_in_an_existing_config() throws IOException {
      String before =
          "# my settings\r\n[default]\r\nregion = eu-north-1 ; inline\r\n\r\n[profile mine]\r\n"
              + "sso_session = acme\r\nsso_account_id = 111111111111\r\nsso_role_name = Admin\r\n"
              + "[services local]\r\ns3 =\r\n  endpoint_url = http://localhost:9000\r\n";
      Files.createDirectories(config().getParent());
      Files.writeString(config(), before);

      assertEquals(0, generate().code());

      String after = Files.readString(config());
      assertTrue(after.startsWith(before), after);
      assertTrue(after.contains("\r\n[profile Sandbox.A]\r\n"), "new sections use the file's CRLF");
      assertProfilesWritten();
      assertEquals(
          Optional.of("eu-north-1"), parsed().profile("default").orElseThrow().property("region"));
    }

    @Test
    void an_unmanaged_profile_with_the_same_name_is_left_alone_with_a_warning() throws IOException {
      String mine = "[profile Sandbox.A]\nregion = ap-south-1\n";
      Files.createDirectories(config().getParent());
      Files.writeString(config(), mine);

      Result result = generate();

      assertEquals(0, result.code(), result.err());
      assertTrue(result.err().contains("warning: [profile Sandbox.A] exists"), result.err());
      assertTrue(Files.readString(config()).startsWith(mine));
      assertEquals(
          Optional.empty(), parsed().profile("Sandbox.A").orElseThrow().property("sso_session"));
    }

    @Test
    void denied_sign_in_exits_3_and_leaves_the_config_untouched() throws IOException {
      Files.createDirectories(config().getParent());
      byte[] before = "[default]\nregion = eu-west-1".getBytes(StandardCharsets.UTF_8);
      Files.write(config(), before);
      fake.denyAuthorization("The user denied access");

      Result result = generate();

      assertEquals(3, result.code(), result.err());
      assertEquals(
          1, result.err().lines().filter(l -> l.startsWith("aws-sso-config-generator:")).count());
      assertTrue(result.err().contains("denied"), result.err());
      assertArrayEquals(before, Files.readAllBytes(config()));
      assertEquals(0, fake.requestCount(Operation.LIST_ACCOUNTS));
    }

    @Test
    void a_sign_in_nobody_completes_times_out_with_exit_3() {
      cli.browser = TestBrowser.recording();
      Result result = generate("--timeout", "300ms");
      assertEquals(3, result.code(), result.err());
      assertTrue(result.err().contains("timed out"), result.err());
      assertFalse(Files.exists(config()));
    }
  }

  @Nested
  class ChoosingTheFlow {
    @Test
    void an_ssh_session_without_a_display_signs_in_with_a_device_code_unasked() throws IOException {
      cli.env.remove("DISPLAY");
      cli.env.put("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22");

      Result result = generate();

      assertEquals(0, result.code(), result.err());
      assertEquals(
          "No display (SSH session): signing in with a device code; use --pkce to open a browser"
              + " here instead.",
          result.err().lines().findFirst().orElseThrow());
      assertTrue(
          result.err().contains("To sign in, open this URL in a browser on any device:"),
          result.err());
      assertEquals(List.of(), cli.browser.opened);
      assertEquals(1, fake.requestCount(Operation.START_DEVICE_AUTHORIZATION));
      assertProfilesWritten();
    }

    @Test
    void pkce_overrides_the_device_code_of_an_ssh_session() throws IOException {
      cli.env.remove("DISPLAY");
      cli.env.put("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22");

      Result result = generate("--pkce");

      assertEquals(0, result.code(), result.err());
      assertFalse(result.err().contains("No display"), result.err());
      assertEquals(1, cli.browser.opened.size());
      assertEquals(0, fake.requestCount(Operation.START_DEVICE_AUTHORIZATION));
      assertProfilesWritten();
    }

    @Test
    void a_desktop_signs_in_with_the_browser_and_says_nothing_about_it() {
      Result result = generate();

      assertEquals(0, result.code(), result.err());
      assertTrue(result.err().startsWith("Opening the browser to sign in…"), result.err());
      assertEquals(1, cli.browser.opened.size());
    }

    @Test
    void device_code_and_pkce_together_exit_2_before_any_request() {
      Result result = generate("--device-code", "--pkce");

      assertEquals(2, result.code(), result.err());
      assertEquals(
          List.of(
              "aws-sso-config-generator: --device-code and --pkce cannot be used together;"
                  + " choose one"),
          result.errorLines());
      assertEquals(0, fake.totalRequests());
    }

    @Test
    void a_browser_that_cannot_be_started_is_reported_before_the_wait() {
      cli.browser = TestBrowser.visitingThenFailing("xdg-open exited with code 3");

      Result result = generate();

      assertEquals(0, result.code(), result.err());
      List<String> lines = result.err().lines().toList();
      int report =
          lines.indexOf(
              "Could not open a browser (xdg-open exited with code 3). Open this URL in a browser"
                  + " on this machine:");
      assertTrue(report > 0, result.err());
      assertEquals(cli.browser.opened.get(0).toString(), lines.get(report + 1));
    }
  }

  @Nested
  class DeviceCode {
    @Test
    void writes_every_profile_without_a_browser() throws IOException {
      Result result = generate("--device-code", "--no-browser");

      assertEquals(0, result.code(), result.err());
      assertEquals(List.of(), cli.browser.opened);
      assertTrue(result.err().contains("/device"), result.err());
      assertProfilesWritten();
      assertTrue(tokenCacheEntry().hasNonNull("refreshToken"));
      assertEquals(1, fake.requestCount(Operation.START_DEVICE_AUTHORIZATION));
    }

    @Test
    void verbose_output_shows_no_secret() throws IOException {
      Result result = generate("--device-code", "--no-browser", "--verbose");
      assertEquals(0, result.code(), result.err());
      assertNoSecretIn(result.out() + result.err());
    }

    @Test
    void use_device_code_is_an_alias() {
      assertEquals(0, generate("--use-device-code", "--no-browser").code());
      assertEquals(1, fake.requestCount(Operation.START_DEVICE_AUTHORIZATION));
    }

    @Test
    void expired_device_code_exits_3_and_writes_nothing() {
      fake.withDeviceScript(DevicePoll.EXPIRED);
      Result result = generate("--device-code", "--no-browser");
      assertEquals(3, result.code(), result.err());
      assertFalse(Files.exists(config()));
    }

    @Test
    void denied_device_code_exits_3() {
      fake.withDeviceScript(DevicePoll.DENIED);
      Result result = generate("--device-code", "--no-browser");
      assertEquals(3, result.code(), result.err());
      assertFalse(Files.exists(config()));
    }
  }

  @Nested
  class Listing {
    @Test
    void throttled_portal_still_yields_every_profile() throws IOException {
      fake.throttleEveryNthPortalRequest(3);
      Result result = generate("--concurrency", "3");
      assertEquals(0, result.code(), result.err());
      assertProfilesWritten();
    }

    @Test
    void a_cached_client_registration_the_service_refuses_is_replaced_in_the_same_run()
        throws IOException {
      assertEquals(0, generate().code());
      String refused = tokenCacheEntry().get("clientId").asText();
      fake.rejectClient(refused, ClientRejection.INVALID_CLIENT);

      Result again = generate("--force-login");

      assertEquals(0, again.code(), again.err());
      assertEquals(2, fake.requestCount(Operation.REGISTER_CLIENT));
      assertNotEquals(refused, tokenCacheEntry().get("clientId").asText());
      assertTrue(again.err().contains("registering a new one"), again.err());
    }

    @Test
    void a_refused_registration_is_replaced_once_for_the_device_code_too() throws IOException {
      assertEquals(0, generate("--device-code", "--no-browser").code());
      fake.rejectEveryClient(ClientRejection.UNAUTHORIZED_CLIENT);

      Result again = generate("--device-code", "--no-browser", "--force-login");

      assertEquals(4, again.code(), again.err());
      assertEquals(2, fake.requestCount(Operation.REGISTER_CLIENT), "one new registration only");
      assertTrue(again.err().contains("UnauthorizedClientException"), again.err());
    }

    @Test
    void a_cached_token_the_service_rejects_leads_to_one_new_login() throws IOException {
      assertEquals(0, generate().code());
      fake.revokeAllAccessTokens();
      Result again = generate();
      assertEquals(0, again.code(), again.err());
      assertEquals(2, cli.browser.opened.size());
      assertTrue(again.err().contains("signing in again"), again.err());
    }
  }

  @Nested
  class BadInput {
    private void assertUsageError(Result result, String fragment) {
      assertEquals(2, result.code(), result.err());
      List<String> lines = result.err().lines().toList();
      assertEquals(1, lines.size(), result.err());
      assertTrue(lines.get(0).startsWith("aws-sso-config-generator: "), lines.get(0));
      assertTrue(lines.get(0).contains(fragment), lines.get(0));
      assertFalse(result.err().contains("\tat "), "no stack trace");
      assertEquals("", result.out());
      assertEquals(0, fake.totalRequests(), "no request sent");
      assertFalse(Files.exists(home.resolve(".aws")), "nothing written");
    }

    @Test
    void a_plain_http_start_url() {
      assertUsageError(
          run("--start-url", "http://acme.awsapps.com/start", "--region", "us-east-1"),
          "--start-url");
    }

    @Test
    void a_start_url_with_a_user_name_or_password_is_refused_without_echoing_them() {
      for (String url :
          List.of(
              "https://someone:hunter2@acme.awsapps.com/start",
              "https://someone:hunter2@acme awsapps.com/start")) {
        Result result = run("--start-url", url, "--region", "us-east-1", "--verbose");
        assertUsageError(result, "--start-url must not contain a user name or password");
        assertFalse(result.all().contains("hunter2"), result.all());
        assertFalse(result.all().contains("someone"), result.all());
      }
    }

    @Test
    void a_start_url_without_a_host() {
      assertUsageError(run("--start-url", "acme", "--region", "us-east-1"), "--start-url");
    }

    @Test
    void a_region_of_the_wrong_shape() {
      assertUsageError(run("--start-url", START_URL, "--region", "Frankfurt"), "--region");
      assertUsageError(
          run("--start-url", START_URL, "--region", "eu-central-1", "--sso-region", "eu"),
          "--sso-region");
    }

    @Test
    void a_near_miss_region_with_the_known_one_it_resembles() {
      assertUsageError(
          run("--start-url", START_URL, "--region", "us-est-1"),
          "--region 'us-est-1' is not an AWS region name; did you mean us-east-1?");
      assertUsageError(
          run("--start-url", START_URL, "--region", "eu-west-1", "--sso-region", "eu-west1"),
          "--sso-region 'eu-west1' is not an AWS region name; did you mean eu-west-1?");
    }

    @Test
    void an_unknown_option() {
      assertUsageError(
          run("--start-url", START_URL, "--region", "us-east-1", "--frobnicate"), "--frobnicate");
    }

    @Test
    void a_missing_required_option() {
      assertUsageError(run("--region", "us-east-1"), "--start-url");
    }

    @Test
    void a_bad_timeout_and_concurrency() {
      assertUsageError(
          run("--start-url", START_URL, "--region", "us-east-1", "--timeout", "soon"), "--timeout");
      assertUsageError(
          run("--start-url", START_URL, "--region", "us-east-1", "--concurrency", "0"),
          "--concurrency");
      assertUsageError(
          run("--start-url", START_URL, "--region", "us-east-1", "--concurrency", "many"),
          "--concurrency");
    }

    @Test
    void a_conflicting_sso_session_is_refused_before_sign_in() throws IOException {
      Files.createDirectories(config().getParent());
      String existing =
          "[sso-session acme]\nsso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n";
      Files.writeString(config(), existing);
      Result result = generate();
      assertEquals(2, result.code(), result.err());
      assertTrue(result.err().contains("--sso-session"), result.err());
      assertEquals(0, fake.totalRequests());
      assertEquals(existing, Files.readString(config()));
    }
  }

  @Nested
  class Unwritable {
    @Test
    void a_directory_where_the_config_should_be_exits_5_before_sign_in() throws IOException {
      Files.createDirectories(config());
      Result result = generate();
      assertEquals(5, result.code(), result.err());
      assertTrue(result.err().contains(config().toString()), result.err());
      assertEquals(0, fake.totalRequests());
    }

    @Test
    void a_folder_at_the_lock_path_exits_5_before_sign_in_naming_the_lock_file()
        throws IOException {
      Path lock = home.resolve(".aws/config.lock");
      Files.createDirectories(lock);

      Result result = generate();

      assertEquals(5, result.code(), result.err());
      assertEquals(
          List.of(Main.NAME + ": cannot use the lock file " + lock + ": it is a folder; remove it"),
          result.errorLines());
      assertEquals(0, fake.totalRequests());
      assertFalse(result.err().contains("Waiting"), result.err());
    }

    @Test
    void a_lock_problem_that_appears_during_sign_in_is_named_at_once_not_waited_for()
        throws IOException {
      Path lock = home.resolve(".aws/config.lock");
      cli.browser =
          TestBrowser.visitingAfter(
              () -> {
                try {
                  Files.deleteIfExists(lock);
                  Files.createDirectories(lock);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });

      Result result = generate();

      assertEquals(5, result.code(), result.err());
      assertEquals(
          List.of(Main.NAME + ": cannot use the lock file " + lock + ": it is a folder; remove it"),
          result.errorLines());
      assertFalse(result.err().contains("Waiting for another run"), result.err());
      assertFalse(Files.exists(config()));
    }

    @Test
    void a_file_where_the_cache_folder_should_be_exits_5_before_sign_in() throws IOException {
      Files.createDirectories(home.resolve(".aws/sso"));
      Files.writeString(home.resolve(".aws/sso/cache"), "not a folder");
      Result result = generate();
      assertEquals(5, result.code(), result.err());
      assertTrue(result.err().contains(home.resolve(".aws/sso/cache").toString()), result.err());
      assertEquals(0, fake.totalRequests());
    }
  }

  /**
   * Config paths that name no regular file, given with {@code --config-file} or {@code
   * AWS_CONFIG_FILE}: exit 5 before sign-in with one line naming the path, and nothing created. The
   * fake would deny the sign-in, so that even a regression of the check cannot get as far as
   * replacing a device file.
   */
  @Nested
  class NotAFile {
    @BeforeEach
    void denySignIn() {
      fake.denyAuthorization("this run must have stopped before sign-in");
    }

    private void assertRefusedBeforeSignIn(String path, String expectedLine) throws IOException {
      for (boolean viaEnvironment : List.of(false, true)) {
        List<String> before = tree(home);
        Result result;
        if (viaEnvironment) {
          cli.env.put("AWS_CONFIG_FILE", path);
          result = generate();
          cli.env.remove("AWS_CONFIG_FILE");
        } else {
          result = generate("--config-file", path);
        }
        String how = viaEnvironment ? "AWS_CONFIG_FILE" : "--config-file";
        assertEquals(5, result.code(), how + ": " + result.err());
        assertEquals(
            List.of(Main.NAME + ": " + expectedLine.replace("OPTION", how)),
            result.errorLines(),
            how);
        assertEquals(0, fake.totalRequests(), how + ": no request");
        assertEquals(before, tree(home), how + ": nothing created");
      }
    }

    @Test
    void dev_null_and_dev_full() throws IOException {
      for (String device : List.of("/dev/null", "/dev/full")) {
        assumeTrue(Files.exists(Path.of(device)), "this system has " + device);
        assertRefusedBeforeSignIn(
            device,
            "cannot write "
                + device
                + ": it is a character device, not a regular file; give the path of a regular"
                + " file");
        assertFalse(Files.exists(Path.of(device + ".lock")));
      }
    }

    @Test
    void a_file_in_proc_and_a_link_into_proc() throws IOException {
      assumeTrue(Files.isDirectory(Path.of("/proc/self")), "this system has /proc");
      assertRefusedBeforeSignIn(
          "/proc/self/environ",
          "cannot write /proc/self/environ: it is in /proc, which holds no files to edit; give"
              + " the path of a regular file");
      assertRefusedBeforeSignIn(
          "/dev/stdout",
          "cannot write /dev/stdout: it is a symbolic link into /proc (/proc/self/fd/1), which"
              + " holds no files to edit; give the path of a regular file");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_FIFOS)
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_fifo_also_in_a_dry_run() throws Exception {
      Path fifo = home.resolve("fifo");
      Fifos.make(fifo);
      String line =
          "cannot write "
              + fifo
              + ": it is a FIFO (named pipe), not a regular file; give the path of a regular file";
      assertRefusedBeforeSignIn(fifo.toString(), line);

      Result dryRun = generate("--dry-run", "--config-file", fifo.toString());
      assertEquals(5, dryRun.code(), dryRun.err());
      assertEquals(0, fake.totalRequests());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void a_dangling_symbolic_link() throws IOException {
      Path link = home.resolve("config-link");
      Path missing = home.resolve("dotfiles/aws/config");
      Files.createSymbolicLink(link, missing);
      assertRefusedBeforeSignIn(
          link.toString(),
          "cannot write "
              + link
              + ": it is a symbolic link to "
              + missing
              + ", which does not exist; create "
              + missing
              + " or remove the link");
    }

    @Test
    void a_config_two_missing_folders_deep() throws IOException {
      Path config = home.resolve("a/b/config");
      assertRefusedBeforeSignIn(
          config.toString(),
          "cannot write "
              + config
              + ": the folder "
              + home.resolve("a")
              + " does not exist; create it, or choose a config file in an existing folder");
    }

    @Test
    void standard_output() throws IOException {
      assertRefusedBeforeSignIn(
          "-",
          "OPTION \"-\": the config file cannot be standard output; give the path of a file, or"
              + " use --dry-run to print the changes");
      for (String alias : List.of("--out", "-o")) {
        Result result = generate(alias, "-");
        assertEquals(5, result.code(), alias + ": " + result.err());
        assertTrue(result.err().contains("cannot be standard output"), result.err());
      }
      assertEquals(0, fake.totalRequests());
      assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void an_empty_path() throws IOException {
      List<String> before = tree(home);
      Result option = generate("--config-file", "");
      cli.env.put("AWS_CONFIG_FILE", "");
      Result variable = generate();

      assertEquals(5, option.code(), option.err());
      assertEquals(
          List.of(
              Main.NAME
                  + ": --config-file is empty; give the path of the config file, e.g."
                  + " ~/.aws/config"),
          option.errorLines());
      assertEquals(5, variable.code(), variable.err());
      assertEquals(
          List.of(
              Main.NAME
                  + ": AWS_CONFIG_FILE is set but empty, so the AWS CLI reads no config file;"
                  + " unset it or set it to the path of the config file"),
          variable.errorLines());
      assertEquals(0, fake.totalRequests());
      assertEquals(before, tree(home));
    }

    @Test
    void the_missing_folder_of_the_config_itself_is_created_as_on_a_fresh_machine()
        throws IOException {
      fake.approveAuthorization();
      Path config = home.resolve("new-folder/config");

      Result result = generate("--config-file", config.toString());

      assertEquals(0, result.code(), result.err());
      assertTrue(Files.isRegularFile(config));
    }

    private List<String> tree(Path root) throws IOException {
      try (Stream<Path> all = Files.walk(root)) {
        return all.map(p -> root.relativize(p).toString()).sorted().toList();
      }
    }
  }

  @Nested
  class Help {
    @Test
    void help_and_version_exit_0_on_stdout() {
      Result help = run("--help");
      assertEquals(0, help.code());
      for (String option :
          Stream.of(
                  "--start-url",
                  "--region",
                  "--sso-region",
                  "--device-code",
                  "--use-device-code",
                  "--pkce",
                  "--no-browser",
                  "--sso-session",
                  "--timeout",
                  "--force-login",
                  "--concurrency",
                  "--verbose")
              .toList()) {
        assertTrue(help.out().contains(option), option);
      }
      assertTrue(
          help.out()
              .replaceAll("\\s+", " ")
              .contains("as the portal shows it or as in profile names"),
          help.out());
      Result version = run("--version");
      assertEquals(0, version.code());
      assertTrue(version.out().startsWith("aws-sso-config-generator "), version.out());
    }
  }

  @Nested
  class Throttling {
    @Test
    void a_ceiling_of_64_against_a_portal_limited_to_20_calls_a_second_lists_every_profile()
        throws IOException {
      List<FakeAccount> accounts = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        accounts.add(
            FakeAccount.of(String.format("%012d", 100_000_000_000L + i), "Account " + i, "Role"));
      }
      fake.withAccounts(accounts).withPageSize(100).withPortalRateLimit(20, 5);

      Result result = generate("--device-code", "--no-browser", "--concurrency", "64");

      assertEquals(0, result.code(), result::all);
      assertTrue(fake.rateLimitedPortalRequests() > 0, "the portal throttled some calls");
      assertEquals(40, parsed().profiles().size());
      assertTrue(result.err().contains("throttled and tried again"), result.err());
    }
  }
}

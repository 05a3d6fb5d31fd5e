package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.configfile.ShellWords;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code credentials --profile NAME} in process against the fake Identity Center, after a generator
 * run signed in; and {@code --credential-process}, whose written command the SDK for Java's {@code
 * ProcessCredentialsProvider} runs in a child JVM.
 */
class CredentialsCommandTest {
  private static final String PROFILE = "Prod-Account.AdministratorAccess";
  private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private final FakeTime time = new FakeTime(START);
  private CliHarness cli;

  @BeforeEach
  void start() {
    fake.withClock(time);
    cli = new CliHarness(home, fake);
    cli.clock = time;
  }

  private Result signedIn(String... extra) {
    Result generated = cli.generate(extra);
    assertEquals(0, generated.code(), generated::all);
    return generated;
  }

  private Result credentials(String... extra) {
    List<String> args = new ArrayList<>(List.of("credentials", "--profile", PROFILE));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private static JsonNode json(Result result) throws IOException {
    return new ObjectMapper().readTree(result.out());
  }

  @Nested
  class Output {
    @Test
    void prints_only_the_credential_process_json_on_stdout_and_nothing_on_stderr()
        throws IOException {
      signedIn();

      Result result = credentials();

      assertEquals(0, result.code(), result::all);
      assertEquals("", result.err());
      assertEquals(1, result.out().lines().count(), result.out());
      JsonNode json = json(result);
      assertEquals(1, json.get("Version").asInt());
      assertTrue(json.get("AccessKeyId").asText().startsWith("ASIA"));
      assertFalse(json.get("SecretAccessKey").asText().isEmpty());
      assertTrue(json.get("SessionToken").asText().startsWith("session-"));
      assertEquals("111111111111", json.get("AccountId").asText());
      Instant expiration = Instant.parse(json.get("Expiration").asText());
      assertTrue(
          json.get("Expiration").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
      assertTrue(expiration.isAfter(START), json.toString());
    }

    @Test
    void reads_the_config_named_by_config_file_or_aws_config_file() throws IOException {
      Path elsewhere = home.resolve("other config");
      signedIn("--config-file", elsewhere.toString());

      assertEquals(2, credentials().code());
      assertEquals(0, credentials("--config-file", elsewhere.toString()).code());
      cli.env.put("AWS_CONFIG_FILE", elsewhere.toString());
      assertEquals("111111111111", json(credentials()).get("AccountId").asText());
    }
  }

  @Nested
  class Refresh {
    @Test
    void refreshes_a_token_about_to_expire_and_writes_the_cache_back() throws IOException {
      signedIn();
      Path cacheFile = home.resolve(".aws/sso/cache/" + TokenCache.sha1Hex("acme") + ".json");
      String before = Files.readString(cacheFile);
      time.advance(Duration.ofHours(8).minusMinutes(10));

      Result result = credentials();

      assertEquals(0, result.code(), result::all);
      assertEquals(1, fake.createTokenCount("refresh_token"));
      JsonNode cached = new ObjectMapper().readTree(cacheFile.toFile());
      assertFalse(before.contains(cached.get("accessToken").asText()));
      assertTrue(fake.isValidAccessToken(cached.get("accessToken").asText()));
    }

    @Test
    void an_expired_session_exits_3_with_one_line_asking_to_run_the_generator_again()
        throws IOException {
      signedIn();
      Path cacheFile = home.resolve(".aws/sso/cache/" + TokenCache.sha1Hex("acme") + ".json");
      Files.writeString(
          cacheFile, Files.readString(cacheFile).replaceAll("\"refreshToken\":\"[^\"]*\",?", ""));
      time.advance(Duration.ofHours(9));

      Result result = credentials();

      assertEquals(ExitCode.SIGN_IN, result.code(), result::all);
      assertEquals("", result.out());
      assertEquals(1, result.err().lines().count(), result.err());
      assertTrue(result.err().contains("run aws-sso-config-generator again"), result.err());
    }

    @Test
    void a_refused_refresh_of_an_expired_token_exits_3() throws IOException {
      signedIn();
      Path cacheFile = home.resolve(".aws/sso/cache/" + TokenCache.sha1Hex("acme") + ".json");
      Files.writeString(
          cacheFile,
          Files.readString(cacheFile)
              .replaceAll("\"refreshToken\":\"[^\"]*\"", "\"refreshToken\":\"aor-revoked\""));
      time.advance(Duration.ofHours(9));

      Result result = credentials();

      assertEquals(ExitCode.SIGN_IN, result.code(), result::all);
      assertTrue(result.err().contains("InvalidGrantException"), result.err());
      assertEquals("", result.out());
    }

    @Test
    void a_refresh_that_cannot_reach_the_service_exits_4() {
      signedIn();
      time.advance(Duration.ofHours(9));
      cli.env.put("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:1");

      Result result = credentials();

      assertEquals(ExitCode.AWS_CALL, result.code(), result::all);
      assertEquals("", result.out());
    }
  }

  @Nested
  class Refused {
    @Test
    void an_unknown_profile_exits_2() {
      signedIn();

      Result result = cli.run("credentials", "--profile", "nope");

      assertEquals(ExitCode.USAGE, result.code());
      assertTrue(result.err().contains("there is no profile \"nope\""), result.err());
    }

    @Test
    void a_start_url_with_a_password_exits_2_without_printing_it() throws IOException {
      Files.createDirectories(cli.config().getParent());
      Files.writeString(
          cli.config(),
          "[profile "
              + PROFILE
              + "]\nsso_start_url = https://me:hunter2@acme.awsapps.com/start\n"
              + "sso_region = us-east-1\nsso_account_id = 111111111111\n"
              + "sso_role_name = AdministratorAccess\n");

      Result result = credentials("--verbose");

      assertEquals(ExitCode.USAGE, result.code(), result::all);
      assertTrue(result.err().contains("must not contain a user name or password"), result.err());
      assertFalse(result.all().contains("hunter2"), result.all());
      assertEquals(0, fake.totalRequests());
    }

    @Test
    void without_a_sign_in_exits_3() throws IOException {
      Files.createDirectories(cli.config().getParent());
      Files.writeString(
          cli.config(),
          "[sso-session acme]\nsso_start_url = "
              + CliHarness.START_URL
              + "\nsso_region = us-east-1\n[profile "
              + PROFILE
              + "]\nsso_session = acme\n"
              + "sso_account_id = 111111111111\nsso_role_name = AdministratorAccess\n");

      Result result = credentials();

      assertEquals(ExitCode.SIGN_IN, result.code(), result::all);
      assertEquals(0, fake.totalRequests());
    }
  }

  @Nested
  class Secrets {
    @Test
    void nothing_secret_reaches_stderr_with_verbose_also_when_refreshing() throws IOException {
      signedIn();
      time.advance(Duration.ofHours(8).minusMinutes(10));

      Result result = credentials("--verbose");

      assertEquals(0, result.code(), result::all);
      assertTrue(result.err().contains("account 111111111111"), result.err());
      String printed = result.err() + result.system();
      JsonNode json = json(result);
      for (String secret :
          List.of(json.get("SecretAccessKey").asText(), json.get("SessionToken").asText())) {
        assertFalse(printed.contains(secret), printed);
      }
      Map<String, Set<String>> secrets = fake.secrets();
      assertTrue(
          secrets.containsKey(FakeIdentityCenter.REFRESH_TOKEN), secrets.keySet().toString());
      secrets.values().stream()
          .flatMap(Set::stream)
          .forEach(secret -> assertFalse(result.all().contains(secret), result.all()));
    }
  }

  @Nested
  class CredentialProcessKey {
    @Test
    void writes_the_command_with_the_profile_name_into_each_generated_profile() throws IOException {
      cli.env.put(Launcher.VARIABLE, "'/opt/my tools/aws-sso-config-generator'");

      signedIn("--credential-process");

      ProfileFile parsed =
          ProfileFile.builder().content(cli.config()).type(ProfileFile.Type.CONFIGURATION).build();
      assertEquals(
          Optional.of("'/opt/my tools/aws-sso-config-generator' credentials --profile " + PROFILE),
          parsed.profile(PROFILE).orElseThrow().property("credential_process"));
      assertEquals(
          parsed.profiles().size(),
          parsed.profiles().values().stream()
              .filter(p -> p.property("credential_process").isPresent())
              .count());
    }

    @Test
    void names_a_config_file_other_than_the_default() throws IOException {
      cli.env.put(Launcher.VARIABLE, "/usr/bin/aws-sso-config-generator");
      Path elsewhere = home.resolve("my config");

      signedIn("--credential-process", "--config-file", elsewhere.toString());

      assertTrue(
          Files.readString(elsewhere)
              .contains(
                  "credential_process = /usr/bin/aws-sso-config-generator credentials"
                      + " --config-file "
                      + ShellWords.posixQuote(elsewhere.toString())
                      + " --profile "
                      + PROFILE
                      + "\n"));
    }

    @Test
    void cannot_be_combined_with_set_credential_process() {
      cli.env.put(Launcher.VARIABLE, "/usr/bin/aws-sso-config-generator");

      Result result = cli.generate("--credential-process", "--set", "credential_process=/bin/true");

      assertEquals(ExitCode.USAGE, result.code(), result::all);
      assertEquals(0, fake.totalRequests());
    }
  }

  /**
   * The acceptance: a profile with only {@code credential_process} works in the SDK for
   * Java (its {@code ProfileCredentialsProvider} runs the command with {@code
   * ProcessCredentialsProvider}), and STS GetCallerIdentity answers for the generated profile's
   * account and role. The command is the one the generator wrote; here it runs the tool in a child
   * JVM with the test class path, behind {@code env} for this test's home and the fake's endpoints.
   */
  @Nested
  @DisabledOnOs(
      value = OS.WINDOWS,
      disabledReason =
          "the command sets its environment with env(1) and is quoted for sh; on Windows the SDK"
              + " runs credential_process through cmd.exe, which has neither")
  class ThroughTheSdk {
    @Test
    void a_profile_with_only_credential_process_gets_the_roles_identity_from_sts()
        throws IOException {
      cli.clock = java.time.Clock.systemUTC();
      fake.withClock(java.time.Clock.systemUTC());
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      cli.env.put(
          Launcher.VARIABLE,
          ShellWords.join(
              List.of(
                  "env",
                  "HOME=" + home,
                  "AWS_CONFIG_FILE=" + cli.config(),
                  "AWS_ENDPOINT_URL_SSO=" + fake.baseUri(),
                  "AWS_ENDPOINT_URL_SSO_OIDC=" + fake.baseUri(),
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName()),
              false));
      signedIn("--credential-process");
      String command =
          ProfileFile.builder()
              .content(cli.config())
              .type(ProfileFile.Type.CONFIGURATION)
              .build()
              .profile(PROFILE)
              .flatMap(p -> p.property("credential_process"))
              .orElseThrow();
      Path onlyProcess = home.resolve("only-process-config");
      Files.writeString(onlyProcess, "[profile tool]\ncredential_process = " + command + "\n");

      try (ProfileCredentialsProvider provider =
              ProfileCredentialsProvider.builder()
                  .profileFile(
                      ProfileFile.builder()
                          .content(onlyProcess)
                          .type(ProfileFile.Type.CONFIGURATION)
                          .build())
                  .profileName("tool")
                  .build();
          StsClient sts =
              StsClient.builder()
                  .region(Region.US_EAST_1)
                  .endpointOverride(fake.baseUri())
                  .credentialsProvider(provider)
                  .httpClient(UrlConnectionHttpClient.create())
                  .build()) {
        AwsCredentials credentials = provider.resolveCredentials();
        GetCallerIdentityResponse identity = sts.getCallerIdentity();

        assertTrue(credentials.accessKeyId().startsWith("ASIA"));
        assertEquals("111111111111", identity.account());
        assertTrue(
            identity.arn().contains(":assumed-role/AWSReservedSSO_AdministratorAccess_"),
            identity.arn());
      }
    }
  }
}

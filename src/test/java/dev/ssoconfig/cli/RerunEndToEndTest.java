package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * A run without {@code --start-url} after one with it: the whole command in process against the
 * fake Identity Center on 127.0.0.1 ({@link CliHarness}).
 */
class RerunEndToEndTest {

  @TempDir Path home;

  @RegisterExtension
  final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withAccounts(
              List.of(
                  FakeAccount.of("111111111111", "Prod Account", "AdministratorAccess", "ReadOnly"),
                  FakeAccount.of("222222222222", "Équipe #1", "AdministratorAccess", "Billing"),
                  FakeAccount.of("333333333333", "Shared", "ReadOnly")));

  private CliHarness cli;
  private Path renames;

  @BeforeEach
  void start() throws IOException {
    cli = new CliHarness(home, fake);
    Files.createDirectories(cli.config().getParent());
    Files.writeString(cli.config(), "# mine\n[default]\nregion = eu-north-1\n");
    renames = home.resolve("my renames.json");
    Files.writeString(renames, "{\"accounts\": {\"333333333333\": \"shared\"}}");
  }

  /**
   * The first run: {@code --region eu-west-1 --sso-region us-east-1} ({@link CliHarness#generate})
   * with a template, a rename file, filters and {@code --set}, values with spaces, {@code #},
   * {@code ;}, {@code =} and letters outside ASCII among them.
   */
  private Result firstRun() {
    return cli.generate(
        "--profile-template",
        "{account_name} {role_name}",
        "--template",
        renames.toString(),
        "--include",
        "Équipe #1/*",
        "--include",
        "Prod Account/*",
        "--include",
        "333333333333/*",
        "--exclude",
        "*/Billing",
        "--set",
        "output=json",
        "--set",
        "cli_pager=",
        "--set",
        "x_note=a=b;c");
  }

  private byte[] config() throws IOException {
    return Files.readAllBytes(cli.config());
  }

  private static void assertOk(Result result) {
    assertEquals(0, result.code(), result::all);
  }

  @Nested
  class WithoutFlags {

    @Test
    void gives_the_same_file_byte_for_byte_even_with_a_generated_profile_deleted_by_hand()
        throws IOException {
      assertOk(firstRun());
      byte[] first = config();
      String text = new String(first, StandardCharsets.UTF_8);
      assertTrue(text.contains("aws_sso_config_generator_region = eu-west-1\n"), text);
      assertTrue(text.contains("[profile Equipe-1-AdministratorAccess]\n"), text);

      // the person deletes one generated profile; the run without flags writes it back the same
      String edited =
          text.replace(
              "\n[profile shared-ReadOnly]\nsso_session = acme\nsso_account_id = 333333333333\n"
                  + "sso_role_name = ReadOnly\nregion = eu-west-1\noutput = json\ncli_pager =\n"
                  + "x_note = a=b;c\nmanaged_by = aws-sso-config-generator\n",
              "");
      assertFalse(edited.equals(text), "the profile was there to delete");
      Files.writeString(cli.config(), edited);

      Result again = cli.run();

      assertOk(again);
      assertArrayEquals(first, config());
      assertTrue(
          again.err().contains("Running again with the options recorded in " + cli.config()),
          again.err());
    }

    @Test
    void keeps_the_file_and_its_record_unchanged_run_after_run() throws IOException {
      assertOk(firstRun());
      byte[] first = config();

      for (int i = 0; i < 3; i++) {
        Result again = cli.run();
        assertOk(again);
        assertArrayEquals(first, config(), "run " + (i + 2));
      }
      assertOk(firstRun());
      assertArrayEquals(first, config(), "the first run's flags again");
    }

    @Test
    void keeps_credential_process_in_every_profile_also_one_the_first_run_did_not_write()
        throws IOException {
      cli.env.put(Launcher.VARIABLE, "'/opt/my tools/aws-sso-config-generator'");
      assertOk(cli.generate("--credential-process"));
      byte[] first = config();
      String text = new String(first, StandardCharsets.UTF_8);
      String line =
          "credential_process = '/opt/my tools/aws-sso-config-generator' credentials --profile"
              + " Shared.ReadOnly\n";
      assertTrue(text.contains("aws_sso_config_generator_credential_process = true\n"), text);
      assertTrue(text.contains(line), text);
      // the person deletes one generated profile; the run without flags writes it back the same
      int start = text.indexOf("[profile Shared.ReadOnly]");
      int end = text.indexOf("[", start + 1);
      Files.writeString(
          cli.config(), text.substring(0, start) + (end < 0 ? "" : text.substring(end)));

      Result again = cli.run();

      assertOk(again);
      assertTrue(again.err().contains(" --credential-process"), again.err());
      assertArrayEquals(first, config());
    }

    @Test
    void does_not_print_a_recorded_set_value_that_is_a_secret() throws IOException {
      assertOk(cli.generate("--set", "aws_session_token=s3cr3t-value"));

      Result again = cli.run();

      assertOk(again);
      assertTrue(again.err().contains("--set \"aws_session_token=<redacted>"), again.err());
      assertFalse(again.err().contains("s3cr3t-value"), again.err());
    }

    @Test
    void with_quiet_says_nothing_on_stderr() throws IOException {
      assertOk(firstRun());
      byte[] first = config();

      Result quiet = cli.run("--quiet");

      assertOk(quiet);
      assertEquals("", quiet.err());
      assertArrayEquals(first, config());
    }

    @Test
    void writes_a_file_both_readers_read_with_the_record_as_written() throws IOException {
      assertOk(firstRun());
      byte[] written = config();

      ConfigDocument document = ConfigDocument.parse(written);
      assertEquals(List.of(), document.problems(), "the AWS CLI reads it");
      Map<String, Object> session = document.asReadByAwsCli().ssoSessions().get("acme");
      ProfileFile sdk =
          ProfileFile.builder()
              .content(new ByteArrayInputStream(written))
              .type(ProfileFile.Type.CONFIGURATION)
              .build();
      var sdkSession = sdk.getSection("sso-session", "acme").orElseThrow();
      for (String key :
          List.of(
              "aws_sso_config_generator_region",
              "aws_sso_config_generator_profile_template",
              "aws_sso_config_generator_rename_file",
              "aws_sso_config_generator_include",
              "aws_sso_config_generator_exclude",
              "aws_sso_config_generator_set")) {
        assertEquals(Optional.of(session.get(key)), sdkSession.property(key), key);
      }
      assertEquals(
          "Équipe%20%231/* Prod%20Account/* 333333333333/*",
          session.get("aws_sso_config_generator_include"));
    }

    @Test
    void signs_in_with_the_recorded_session_and_sso_region() throws IOException {
      assertOk(firstRun());
      Files.walk(home.resolve(".aws/sso/cache"))
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });

      Result again = cli.run();

      assertOk(again);
      assertTrue(
          Files.exists(
              home.resolve(".aws/sso/cache")
                  .resolve(dev.ssoconfig.login.TokenCache.sha1Hex("acme") + ".json")),
          "the token is cached under the recorded sso-session");
    }
  }

  @Nested
  class GivenFlags {

    @Test
    void override_the_recorded_ones_and_are_recorded_in_their_place() throws IOException {
      assertOk(firstRun());

      assertOk(cli.run("--region", "ap-south-1", "--exclude", "*/ReadOnly"));
      byte[] changed = config();
      String text = new String(changed, StandardCharsets.UTF_8);
      assertTrue(text.contains("aws_sso_config_generator_region = ap-south-1\n"), text);
      assertTrue(text.contains("aws_sso_config_generator_exclude = */ReadOnly\n"), text);
      assertTrue(text.contains("region = ap-south-1\noutput = json\n"), "profiles carry it");
      assertTrue(
          text.contains("aws_sso_config_generator_set = output=json cli_pager= x_note=a=b%3Bc\n"),
          "what was not given stays recorded");

      assertOk(cli.run());
      assertArrayEquals(changed, config(), "and the next run without flags does the same");
    }

    @Test
    void a_run_with_start_url_records_only_what_it_was_given() throws IOException {
      assertOk(firstRun());

      assertOk(cli.run("--start-url", CliHarness.START_URL, "--region", "us-east-1"));

      String text = config(StandardCharsets.UTF_8);
      assertFalse(text.contains("aws_sso_config_generator_"), text);
      assertTrue(text.contains("[profile Prod-Account.AdministratorAccess]\n"), text);
    }
  }

  @Nested
  class Refused {

    private void assertUsage(Result result, String start) throws IOException {
      assertEquals(2, result.code(), result::all);
      List<String> lines = result.err().lines().toList();
      assertEquals(1, lines.size(), result.err());
      assertTrue(lines.get(0).startsWith(Main.NAME + ": " + start), lines.get(0));
      assertFalse(result.all().contains("\tat "), "no stack trace");
      assertEquals(0, fake.totalRequests(), "nothing sent");
    }

    @Test
    void with_no_sso_session_explains_start_url_and_region() throws IOException {
      byte[] before = config();
      assertUsage(cli.run(), "no sso-session made by this tool in " + cli.config());
      assertArrayEquals(before, config());
    }

    @Test
    void start_url_still_needs_region() throws IOException {
      assertUsage(
          cli.run("--start-url", CliHarness.START_URL),
          "--start-url needs --region REGION, the region written into each profile");
    }

    @Test
    void with_no_config_file_at_all() throws IOException {
      Files.delete(cli.config());
      assertUsage(cli.run(), "no sso-session made by this tool in " + cli.config());
      assertFalse(Files.exists(cli.config()));
    }

    @Test
    void with_several_asks_for_sso_session() throws IOException {
      String two =
          "[sso-session a]\nsso_start_url = https://a.awsapps.com/start\nsso_region = us-east-1\n"
              + "aws_sso_config_generator_region = eu-west-1\n"
              + "[sso-session b]\nsso_start_url = https://b.awsapps.com/start\nsso_region = us-east-1\n"
              + "[profile p]\nsso_session = b\nmanaged_by = aws-sso-config-generator\n";
      Files.writeString(cli.config(), two);

      assertUsage(
          cli.run(),
          cli.config()
              + " has 2 sso-sessions made by this tool (a, b); choose one with --sso-session NAME");
      assertEquals(two, config(StandardCharsets.UTF_8));
    }

    @Test
    void a_hand_edited_record_that_cannot_be_used_leaves_the_file_untouched() throws IOException {
      assertOk(firstRun());
      int requests = fake.totalRequests();
      String edited =
          config(StandardCharsets.UTF_8)
              .replace(
                  "aws_sso_config_generator_exclude = */Billing",
                  "aws_sso_config_generator_exclude = */Billing%2");
      Files.writeString(cli.config(), edited);

      Result result = cli.run();

      assertEquals(2, result.code(), result::all);
      assertEquals(
          List.of(
              Main.NAME
                  + ": cannot run again as recorded in [sso-session acme] of "
                  + cli.config()
                  + ": aws_sso_config_generator_exclude: a % at character 10 is not followed by"
                  + " two hex digits; correct or delete that line, or give --start-url URL --region"
                  + " REGION and your options"),
          result.err().lines().toList());
      assertEquals(requests, fake.totalRequests(), "nothing sent");
      assertEquals(edited, config(StandardCharsets.UTF_8));
    }

    @Test
    void a_record_in_a_file_the_aws_cli_cannot_read_is_a_file_error() throws IOException {
      Files.writeString(
          cli.config(),
          "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
              + "aws_sso_config_generator_region = eu-west-1\n"
              + "aws_sso_config_generator_region = eu-west-2\n");
      Result result = cli.run();
      assertEquals(5, result.code(), result::all);
      assertEquals(1, result.errorLines().size(), result.err());
      assertFalse(result.all().contains("\tat "), "no stack trace");
    }
  }

  private String config(java.nio.charset.Charset charset) throws IOException {
    return Files.readString(cli.config(), charset);
  }
}

package dev.ssoconfig.cli;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.profiles.ExtraKeys;
import dev.ssoconfig.profiles.PairFilter;
import dev.ssoconfig.profiles.ProfileNameTemplate;
import dev.ssoconfig.profiles.RunRecord;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RerunTest {
  private static final Path CONFIG = Path.of("/home/me/.aws/config");
  private static final String MARKER = "managed_by = aws-sso-config-generator\n";

  private static String session(String name, String url, String region, String... recorded) {
    StringBuilder text =
        new StringBuilder(
            "[sso-session "
                + name
                + "]\nsso_start_url = "
                + url
                + "\nsso_region = "
                + region
                + "\nsso_registration_scopes = sso:account:access\n");
    for (String line : recorded) {
      text.append(line).append('\n');
    }
    return text.append('\n').toString();
  }

  private static String profile(String name, String session) {
    return "[profile "
        + name
        + "]\nsso_session = "
        + session
        + "\nsso_account_id = 111111111111\nsso_role_name = Admin\nregion = us-east-1\n"
        + MARKER
        + "\n";
  }

  private static final String ACME =
      session(
              "acme",
              "https://acme.awsapps.com/start",
              "us-east-1",
              "aws_sso_config_generator_region = eu-west-1",
              "aws_sso_config_generator_profile_template = {account_id}%20{role_name}",
              "aws_sso_config_generator_include = Prod%20Account/* */Admin",
              "aws_sso_config_generator_exclude = */Billing",
              "aws_sso_config_generator_set = output=json cli_pager=")
          + profile("p", "acme");

  private static Flags flags() {
    return new Flags();
  }

  /** The options of a run without --start-url, set one by one. */
  private static final class Flags {
    String region;
    String ssoRegion;
    String ssoSession;
    String template;
    Path renameFile;
    List<String> includes = List.of();
    List<String> excludes = List.of();
    List<String> settings = List.of();
    boolean legacy;
    boolean credentialProcess;

    RunNaming.Flags build() {
      return new RunNaming.Flags(
          null,
          region,
          ssoRegion,
          ssoSession,
          template,
          renameFile,
          includes,
          excludes,
          settings,
          legacy,
          credentialProcess);
    }
  }

  private static RunNaming resolve(String config, Flags flags) {
    return new Rerun(CONFIG, ConfigDocument.parse(config.getBytes(StandardCharsets.UTF_8)))
        .resolve(flags.build());
  }

  /**
   * {@code message} with the platform's path separator as {@code /}: the messages name paths
   * written the Linux way here ({@link #CONFIG}, {@code /no/such/renames.json}), which Windows
   * prints with {@code \}.
   */
  private static String slashed(String message) {
    return message.replace(File.separatorChar, '/');
  }

  private static Failure refused(String config, Flags flags) {
    Failure failure = assertFailure(Kind.USAGE, () -> resolve(config, flags));
    assertFalse(failure.getMessage().contains("\n"), "one line: " + failure.getMessage());
    return failure;
  }

  @Nested
  class Choosing {

    @Test
    void takes_the_one_sso_session_with_generated_profiles_and_everything_it_recorded() {
      RunNaming naming = resolve("[default]\nregion = eu-north-1\n\n" + ACME, flags());

      assertEquals("https://acme.awsapps.com/start", naming.startUrl());
      assertEquals("us-east-1", naming.ssoRegion());
      assertEquals("eu-west-1", naming.profileRegion());
      assertEquals("acme", naming.sessionName());
      assertEquals("{account_id} {role_name}", naming.planOptions().template().text());
      assertEquals(
          List.of("Prod Account/*", "*/Admin"), naming.planOptions().filter().includePatterns());
      assertEquals(List.of("*/Billing"), naming.planOptions().filter().excludePatterns());
      assertEquals(
          ExtraKeys.parse(List.of("output=json", "cli_pager=")), naming.planOptions().extraKeys());
      assertFalse(naming.planOptions().legacy());
    }

    @Test
    void without_a_record_uses_the_defaults_and_the_sso_region_in_the_profiles() {
      RunNaming naming =
          resolve(
              session("acme", "https://acme.awsapps.com/start/", "us-east-1")
                  + profile("p", "acme"),
              flags());

      assertEquals("https://acme.awsapps.com/start", naming.startUrl(), "in its normal form");
      assertEquals("us-east-1", naming.profileRegion());
      assertEquals(ProfileNameTemplate.DEFAULT, naming.planOptions().template());
      assertTrue(naming.planOptions().filter().keepsAll());
    }

    @Test
    void takes_a_session_that_carries_a_record_but_has_no_profiles_left() {
      String config =
          session("aws-cli", "https://other.awsapps.com/start", "eu-west-1")
              + session(
                  "acme",
                  "https://acme.awsapps.com/start",
                  "us-east-1",
                  "aws_sso_config_generator_region = eu-west-1");
      assertEquals("acme", resolve(config, flags()).sessionName());
    }

    @Test
    void with_several_lists_them_and_asks_for_sso_session() {
      String config =
          ACME
              + session("corp", "https://corp.awsapps.com/start", "eu-west-1")
              + profile("q", "corp");

      Failure failure = refused(config, flags());

      assertEquals(
          "/home/me/.aws/config has 2 sso-sessions made by this tool (acme, corp); choose one with"
              + " --sso-session NAME, or give --start-url URL --region REGION",
          slashed(failure.getMessage()));
    }

    @Test
    void with_several_takes_the_one_named_by_sso_session() {
      String config =
          ACME
              + session("corp", "https://corp.awsapps.com/start", "eu-west-1")
              + profile("q", "corp");
      Flags flags = flags();
      flags.ssoSession = "corp";

      RunNaming naming = resolve(config, flags);

      assertEquals("https://corp.awsapps.com/start", naming.startUrl());
      assertEquals("eu-west-1", naming.profileRegion());
    }

    @Test
    void sso_session_may_name_a_section_the_aws_cli_wrote() {
      Flags flags = flags();
      flags.ssoSession = "mine";
      RunNaming naming =
          resolve(ACME + session("mine", "https://mine.awsapps.com/start", "ap-south-1"), flags);
      assertEquals("https://mine.awsapps.com/start", naming.startUrl());
      assertEquals("ap-south-1", naming.profileRegion());
    }

    @Test
    void with_none_explains_start_url_and_region() {
      for (String config :
          List.of(
              "",
              "[default]\nregion = eu-west-1\n",
              session("aws-cli", "https://acme.awsapps.com/start", "us-east-1"))) {
        Failure failure = refused(config, flags());
        assertEquals(
            "no sso-session made by this tool in /home/me/.aws/config; for the first run give"
                + " --start-url URL --region REGION, e.g. --start-url"
                + " https://acme.awsapps.com/start --region eu-west-1",
            slashed(failure.getMessage()));
      }
    }

    @Test
    void with_only_legacy_profiles_says_that_legacy_records_nothing() {
      String legacy =
          "[profile p]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\n"
              + "sso_account_id = 1\nsso_role_name = A\n"
              + MARKER;
      Failure failure = refused(legacy, flags());
      assertTrue(failure.getMessage().contains("legacy form"), failure.getMessage());
      assertTrue(failure.getMessage().contains("--start-url URL --region REGION --legacy"));
    }

    @Test
    void a_missing_sso_session_is_named_with_those_that_exist() {
      Flags flags = flags();
      flags.ssoSession = "nope";
      Failure failure = refused(ACME, flags);
      assertTrue(
          slashed(failure.getMessage())
              .startsWith(
                  "no [sso-session nope] in /home/me/.aws/config (made by"
                      + " this tool: acme); for the first run give --start-url"),
          failure.getMessage());
    }
  }

  @Nested
  class GivenOptions {

    @Test
    void override_the_recorded_ones_each_list_replacing_the_recorded_list() {
      Flags flags = flags();
      flags.region = "ap-south-1";
      flags.template = "{role_name}@{account_name}";
      flags.includes = List.of("Dev/*");
      flags.settings = List.of("output=text");

      RunNaming naming = resolve(ACME, flags);

      assertEquals("ap-south-1", naming.profileRegion());
      assertEquals("{role_name}@{account_name}", naming.planOptions().template().text());
      assertEquals(List.of("Dev/*"), naming.planOptions().filter().includePatterns());
      assertEquals(
          List.of("*/Billing"),
          naming.planOptions().filter().excludePatterns(),
          "an option not given keeps its record");
      assertEquals(ExtraKeys.parse(List.of("output=text")), naming.planOptions().extraKeys());
    }

    @Test
    void the_same_sso_region_is_allowed_and_another_is_refused() {
      Flags same = flags();
      same.ssoRegion = "us-east-1";
      assertEquals("us-east-1", resolve(ACME, same).ssoRegion());

      Flags other = flags();
      other.ssoRegion = "eu-west-1";
      assertTrue(
          slashed(refused(ACME, other).getMessage())
              .startsWith(
                  "--sso-region eu-west-1 is not the sso_region us-east-1 of [sso-session"
                      + " acme] of /home/me/.aws/config"));
    }

    @Test
    void legacy_needs_start_url() {
      Flags flags = flags();
      flags.legacy = true;
      assertTrue(refused(ACME, flags).getMessage().startsWith("--legacy needs --start-url"));
    }

    @Test
    void mend_a_recorded_value_that_cannot_be_used() {
      String broken =
          session(
                  "acme",
                  "https://acme.awsapps.com/start",
                  "us-east-1",
                  "aws_sso_config_generator_include = no-slash",
                  "aws_sso_config_generator_set = region=x")
              + profile("p", "acme");
      Flags flags = flags();
      flags.includes = List.of("*/*");
      flags.settings = List.of("output=json");

      RunNaming naming = resolve(broken, flags);

      assertEquals(
          PairFilter.of(List.of("*/*"), List.of()).includePatterns(),
          naming.planOptions().filter().includePatterns());
    }

    @Test
    void a_rename_file_recorded_is_read_again(@TempDir Path folder) throws IOException {
      Path renames = folder.resolve("my renames.json");
      Files.writeString(renames, "{\"accounts\": {\"111111111111\": \"prod\"}}");
      String config =
          session(
                  "acme",
                  "https://acme.awsapps.com/start",
                  "us-east-1",
                  "aws_sso_config_generator_rename_file = "
                      + renames.toString().replace(" ", "%20"))
              + profile("p", "acme");

      RunNaming naming = resolve(config, flags());

      assertEquals(Optional.of(renames.toString()), naming.planOptions().renameFile());
      assertEquals(
          Optional.of(renames.toString()),
          RunRecord.of("us-east-1", "us-east-1", naming.planOptions()).renameFile(),
          "and recorded again as it was");
    }
  }

  @Nested
  class HandEditedRecord {

    /** Each line, in an otherwise good section, and the start of the message it gives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "aws_sso_config_generator_colour = blue|aws_sso_config_generator_colour is not a key this"
              + " version of aws-sso-config-generator records",
          "aws_sso_config_generator_include = Prod%2|aws_sso_config_generator_include: a % at"
              + " character 5 is not followed by two hex digits",
          "aws_sso_config_generator_set = %FF|aws_sso_config_generator_set: the %-encoded bytes are"
              + " not UTF-8",
          "aws_sso_config_generator_include = no-slash|aws_sso_config_generator_include: --include",
          "aws_sso_config_generator_exclude = Prod/|aws_sso_config_generator_exclude: --exclude",
          "aws_sso_config_generator_set = output|aws_sso_config_generator_set: --set",
          "aws_sso_config_generator_set = sso_region=x|aws_sso_config_generator_set: --set",
          "aws_sso_config_generator_region = mars-north-9|aws_sso_config_generator_region: --region",
          "aws_sso_config_generator_profile_template = {nope}|aws_sso_config_generator_profile_template:",
          "aws_sso_config_generator_rename_file = /no/such/renames.json|aws_sso_config_generator_rename_file:"
              + " --template /no/such/renames.json does not exist",
          "aws_sso_config_generator_region =\\n  s3 = x|aws_sso_config_generator_region: not one value",
        })
    void is_refused_in_one_line_naming_the_section_and_the_key(String line, String problem) {
      String config =
          session("acme", "https://acme.awsapps.com/start", "us-east-1", line.replace("\\n", "\n"))
              + profile("p", "acme");

      Failure failure = refused(config, flags());

      String prefix =
          "cannot run again as recorded in [sso-session acme] of /home/me/.aws/config: ";
      assertTrue(slashed(failure.getMessage()).startsWith(prefix + problem), failure.getMessage());
      assertTrue(
          failure
              .getMessage()
              .endsWith(
                  "; correct or delete that line, or give --start-url URL --region REGION and your"
                      + " options"),
          failure.getMessage());
    }

    @Test
    void an_unusable_start_url_or_sso_region_is_refused() {
      for (String config :
          List.of(
              session("acme", "http://acme.awsapps.com/start", "us-east-1") + profile("p", "acme"),
              session("acme", "https://acme.awsapps.com/start", "moon-1") + profile("p", "acme"),
              "[sso-session acme]\nsso_region = us-east-1\n\n" + profile("p", "acme"))) {
        Failure failure = refused(config, flags());
        assertTrue(failure.getMessage().contains("[sso-session acme]"), failure.getMessage());
      }
    }

    @Test
    void control_characters_from_the_file_are_not_printed() {
      String config =
          session(
                  "acme",
                  "https://acme.awsapps.com/start",
                  "us-east-1",
                  "aws_sso_config_generator_region = eu\u001b[31m")
              + profile("p", "acme");
      Failure failure = refused(config, flags());
      assertFalse(failure.getMessage().contains("\u001b"), failure.getMessage());
    }
  }

  @Nested
  class AsOptions {

    @Test
    void shows_the_command_line_that_does_the_same() {
      assertEquals(
          "--start-url https://acme.awsapps.com/start --region eu-west-1 --sso-region us-east-1"
              + " --sso-session acme --profile-template \"{account_id} {role_name}\" --include"
              + " \"Prod Account/*\" --include \"*/Admin\" --exclude \"*/Billing\" --set"
              + " \"output=json\" --set \"cli_pager=\"",
          Rerun.asOptions(resolve(ACME, flags())));
    }
  }
}

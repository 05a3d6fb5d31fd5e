package dev.ssoconfig.profiles;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunRecordTest {

  private static final PlanOptions EVERYTHING =
      PlanOptions.DEFAULTS
          .withTemplate(ProfileNameTemplate.parse("{account_name} #{role_name};x"))
          .withRenames(RenameMap.NONE, "/home/me/My Renames/names=ü.json")
          .withFilter(
              PairFilter.of(List.of("Prod Account/*", "Équipe/Ädmin"), List.of("*/Billing")))
          .withExtraKeys(ExtraKeys.parse(List.of("output=json", "cli_pager=", "x=a=b")));

  private static Map<String, String> asMap(List<Property> properties) {
    Map<String, String> map = new LinkedHashMap<>();
    properties.forEach(p -> map.put(p.key(), p.value()));
    return map;
  }

  @Nested
  class RoundTrip {

    @Test
    void reads_back_every_option_that_was_recorded() {
      RunRecord record = RunRecord.of("us-east-1", "eu-west-1", EVERYTHING);

      RunRecord read = RunRecord.read(asMap(record.properties()));

      assertEquals(record, read);
      assertEquals(Optional.of("eu-west-1"), read.region());
      assertEquals("{account_name} #{role_name};x", read.profileTemplate());
      assertEquals(Optional.of("/home/me/My Renames/names=ü.json"), read.renameFile());
      assertEquals(List.of("Prod Account/*", "Équipe/Ädmin"), read.includes());
      assertEquals(List.of("*/Billing"), read.excludes());
      assertEquals(List.of("output=json", "cli_pager=", "x=a=b"), read.settings());
    }

    @Test
    void records_credential_process_as_true_without_the_command() {
      RunRecord record =
          RunRecord.of(
              "us-east-1",
              "us-east-1",
              PlanOptions.DEFAULTS.withCredentialProcess(
                  Optional.of(new CredentialProcess("'/opt/my tools/x' credentials"))));

      assertEquals(
          Map.of("aws_sso_config_generator_credential_process", "true"),
          asMap(record.properties()));
      assertTrue(RunRecord.read(asMap(record.properties())).credentialProcess());
    }

    @Test
    void records_no_key_for_defaults_and_reads_no_key_as_the_defaults() {
      RunRecord defaults = RunRecord.of("us-east-1", "us-east-1", PlanOptions.DEFAULTS);

      assertEquals(List.of(), defaults.properties());
      assertEquals(defaults, RunRecord.read(Map.of()));
    }

    @Test
    void records_the_region_only_when_it_is_not_the_sso_region() {
      assertEquals(Optional.empty(), RunRecord.of("eu-west-1", "eu-west-1", EVERYTHING).region());
      assertEquals(
          Optional.of("eu-west-1"), RunRecord.of("us-east-1", "eu-west-1", EVERYTHING).region());
    }

    @Test
    void reads_an_empty_list_value_as_no_items() {
      Map<String, String> keys = new LinkedHashMap<>();
      keys.put("aws_sso_config_generator_include", "");
      assertEquals(List.of(), RunRecord.read(keys).includes());
    }
  }

  @Nested
  class Keys {

    @Test
    void are_recognised_ignoring_case_as_botocore_lower_cases_keys() {
      assertTrue(RunRecord.isRecordKey("aws_sso_config_generator_region"));
      assertTrue(RunRecord.isRecordKey("AWS_SSO_CONFIG_GENERATOR_SET"));
      assertFalse(RunRecord.isRecordKey("sso_region"));
      assertFalse(RunRecord.isRecordKey("aws_sso_config_generator"));
    }

    @Test
    void every_written_key_starts_with_the_prefix_and_is_lower_case() {
      for (Property property : RunRecord.of("us-east-1", "eu-west-1", EVERYTHING).properties()) {
        assertTrue(property.key().startsWith(RunRecord.PREFIX), property.key());
        assertEquals(property.key().toLowerCase(java.util.Locale.ROOT), property.key());
      }
    }
  }

  @Nested
  class Refuses {

    @Test
    void a_credential_process_value_other_than_true() {
      Failure failure =
          assertFailure(
              Failure.Kind.USAGE,
              () -> RunRecord.read(Map.of("aws_sso_config_generator_credential_process", "yes")));
      assertEquals(
          "aws_sso_config_generator_credential_process: \"yes\" is not true; remove the key to"
              + " stop recording it",
          failure.getMessage());
    }

    @Test
    void a_key_this_version_does_not_know_naming_it() {
      Failure failure =
          assertFailure(
              Failure.Kind.USAGE,
              () -> RunRecord.read(Map.of("aws_sso_config_generator_colour", "blue")));
      assertTrue(
          failure.getMessage().startsWith("aws_sso_config_generator_colour "),
          failure.getMessage());
    }

    @Test
    void a_value_that_is_not_the_encoding_naming_the_key() {
      Failure failure =
          assertFailure(
              Failure.Kind.USAGE,
              () -> RunRecord.read(Map.of("aws_sso_config_generator_include", "Prod%2")));
      assertEquals(
          "aws_sso_config_generator_include: a % at character 5 is not followed by two hex digits",
          failure.getMessage());
    }

    @Test
    void to_record_an_unpaired_surrogate_naming_the_option() {
      RunRecord record =
          new RunRecord(
              Optional.empty(),
              "{account_id}\ud800",
              Optional.empty(),
              List.of(),
              List.of(),
              List.of(),
              false);
      Failure failure = assertFailure(Failure.Kind.USAGE, record::properties);
      assertTrue(failure.getMessage().startsWith("--profile-template "), failure.getMessage());
    }
  }
}

package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigEditorTest {
  private static final String MARKER_VALUE = ProfilePlan.MARKER_VALUE;
  private static final String MARKER = "managed_by = " + MARKER_VALUE + "\n";
  private static final String ADMIN_CURRENT =
      "[profile Prod.AdministratorAccess]\nsso_session = acme\nsso_account_id = 111111111111\n"
          + "sso_role_name = AdministratorAccess\nregion = us-east-1\n"
          + MARKER;

  private final ConfigEditor editor = new ConfigEditor();

  private static ProfilePlan adminOnly() {
    return new ProfilePlan(
        Optional.of(StandardPlan.session()),
        List.of(
            StandardPlan.profile(
                "Prod.AdministratorAccess", "111111111111", "AdministratorAccess")));
  }

  private static ProfilePlan legacy(ProfileSpec... profiles) {
    return new ProfilePlan(Optional.empty(), List.of(profiles));
  }

  private static ProfileSpec spec(String name, String... keyValues) {
    List<Property> properties = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.add(new Property(keyValues[i], keyValues[i + 1]));
    }
    return new ProfileSpec(name, properties);
  }

  private EditResult apply(String content, ProfilePlan plan) {
    return editor.apply(ConfigDocument.parse(content.getBytes(StandardCharsets.ISO_8859_1)), plan);
  }

  private static String text(EditResult result) {
    return new String(result.document().toBytes(), StandardCharsets.ISO_8859_1);
  }

  @Nested
  class ManagedProfiles {
    @Test
    void sets_only_the_value_and_keeps_indentation_and_spacing() throws Exception {
      EditResult result =
          apply(
              "[profile p]\n  region=eu-west-1\n  " + MARKER,
              legacy(spec("p", "region", "us-east-1", "managed_by", "aws-sso-config-generator")));
      assertEquals("[profile p]\n  region=us-east-1\n  " + MARKER, text(result));
      assertEquals(List.of("p"), result.updated());
    }

    @Test
    void a_hash_after_a_value_is_part_of_it_for_the_aws_cli_so_the_value_is_set() throws Exception {
      EditResult result =
          apply(
              "[profile p]\nregion = us-east-1  # mine\n" + MARKER,
              legacy(spec("p", "region", "us-east-1", "managed_by", "aws-sso-config-generator")));
      assertEquals("[profile p]\nregion = us-east-1\n" + MARKER, text(result));
    }

    @Test
    void rewrites_a_line_whose_key_is_spelt_otherwise_or_separated_by_a_colon() throws Exception {
      ProfilePlan plan =
          legacy(spec("p", "region", "x", "output", "json", "managed_by", MARKER_VALUE));
      EditResult result = apply("[profile p]\n  Region = x\n  output : json\n" + MARKER, plan);
      assertEquals("[profile p]\n  region = x\n  output = json\n" + MARKER, text(result));
      assertFalse(editor.apply(result.document(), plan).changed(), "a second run changes nothing");
    }

    @Test
    void drops_indented_comments_below_an_owned_key_which_the_sdk_for_java_reads_as_its_value()
        throws Exception {
      ProfilePlan plan = legacy(spec("p", "managed_by", MARKER_VALUE, "k", "v"));
      EditResult result = apply("[profile p]\n" + MARKER + "  # note\n\n# kept\nx = 1\n", plan);
      assertEquals("[profile p]\n" + MARKER + "k = v\n\n# kept\nx = 1\n", text(result));
      Referee.assertHoldsPlan(text(result).getBytes(StandardCharsets.ISO_8859_1), plan, List.of());
    }

    @Test
    void fills_an_empty_value() throws Exception {
      EditResult result =
          apply(
              "[profile p]\nregion =\n" + MARKER,
              legacy(spec("p", "region", "us-east-1", "managed_by", "aws-sso-config-generator")));
      assertEquals("[profile p]\nregion = us-east-1\n" + MARKER, text(result));
    }

    @Test
    void drops_the_continuation_lines_of_an_owned_key_it_rewrites() throws Exception {
      EditResult result =
          apply(
              "[profile p]\nregion = us-\n  east-1\nx = 1\n" + MARKER,
              legacy(spec("p", "region", "us-east-1", "managed_by", "aws-sso-config-generator")));
      assertEquals("[profile p]\nregion = us-east-1\nx = 1\n" + MARKER, text(result));
    }

    @Test
    void inserts_missing_keys_in_plan_order_after_the_last_owned_key() throws Exception {
      EditResult result =
          apply(
              "[profile p]\nsso_role_name = r\n" + MARKER + "mine = 1\n",
              legacy(
                  spec(
                      "p",
                      "sso_account_id",
                      "1",
                      "sso_role_name",
                      "r",
                      "region",
                      "x",
                      "managed_by",
                      "aws-sso-config-generator")));
      assertEquals(
          "[profile p]\nsso_role_name = r\n"
              + MARKER
              + "sso_account_id = 1\nregion = x\nmine = 1\n",
          text(result));
    }

    @Test
    void gives_a_last_line_without_terminator_one_before_inserting_after_it() throws Exception {
      EditResult result =
          apply(
              "[profile p]\r\nmanaged_by = aws-sso-config-generator",
              legacy(spec("p", "managed_by", "aws-sso-config-generator", "region", "x")));
      assertEquals(
          "[profile p]\r\nmanaged_by = aws-sso-config-generator\r\nregion = x\r\n", text(result));
    }

    @Test
    void updates_every_section_of_a_profile_split_in_two() throws Exception {
      EditResult result =
          apply(
              "[profile p]\nregion = a\n"
                  + MARKER
                  + "[profile q]\n[profile  p]\nregion = b\n"
                  + MARKER,
              legacy(spec("p", "region", "x", "managed_by", "aws-sso-config-generator", "k", "v")));
      assertEquals(
          "[profile p]\nregion = x\n"
              + MARKER
              + "k = v\n[profile q]\n[profile  p]\nregion = x\n"
              + MARKER
              + "k = v\n",
          text(result));
    }

    @Test
    void leaves_a_profile_alone_when_one_of_its_sections_lacks_the_marker() throws Exception {
      String content =
          "[profile p]\nregion = a\n" + MARKER + "[default]\n[profile p]\nregion = b\n";
      EditResult result =
          apply(
              content, legacy(spec("p", "region", "x", "managed_by", "aws-sso-config-generator")));
      assertEquals(List.of("p"), result.skipped());
      assertEquals(content, text(result));
    }

    @Test
    void a_marker_with_another_value_does_not_make_a_profile_managed() throws Exception {
      String content = "[profile p]\nmanaged_by = someone-else\n";
      EditResult result =
          apply(content, legacy(spec("p", "managed_by", "aws-sso-config-generator")));
      assertEquals(List.of("p"), result.skipped());
      assertEquals(content, text(result));
    }

    @Test
    void indents_inserted_keys_like_the_next_key_so_no_value_changes_for_the_aws_cli()
        throws Exception {
      ProfilePlan plan = legacy(spec("p", "managed_by", MARKER_VALUE, "k", "v"));
      String content = "[profile p]\n  x = 1\n  " + MARKER + "  y = 2\n    more\n";
      EditResult result = apply(content, plan);
      assertEquals(
          "[profile p]\n  x = 1\n  " + MARKER + "  k = v\n  y = 2\n    more\n", text(result));
      assertEquals(
          Map.of("x", "1", "managed_by", MARKER_VALUE, "k", "v", "y", "2\nmore"),
          result.document().asReadByAwsCli().profiles().get("p"));
      assertFalse(editor.apply(result.document(), plan).changed(), "a second run changes nothing");
    }

    @Test
    void after_the_header_indents_like_the_line_that_follows() throws Exception {
      ProfilePlan plan = legacy(spec("p", "k", "v"));
      EditResult result = apply("[profile p]\n# c\n    " + MARKER, plan);
      assertEquals("[profile p]\n    k = v\n# c\n    " + MARKER, text(result));
      assertEquals(
          Map.of("k", "v", "managed_by", MARKER_VALUE),
          result.document().asReadByAwsCli().profiles().get("p"));
    }

    @Test
    void writes_and_updates_extra_keys_like_the_others() throws Exception {
      ProfilePlan plan =
          legacy(spec("p", "output", "json", "cli_history", "enabled", "managed_by", MARKER_VALUE));
      EditResult added = apply("", plan);
      assertEquals("[profile p]\noutput = json\ncli_history = enabled\n" + MARKER, text(added));
      EditResult updated =
          apply("[profile p]\noutput = text\n" + MARKER + "cli_pager = less\n", plan);
      assertEquals(
          "[profile p]\noutput = json\n" + MARKER + "cli_history = enabled\ncli_pager = less\n",
          text(updated));
      assertEquals(List.of("p"), updated.updated());
    }

    @Test
    void inserts_into_default_and_profile_default_so_both_readers_see_the_keys() throws Exception {
      ProfilePlan plan = legacy(spec("default", "region", "x", "managed_by", MARKER_VALUE));
      EditResult result = apply("[profile default]\n" + MARKER + "[default]\n" + MARKER, plan);
      String text = text(result);
      assertEquals(
          "[profile default]\n" + MARKER + "region = x\n[default]\n" + MARKER + "region = x\n",
          text);
      Referee.assertHoldsPlan(text.getBytes(StandardCharsets.ISO_8859_1), plan, result.skipped());
      assertEquals(
          Map.of("region", "x", "managed_by", MARKER_VALUE),
          result.document().asReadByAwsCli().profiles().get("default"));
    }

    @Test
    void a_default_section_counts_for_the_profile_named_default() throws Exception {
      EditResult result =
          apply(
              "[default]\nregion = a\n",
              legacy(spec("default", "managed_by", "aws-sso-config-generator")));
      assertEquals(List.of("default"), result.skipped());
    }
  }

  @Nested
  class SsoSession {
    @Test
    void a_different_start_url_is_a_conflict_that_names_the_option() {
      Failure e =
          assertFailure(
              Kind.USAGE,
              () ->
                  apply(
                      "[sso-session acme]\nsso_start_url = https://x.awsapps.com/start\n"
                          + "sso_region = us-east-1\n",
                      adminOnly()));
      assertTrue(e.getMessage().contains("[sso-session acme]"), e.getMessage());
      assertTrue(e.getMessage().contains("--sso-session"), e.getMessage());
      assertTrue(e.getMessage().contains("https://x.awsapps.com/start"), e.getMessage());
    }

    @Test
    void a_different_sso_region_is_a_conflict() {
      Failure e =
          assertFailure(
              Kind.USAGE,
              () ->
                  apply(
                      "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
                          + "sso_region = eu-west-1\n",
                      adminOnly()));
      assertTrue(e.getMessage().contains("sso_region eu-west-1"), e.getMessage());
    }

    @Test
    void a_session_without_start_url_is_a_conflict() {
      assertFailure(
          Kind.USAGE, () -> apply("[sso-session acme]\nsso_region = us-east-1\n", adminOnly()));
    }

    @Test
    void the_start_url_matches_with_or_without_a_trailing_slash() throws Exception {
      String content =
          "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start/\n"
              + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n"
              + ADMIN_CURRENT;
      EditResult result = apply(content, adminOnly());
      assertEquals(SessionChange.UNCHANGED, result.session());
      assertFalse(result.changed());
    }

    @Test
    void the_start_url_matches_in_a_form_an_older_run_wrote() throws Exception {
      String content =
          "[sso-session acme]\nsso_start_url = HTTPS://acme.awsapps.com/start/#/\n"
              + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n"
              + ADMIN_CURRENT;
      EditResult result = apply(content, adminOnly());
      assertEquals(SessionChange.UNCHANGED, result.session());
      assertFalse(result.changed());
    }

    @Test
    void a_hash_after_the_start_url_is_part_of_it_for_the_aws_cli_so_it_conflicts() {
      String content =
          "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start # mine\n"
              + "sso_region = us-east-1\n";
      Failure e = assertFailure(Failure.Kind.USAGE, () -> apply(content, adminOnly()));
      assertTrue(e.getMessage().contains("https://acme.awsapps.com/start # mine"), e.getMessage());
    }

    @Test
    void a_legacy_plan_looks_at_no_sso_session() throws Exception {
      EditResult result = apply("[sso-session acme]\nsso_start_url = https://other\n", legacy());
      assertEquals(SessionChange.NOT_IN_PLAN, result.session());
      assertFalse(result.changed());
    }

    @Test
    void adding_a_missing_session_key_counts_as_a_change() throws Exception {
      EditResult result =
          apply(
              "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
                  + "sso_region = us-east-1\n# note\n",
              new ProfilePlan(Optional.of(StandardPlan.session()), List.of()));
      assertEquals(SessionChange.UPDATED, result.session());
      assertTrue(result.changed());
      assertTrue(text(result).endsWith("sso_registration_scopes = sso:account:access\n# note\n"));
    }
  }

  @Nested
  class Record {
    private static final String SESSION =
        "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
            + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n";

    private ProfilePlan recording(String... keyValues) {
      List<Property> recorded = new ArrayList<>();
      for (int i = 0; i < keyValues.length; i += 2) {
        recorded.add(new Property(keyValues[i], keyValues[i + 1]));
      }
      SsoSessionSpec standard = StandardPlan.session();
      return new ProfilePlan(
          Optional.of(new SsoSessionSpec(standard.name(), standard.properties(), recorded)),
          List.of());
    }

    @Test
    void a_new_sso_session_carries_the_record_after_its_own_keys() throws Exception {
      EditResult result = apply("", recording("aws_sso_config_generator_region", "eu-west-1"));
      assertEquals(SESSION + "aws_sso_config_generator_region = eu-west-1\n", text(result));
      assertEquals(SessionChange.ADDED, result.session());
    }

    @Test
    void the_same_record_changes_nothing() throws Exception {
      String content = SESSION + "aws_sso_config_generator_region = eu-west-1\n";
      EditResult result = apply(content, recording("aws_sso_config_generator_region", "eu-west-1"));
      assertEquals(SessionChange.UNCHANGED, result.session());
      assertFalse(result.changed());
    }

    @Test
    void a_recorded_value_is_set_in_place_and_a_missing_one_added_after_the_last_key()
        throws Exception {
      String content = SESSION + "aws_sso_config_generator_region = eu-west-1\n# mine\nmine = 1\n";
      EditResult result =
          apply(
              content,
              recording(
                  "aws_sso_config_generator_region", "eu-north-1",
                  "aws_sso_config_generator_set", "output=json"));
      assertEquals(
          SESSION
              + "aws_sso_config_generator_region = eu-north-1\n"
              + "aws_sso_config_generator_set = output=json\n# mine\nmine = 1\n",
          text(result));
      assertEquals(SessionChange.UPDATED, result.session());
    }

    @Test
    void a_record_key_the_run_does_not_give_is_removed_with_its_continuation_lines_in_any_case()
        throws Exception {
      String content =
          SESSION
              + "AWS_SSO_Config_Generator_include = a\n  b\n"
              + "aws_sso_config_generator_region = eu-west-1\n"
              + "mine = 1\n";
      EditResult result = apply(content, recording());
      assertEquals(SESSION + "mine = 1\n", text(result));
      assertEquals(SessionChange.UPDATED, result.session());
    }

    @Test
    void a_section_the_aws_cli_wrote_gets_the_record_and_keeps_its_own_keys() throws Exception {
      String content =
          "[sso-session acme]\nsso_region = us-east-1\n"
              + "sso_start_url = https://acme.awsapps.com/start\n"
              + "sso_registration_scopes = sso:account:access,extra\n";
      EditResult result = apply(content, recording("aws_sso_config_generator_region", "eu-west-1"));
      assertEquals(content + "aws_sso_config_generator_region = eu-west-1\n", text(result));
    }

    @Test
    void a_plan_whose_record_keys_lack_the_prefix_is_a_bug_of_the_planner() {
      assertThrows(
          IllegalArgumentException.class, () -> apply("", recording("region", "eu-west-1")));
    }
  }

  @Nested
  class Pruning {
    private static final String STALE = "[profile stale]\nsso_session = acme\n" + MARKER;

    private ProfilePlan prune(String... names) {
      return new ProfilePlan(Optional.empty(), List.of(), List.of(names));
    }

    @Test
    void removes_a_managed_profile_and_the_blank_line_after_it() throws Exception {
      EditResult result =
          apply("[default]\nx = 1\n\n" + STALE + "\n[profile mine]\ny = 2\n", prune("stale"));
      assertEquals("[default]\nx = 1\n\n[profile mine]\ny = 2\n", text(result));
      assertEquals(List.of("stale"), result.removed());
      assertTrue(result.changed());
    }

    @Test
    void removes_comments_and_keys_a_person_added_inside_it() throws Exception {
      EditResult result =
          apply(
              "[profile stale]\n# mine\nsso_session = acme\nnote = mine\n  more\n"
                  + MARKER
                  + "# after\n\n[default]\n",
              prune("stale"));
      assertEquals("[default]\n", text(result));
    }

    @Test
    void keeps_the_comment_lines_directly_above_the_next_header() throws Exception {
      String content = "[default]\n\n" + STALE + "# old\n\n# about mine\n[profile mine]\n";
      EditResult result = apply(content, prune("stale"));
      assertEquals("[default]\n\n# about mine\n[profile mine]\n", text(result));
    }

    @Test
    void at_the_end_of_the_file_drops_the_blank_line_before_it() throws Exception {
      String twoAtTheEnd = "[default]\nx = 1\n\n" + STALE + "\n" + STALE.replace("stale", "old");
      assertEquals("[default]\nx = 1\n", text(apply(twoAtTheEnd, prune("stale", "old"))));
      assertEquals(
          "[default]\r\n",
          text(apply("[default]\r\n\r\n[profile stale]\r\n" + MARKER.trim(), prune("stale"))));
    }

    @Test
    void appends_new_profiles_after_one_blank_line_where_it_removed_the_last_one()
        throws Exception {
      EditResult result =
          apply(
              "[default]\n\n" + STALE,
              new ProfilePlan(Optional.empty(), List.of(spec("p", "k", "v")), List.of("stale")));
      assertEquals("[default]\n\n[profile p]\nk = v\n", text(result));
    }

    @Test
    void removes_every_section_of_a_profile_split_in_two() throws Exception {
      EditResult result =
          apply(STALE + "[profile mine]\n" + STALE + "region = x\n", prune("stale"));
      assertEquals("[profile mine]\n", text(result));
    }

    @Test
    void a_byte_order_mark_hides_the_first_header_as_it_does_from_the_aws_cli() throws Exception {
      String content = Grammar.BOM + STALE + "\n[default]\n";
      assertEquals(content, text(apply(content, prune("stale"))));
    }

    @Test
    void ignores_a_name_that_is_absent_or_not_managed() throws Exception {
      String content =
          "[profile mine]\nsso_session = acme\n"
              + STALE
              + "[profile half]\n"
              + MARKER
              + "[profile half]\nregion = x\n";
      EditResult result = apply(content, prune("mine", "half", "absent"));
      assertEquals(content, text(result));
      assertEquals(List.of(), result.removed());
      assertFalse(result.changed());
    }

    @Test
    void changes_nothing_when_run_again() throws Exception {
      EditResult first = apply("[default]\n\n" + STALE, prune("stale", "stale"));
      assertEquals(List.of("stale"), first.removed());
      EditResult again = editor.apply(first.document(), prune("stale"));
      assertFalse(again.changed());
      assertSame(first.document(), again.document());
    }

    @Test
    void a_name_both_written_and_pruned_is_a_plan_error() {
      ProfilePlan plan =
          new ProfilePlan(Optional.empty(), List.of(spec("p", "k", "v")), List.of("p"));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> apply("", plan));
      assertTrue(e.getMessage().contains("both writes and prunes profile p"), e.getMessage());
    }
  }

  @Nested
  class Appending {
    @Test
    void adds_no_second_blank_line_when_the_file_ends_with_one() throws Exception {
      EditResult result = apply("[default]\n\n", legacy(spec("p", "k", "v")));
      assertEquals("[default]\n\n[profile p]\nk = v\n", text(result));
    }

    @Test
    void uses_lf_when_line_endings_are_mixed_evenly() throws Exception {
      EditResult result = apply("[default]\r\nx = 1\n", legacy(spec("p", "k", "v")));
      assertEquals("[default]\r\nx = 1\n\n[profile p]\nk = v\n", text(result));
    }

    @Test
    void writes_non_ascii_values_as_utf8() throws Exception {
      EditResult result =
          editor.apply(ConfigDocument.parse(new byte[0]), legacy(spec("p", "note", "caf\u00e9")));
      assertArrayEquals(
          "[profile p]\nnote = caf\u00e9\n".getBytes(StandardCharsets.UTF_8),
          result.document().toBytes());
    }
  }

  @Nested
  class Result {
    @Test
    void returns_the_same_document_when_nothing_changes() throws Exception {
      ConfigDocument document =
          ConfigDocument.parse(
              ("[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
                      + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n"
                      + ADMIN_CURRENT)
                  .getBytes(StandardCharsets.US_ASCII));
      EditResult result = editor.apply(document, adminOnly());
      assertSame(document, result.document());
      assertFalse(result.changed());
      assertEquals(List.of("Prod.AdministratorAccess"), result.unchanged());
    }

    @Test
    void rejects_a_plan_value_that_could_not_be_read_back() {
      assertThrows(IllegalArgumentException.class, () -> apply("", legacy(spec("p", "k", "a\nb"))));
      assertThrows(IllegalArgumentException.class, () -> apply("", legacy(spec("p", "k", "a #b"))));
      assertThrows(IllegalArgumentException.class, () -> apply("", legacy(spec("p q", "k", "v"))));
    }

    @Test
    void rejects_a_plan_with_a_profile_name_twice() {
      assertThrows(
          IllegalArgumentException.class,
          () -> apply("", legacy(spec("p", "k", "v"), spec("p", "k", "v"))));
    }
  }

  @Nested
  class Scale {
    @Test
    void applies_15000_profiles_to_a_15000_line_file_in_one_pass() throws Exception {
      StringBuilder file = new StringBuilder();
      List<ProfileSpec> profiles = new ArrayList<>();
      for (int i = 0; i < 15_000; i++) {
        String name = String.format("Account%05d.Role", i);
        profiles.add(StandardPlan.profile(name, String.format("%012d", i), "Role"));
        if (i % 6 == 0 && file.length() < 15_000 * 40) {
          file.append("[profile ")
              .append(name)
              .append("]\nsso_session = acme\n")
              .append("sso_account_id = ")
              .append(String.format("%012d", i))
              .append('\n')
              .append("sso_role_name = Role\nregion = eu-west-1\n")
              .append(MARKER);
        }
      }
      ProfilePlan plan = new ProfilePlan(Optional.of(StandardPlan.session()), profiles);
      ConfigDocument document =
          ConfigDocument.parse(file.toString().getBytes(StandardCharsets.US_ASCII));
      assertEquals(15_000, document.lines().size());

      EditResult result = editor.apply(document, plan);
      assertEquals(2_500, result.updated().size());
      assertEquals(12_500, result.added().size());
      EditResult again = editor.apply(result.document(), plan);
      assertFalse(again.changed());
      assertEquals(15_000, again.unchanged().size());
    }
  }
}

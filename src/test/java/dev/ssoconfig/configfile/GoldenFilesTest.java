package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.testing.GoldenArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: {@code src/test/resources/configfile/golden/CASE.input} edited with the plan its
 * arguments {@code CASE.args} describe ({@link GoldenArgs}, {@link StandardPlan#forArgs}) must give
 * exactly {@code CASE.output}, or, when a {@code CASE.error} file exists instead, fail with a usage
 * {@link Failure} whose message is that file's content. Every output is also read by the SDK's
 * {@code ProfileFile}.
 *
 * <p>To regenerate the expected files after a deliberate change, run the tests with {@code
 * -Dconfigfile.golden.update=true} and review the diff; without that property nothing is written.
 */
class GoldenFilesTest {
  private static final String UPDATE_PROPERTY = "configfile.golden.update";
  private static final Path GOLDEN =
      Path.of(System.getProperty("basedir", "."), "src/test/resources/configfile/golden");

  private final ConfigEditor editor = new ConfigEditor();

  @TestFactory
  Stream<DynamicTest> every_golden_input_gives_its_golden_output() throws IOException {
    List<String> cases = GoldenArgs.cases(GOLDEN);
    assertTrue(cases.size() >= 15, "golden cases found in " + GOLDEN);
    assertEquals(
        inputs(), cases, "each CASE.input has its CASE.args, and each CASE.args its input");
    return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  private void check(String name) throws Exception {
    byte[] input = read(name + ".input");
    ProfilePlan plan = plan(name);
    Path error = GOLDEN.resolve(name + ".error");
    if (Files.exists(error)) {
      Failure e = assertFailure(Kind.USAGE, () -> editor.apply(parse(input), plan));
      if (updating()) {
        Files.writeString(error, e.getMessage() + "\n");
      }
      assertEquals(Files.readString(error).strip(), e.getMessage());
      return;
    }
    ConfigDocument before = parse(input);
    EditResult result = editor.apply(before, plan);
    byte[] output = result.document().toBytes();
    if (updating()) {
      Files.write(GOLDEN.resolve(name + ".output"), output);
    }
    assertArrayEquals(
        read(name + ".output"),
        output,
        () -> "golden output of " + name + ", got:\n" + new String(output, StandardCharsets.UTF_8));

    if (before.problems().isEmpty()) {
      assertEquals(List.of(), result.document().problems(), "the AWS CLI reads the output");
    }
    Referee.assertHoldsPlan(output, plan, result.skipped());
    Referee.assertPruned(input, output, plan, result.removed());
    String session = plan.session().map(s -> s.name()).orElse(null);
    OutsideLines.assertUnchanged(before, result.document(), session, result.removed());

    EditResult again = editor.apply(result.document(), plan);
    assertFalse(again.changed(), "a second run changes nothing");
    assertSame(result.document(), again.document());
    assertArrayEquals(output, again.document().toBytes());
  }

  @Nested
  class Cases {
    @Test
    void an_empty_file_gets_the_session_then_the_profiles_without_a_leading_blank_line()
        throws Exception {
      EditResult result = apply("empty");
      assertEquals(SessionChange.ADDED, result.session());
      assertEquals(
          List.of("Dev.ReadOnlyAccess", "Prod.AdministratorAccess", "Prod.ReadOnlyAccess"),
          result.added());
      assertTrue(text(result).startsWith("[sso-session acme]\n"));
    }

    @Test
    void an_unmanaged_profile_with_a_generated_name_is_left_alone_and_reported_skipped()
        throws Exception {
      EditResult result = apply("unmanaged_collision");
      assertEquals(List.of("Prod.AdministratorAccess"), result.skipped());
      assertEquals(List.of("Dev.ReadOnlyAccess", "Prod.ReadOnlyAccess"), result.added());
    }

    @Test
    void a_managed_profile_keeps_the_keys_a_person_added() throws Exception {
      EditResult result = apply("person_added_key");
      assertEquals(List.of("Prod.AdministratorAccess"), result.unchanged());
      assertEquals(SessionChange.UNCHANGED, result.session());
      String text = text(result);
      assertTrue(text.contains("output = json\ncli_pager =\n"));
      assertTrue(text.contains("credential_process_note = kept\n"));
    }

    @Test
    void a_managed_profile_absent_from_the_plan_is_left_untouched() throws Exception {
      String text = text(apply("person_added_key"));
      assertTrue(text.contains("[profile Old.PowerUserAccess]\nsso_session = acme\n"));
    }

    @Test
    void a_stale_value_is_set_in_place_and_a_missing_key_inserted_after_the_owned_keys()
        throws Exception {
      EditResult result = apply("stale_value");
      assertEquals(List.of("Prod.AdministratorAccess", "Prod.ReadOnlyAccess"), result.updated());
      String text = text(result);
      assertTrue(text.contains("sso_session    =   acme\n"), "unchanged line keeps its spacing");
      assertTrue(
          text.contains("region = us-east-1\n"),
          "for the AWS CLI the '# set by an older run' was part of the old value");
      assertTrue(
          text.contains(
              "managed_by = aws-sso-config-generator\nregion = us-east-1\noutput = table\n"));
    }

    @Test
    void a_matching_session_is_kept_and_only_gets_missing_keys() throws Exception {
      EditResult result = apply("matching_session");
      assertEquals(SessionChange.UPDATED, result.session());
      assertTrue(
          text(result)
              .startsWith(
                  "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start/\n"
                      + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n"));
    }

    @Test
    void a_file_without_final_newline_gets_one_before_the_appended_sections() throws Exception {
      assertTrue(text(apply("no_final_newline")).contains("region = eu-west-1\n\n[sso-session"));
    }

    @Test
    void a_crlf_file_gets_crlf_sections() throws Exception {
      String text = text(apply("crlf"));
      assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
    }

    @Test
    void a_conflicting_session_stops_the_edit() {
      assertFailure(Kind.USAGE, () -> apply("conflicting_session"));
    }

    @Test
    void prune_removes_only_stale_managed_profiles_keeping_a_persons_own_on_the_same_session()
        throws Exception {
      EditResult result = apply("prune");
      assertEquals(List.of("Old.PowerUserAccess", "Gone.ReadOnlyAccess"), result.removed());
      String text = text(result);
      assertTrue(text.contains("[profile mine]\nsso_session = acme\n"), "own profile kept");
      assertFalse(text.contains("output = json"), "a stale profile goes with a person's keys");
      assertTrue(
          text.contains("sso_role_name = PowerUserAccess\n\n# generated, still assigned\n"),
          "the comment above the next profile stays, and one blank line separates");
    }

    @Test
    void prune_at_the_end_leaves_one_blank_line_before_the_appended_sections() throws Exception {
      EditResult result = apply("prune_at_end");
      assertEquals(List.of("Old.PowerUserAccess", "Gone.ReadOnlyAccess"), result.removed());
      assertTrue(
          text(result)
              .contains("managed_by = aws-sso-config-generator\r\n\r\n[sso-session acme]\r\n"));
    }

    @Test
    void the_legacy_form_writes_start_url_and_sso_region_into_each_profile() throws Exception {
      EditResult result = apply("legacy");
      assertEquals(SessionChange.NOT_IN_PLAN, result.session());
      assertEquals(List.of("Prod.AdministratorAccess"), result.updated());
      assertEquals(List.of("Prod.ReadOnlyAccess"), result.skipped());
      assertEquals(List.of("Dev.ReadOnlyAccess"), result.added());
      assertTrue(text(result).contains("sso_start_url = https://other.awsapps.com/start\n"));
    }

    @Test
    void extra_keys_are_owned_set_in_place_and_written_into_new_profiles() throws Exception {
      EditResult result = apply("extra_keys");
      assertEquals(List.of("Prod.AdministratorAccess"), result.updated());
      String text = text(result);
      assertTrue(
          text.contains("output = json\ncli_history"),
          "for the AWS CLI the '# was --set ...' was part of the old value");
      assertTrue(text.contains("cli_pager = less\n"), "a person's key stays");
    }

    private EditResult apply(String name) throws Exception {
      return editor.apply(parse(read(name + ".input")), plan(name));
    }

    private String text(EditResult result) {
      return new String(result.document().toBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static ConfigDocument parse(byte[] bytes) {
    return ConfigDocument.parse(bytes);
  }

  private static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  private static ProfilePlan plan(String name) {
    return StandardPlan.forArgs(GoldenArgs.read(GOLDEN, name));
  }

  private static List<String> inputs() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".input"))
          .map(f -> f.substring(0, f.length() - ".input".length()))
          .sorted()
          .toList();
    }
  }

  private static byte[] read(String file) {
    try {
      return Files.readAllBytes(GOLDEN.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

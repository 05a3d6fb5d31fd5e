package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.configfile.SessionChange;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryTest {
  private static final Path CONFIG = Path.of("/home/me/.aws/config");
  private static final ProfilePlan PLAN =
      new ProfilePlan(
          Optional.of(new SsoSessionSpec("acme", List.of())),
          List.of(new ProfileSpec("Prod.Admin", List.of())));
  private static final ProfilePlan LEGACY_PLAN =
      new ProfilePlan(Optional.empty(), List.of(new ProfileSpec("Prod.Admin", List.of())));

  private static EditResult result(SessionChange session) {
    return new EditResult(
        ConfigDocument.parse(new byte[0]),
        List.of("Prod.Admin"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        session);
  }

  private static String print(
      boolean verbose, EditResult result, ProfilePlan plan, List<String> stale, boolean dryRun) {
    StringWriter out = new StringWriter();
    new Summary(new PrintWriter(out), verbose).print(CONFIG, result, plan, stale, dryRun);
    return out.toString();
  }

  @Nested
  class SsoSession {
    @ParameterizedTest
    @CsvSource({
      "ADDED, false, sso-session acme added.",
      "UPDATED, false, sso-session acme updated.",
      "UNCHANGED, false, sso-session acme unchanged.",
      "ADDED, true, sso-session acme would be added.",
      "UPDATED, true, sso-session acme would be updated.",
      "UNCHANGED, true, sso-session acme unchanged."
    })
    void says_what_happened_to_the_section(SessionChange change, boolean dryRun, String line) {
      String out = print(false, result(change), PLAN, List.of(), dryRun);

      assertTrue(out.lines().toList().contains(line), out);
    }

    @Test
    void legacy_form_has_no_sso_session_line() {
      String out = print(false, result(SessionChange.NOT_IN_PLAN), LEGACY_PLAN, List.of(), false);

      assertFalse(out.contains("sso-session"), out);
    }
  }

  @Nested
  class Stale {
    private final List<String> twelve =
        IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("Old%02d.Role", i)).toList();

    private String staleLine(String out) {
      return out.lines().filter(l -> l.contains("stale")).findFirst().orElseThrow();
    }

    @Test
    void a_short_list_is_named_in_full() {
      String out = print(false, result(SessionChange.UNCHANGED), PLAN, twelve.subList(0, 5), false);

      assertEquals(
          "5 stale (no longer assigned or filtered out; --prune removes them): "
              + "Old01.Role, Old02.Role, Old03.Role, Old04.Role, Old05.Role",
          staleLine(out));
    }

    @Test
    void a_long_list_names_the_first_five_and_counts_the_rest() {
      String out = print(false, result(SessionChange.UNCHANGED), PLAN, twelve, false);

      assertEquals(
          "12 stale (no longer assigned or filtered out; --prune removes them): "
              + "Old01.Role, Old02.Role, Old03.Role, Old04.Role, Old05.Role"
              + " and 7 more (--verbose lists them all)",
          staleLine(out));
    }

    @Test
    void verbose_names_every_one() {
      String out = print(true, result(SessionChange.UNCHANGED), PLAN, twelve, false);

      assertTrue(staleLine(out).endsWith(String.join(", ", twelve)), out);
      assertFalse(out.contains("more"), out);
    }
  }
}

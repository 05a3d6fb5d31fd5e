package dev.ssoconfig.profiles;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.portal.AccountRole;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairFilterTest {

  private static final AccountRole PROD_ADMIN =
      new AccountRole("111111111111", "Prod", "AdministratorAccess");
  private static final AccountRole PROD_BILLING =
      new AccountRole("111111111111", "Prod", "Billing");
  private static final AccountRole PROD_EU_ADMIN =
      new AccountRole("222222222222", "Prod EU", "AdministratorAccess");
  private static final AccountRole DEV_ADMIN =
      new AccountRole("333333333333", "Dev", "AdministratorAccess");
  private static final AccountRole TEAM_APP = new AccountRole("444444444444", "team/app", "Admin");

  private static final List<AccountRole> ALL =
      List.of(PROD_ADMIN, PROD_BILLING, PROD_EU_ADMIN, DEV_ADMIN, TEAM_APP);

  private static List<AccountRole> kept(List<String> includes, List<String> excludes) {
    PairFilter filter = PairFilter.of(includes, excludes);
    return ALL.stream().filter(filter::keeps).toList();
  }

  @Nested
  class Keeps {

    @Test
    void every_pair_without_patterns() {
      assertEquals(ALL, kept(List.of(), List.of()));
      assertTrue(PairFilter.ALL.keepsAll());
      assertTrue(ALL.stream().allMatch(PairFilter.ALL::keeps));
    }

    @Test
    void pairs_matching_an_include_by_account_name() {
      assertEquals(
          List.of(PROD_ADMIN, PROD_BILLING, PROD_EU_ADMIN), kept(List.of("Prod*/*"), List.of()));
      assertEquals(List.of(PROD_ADMIN, PROD_BILLING), kept(List.of("Prod/*"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Prod Account (EU)/*   | false",
          "Prod-Account-EU/*     | false",
          "Prod-Account-EU/Admin | false",
          "*-EU/*                | false",
          "*(EU)/*               | false",
          "555555555555/*        | false",
          "Prod-Account*/*       | true",
          "Prod Account*/*       | true"
        })
    void an_account_by_its_portal_name_or_by_its_name_in_the_profile(
        String pattern, boolean alsoTheOther) {
      AccountRole eu = new AccountRole("555555555555", "Prod Account (EU)", "Admin");
      AccountRole us = new AccountRole("666666666666", "Prod Account (US)", "Admin");

      PairFilter include = PairFilter.of(List.of(pattern), List.of());
      PairFilter exclude = PairFilter.of(List.of(), List.of(pattern));

      assertTrue(include.keeps(eu));
      assertFalse(exclude.keeps(eu));
      assertEquals(alsoTheOther, include.keeps(us));
      assertEquals(!alsoTheOther, exclude.keeps(us));
    }

    @Test
    void a_sanitised_name_matches_with_accents_and_symbols_spelled_as_in_the_profile() {
      AccountRole accented = new AccountRole("777777777777", "Sandbox – Zoë", "Admin");

      assertTrue(PairFilter.of(List.of("Sandbox-Zoe/*"), List.of()).keeps(accented));
      assertTrue(PairFilter.of(List.of("Sandbox – Zoë/*"), List.of()).keeps(accented));
      assertFalse(PairFilter.of(List.of("sandbox-zoe/*"), List.of()).keeps(accented));
    }

    @Test
    void pairs_matching_an_include_by_account_id() {
      assertEquals(List.of(PROD_ADMIN), kept(List.of("111111111111/Admin*"), List.of()));
      assertEquals(List.of(PROD_EU_ADMIN, DEV_ADMIN), kept(List.of("*2/*", "3333*/*"), List.of()));
    }

    @Test
    void pairs_matching_any_of_several_includes() {
      assertEquals(
          List.of(PROD_BILLING, DEV_ADMIN), kept(List.of("Dev/*", "*/Billing"), List.of()));
    }

    @Test
    void no_pair_matching_an_exclude() {
      assertEquals(
          List.of(PROD_ADMIN, PROD_EU_ADMIN, DEV_ADMIN, TEAM_APP),
          kept(List.of(), List.of("*/Billing")));
      assertEquals(List.of(DEV_ADMIN, TEAM_APP), kept(List.of(), List.of("1*/*", "Prod EU/*")));
    }

    @Test
    void an_exclude_wins_over_an_include() {
      assertEquals(
          List.of(PROD_ADMIN, PROD_EU_ADMIN), kept(List.of("Prod*/*"), List.of("*/Billing")));
      assertEquals(List.of(), kept(List.of("Prod/Billing"), List.of("111111111111/*")));
    }

    @Test
    void splits_a_pattern_at_its_last_slash() {
      assertEquals(List.of(TEAM_APP), kept(List.of("team/app/Admin"), List.of()));
      assertEquals(List.of(TEAM_APP), kept(List.of("team/*/*"), List.of()));
    }
  }

  @Nested
  class Parse {

    @Test
    void rejects_a_pattern_without_a_slash_explaining_account_slash_role() {
      Failure e = assertFailure(Kind.USAGE, () -> PairFilter.of(List.of("Prod*"), List.of()));

      assertEquals(
          "--include \"Prod*\" has no / between account and role; write ACCOUNT/ROLE, where ACCOUNT"
              + " is an account name or account ID and * matches anything, e.g. --include"
              + " 'Prod*/*' or --include '123456789012/Admin*'",
          e.getMessage());
    }

    @Test
    void names_the_option_of_the_bad_pattern() {
      Failure e =
          assertFailure(Kind.USAGE, () -> PairFilter.of(List.of("*/*"), List.of("Billing")));

      assertTrue(e.getMessage().startsWith("--exclude \"Billing\" has no /"), e.getMessage());
    }

    @Test
    void rejects_an_empty_account_or_role() {
      assertTrue(
          assertFailure(Kind.USAGE, () -> PairFilter.of(List.of("/Admin"), List.of()))
              .getMessage()
              .startsWith("--include \"/Admin\" has no account before the last /"));
      assertTrue(
          assertFailure(Kind.USAGE, () -> PairFilter.of(List.of(), List.of("Prod/")))
              .getMessage()
              .startsWith("--exclude \"Prod/\" has no role after the last /"));
      assertFailure(Kind.USAGE, () -> PairFilter.of(List.of(""), List.of()));
    }

    @Test
    void keeps_the_message_on_one_line() {
      Failure e = assertFailure(Kind.USAGE, () -> PairFilter.of(List.of("Pro\nd"), List.of()));

      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().startsWith("--include \"Pro\\nd\""), e.getMessage());
    }
  }

  @Nested
  class GlobMatching {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "* | '' | true",
          "* | anything at all | true",
          "Prod* | Prod | true",
          "Prod* | Production | true",
          "Prod* | prod | false",
          "*EU | Prod EU | true",
          "*EU | Prod EU1 | false",
          "P?od | Prod | true",
          "P?od | Pod | false",
          "P?od | Prood | false",
          "?? | éü | true",
          "? | \uD83D\uDE00 | true",
          "a*b*c | a-b-b-c | true",
          "a*b*c | a-b-b-d | false",
          "*a*a*a*b | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | false",
          "[ab] | [ab] | true",
          "[ab] | a | false",
          "a\\* | a\\xyz | true",
          "a.c | abc | false",
        })
    void star_is_any_run_question_mark_one_character_and_the_rest_literal(
        String pattern, String text, boolean matches) {
      assertEquals(matches, new Glob(pattern).matches(text));
    }
  }
}

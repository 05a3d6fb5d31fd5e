package dev.ssoconfig.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.portal.AccountRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

class ProfilePlannerTest {

  private static final String START_URL = "https://acme.awsapps.com/start";

  private final ProfilePlanner planner =
      new ProfilePlanner("acme", START_URL, "us-east-1", "eu-west-1");

  private static AccountRole role(String id, String name, String role) {
    return new AccountRole(id, name, role);
  }

  private List<String> names(List<AccountRole> roles) {
    return planner.plan(roles).profiles().stream().map(ProfileSpec::name).toList();
  }

  @Nested
  class Content {

    @Test
    void writes_the_sso_session_section() {
      ProfilePlan plan = planner.plan(List.of());

      assertEquals(
          Optional.of(
              new SsoSessionSpec(
                  "acme",
                  List.of(
                      new Property("sso_start_url", START_URL),
                      new Property("sso_region", "us-east-1"),
                      new Property("sso_registration_scopes", "sso:account:access")),
                  List.of(new Property("aws_sso_config_generator_region", "eu-west-1")))),
          plan.session());
      assertEquals(List.of(), plan.profiles());
    }

    @Test
    void writes_each_profile_with_its_keys_in_order_and_the_marker_last() {
      ProfilePlan plan =
          planner.plan(List.of(role("111111111111", "Prod Account", "AdministratorAccess")));

      assertEquals(
          List.of(
              new ProfileSpec(
                  "Prod-Account.AdministratorAccess",
                  List.of(
                      new Property("sso_session", "acme"),
                      new Property("sso_account_id", "111111111111"),
                      new Property("sso_role_name", "AdministratorAccess"),
                      new Property("region", "eu-west-1"),
                      new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE)))),
          plan.profiles());
    }

    @Test
    void names_profiles_account_name_dot_role_name_sanitised() {
      assertEquals(
          List.of("Cafe-Creme.ReadOnly", "Strasse-1.Power-User"),
          names(
              List.of(
                  role("111111111111", "Straße 1", "Power User"),
                  role("222222222222", "Café Crème", "ReadOnly"))));
    }

    @Test
    void lists_a_pair_given_twice_once() {
      AccountRole prod = role("111111111111", "Prod", "Admin");

      assertEquals(List.of("Prod.Admin"), names(List.of(prod, prod, prod)));
    }

    @Test
    void uses_a_given_template() {
      ProfilePlanner custom =
          new ProfilePlanner(
              "acme",
              START_URL,
              "us-east-1",
              "us-east-1",
              PlanOptions.DEFAULTS.withTemplate(
                  ProfileNameTemplate.parse("{account_id}-{role_name}")));

      ProfilePlan plan = custom.plan(List.of(role("111111111111", "Prod", "Admin")));

      assertEquals("111111111111-Admin", plan.profiles().get(0).name());
    }

    @Test
    void rejects_an_invalid_sso_session_name() {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new ProfilePlanner("my session", START_URL, "us-east-1", "us-east-1"));
      assertTrue(e.getMessage().contains("sso-session"), e.getMessage());
    }
  }

  @Nested
  class Collisions {

    @Test
    void two_accounts_with_the_same_name_and_role_both_get_their_account_id() {
      assertEquals(
          List.of("Dev.Admin", "Prod.Admin.111111111111", "Prod.Admin.222222222222"),
          names(
              List.of(
                  role("222222222222", "Prod", "Admin"),
                  role("111111111111", "Prod", "Admin"),
                  role("333333333333", "Dev", "Admin"))));
    }

    @Test
    void a_three_way_collision_suffixes_all_three() {
      assertEquals(
          List.of(
              "Prod.Admin.111111111111",
              "Prod.Admin.222222222222",
              "Prod.Admin.333333333333",
              "Prod.ReadOnly"),
          names(
              List.of(
                  role("333333333333", "Prod", "Admin"),
                  role("111111111111", "Prod", "Admin"),
                  role("111111111111", "Prod", "ReadOnly"),
                  role("222222222222", "Prod", "Admin"))));
    }

    @Test
    void names_that_only_sanitise_alike_collide_too() {
      assertEquals(
          List.of("Prod-EU.Admin.111111111111", "Prod-EU.Admin.222222222222"),
          names(
              List.of(
                  role("111111111111", "Prod EU", "Admin"),
                  role("222222222222", "Prod (EU)", "Admin"))));
    }

    @Test
    void names_differing_only_in_case_do_not_collide() {
      assertEquals(
          List.of("PROD.Admin", "Prod.Admin", "prod.Admin"),
          names(
              List.of(
                  role("111111111111", "prod", "Admin"),
                  role("222222222222", "Prod", "Admin"),
                  role("333333333333", "PROD", "Admin"))));
    }

    @Test
    void roles_of_one_account_that_sanitise_alike_are_numbered() {
      assertEquals(
          List.of("Prod.Admin-Role.111111111111-1", "Prod.Admin-Role.111111111111-2"),
          names(
              List.of(
                  role("111111111111", "Prod", "Admin-Role"),
                  role("111111111111", "Prod", "Admin Role"))));
    }

    @Test
    void a_suffixed_name_never_takes_a_name_already_in_use() {
      List<String> names =
          names(
              List.of(
                  role("1", "A", "R"),
                  role("2", "A", "R"),
                  role("9", "A.R", "1"),
                  role("8", "A.R.1", "1")));

      assertEquals(4, names.stream().distinct().count(), names::toString);
      assertEquals(List.of("A.R.1-1", "A.R.1-2", "A.R.1.1", "A.R.2"), names);
    }
  }

  @Nested
  class Ordering {

    @Test
    void sorts_profiles_by_name_in_string_order() {
      assertEquals(
          List.of("Zeta.Admin", "alpha.Admin", "beta.Admin", "beta.admin"),
          names(
              List.of(
                  role("1", "beta", "admin"),
                  role("2", "alpha", "Admin"),
                  role("3", "Zeta", "Admin"),
                  role("4", "beta", "Admin"))));
    }

    @Test
    void gives_the_same_plan_whatever_the_input_order() {
      List<AccountRole> roles =
          new ArrayList<>(
              List.of(
                  role("111111111111", "Prod", "Admin"),
                  role("222222222222", "Prod", "Admin"),
                  role("222222222222", "Prod", "ReadOnly"),
                  role("333333333333", "Dev", "Admin Role"),
                  role("333333333333", "Dev", "Admin-Role"),
                  role("444444444444", "Sandbox", "Admin"),
                  role("444444444444", "Sandbox", "Admin")));
      ProfilePlan expected = planner.plan(roles);
      Random shuffler = new Random(1);

      for (int i = 0; i < 25; i++) {
        Collections.shuffle(roles, shuffler);
        assertEquals(expected, planner.plan(roles));
      }
    }
  }

  @Nested
  class DefaultOutput {

    private final List<AccountRole> roles =
        List.of(
            role("111111111111", "Prod Account", "AdministratorAccess"),
            role("222222222222", "Prod Account", "AdministratorAccess"),
            role("333333333333", "Café", "Read Only"),
            role("444444444444", "", "Admin"));

    @Test
    void is_the_same_with_default_options_and_with_the_default_template_spelt_out() {
      ProfilePlan expected = planner.plan(roles);
      PlanOptions spelt =
          PlanOptions.DEFAULTS.withTemplate(
              ProfileNameTemplate.parse("{account_name}.{role_name}"));

      assertEquals(
          expected,
          new ProfilePlanner("acme", START_URL, "us-east-1", "eu-west-1", PlanOptions.DEFAULTS)
              .plan(roles));
      assertEquals(
          expected,
          new ProfilePlanner("acme", START_URL, "us-east-1", "eu-west-1", spelt).plan(roles));
    }

    @Test
    void names_profiles_as_before() {
      assertEquals(
          List.of(
              "Cafe.Read-Only",
              "Prod-Account.AdministratorAccess.111111111111",
              "Prod-Account.AdministratorAccess.222222222222",
              "unnamed.Admin"),
          names(roles));
    }
  }

  @Nested
  class Templates {

    private List<String> names(String template, List<AccountRole> roles) {
      return new ProfilePlanner(
              "acme",
              START_URL,
              "us-east-1",
              "eu-west-1",
              PlanOptions.DEFAULTS.withTemplate(ProfileNameTemplate.parse(template)))
          .plan(roles).profiles().stream().map(ProfileSpec::name).toList();
    }

    @Test
    void with_the_account_id_same_named_accounts_do_not_collide() {
      assertEquals(
          List.of("Prod.111111111111.Admin", "Prod.222222222222.Admin"),
          names(
              "{account_name}.{account_id}.{role_name}",
              List.of(
                  role("222222222222", "Prod", "Admin"), role("111111111111", "Prod", "Admin"))));
    }

    @Test
    void renders_sso_session_and_profile_region() {
      assertEquals(
          List.of("acme-Prod-Admin@eu-west-1"),
          names(
              "{sso_session}-{account_name}-{role_name}@{region}",
              List.of(role("1", "Prod", "Admin"))));
    }

    @Test
    void sanitises_each_value_then_the_whole_name() {
      assertEquals(
          List.of("Cafe-Creme-Read-Only"),
          names("{account_name} {role_name}", List.of(role("1", "Café Crème", "Read Only"))));
    }

    @Test
    void still_tells_colliding_names_apart_by_account_id() {
      assertEquals(
          List.of("Admin.111111111111", "Admin.222222222222"),
          names(
              "{role_name}",
              List.of(
                  role("111111111111", "Prod", "Admin"), role("222222222222", "Dev", "Admin"))));
    }
  }

  @Nested
  class Renames {

    private List<String> names(String template, RenameMap renames, List<AccountRole> roles) {
      return new ProfilePlanner(
              "acme",
              START_URL,
              "us-east-1",
              "eu-west-1",
              PlanOptions.DEFAULTS
                  .withTemplate(ProfileNameTemplate.parse(template))
                  .withRenames(renames))
          .plan(roles).profiles().stream().map(ProfileSpec::name).toList();
    }

    @Test
    void a_renamed_account_replaces_the_listed_name() throws Exception {
      RenameMap renames =
          RenameMap.parse("{\"accounts\": {\"111111111111\": \"Production EU\"}}", "r.json");

      assertEquals(
          List.of("Dev.Admin", "Production-EU.Admin"),
          names(
              "{account_name}.{role_name}",
              renames,
              List.of(
                  role("111111111111", "Prod", "Admin"), role("222222222222", "Dev", "Admin"))));
    }

    @Test
    void a_renamed_role_replaces_the_listed_name() throws Exception {
      RenameMap renames =
          RenameMap.parse("{\"roles\": {\"AdministratorAccess\": \"admin\"}}", "r.json");

      assertEquals(
          List.of("Prod.ReadOnly", "Prod.admin"),
          names(
              "{account_name}.{role_name}",
              renames,
              List.of(
                  role("111111111111", "Prod", "AdministratorAccess"),
                  role("111111111111", "Prod", "ReadOnly"))));
    }

    @Test
    void a_role_renamed_to_empty_names_the_profile_after_the_account_alone() throws Exception {
      RenameMap renames = RenameMap.parse("{\"roles\": {\"AdministratorAccess\": \"\"}}", "r.json");
      List<AccountRole> roles =
          List.of(
              role("111111111111", "Prod", "AdministratorAccess"),
              role("111111111111", "Prod", "ReadOnly"));

      assertEquals(
          List.of("Prod", "Prod.ReadOnly"), names("{account_name}.{role_name}", renames, roles));
      assertEquals(
          List.of("Prod", "ReadOnly-Prod"), names("{role_name}-{account_name}", renames, roles));
      assertEquals(
          List.of("aws-Prod-ReadOnly@eu-west-1", "aws-Prod@eu-west-1"),
          names("aws-{account_name}-{role_name}@{region}", renames, roles));
      assertEquals(
          List.of("Prod/111111111111", "Prod/ReadOnly/111111111111"),
          names("{account_name}/{role_name}/{account_id}", renames, roles));
    }

    @Test
    void two_roles_renamed_to_empty_in_one_account_are_still_told_apart() {
      RenameMap renames = RenameMap.of(Map.of(), Map.of("Admin", "", "PowerUser", " "));

      List<String> names =
          new ProfilePlanner(
                  "acme",
                  START_URL,
                  "us-east-1",
                  "eu-west-1",
                  PlanOptions.DEFAULTS.withRenames(renames))
                  .plan(
                      List.of(
                          role("111111111111", "Prod", "Admin"),
                          role("111111111111", "Prod", "PowerUser")))
                  .profiles()
                  .stream()
                  .map(ProfileSpec::name)
                  .toList();

      assertEquals(List.of("Prod.111111111111-1", "Prod.111111111111-2"), names);
    }

    @Test
    void keeps_the_listed_names_in_the_profile_keys() {
      RenameMap renames = RenameMap.of(Map.of("111111111111", "P"), Map.of("Admin", "A"));

      ProfileSpec profile =
          new ProfilePlanner(
                  "acme",
                  START_URL,
                  "us-east-1",
                  "eu-west-1",
                  PlanOptions.DEFAULTS.withRenames(renames))
              .plan(List.of(role("111111111111", "Prod", "Admin")))
              .profiles()
              .get(0);

      assertEquals("P.A", profile.name());
      assertTrue(profile.properties().contains(new Property("sso_role_name", "Admin")));
    }
  }

  @Nested
  class Filters {

    private final List<AccountRole> roles =
        List.of(
            role("111111111111", "Prod", "Admin"),
            role("111111111111", "Prod", "Billing"),
            role("222222222222", "Dev", "Admin"),
            role("333333333333", "Sandbox", "Admin"));

    private List<String> names(List<String> includes, List<String> excludes) {
      return new ProfilePlanner(
              "acme",
              START_URL,
              "us-east-1",
              "eu-west-1",
              PlanOptions.DEFAULTS.withFilter(PairFilter.of(includes, excludes)))
          .plan(roles).profiles().stream().map(ProfileSpec::name).toList();
    }

    @Test
    void keeps_pairs_included_by_account_name() {
      assertEquals(List.of("Prod.Admin", "Prod.Billing"), names(List.of("Prod/*"), List.of()));
    }

    @Test
    void keeps_pairs_included_by_account_id() {
      assertEquals(List.of("Dev.Admin"), names(List.of("222222222222/*"), List.of()));
    }

    @Test
    void drops_excluded_pairs_even_when_included() {
      assertEquals(
          List.of("Dev.Admin", "Prod.Admin"),
          names(List.of("Prod/*", "Dev/*"), List.of("*/Billing")));
      assertEquals(
          List.of("Dev.Admin", "Prod.Admin", "Prod.Billing"), names(List.of(), List.of("Sand*/*")));
    }

    @Test
    void names_are_unique_among_the_kept_pairs_only() {
      List<AccountRole> twins =
          List.of(role("111111111111", "Prod", "Admin"), role("222222222222", "Prod", "Admin"));

      List<String> names =
          new ProfilePlanner(
                  "acme",
                  START_URL,
                  "us-east-1",
                  "eu-west-1",
                  PlanOptions.DEFAULTS.withFilter(
                      PairFilter.of(List.of("111111111111/*"), List.of())))
              .plan(twins).profiles().stream().map(ProfileSpec::name).toList();

      assertEquals(List.of("Prod.Admin"), names);
    }
  }

  @Nested
  class Record {

    private Optional<SsoSessionSpec> session(String ssoRegion, String region, PlanOptions options) {
      return new ProfilePlanner("acme", START_URL, ssoRegion, region, options)
          .plan(List.of())
          .session();
    }

    @Test
    void records_nothing_for_a_run_with_default_options_and_the_sso_region_in_its_profiles() {
      assertEquals(
          List.of(),
          session("us-east-1", "us-east-1", PlanOptions.DEFAULTS).orElseThrow().recorded());
    }

    @Test
    void records_every_option_that_is_not_at_its_default_in_the_documented_order() {
      PlanOptions options =
          PlanOptions.DEFAULTS
              .withExtraKeys(ExtraKeys.parse(List.of("output=json", "cli_pager=")))
              .withFilter(PairFilter.of(List.of("Prod Account/*"), List.of("*/Billing")))
              .withRenames(RenameMap.NONE, "/home/me/renames.json")
              .withTemplate(ProfileNameTemplate.parse("{account_id}-{role_name}"));

      assertEquals(
          List.of(
              new Property("aws_sso_config_generator_region", "eu-west-1"),
              new Property("aws_sso_config_generator_profile_template", "{account_id}-{role_name}"),
              new Property("aws_sso_config_generator_rename_file", "/home/me/renames.json"),
              new Property("aws_sso_config_generator_include", "Prod%20Account/*"),
              new Property("aws_sso_config_generator_exclude", "*/Billing"),
              new Property("aws_sso_config_generator_set", "output=json cli_pager=")),
          session("us-east-1", "eu-west-1", options).orElseThrow().recorded());
    }

    @Test
    void records_nothing_in_legacy_form_which_writes_no_sso_session() {
      PlanOptions legacy =
          PlanOptions.DEFAULTS
              .withLegacy(true)
              .withTemplate(ProfileNameTemplate.parse("{account_id}"));
      assertEquals(Optional.empty(), session("us-east-1", "eu-west-1", legacy));
    }
  }

  @Nested
  class Legacy {

    private final ProfilePlanner legacy =
        new ProfilePlanner(
            "acme", START_URL, "us-east-1", "eu-west-1", PlanOptions.DEFAULTS.withLegacy(true));

    @Test
    void has_no_sso_session_section() {
      assertEquals(Optional.empty(), legacy.plan(List.of(role("1", "Prod", "Admin"))).session());
    }

    @Test
    void writes_the_legacy_sso_keys_in_each_profile() {
      assertEquals(
          List.of(
              new ProfileSpec(
                  "Prod.Admin",
                  List.of(
                      new Property("sso_start_url", START_URL),
                      new Property("sso_region", "us-east-1"),
                      new Property("sso_account_id", "111111111111"),
                      new Property("sso_role_name", "Admin"),
                      new Property("region", "eu-west-1"),
                      new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE)))),
          legacy.plan(List.of(role("111111111111", "Prod", "Admin"))).profiles());
    }

    @Test
    void still_renders_the_sso_session_placeholder() {
      ProfilePlanner named =
          new ProfilePlanner(
              "acme",
              START_URL,
              "us-east-1",
              "eu-west-1",
              PlanOptions.DEFAULTS
                  .withLegacy(true)
                  .withTemplate(ProfileNameTemplate.parse("{sso_session}.{account_name}")));

      assertEquals(
          "acme.Prod", named.plan(List.of(role("1", "Prod", "Admin"))).profiles().get(0).name());
    }
  }

  @Nested
  class ExtraKeysInProfiles {

    @Test
    void come_after_region_in_the_order_given_and_before_the_marker() {
      ExtraKeys extra = ExtraKeys.parse(List.of("output=json", "cli_pager=less"));
      List<Property> expectedTail =
          List.of(
              new Property("region", "eu-west-1"),
              new Property("output", "json"),
              new Property("cli_pager", "less"),
              new Property(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE));

      for (boolean legacy : List.of(false, true)) {
        List<Property> properties =
            new ProfilePlanner(
                    "acme",
                    START_URL,
                    "us-east-1",
                    "eu-west-1",
                    PlanOptions.DEFAULTS.withExtraKeys(extra).withLegacy(legacy))
                .plan(List.of(role("1", "Prod", "Admin")))
                .profiles()
                .get(0)
                .properties();

        assertEquals(expectedTail, properties.subList(properties.size() - 4, properties.size()));
      }
    }
  }

  @Nested
  class Stale {

    private final List<AccountRole> assigned =
        List.of(role("111111111111", "Prod", "Admin"), role("222222222222", "Dev", "Admin"));

    private ExistingProfile managed(String name, String... keysAndValues) {
      Map<String, String> properties = new java.util.HashMap<>();
      properties.put(ProfilePlan.MARKER_KEY, ProfilePlan.MARKER_VALUE);
      for (int i = 0; i < keysAndValues.length; i += 2) {
        properties.put(keysAndValues[i], keysAndValues[i + 1]);
      }
      return new ExistingProfile(name, properties);
    }

    @Test
    void lists_profiles_of_this_sso_session_no_longer_assigned() {
      ProfilePlan plan = planner.plan(assigned);
      List<ExistingProfile> existing =
          List.of(
              managed("Prod.Admin", "sso_session", "acme"),
              managed("Old.Admin", "sso_session", "acme"),
              managed("Dev.Admin", "sso_session", "acme"),
              managed("Gone.ReadOnly", "sso_session", "acme"));

      assertEquals(List.of("Gone.ReadOnly", "Old.Admin"), planner.stale(existing, plan));
    }

    @Test
    void lists_profiles_filtered_out_now() {
      ProfilePlanner filtered =
          new ProfilePlanner(
              "acme",
              START_URL,
              "us-east-1",
              "eu-west-1",
              PlanOptions.DEFAULTS.withFilter(PairFilter.of(List.of(), List.of("Dev/*"))));
      ProfilePlan plan = filtered.plan(assigned);

      assertEquals(
          List.of("Dev.Admin"),
          filtered.stale(
              List.of(
                  managed("Prod.Admin", "sso_session", "acme"),
                  managed("Dev.Admin", "sso_session", "acme")),
              plan));
    }

    @Test
    void never_lists_profiles_of_another_sso_session_or_without_one() {
      ProfilePlan plan = planner.plan(assigned);

      assertEquals(
          List.of(),
          planner.stale(
              List.of(
                  managed("Other.Admin", "sso_session", "other"),
                  managed("Legacy.Admin", "sso_start_url", START_URL),
                  managed("Upper.Admin", "sso_session", "ACME")),
              plan));
    }

    @Test
    void never_lists_a_profile_without_the_marker() {
      ProfilePlan plan = planner.plan(assigned);
      ExistingProfile own = new ExistingProfile("Mine", Map.of("sso_session", "acme"));
      ExistingProfile otherMarker =
          new ExistingProfile(
              "Theirs", Map.of("sso_session", "acme", ProfilePlan.MARKER_KEY, "another-tool"));

      assertEquals(List.of(), planner.stale(List.of(own, otherMarker), plan));
    }

    @Test
    void in_legacy_form_lists_profiles_of_this_start_url_with_or_without_trailing_slash() {
      ProfilePlanner legacy =
          new ProfilePlanner(
              "acme", START_URL, "us-east-1", "eu-west-1", PlanOptions.DEFAULTS.withLegacy(true));
      ProfilePlan plan = legacy.plan(assigned);

      assertEquals(
          List.of("Old.Admin", "Old.Slash"),
          legacy.stale(
              List.of(
                  managed("Prod.Admin", "sso_start_url", START_URL),
                  managed("Old.Admin", "sso_start_url", START_URL),
                  managed("Old.Slash", "sso_start_url", START_URL + "/"),
                  managed("Other.Url", "sso_start_url", "https://other.awsapps.com/start"),
                  managed("Session.Form", "sso_session", "acme"),
                  new ExistingProfile("Mine", Map.of("sso_start_url", START_URL))),
              plan));
    }

    @Test
    void in_legacy_form_a_planned_start_url_with_a_trailing_slash_matches_one_without() {
      ProfilePlanner legacy =
          new ProfilePlanner(
              "acme",
              START_URL + "/",
              "us-east-1",
              "eu-west-1",
              PlanOptions.DEFAULTS.withLegacy(true));

      assertEquals(
          List.of("Old.Admin"),
          legacy.stale(
              List.of(managed("Old.Admin", "sso_start_url", START_URL)), legacy.plan(List.of())));
    }

    @Test
    void lists_each_name_once_in_order() {
      assertEquals(
          List.of("A", "B"),
          planner.stale(
              List.of(
                  managed("B", "sso_session", "acme"),
                  managed("A", "sso_session", "acme"),
                  managed("B", "sso_session", "acme")),
              planner.plan(List.of())));
    }
  }

  @Nested
  class WithPrune {

    @Test
    void carries_the_stale_names_and_keeps_the_rest_of_the_plan() {
      ProfilePlan plan = planner.plan(List.of(role("111111111111", "Prod", "Admin")));
      List<String> stale =
          planner.stale(
              List.of(
                  new ExistingProfile(
                      "Old.Admin",
                      Map.of(
                          "sso_session",
                          "acme",
                          ProfilePlan.MARKER_KEY,
                          ProfilePlan.MARKER_VALUE))),
              plan);

      ProfilePlan pruning = planner.withPrune(plan, stale);

      assertEquals(List.of("Old.Admin"), pruning.prune());
      assertEquals(plan.session(), pruning.session());
      assertEquals(plan.profiles(), pruning.profiles());
      assertEquals(List.of(), plan.prune());
    }

    @Test
    void refuses_to_prune_a_planned_profile() {
      ProfilePlan plan = planner.plan(List.of(role("111111111111", "Prod", "Admin")));

      assertThrows(
          IllegalArgumentException.class, () -> planner.withPrune(plan, List.of("Prod.Admin")));
    }
  }

  @Nested
  class AsTheSdkReadsIt {

    @Test
    void every_planned_profile_parses_with_its_keys_in_the_sdk() {
      ProfilePlan plan =
          planner.plan(
              List.of(
                  role("111111111111", "Ünïcode Prod / EU", "AdministratorAccess"),
                  role("222222222222", "Prod (EU)", "Read Only"),
                  role("333333333333", "Ops@Team+1 50%", "Billing"),
                  role("444444444444", "日本", "Admin"),
                  role("555555555555", "日本", "Admin")));

      ProfileFile parsed =
          ProfileFile.builder().content(render(plan)).type(ProfileFile.Type.CONFIGURATION).build();

      Map<String, Profile> profiles = parsed.profiles();
      assertEquals(
          plan.profiles().stream().map(ProfileSpec::name).collect(Collectors.toSet()),
          profiles.keySet());
      for (ProfileSpec spec : plan.profiles()) {
        Profile profile = profiles.get(spec.name());
        for (Property p : spec.properties()) {
          assertEquals(Optional.of(p.value()), profile.property(p.key()), spec.name());
        }
        assertEquals(Optional.of("acme"), profile.property("sso_session"));
      }
      Profile session = parsed.getSection("sso-session", "acme").orElseThrow();
      assertEquals(Optional.of(START_URL), session.property("sso_start_url"));
    }

    @Test
    void a_plan_from_all_options_parses_with_its_keys_in_the_sdk() throws Exception {
      List<AccountRole> roles =
          List.of(
              role("111111111111", "Prod Account", "AdministratorAccess"),
              role("111111111111", "Prod Account", "ReadOnly"),
              role("111111111111", "Prod Account", "Billing"),
              role("222222222222", "Dev", "AdministratorAccess"),
              role("333333333333", "Sandbox", "AdministratorAccess"));
      PlanOptions options =
          new PlanOptions(
              ProfileNameTemplate.parse("{sso_session}-{account_name}.{role_name}@{region}"),
              RenameMap.parse(
                  "{\"accounts\": {\"222222222222\": \"Développement\"},"
                      + " \"roles\": {\"AdministratorAccess\": \"\"}}",
                  "renames.json"),
              PairFilter.of(List.of("*/*"), List.of("*/Billing", "333333333333/*")),
              false,
              ExtraKeys.parse(List.of("output=json", "cli_pager=less -R", "s3.max_concurrency=20")),
              Optional.empty(),
              Optional.of(new CredentialProcess("'/opt/my tools/x' credentials")));

      for (boolean legacy : List.of(false, true)) {
        ProfilePlanner all =
            new ProfilePlanner(
                "acme", START_URL, "us-east-1", "eu-west-1", options.withLegacy(legacy));
        ProfilePlan plan = all.plan(roles);

        assertEquals(
            List.of(
                "acme-Developpement@eu-west-1",
                "acme-Prod-Account.ReadOnly@eu-west-1",
                "acme-Prod-Account@eu-west-1"),
            plan.profiles().stream().map(ProfileSpec::name).toList());
        ProfileFile parsed =
            ProfileFile.builder()
                .content(render(plan))
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
        for (ProfileSpec spec : plan.profiles()) {
          Profile profile = parsed.profile(spec.name()).orElseThrow();
          assertEquals(spec.properties().size(), profile.properties().size(), spec.name());
          for (Property p : spec.properties()) {
            assertEquals(Optional.of(p.value()), profile.property(p.key()), spec.name());
          }
          assertEquals(Optional.of("less -R"), profile.property("cli_pager"));
          assertEquals(
              Optional.of("'/opt/my tools/x' credentials --profile " + spec.name()),
              profile.property("credential_process"));
          assertEquals(
              legacy ? Optional.of(START_URL) : Optional.empty(),
              profile.property("sso_start_url"));
          assertEquals(
              legacy ? Optional.empty() : Optional.of("acme"), profile.property("sso_session"));
        }
        assertEquals(!legacy, parsed.getSection("sso-session", "acme").isPresent());
      }
    }

    /** A minimal writer for the test only; the configfile package owns the real one. */
    private String render(ProfilePlan plan) {
      StringBuilder out = new StringBuilder();
      plan.session()
          .ifPresent(
              session -> {
                out.append("[sso-session ").append(session.name()).append("]\n");
                session
                    .properties()
                    .forEach(p -> out.append(p.key()).append(" = ").append(p.value()).append('\n'));
              });
      for (ProfileSpec profile : plan.profiles()) {
        out.append("\n[profile ").append(profile.name()).append("]\n");
        profile
            .properties()
            .forEach(p -> out.append(p.key()).append(" = ").append(p.value()).append('\n'));
      }
      return out.toString();
    }
  }
}

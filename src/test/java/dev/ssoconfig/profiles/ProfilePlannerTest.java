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
                      new Property("sso_registration_scopes", "sso:account:access")))),
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
              "acme", START_URL, "us-east-1", "us-east-1", r -> r.accountId() + "-" + r.roleName());

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

    /** A minimal writer for the test only; the configfile package owns the real one. */
    private String render(ProfilePlan plan) {
      StringBuilder out = new StringBuilder();
      SsoSessionSpec session = plan.session().orElseThrow();
      out.append("[sso-session ").append(session.name()).append("]\n");
      session
          .properties()
          .forEach(p -> out.append(p.key()).append(" = ").append(p.value()).append('\n'));
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

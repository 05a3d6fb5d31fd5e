package dev.ssoconfig.profiles;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileNameTemplateTest {

  private static final String VALID =
      "use {account_name}, {account_id}, {role_name}, {sso_session}, {region}";

  private static Map<Placeholder, String> values(String accountName, String roleName) {
    Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
    values.put(Placeholder.ACCOUNT_NAME, accountName);
    values.put(Placeholder.ACCOUNT_ID, "111111111111");
    values.put(Placeholder.ROLE_NAME, roleName);
    values.put(Placeholder.SSO_SESSION, "acme");
    values.put(Placeholder.REGION, "eu-west-1");
    return values;
  }

  private static String render(String template, String accountName, String roleName) {
    return ProfileNameTemplate.parse(template).render(values(accountName, roleName));
  }

  @Nested
  class Parse {

    @Test
    void reads_every_placeholder_and_keeps_the_text() {
      ProfileNameTemplate template =
          ProfileNameTemplate.parse("{account_name}{account_id}{role_name}{sso_session}{region}");

      assertEquals(
          List.of(
              Placeholder.ACCOUNT_NAME,
              Placeholder.ACCOUNT_ID,
              Placeholder.ROLE_NAME,
              Placeholder.SSO_SESSION,
              Placeholder.REGION),
          template.placeholders());
      assertEquals("{account_name}{account_id}{role_name}{sso_session}{region}", template.text());
    }

    @Test
    void the_default_is_account_name_dot_role_name() {
      assertEquals(
          ProfileNameTemplate.parse("{account_name}.{role_name}"), ProfileNameTemplate.DEFAULT);
      assertEquals("{account_name}.{role_name}", ProfileNameTemplate.DEFAULT.text());
    }

    @Test
    void rejects_an_unknown_placeholder_listing_the_valid_ones() {
      Failure e =
          assertFailure(Kind.USAGE, () -> ProfileNameTemplate.parse("{acount}.{role_name}"));

      assertEquals("unknown placeholder {acount} in --profile-template; " + VALID, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{Account_Name}", "{ account_name }", "{}", "{account-name}"})
    void placeholder_names_are_exact(String template) {
      Failure e = assertFailure(Kind.USAGE, () -> ProfileNameTemplate.parse(template));

      assertTrue(e.getMessage().startsWith("unknown placeholder " + template), e.getMessage());
      assertTrue(e.getMessage().endsWith(VALID), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{account_name | unclosed { at character 1 of --profile-template",
          "{account_name.{role_name} | unclosed { at character 1 of --profile-template",
          "{account_name}.{role_name | unclosed { at character 16 of --profile-template",
          "account_name}.{role_name} | } without a matching { at character 13 of"
              + " --profile-template",
          "{account_name}}.{role_name} | } without a matching { at character 15 of"
              + " --profile-template",
        })
    void rejects_an_unbalanced_brace_naming_its_position(String template, String start) {
      Failure e = assertFailure(Kind.USAGE, () -> ProfileNameTemplate.parse(template));

      assertEquals(start + "; " + VALID, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void rejects_an_empty_or_blank_template(String template) {
      Failure e = assertFailure(Kind.USAGE, () -> ProfileNameTemplate.parse(template));

      assertEquals(
          "--profile-template is empty; " + VALID + ", e.g. {account_name}.{role_name}",
          e.getMessage());
    }

    @Test
    void rejects_a_template_without_placeholders() {
      Failure e =
          assertFailure(Kind.USAGE, () -> ProfileNameTemplate.parse("account_name.role_name"));

      assertTrue(
          e.getMessage().startsWith("--profile-template has no placeholder"), e.getMessage());
      assertTrue(e.getMessage().contains(VALID), e.getMessage());
    }

    @Test
    void keeps_a_message_on_one_line_whatever_the_template_holds() {
      Failure e = assertFailure(Kind.USAGE, () -> ProfileNameTemplate.parse("{account\nname}"));

      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().startsWith("unknown placeholder {account\\nname}"), e.getMessage());
    }
  }

  @Nested
  class Render {

    @Test
    void writes_values_and_text_in_order() {
      assertEquals(
          "aws-Prod.111111111111-Admin@acme_eu-west-1",
          render(
              "aws-{account_name}.{account_id}-{role_name}@{sso_session}_{region}",
              "Prod",
              "Admin"));
    }

    @Test
    void may_use_a_placeholder_twice() {
      assertEquals(
          "Prod.Admin.Prod", render("{account_name}.{role_name}.{account_name}", "Prod", "Admin"));
    }

    @Test
    void sanitises_the_whole_name() {
      assertEquals("Prod-Admin", render("{account_name} {role_name}", "Prod", "Admin"));
      assertEquals("Prod.Admin", render("--{account_name}.{role_name}!", "Prod", "Admin"));
      assertEquals("Prod-Admin", render("{account_name} (日) {role_name}", "Prod", "Admin"));
    }

    @Test
    void rejects_values_missing_a_placeholder() {
      Map<Placeholder, String> values = values("Prod", "Admin");
      values.remove(Placeholder.REGION);

      assertThrows(
          IllegalArgumentException.class,
          () -> ProfileNameTemplate.parse("{account_name}.{region}").render(values));
    }
  }

  /** An empty value is left out with its separator; see the class comment of the template. */
  @Nested
  class EmptyValues {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{account_name}.{role_name} | Prod",
          "{role_name}.{account_name} | Prod",
          "{account_name}/{role_name} | Prod",
          "{account_name}--{role_name} | Prod",
          "aws-{account_name}.{role_name} | aws-Prod",
          "aws-{role_name}.{account_name} | aws-Prod",
          "{account_name}.{role_name}.cli | Prod.cli",
          "{account_name}-{role_name}@{region} | Prod@eu-west-1",
          "{region}:{role_name}:{account_name} | eu-west-1:Prod",
          "{account_name}.{role_name}.{role_name}.{account_id} | Prod.111111111111",
          "{role_name} | unnamed",
          "x-{role_name}-y | x--y",
        })
    void an_empty_role_takes_its_separator_with_it(String template, String expected) {
      assertEquals(expected, render(template, "Prod", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{account_name}.{role_name} | Admin",
          "{account_name}-{role_name}@{region} | Admin@eu-west-1",
          "{role_name}.{account_name} | Admin",
          "{account_name}.{account_id}:{role_name} | 111111111111:Admin",
        })
    void an_empty_first_value_takes_the_separator_after_it(String template, String expected) {
      assertEquals(expected, render(template, "", "Admin"));
    }

    @Test
    void two_empty_values_in_a_row_take_one_separator_each() {
      assertEquals("111111111111", render("{account_name}.{role_name}-{account_id}", "", ""));
      assertEquals("eu-west-1", render("{region}.{account_name}-{role_name}", "", ""));
      assertEquals("unnamed", render("{account_name}.{role_name}", "", ""));
    }
  }
}

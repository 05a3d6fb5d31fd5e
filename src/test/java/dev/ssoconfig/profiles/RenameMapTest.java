package dev.ssoconfig.profiles;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenameMapTest {

  private static String message(String json) {
    return assertFailure(Kind.USAGE, () -> RenameMap.parse(json, "renames.json"))
        .getMessage();
  }

  @Nested
  class Parse {

    @Test
    void reads_accounts_and_roles() {
      RenameMap map =
          RenameMap.parse(
              """
              {
                "accounts": {"111111111111": "Prod", "222222222222": "Dev"},
                "roles": {"AdministratorAccess": "Admin", "ReadOnlyAccess": ""}
              }
              """,
              "renames.json");

      assertEquals(Optional.of("Prod"), map.account("111111111111"));
      assertEquals(Optional.of("Dev"), map.account("222222222222"));
      assertEquals(Optional.empty(), map.account("333333333333"));
      assertEquals(Optional.of("Admin"), map.role("AdministratorAccess"));
      assertEquals(Optional.of(""), map.role("ReadOnlyAccess"));
      assertEquals(Optional.empty(), map.role("administratoraccess"));
    }

    @Test
    void both_keys_are_optional() {
      assertEquals(RenameMap.NONE, RenameMap.parse("{}", "renames.json"));
      assertEquals(
          RenameMap.of(Map.of(), Map.of("Admin", "A")),
          RenameMap.parse("{\"roles\": {\"Admin\": \"A\"}}", "renames.json"));
      assertEquals(
          RenameMap.of(Map.of("111111111111", "P"), Map.of()),
          RenameMap.parse("{\"accounts\": {\"111111111111\": \"P\"}}", "renames.json"));
    }

    @Test
    void skips_a_byte_order_mark() {
      assertEquals(
          RenameMap.of(Map.of(), Map.of("Admin", "A")),
          RenameMap.parse("\uFEFF{\"roles\": {\"Admin\": \"A\"}}", "renames.json"));
    }

    @Test
    void rejects_an_unknown_top_level_key() {
      assertEquals(
          "cannot read rename file renames.json, line 3: unknown key \"role\"; use \"accounts\""
              + " and \"roles\"",
          message("{\n  \"accounts\": {},\n  \"role\": {}\n}"));
    }

    @Test
    void rejects_a_mapped_name_that_is_not_a_string_naming_file_and_line() {
      assertEquals(
          "cannot read rename file renames.json, line 3: expected a string for role \"Admin\"",
          message("{\"roles\": {\n  \"ReadOnly\": \"RO\",\n  \"Admin\": 7\n}}"));
      assertEquals(
          "cannot read rename file renames.json, line 1: expected a string for account"
              + " \"111111111111\"",
          message("{\"accounts\": {\"111111111111\": null}}"));
      assertEquals(
          "cannot read rename file renames.json, line 2: expected a string for role \"Admin\"",
          message("{\"roles\": {\n\"Admin\": [\"A\"]}}"));
    }

    @Test
    void rejects_accounts_or_roles_that_are_not_objects() {
      assertEquals(
          "cannot read rename file renames.json, line 2: expected an object for \"roles\", e.g."
              + " {\"AdministratorAccess\": \"Admin\"}",
          message("{\n\"roles\": [\"Admin\"]}"));
      assertTrue(
          message("{\"accounts\": \"Prod\"}").contains("expected an object for \"accounts\""),
          message("{\"accounts\": \"Prod\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Prod", "11111111111", "1111111111111", "11111111111a"})
    void rejects_an_account_key_that_is_not_an_account_id(String key) {
      assertEquals(
          "cannot read rename file renames.json, line 1: account \""
              + key
              + "\" is not a 12-digit account ID",
          message("{\"accounts\": {\"" + key + "\": \"P\"}}"));
    }

    @Test
    void rejects_a_key_given_twice() {
      assertEquals(
          "cannot read rename file renames.json, line 3: role \"Admin\" is given twice",
          message("{\"roles\": {\n\"Admin\": \"A\",\n\"Admin\": \"B\"}}"));
      assertEquals(
          "cannot read rename file renames.json, line 2: \"roles\" is given twice",
          message("{\"roles\": {},\n\"roles\": {}}"));
    }

    @Test
    void rejects_malformed_json_naming_file_and_line() {
      Failure e =
          assertFailure(
              Kind.USAGE,
              () -> RenameMap.parse("{\n\"roles\": {\n\"Admin\": \"A\",\n}}", "renames.json"));

      assertTrue(
          e.getMessage().startsWith("cannot read rename file renames.json, line 4: invalid JSON: "),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertInstanceOf(JsonProcessingException.class, e.getCause());
    }

    @Test
    void rejects_content_that_is_not_an_object() {
      assertEquals(
          "cannot read rename file renames.json, line 1: expected an object like {\"accounts\":"
              + " {…}, \"roles\": {…}}",
          message("[1, 2]"));
      assertTrue(message("").contains("line 1: the file is empty"), message(""));
      assertTrue(message("  \n ").contains("the file is empty"), message("  \n "));
    }

    @Test
    void rejects_content_after_the_object() {
      assertEquals(
          "cannot read rename file renames.json, line 2: unexpected content after the closing }",
          message("{}\n{}"));
      assertTrue(message("{} x").contains("line 1: invalid JSON"), message("{} x"));
    }

    @Test
    void keeps_the_message_on_one_line_whatever_the_key_or_file_name() {
      Failure e =
          assertFailure(
              Kind.USAGE,
              () -> RenameMap.parse("{\"roles\": {\"Ad\\nmin\": 1}}", "my\nfile.json"));

      assertEquals(
          "cannot read rename file my file.json, line 1: expected a string for role \"Ad\\nmin\"",
          e.getMessage());
    }
  }
}

package dev.ssoconfig.profiles;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RenameMapTest {

  private static String message(String json) {
    return assertFailure(Kind.USAGE, () -> RenameMap.parse(json, "renames.json")).getMessage();
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
          "cannot read rename file renames.json, line 3, column 3: unknown key \"role\"; use \"accounts\""
              + " and \"roles\"",
          message("{\n  \"accounts\": {},\n  \"role\": {}\n}"));
    }

    @Test
    void rejects_a_mapped_name_that_is_not_a_string_naming_file_and_line() {
      assertEquals(
          "cannot read rename file renames.json, line 3, column 12: expected a string for role \"Admin\"",
          message("{\"roles\": {\n  \"ReadOnly\": \"RO\",\n  \"Admin\": 7\n}}"));
      assertEquals(
          "cannot read rename file renames.json, line 1, column 31: expected a string for account"
              + " \"111111111111\"",
          message("{\"accounts\": {\"111111111111\": null}}"));
      assertEquals(
          "cannot read rename file renames.json, line 2, column 10: expected a string for role \"Admin\"",
          message("{\"roles\": {\n\"Admin\": [\"A\"]}}"));
    }

    @Test
    void rejects_accounts_or_roles_that_are_not_objects() {
      assertEquals(
          "cannot read rename file renames.json, line 2, column 10: expected an object for \"roles\", e.g."
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
          "cannot read rename file renames.json, line 1, column 15: account \""
              + key
              + "\" is not a 12-digit account ID",
          message("{\"accounts\": {\"" + key + "\": \"P\"}}"));
    }

    @Test
    void rejects_a_key_given_twice() {
      assertEquals(
          "cannot read rename file renames.json, line 3, column 1: role \"Admin\" is given twice",
          message("{\"roles\": {\n\"Admin\": \"A\",\n\"Admin\": \"B\"}}"));
      assertEquals(
          "cannot read rename file renames.json, line 2, column 1: \"roles\" is given twice",
          message("{\"roles\": {},\n\"roles\": {}}"));
    }

    @Test
    void rejects_malformed_json_naming_file_line_and_column_and_keeps_the_cause() {
      Failure e =
          assertFailure(
              Kind.USAGE,
              () -> RenameMap.parse("{\n\"roles\": {\n\"Admin\": \"A\",\n}}", "renames.json"));

      assertEquals(
          "cannot read rename file renames.json, line 4, column 1: expected a name in double"
              + " quotes after ',', found '}' (JSON allows no ',' before '}')",
          e.getMessage());
      assertInstanceOf(JsonProcessingException.class, e.getCause());
    }

    @Test
    void rejects_content_that_is_not_an_object() {
      assertEquals(
          "cannot read rename file renames.json, line 1, column 1: expected an object like {\"accounts\":"
              + " {…}, \"roles\": {…}}",
          message("[1, 2]"));
      assertTrue(
          message("")
              .equals(
                  "cannot read rename file renames.json: the file is empty; expected {\"accounts\": {…}, \"roles\": {…}}"),
          message(""));
      assertTrue(message("  \n ").contains("the file is empty"), message("  \n "));
    }

    @Test
    void rejects_content_after_the_object() {
      assertEquals(
          "cannot read rename file renames.json, line 2, column 1: unexpected content after the closing }",
          message("{}\n{}"));
      assertTrue(message("{} x").contains("line 1, column 4: unexpected word"), message("{} x"));
    }

    @Test
    void keeps_the_message_on_one_line_whatever_the_key_or_file_name() {
      Failure e =
          assertFailure(
              Kind.USAGE, () -> RenameMap.parse("{\"roles\": {\"Ad\\nmin\": 1}}", "my\nfile.json"));

      assertEquals(
          "cannot read rename file my file.json, line 1, column 23: expected a string for role \"Ad\\nmin\"",
          e.getMessage());
    }
  }

  /** JSON that does not parse: each message says where and what, in words, without Jackson's. */
  @Nested
  class BrokenJson {

    static Stream<Arguments> breakages() {
      return Stream.of(
          Arguments.of(
              "a missing comma",
              "{\n  \"roles\": {\n    \"A\": \"a\"\n    \"B\": \"b\"\n  }\n}",
              "line 4, column 5: expected a ',' or '}'"),
          Arguments.of(
              "an unclosed object",
              "{\n  \"roles\": {\"A\": \"a\"}\n",
              "line 3, column 1: the file ends before the '}' that closes the object at line 1,"
                  + " column 1"),
          Arguments.of(
              "a file that ends after a name",
              "{\"roles\"",
              "line 1, column 9: the file ends before the '}' that closes the object at line 1,"
                  + " column 1"),
          Arguments.of(
              "a trailing comma",
              "{\"roles\": {\"A\": \"a\",}}",
              "line 1, column 21: expected a name in double quotes after ',', found '}' (JSON"
                  + " allows no ',' before '}')"),
          Arguments.of(
              "a bare word as a value",
              "{\"roles\": {\"A\": admin}}",
              "line 1, column 17: unexpected word \"admin\"; write names in double quotes"),
          Arguments.of(
              "a bare word as a name",
              "{roles: {}}",
              "line 1, column 2: expected a name in double quotes, found 'r'"),
          Arguments.of(
              "single quotes",
              "{'roles': {}}",
              "line 1, column 2: expected a name in double quotes, found \"'\" (JSON has no"
                  + " single quotes)"),
          Arguments.of(
              "an unterminated string",
              "{\"roles\": {\"A\": \"adm}}",
              "line 1, column 17: the string that starts here has no closing '\"'"),
          Arguments.of(
              "a line break inside a string",
              "{\"roles\": {\"A\": \"ad\nmin\"}}",
              "line 1, column 20: a line break, tab or other control character inside a string;"
                  + " write it as \\n, \\t or \\uXXXX"),
          Arguments.of(
              "a bad escape",
              "{\"roles\": {\"A\": \"a\\qb\"}}",
              "line 1, column 20: \\q is not an escape JSON knows; write a backslash as \\\\"),
          Arguments.of(
              "a missing colon",
              "{\"roles\" {}}",
              "line 1, column 10: expected a ':' after the name"),
          Arguments.of(
              "a ']' closing an object",
              "{\"roles\": {\"A\": \"a\"]}",
              "line 1, column 20: found ']' where '}' should close the object at line 1, column"
                  + " 11"),
          Arguments.of(
              "one '}' too many",
              "{\"roles\": {}}}",
              "line 1, column 14: found '}' with no object open"),
          Arguments.of(
              "a comment", "// my renames\n{}", "line 1, column 1: JSON allows no comments"),
          Arguments.of(
              "a number where a string belongs",
              "{\"roles\": {\"A\": 1}}",
              "line 1, column 17: expected a string for role \"A\""),
          Arguments.of(
              "an array where an object belongs",
              "{\"accounts\": [\"111111111111\"]}",
              "line 1, column 14: expected an object for \"accounts\", e.g. {\"111111111111\":"
                  + " \"Prod\"}"),
          Arguments.of(
              "a string at the top",
              "\"renames\"",
              "line 1, column 1: expected an object like {\"accounts\": {…}, \"roles\": {…}}"),
          Arguments.of(
              "a duplicate role",
              "{\"roles\": {\"A\": \"a\", \"A\": \"b\"}}",
              "line 1, column 22: role \"A\" is given twice"),
          Arguments.of(
              "a duplicate account",
              "{\"accounts\": {\n  \"111111111111\": \"a\",\n  \"111111111111\": \"b\"\n}}",
              "line 3, column 3: account \"111111111111\" is given twice"),
          Arguments.of(
              "a leading zero",
              "{\"roles\": {\"A\": 01}}",
              "line 1, column 18: not a valid number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void names_file_line_and_column_and_says_what_is_wrong_in_words(
        String what, String json, String expected) {
      String message = message(json);

      assertEquals("cannot read rename file renames.json, " + expected, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void shows_nothing_of_the_json_library(String what, String json, String expected) {
      String message = message(json);

      for (String internal :
          List.of(
              "com.fasterxml",
              "jackson",
              "Jackson",
              "[Source",
              "REDACTED",
              "StreamReadFeature",
              "for Object starting at",
              "(code ",
              "CTRL-CHAR",
              "JSON String, Number",
              "\n")) {
        assertFalse(message.contains(internal), internal + " in: " + message);
      }
    }
  }
}

package dev.ssoconfig.profiles;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure.Kind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtraKeysTest {

  private static String refusal(String... settings) {
    return assertFailure(Kind.USAGE, () -> ExtraKeys.parse(List.of(settings))).getMessage();
  }

  @Nested
  class Parse {

    @Test
    void keeps_the_keys_in_the_order_given() {
      assertEquals(
          List.of(
              new Property("output", "json"),
              new Property("cli_pager", "less"),
              new Property("s3.addressing_style", "path")),
          ExtraKeys.parse(List.of("output=json", "cli_pager=less", "s3.addressing_style=path"))
              .properties());
    }

    @Test
    void gives_no_keys_for_no_settings() {
      assertEquals(ExtraKeys.NONE, ExtraKeys.parse(List.of()));
      assertEquals(List.of(), ExtraKeys.NONE.properties());
    }

    @Test
    void splits_at_the_first_equals_sign_and_trims_like_the_sdk() {
      assertEquals(
          List.of(
              new Property("credential_process", "tool --opt=1"), new Property("output", "json")),
          ExtraKeys.parse(List.of("credential_process=tool --opt=1", " output = json "))
              .properties());
    }

    @Test
    void strips_whitespace_as_botocore_does_also_a_no_break_space() {
      assertEquals(
          List.of(new Property("output", "json"), new Property("note", "a\u00a0b")),
          ExtraKeys.parse(List.of("output=json\u00a0", "\u3000note = a\u00a0b\u2003"))
              .properties());
    }

    @Test
    void an_empty_value_is_kept_empty_as_for_turning_the_pager_off() {
      assertEquals(
          List.of(new Property("cli_pager", ""), new Property("output", "")),
          ExtraKeys.parse(List.of("cli_pager=", " output =  ")).properties());
    }

    @Test
    void keeps_characters_that_are_no_comment() {
      assertEquals(
          List.of(new Property("a", "x#y"), new Property("b", "x;y"), new Property("c", "x\ty")),
          ExtraKeys.parse(List.of("a=x#y", "b=x;y", "c=x\ty")).properties());
    }
  }

  @Nested
  class Refuses {

    @Test
    void a_setting_without_equals_sign() {
      assertEquals(
          "--set \"output\": no = in it; write --set KEY=VALUE, e.g. --set output=json",
          refusal("output"));
    }

    @Test
    void an_empty_key() {
      assertEquals(
          "--set \"=json\": no key before =; write --set KEY=VALUE, e.g. --set output=json",
          refusal("=json"));
      assertTrue(refusal(" =json").startsWith("--set \" =json\": no key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b=c", "s3:addressing_style=path", ":=x", "a: =x"})
    void a_key_with_a_colon_saying_how_the_aws_cli_would_read_it(String setting) {
      String message = refusal(setting);

      assertTrue(message.startsWith("--set " + "\"" + setting + "\": "), message);
      assertTrue(message.contains("a key may not contain ':'"), message);
      assertTrue(message.contains("the AWS CLI would read"), message);
    }

    @Test
    void a_key_with_a_colon_names_the_key_the_aws_cli_would_see() {
      assertEquals(
          "--set \"a:b=c\": a key may not contain ':'; the AWS CLI would read \"a:b = c\" as"
              + " the key \"a\" (a ':' separates key and value for it)",
          refusal("a:b=c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"out put=json", "out[put]=json", "outpüt=json", "a#b=c"})
    void a_key_outside_the_sdk_property_name_characters(String setting) {
      String message = refusal(setting);

      assertTrue(
          message.endsWith(
              ": a key may only contain letters, digits and _ . @ + / % - (AWS SDK property"
                  + " names)"),
          message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "region=us-east-1",
          "REGION=us-east-1",
          "sso_session=other",
          "sso_start_url=https://x",
          "SSO_Role_Name=Admin",
          "sso_=x",
          "managed_by=me",
          "aws_sso_config_generator_region=eu-west-1",
          "AWS_SSO_Config_Generator_anything=x",
        })
    void a_key_the_tool_owns(String setting) {
      String message = refusal(setting);

      assertTrue(message.startsWith("--set \"" + setting + "\": "), message);
      assertTrue(message.contains("is written by aws-sso-config-generator itself"), message);
    }

    @Test
    void region_pointing_to_the_region_option() {
      assertEquals(
          "--set \"region=us-east-1\": region is written by aws-sso-config-generator itself; use"
              + " --region instead",
          refusal("region=us-east-1"));
    }

    @Test
    void the_same_key_twice() {
      assertEquals(
          "--set \"output=text\": the key output is set twice; give each key one --set",
          refusal("output=json", "output=text"));
      assertTrue(refusal("output=json", "Output=text").contains("the key Output is set twice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=x\ny", "a=x\ry", "a=x\n", "a\n=x", "a=x\u0000y", "a=x\u2028y"})
    void a_line_break_or_control_character(String setting) {
      String message = refusal(setting);

      assertTrue(message.endsWith(": must be one line without control characters"), message);
      assertFalse(message.contains("\n") || message.contains("\r"), message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "a=x #y",
          "a=x ;y",
          "a=x\t#y",
          "a=x\t;y",
          "a=#y",
          "a=;y",
          "a= #y",
          "a=x\u2003#y"
        })
    void a_value_the_sdk_would_read_as_a_comment(String setting) {
      String message = refusal(setting);

      assertTrue(message.contains("would read a # or ; at the start of the value"), message);
    }
  }
}

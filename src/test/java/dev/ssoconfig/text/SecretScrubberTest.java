package dev.ssoconfig.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScrubberTest {
  private static final String SECRET = "s3cr3tValue-XYZ_0123456789";

  @Nested
  class KnownValues {
    @Test
    void are_replaced_wherever_they_occur() {
      assertEquals(
          "token <redacted> was rejected, again: <redacted>.",
          SecretScrubber.scrub(
              "token " + SECRET + " was rejected, again: " + SECRET + ".", SECRET));
    }

    @Test
    void are_replaced_in_url_encoded_form_too() {
      String secret = "a+b/c=d";
      assertEquals(
          "redirect?x=<redacted>", SecretScrubber.scrub("redirect?x=a%2Bb%2Fc%3Dd", secret));
    }

    @Test
    void the_longest_goes_first_so_no_tail_of_a_longer_secret_survives() {
      assertEquals("<redacted>", SecretScrubber.scrub("abcdef123456", "abcdef", "abcdef123456"));
    }

    @Test
    void null_and_empty_secrets_and_a_null_text_are_harmless() {
      assertEquals("text", SecretScrubber.scrub("text", null, ""));
      assertEquals("", SecretScrubber.scrub(null, SECRET));
    }
  }

  @Nested
  class LabelledValues {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"accessToken\":\"VALUE\",\"expiresIn\":28800}",
          "{\"refreshToken\" : \"VALUE\"}",
          "{\"clientSecret\":\"VALUE",
          "{\"codeVerifier\":\"VALUE\"}",
          "{\"deviceCode\":\"VALUE\"}",
          "{\"code\":\"VALUE\"}",
          "{'access_token': 'VALUE'}",
          "CreateToken(ClientId=c, ClientSecret=VALUE, GrantType=authorization_code)",
          "grant_type=authorization_code&code=VALUE&code_verifier=VALUE&redirect_uri=x",
          "refresh_token=VALUE",
          "device_code = VALUE",
          "x-amz-sso_bearer_token: VALUE",
          "Authorization: Bearer VALUE",
          "accessToken: VALUE",
          "id_token=VALUE",
          "--set aws_secret_access_key=VALUE",
          "--set \"aws_session_token=VALUE\"",
          "{\"SecretAccessKey\":\"VALUE\",\"SessionToken\":\"VALUE\"}"
        })
    void are_redacted_in_json_query_header_and_log_forms(String text) {
      String scrubbed = SecretScrubber.scrub(text.replace("VALUE", SECRET));

      assertFalse(scrubbed.contains(SECRET), scrubbed);
      assertFalse(scrubbed.contains("s3cr3t"), scrubbed);
    }

    @Test
    void keep_their_label_and_the_rest_of_the_text() {
      assertEquals(
          "callback?code=<redacted>&state=abc",
          SecretScrubber.scrub("callback?code=" + SECRET + "&state=abc"));
      assertEquals(
          "{\"accessToken\":<redacted>,\"expiresIn\":28800}",
          SecretScrubber.scrub("{\"accessToken\":\"" + SECRET + "\",\"expiresIn\":28800}"));
    }

    @Test
    void leave_status_codes_user_codes_and_challenges_alone() {
      String text =
          "Invalid grant (Service: SsoOidc, Status Code: 400, Request ID: 1) user_code=ABCD-EFGH"
              + " code_challenge=abc errorCode=InvalidGrantException response_type=code&x=1";
      assertEquals(text, SecretScrubber.scrub(text));
    }

    @Test
    void keep_line_breaks() {
      assertEquals(
          "a\n\tat b code=<redacted>\n", SecretScrubber.scrub("a\n\tat b code=" + SECRET + "\n"));
    }
  }
}

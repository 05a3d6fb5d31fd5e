package dev.ssoconfig.login;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

class LoginValuesTest {
  @Nested
  class LoginRequestValues {
    @Test
    void cache_key_is_the_session_name_or_in_legacy_form_the_start_url() {
      assertEquals("acme", request("acme").cacheKeySource());
      assertEquals("https://acme.awsapps.com/start", request(null).cacheKeySource());
    }

    @Test
    void rejects_a_blank_session_name() {
      assertThrows(IllegalArgumentException.class, () -> request(" "));
    }

    @Test
    void rejects_a_timeout_that_is_not_positive() {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new LoginRequest(
                  "https://a/start",
                  "us-east-1",
                  null,
                  LoginFlow.PKCE,
                  true,
                  Duration.ZERO,
                  false));
    }

    private LoginRequest request(String session) {
      return new LoginRequest(
          "https://acme.awsapps.com/start",
          "us-east-1",
          session,
          LoginFlow.DEVICE_CODE,
          false,
          Duration.ofMinutes(5),
          false);
    }
  }

  @Nested
  class SecretsInToString {
    @Test
    void access_token_does_not_show_its_value() {
      AccessToken token = new AccessToken("aoa-secret-value", Instant.EPOCH, true);
      assertFalse(token.toString().contains("aoa-secret-value"));
      assertTrue(token.toString().contains("1970-01-01T00:00:00Z"));
    }

    @Test
    void cached_token_and_registration_hide_tokens_and_client_secret() {
      CachedToken cached =
          new CachedToken(
              "https://a/start",
              "us-east-1",
              "acc-secret",
              Instant.EPOCH,
              "cid",
              "csecret",
              Instant.EPOCH,
              "ref-secret");
      ClientRegistration registration =
          new ClientRegistration("cid", "csecret", Instant.EPOCH, List.of("sso:account:access"));

      for (String text : List.of(cached.toString(), registration.toString())) {
        assertFalse(text.contains("acc-secret"), text);
        assertFalse(text.contains("csecret"), text);
        assertFalse(text.contains("ref-secret"), text);
        assertTrue(text.contains("cid"), text);
      }
    }
  }

  @Nested
  class CachedTokenRefresh {
    @Test
    void is_needed_with_less_than_15_minutes_left_and_not_with_exactly_15() {
      Instant now = Instant.parse("2025-06-01T12:00:00Z");
      assertFalse(expiringAt(now.plus(Duration.ofMinutes(15))).needsRefresh(now));
      assertTrue(expiringAt(now.plus(Duration.ofMinutes(15)).minusSeconds(1)).needsRefresh(now));
      assertFalse(expiringAt(now.plus(Duration.ofHours(1))).needsRefresh(now));
    }

    private CachedToken expiringAt(Instant expiresAt) {
      return new CachedToken(
          "https://acme.awsapps.com/start", "us-east-1", "a", expiresAt, null, null, null, null);
    }
  }

  @Nested
  class IssuedTokenValues {
    @Test
    void to_string_hides_access_and_refresh_token() {
      IssuedToken token = new IssuedToken("acc-secret-1", Instant.EPOCH, "ref-secret-2");

      assertFalse(token.toString().contains("acc-secret-1"), token.toString());
      assertFalse(token.toString().contains("ref-secret-2"), token.toString());
    }

    @Test
    void an_answer_without_an_access_token_is_an_aws_call_failure_not_a_crash() {
      Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
      for (String missing : new String[] {null, " "}) {
        CreateTokenResponse response =
            CreateTokenResponse.builder().accessToken(missing).expiresIn(3600).build();
        Failure failure =
            assertFailure(Failure.Kind.AWS_CALL, () -> IssuedToken.from(response, clock));
        assertEquals("CreateToken answered without an access token", failure.getMessage());
      }
    }
  }
}

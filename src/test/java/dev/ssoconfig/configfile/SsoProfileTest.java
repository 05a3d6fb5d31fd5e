package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.testing.FailureAssert;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SsoProfileTest {
  private static SsoProfile find(String config, String profile) {
    return SsoProfile.find(
        ConfigDocument.parse(config.getBytes(StandardCharsets.UTF_8)).asReadByAwsCli(),
        profile,
        "config");
  }

  private static final String SESSION =
      "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = eu-west-1\n";

  @Nested
  class Found {
    @Test
    void reads_the_account_and_role_and_the_sso_sessions_start_url_and_region() {
      SsoProfile profile =
          find(
              SESSION
                  + "[profile Prod.Admin]\nsso_session = acme\nsso_account_id = 111111111111\n"
                  + "sso_role_name = Admin\n",
              "Prod.Admin");

      assertEquals(
          new SsoProfile(
              "Prod.Admin",
              "acme",
              "https://acme.awsapps.com/start",
              "eu-west-1",
              "111111111111",
              "Admin"),
          profile);
    }

    @Test
    void reads_a_legacy_profile_without_sso_session() {
      SsoProfile profile =
          find(
              "[default]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\n"
                  + "sso_account_id = 111111111111\nsso_role_name = Admin\n",
              "default");

      assertEquals(null, profile.sessionName());
      assertEquals("us-east-1", profile.ssoRegion());
    }
  }

  @Nested
  class Refused {
    @Test
    void a_missing_profile() {
      Failure failure = FailureAssert.assertFailure(Failure.Kind.USAGE, () -> find(SESSION, "x"));
      assertTrue(failure.getMessage().contains("there is no profile \"x\""), failure.getMessage());
    }

    @Test
    void a_profile_without_sso_keys() {
      FailureAssert.assertFailure(
          Failure.Kind.USAGE, () -> find("[profile x]\nregion = us-east-1\n", "x"));
    }

    @Test
    void a_missing_sso_session_section() {
      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.USAGE,
              () ->
                  find(
                      "[profile x]\nsso_session = gone\nsso_account_id = 1\nsso_role_name = r\n",
                      "x"));
      assertTrue(failure.getMessage().contains("\"gone\""), failure.getMessage());
    }

    @Test
    void a_value_that_differs_between_profile_and_sso_session_as_botocore_refuses_it() {
      FailureAssert.assertFailure(
          Failure.Kind.USAGE,
          () ->
              find(
                  SESSION
                      + "[profile x]\nsso_session = acme\nsso_region = us-east-1\n"
                      + "sso_account_id = 1\nsso_role_name = r\n",
                  "x"));
    }

    @Test
    void a_missing_role_name() {
      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.USAGE,
              () -> find(SESSION + "[profile x]\nsso_session = acme\nsso_account_id = 1\n", "x"));
      assertTrue(failure.getMessage().contains("sso_role_name"), failure.getMessage());
    }
  }
}

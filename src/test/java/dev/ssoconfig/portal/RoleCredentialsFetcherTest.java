package dev.ssoconfig.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.testing.FailureAssert;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RoleCredentialsFetcherTest {
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private RoleCredentialsFetcher fetcher;

  @BeforeEach
  void start() {
    fetcher =
        RoleCredentialsFetcher.forRegion(
            "us-east-1", Optional.of(fake.baseUri()), Optional.empty());
  }

  @AfterEach
  void close() {
    fetcher.close();
  }

  @Nested
  class Fetch {
    @Test
    void gets_the_credentials_of_an_assigned_role() {
      String token = fake.issueAccessToken();

      RoleCredentials credentials = fetcher.fetch(token, "222222222222", "AdministratorAccess");

      assertEquals("222222222222", credentials.accountId());
      assertTrue(credentials.accessKeyId().startsWith("ASIA"), credentials.accessKeyId());
      assertFalse(credentials.secretAccessKey().isEmpty());
      assertTrue(credentials.sessionToken().startsWith("session-"));
      assertFalse(credentials.toString().contains(credentials.secretAccessKey()));
      assertFalse(credentials.toString().contains(credentials.sessionToken()));
    }
  }

  @Nested
  class Refused {
    @Test
    void a_rejected_access_token_asks_to_sign_in_again() {
      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.SIGN_IN,
              () -> fetcher.fetch("not-a-token", "222222222222", "AdministratorAccess"));

      assertTrue(failure.getMessage().contains("UnauthorizedException"), failure.getMessage());
      assertFalse(failure.getMessage().contains("not-a-token"), failure.getMessage());
    }

    @Test
    void a_role_no_longer_assigned_is_an_aws_call_failure_naming_account_and_role() {
      String token = fake.issueAccessToken();

      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.AWS_CALL, () -> fetcher.fetch(token, "222222222222", "Nope"));

      assertTrue(
          failure.getMessage().contains("GetRoleCredentials of role Nope for account 222222222222"),
          failure.getMessage());
      assertTrue(failure.getMessage().contains("ForbiddenException"), failure.getMessage());
    }
  }
}

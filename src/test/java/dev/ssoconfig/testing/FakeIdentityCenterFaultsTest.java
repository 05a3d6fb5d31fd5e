package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/** The fake's fault injection, token revocation, careless errors and secret bookkeeping. */
class FakeIdentityCenterFaultsTest {
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private SsoClient sso;
  private SsoOidcClient oidc;

  @BeforeEach
  void start() {
    sso = fake.portalClient();
    oidc = fake.oidcClient();
  }

  @AfterEach
  void stop() {
    sso.close();
    oidc.close();
  }

  private void listAccounts(String token) {
    sso.listAccounts(r -> r.accessToken(token));
  }

  @Nested
  class RandomFaults {
    @Test
    void inject_500s_resets_and_cut_off_answers_and_count_them() {
      String token = fake.issueAccessToken();
      fake.withRandomPortalFaults(42, 0.4, 0.6);

      int serverErrors = 0;
      int broken = 0;
      for (int i = 0; i < 30; i++) {
        try {
          listAccounts(token);
        } catch (SsoException e) {
          assertEquals(500, e.statusCode());
          serverErrors++;
        } catch (SdkClientException e) {
          broken++;
        }
      }

      Map<String, Integer> injected = fake.injectedPortalFaults();
      assertEquals(30, serverErrors + broken, "every call failed");
      assertEquals(serverErrors, injected.get("500"));
      assertTrue(injected.get("CONNECTION_RESET_BY_PEER") > 0, injected.toString());
      assertTrue(injected.get("MALFORMED_RESPONSE_CHUNK") > 0, injected.toString());
    }

    @Test
    void the_same_seed_gives_the_same_faults() {
      String token = fake.issueAccessToken();
      fake.withRandomPortalFaults(7, 0.5, 0.0);
      String first = outcomes(token);
      fake.withRandomPortalFaults(7, 0.5, 0.0);

      assertEquals(first, outcomes(token));
      assertTrue(first.contains("x") && first.contains("."), first);
    }

    @Test
    void rates_of_zero_inject_nothing() {
      String token = fake.issueAccessToken();
      fake.withRandomPortalFaults(1, 0, 0);

      assertEquals("..........", outcomes(token));
      assertEquals(Map.of(), fake.injectedPortalFaults());
    }

    private String outcomes(String token) {
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        try {
          listAccounts(token);
          seen.append('.');
        } catch (SdkException e) {
          seen.append('x');
        }
      }
      return seen.toString();
    }
  }

  @Nested
  class BrokenAnswers {
    @Test
    void cut_off_answers_are_not_json() {
      String token = fake.issueAccessToken();
      fake.cutOffAnswersOf(Operation.LIST_ACCOUNTS);

      SdkClientException e = assertThrows(SdkClientException.class, () -> listAccounts(token));

      assertTrue(e.getMessage().contains("Unable to unmarshall response"), e.getMessage());
      sso.listAccountRoles(r -> r.accessToken(token).accountId("111111111111"));
    }

    @Test
    void errors_echo_the_secrets_of_the_request_when_asked_to() {
      fake.echoSecretsInErrors(true);
      RegisterClientResponse client =
          oidc.registerClient(
              r -> r.clientName("t").clientType("public").scopes("sso:account:access"));

      InvalidGrantException e =
          assertThrows(
              InvalidGrantException.class,
              () ->
                  oidc.createToken(
                      r ->
                          r.clientId(client.clientId())
                              .clientSecret(client.clientSecret())
                              .grantType("refresh_token")
                              .refreshToken("unknown-refresh-token")));
      UnauthorizedException portal =
          assertThrows(UnauthorizedException.class, () -> listAccounts("unknown-access-token"));

      assertTrue(e.getMessage().contains("clientSecret=" + client.clientSecret()), e.getMessage());
      assertTrue(e.getMessage().contains("refreshToken=unknown-refresh-token"), e.getMessage());
      assertTrue(e.errorDescription().contains("refreshToken=unknown-refresh-token"));
      assertTrue(
          portal.getMessage().contains("x-amz-sso_bearer_token: unknown-access-token"),
          portal.getMessage());
    }
  }

  @Nested
  class Revocation {
    @Test
    void tokens_are_revoked_after_the_given_number_of_portal_requests() {
      String token = fake.issueAccessToken();
      fake.revokeAccessTokensAfterPortalRequests(2);

      listAccounts(token);
      listAccounts(token);

      assertThrows(UnauthorizedException.class, () -> listAccounts(token));
      assertFalse(fake.isValidAccessToken(token));
      listAccounts(fake.issueAccessToken());
    }

    @Test
    void every_token_can_be_rejected() {
      fake.rejectEveryAccessToken(true);
      assertThrows(UnauthorizedException.class, () -> listAccounts(fake.issueAccessToken()));

      fake.rejectEveryAccessToken(false);
      listAccounts(fake.issueAccessToken());
    }
  }

  @Nested
  class Secrets {
    @Test
    void records_what_it_issued_and_received_by_kind() {
      String token = fake.issueAccessToken();
      RegisterClientResponse client =
          oidc.registerClient(
              r -> r.clientName("t").clientType("public").scopes("sso:account:access"));
      assertThrows(
          InvalidGrantException.class,
          () ->
              oidc.createToken(
                  r ->
                      r.clientId(client.clientId())
                          .clientSecret(client.clientSecret())
                          .grantType("authorization_code")
                          .code("code-never-issued")
                          .redirectUri("http://127.0.0.1:1/oauth/callback")
                          .codeVerifier("verifier-sent-by-the-client")));

      Map<String, Set<String>> secrets = fake.secrets();

      assertEquals(Set.of(token), secrets.get(FakeIdentityCenter.ACCESS_TOKEN));
      assertEquals(Set.of(client.clientSecret()), secrets.get(FakeIdentityCenter.CLIENT_SECRET));
      assertEquals(Set.of("code-never-issued"), secrets.get(FakeIdentityCenter.AUTHORIZATION_CODE));
      assertEquals(
          Set.of("verifier-sent-by-the-client"), secrets.get(FakeIdentityCenter.CODE_VERIFIER));
      assertEquals(
          List.of(
              FakeIdentityCenter.ACCESS_TOKEN,
              FakeIdentityCenter.CLIENT_SECRET,
              FakeIdentityCenter.AUTHORIZATION_CODE,
              FakeIdentityCenter.CODE_VERIFIER),
          List.copyOf(secrets.keySet()));
    }
  }
}

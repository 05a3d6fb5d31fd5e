package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/** The fake speaks the wire protocol the real SDK clients expect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeIdentityCenterTest {
  private FakeIdentityCenter fake;
  private SsoClient sso;
  private SsoOidcClient oidc;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start() {
    fake = new FakeIdentityCenter();
    sso = fake.portalClient();
    oidc = fake.oidcClient();
  }

  @AfterAll
  void stop() {
    sso.close();
    oidc.close();
    fake.close();
  }

  @BeforeEach
  void defaults() {
    fake.throttleEveryNthPortalRequest(0)
        .withPortalLatency(Duration.ZERO)
        .withAccounts(FakeIdentityCenter.demoAccounts())
        .withPageSize(2)
        .throttleNextPortalRequests(0);
  }

  @Nested
  class Portal {
    @Test
    void lists_all_accounts_over_several_pages() {
      String token = fake.issueAccessToken();
      int before = fake.requestCount(Operation.LIST_ACCOUNTS);

      List<String> ids = new ArrayList<>();
      sso.listAccountsPaginator(r -> r.accessToken(token).maxResults(100))
          .accountList()
          .forEach((AccountInfo a) -> ids.add(a.accountId()));

      assertEquals(
          List.of("111111111111", "222222222222", "333333333333", "444444444444", "555555555555"),
          ids);
      assertEquals(3, fake.requestCount(Operation.LIST_ACCOUNTS) - before);
    }

    @Test
    void lists_roles_of_an_account_over_pages() {
      String token = fake.issueAccessToken();
      List<String> roles = new ArrayList<>();
      sso.listAccountRolesPaginator(r -> r.accessToken(token).accountId("222222222222"))
          .roleList()
          .forEach(r -> roles.add(r.roleName()));

      assertEquals(List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess"), roles);
    }

    @Test
    void refuses_an_unknown_bearer_token_with_unauthorized() {
      UnauthorizedException e =
          assertThrows(
              UnauthorizedException.class, () -> sso.listAccounts(r -> r.accessToken("nope")));
      assertEquals(401, e.statusCode());
    }

    @Test
    void injects_throttling_then_recovers() {
      String token = fake.issueAccessToken();
      fake.throttleNextPortalRequests(1);

      TooManyRequestsException e =
          assertThrows(
              TooManyRequestsException.class, () -> sso.listAccounts(r -> r.accessToken(token)));
      assertEquals(429, e.statusCode());
      assertEquals(2, sso.listAccounts(r -> r.accessToken(token)).accountList().size());
    }

    @Test
    void throttles_every_nth_request_when_asked() {
      String token = fake.issueAccessToken();
      fake.throttleEveryNthPortalRequest(2);

      sso.listAccounts(r -> r.accessToken(token));
      assertThrows(
          TooManyRequestsException.class, () -> sso.listAccounts(r -> r.accessToken(token)));
      sso.listAccounts(r -> r.accessToken(token));
    }

    @Test
    void reports_how_many_portal_calls_were_in_flight_together() throws Exception {
      String token = fake.issueAccessToken();
      fake.withPortalLatency(Duration.ofMillis(300));
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          calls.add(pool.submit(() -> sso.listAccounts(r -> r.accessToken(token))));
        }
        for (Future<?> call : calls) {
          call.get();
        }
      } finally {
        pool.shutdown();
      }

      assertTrue(fake.maxConcurrentPortalRequests() >= 2, "calls overlapped");
    }

    @Test
    void hands_out_role_credentials_that_sts_recognises() throws Exception {
      String token = fake.issueAccessToken();
      RoleCredentials credentials =
          sso.getRoleCredentials(
                  r -> r.accessToken(token).accountId("333333333333").roleName("ReadOnlyAccess"))
              .roleCredentials();
      assertNotNull(credentials.secretAccessKey());
      assertTrue(credentials.expiration() > System.currentTimeMillis());

      HttpResponse<String> identity =
          http.send(
              HttpRequest.newBuilder(fake.baseUri().resolve("/"))
                  .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                  .header(
                      "Authorization",
                      "AWS4-HMAC-SHA256 Credential="
                          + credentials.accessKeyId()
                          + "/20250101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "Action=GetCallerIdentity&Version=2011-06-15"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertEquals(200, identity.statusCode());
      assertTrue(identity.body().contains("<Account>333333333333</Account>"), identity.body());
      assertTrue(identity.body().contains("AWSReservedSSO_ReadOnlyAccess_"), identity.body());
    }

    @Test
    void refuses_credentials_for_a_role_not_assigned() {
      String token = fake.issueAccessToken();
      SsoException e =
          assertThrows(
              SsoException.class,
              () ->
                  sso.getRoleCredentials(
                      r -> r.accessToken(token).accountId("333333333333").roleName("Admin")));
      assertEquals(403, e.statusCode());
      assertEquals("ForbiddenException", e.awsErrorDetails().errorCode());
    }
  }

  @Nested
  class Oidc {
    @Test
    void authorization_code_needs_the_matching_code_verifier() throws Exception {
      RegisterClientResponse client =
          oidc.registerClient(
              r ->
                  r.clientName("t")
                      .clientType("public")
                      .grantTypes("authorization_code", "refresh_token")
                      .redirectUris("http://127.0.0.1/oauth/callback")
                      .issuerUrl(FakeIdentityCenter.START_URL)
                      .scopes("sso:account:access"));
      String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
      String redirect = "http://127.0.0.1:1/oauth/callback";

      String goodCode = authorize(client.clientId(), redirect, FakeOidcService.s256(verifier));
      String otherCode = authorize(client.clientId(), redirect, FakeOidcService.s256(verifier));

      assertThrows(
          InvalidGrantException.class,
          () -> createToken(client, otherCode, redirect, verifier + "x"));
      CreateTokenResponse token = createToken(client, goodCode, redirect, verifier);
      assertTrue(fake.isValidAccessToken(token.accessToken()));
      assertNotNull(token.refreshToken());
      assertThrows(
          InvalidGrantException.class, () -> createToken(client, goodCode, redirect, verifier));
    }

    @Test
    void serves_no_unmatched_requests_in_these_tests() {
      assertEquals(List.of(), fake.unmatchedRequests());
    }

    private String authorize(String clientId, String redirect, String challenge) throws Exception {
      URI uri =
          URI.create(
              fake.baseUri()
                  + "/authorize?response_type=code&client_id="
                  + clientId
                  + "&redirect_uri="
                  + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                  + "&state=s&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess"
                  + "&code_challenge="
                  + challenge);
      HttpResponse<Void> response =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(302, response.statusCode());
      String location = response.headers().firstValue("Location").orElseThrow();
      assertTrue(location.startsWith(redirect + "?code="), location);
      assertTrue(location.endsWith("&state=s"), location);
      return location.substring((redirect + "?code=").length(), location.indexOf("&state="));
    }

    private CreateTokenResponse createToken(
        RegisterClientResponse client, String code, String redirect, String verifier) {
      return oidc.createToken(
          r ->
              r.clientId(client.clientId())
                  .clientSecret(client.clientSecret())
                  .grantType("authorization_code")
                  .code(code)
                  .redirectUri(redirect)
                  .codeVerifier(verifier));
    }
  }
}

package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.core.exception.SdkClientException;
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

/**
 * The fake speaks the wire protocol the real SDK clients expect, and a request it does not serve
 * fails the test that sent it.
 */
class FakeIdentityCenterTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private SsoClient sso;
  private SsoOidcClient oidc;

  @BeforeEach
  void clients() {
    sso = fake.portalClient();
    oidc = fake.oidcClient();
  }

  @AfterEach
  void closeClients() {
    sso.close();
    oidc.close();
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
          HTTP.send(
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
          HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
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

  @Nested
  class ScriptedAnswers {
    @Test
    void answers_calls_in_turn_and_repeats_the_last_answer() {
      String token = fake.issueAccessToken();
      fake.scriptPortalCalls(
          Operation.LIST_ACCOUNTS,
          PortalAnswer.error(429, "TooManyRequestsException"),
          PortalAnswer.serve(),
          PortalAnswer.error(500, "InternalServerException"));

      assertThrows(
          TooManyRequestsException.class, () -> sso.listAccounts(r -> r.accessToken(token)));
      assertEquals(2, sso.listAccounts(r -> r.accessToken(token)).accountList().size());
      for (int i = 0; i < 2; i++) {
        SsoException e =
            assertThrows(SsoException.class, () -> sso.listAccounts(r -> r.accessToken(token)));
        assertEquals(500, e.statusCode());
        assertEquals("InternalServerException", e.awsErrorDetails().errorCode());
      }
    }

    @Test
    void a_script_for_an_account_answers_only_that_accounts_calls() {
      String token = fake.issueAccessToken();
      fake.scriptPortalCalls(
          Operation.LIST_ACCOUNT_ROLES,
          "222222222222",
          PortalAnswer.fault(Fault.CONNECTION_RESET_BY_PEER));

      assertEquals(
          2,
          sso.listAccountRoles(r -> r.accessToken(token).accountId("111111111111"))
              .roleList()
              .size());
      assertThrows(
          SdkClientException.class,
          () -> sso.listAccountRoles(r -> r.accessToken(token).accountId("222222222222")));
    }
  }

  @Nested
  class UnexpectedRequests {
    @Test
    void a_request_no_operation_matches_fails_the_test_that_sent_it() {
      Events tests = runSample(PerTestFakeSample.class);

      assertEquals(1, tests.succeeded().count(), "the test without a stray request passes");
      assertEquals(
          List.of("sends_a_stray_request()", "sends_a_stray_request_too()"),
          tests.failed().stream()
              .map(e -> e.getTestDescriptor().getDisplayName())
              .sorted()
              .toList());
      Event failed = tests.failed().stream().findFirst().orElseThrow();
      Throwable thrown = failure(failed);
      assertTrue(thrown instanceof AssertionError, thrown.toString());
      assertTrue(thrown.getMessage().contains("GET /no-such-operation"), thrown.getMessage());
    }

    @Test
    void with_one_fake_for_the_class_only_the_test_that_sent_it_fails() {
      Events tests = runSample(PerClassFakeSample.class);

      Map<String, String> failures = new TreeMap<>();
      tests.failed().stream()
          .forEach(
              e -> failures.put(e.getTestDescriptor().getDisplayName(), failure(e).getMessage()));
      assertEquals(
          List.of("sends_a_stray_request()", "sends_another_stray_request()"),
          List.copyOf(failures.keySet()));
      assertEquals(3, tests.succeeded().count(), "the tests before, between and after pass");
      assertFalse(PerClassFakeSample.FAKE.isRunning(), "closed after the class");
      String first = failures.get("sends_a_stray_request()");
      String second = failures.get("sends_another_stray_request()");
      assertTrue(first.contains("GET /no-such-operation/first"), first);
      assertFalse(first.contains("/second"), first);
      assertTrue(second.contains("GET /no-such-operation/second"), second);
      assertFalse(second.contains("/first"), second);
    }

    @Test
    void with_one_test_instance_for_the_class_an_instance_field_is_one_fake_for_the_class() {
      Events tests = runSample(PerClassInstanceFieldSample.class);

      assertEquals(
          List.of("sends_a_stray_request()"),
          tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList());
      assertEquals(2, tests.succeeded().count(), "the fake still serves the test after it");
    }

    @Test
    void close_fails_after_a_request_no_operation_matches() throws Exception {
      FakeIdentityCenter other = new FakeIdentityCenter();
      URI stray = URI.create(other.baseUri() + "/no-such-operation?x=1");
      assertEquals(404, get(stray));

      AssertionError e = assertThrows(AssertionError.class, other::close);

      assertTrue(e.getMessage().contains("GET /no-such-operation?x=1"), e.getMessage());
      assertThrows(AssertionError.class, () -> get(stray), "the server is stopped");
    }

    @Test
    void requests_it_serves_are_not_unexpected() {
      String token = fake.issueAccessToken();
      sso.listAccounts(r -> r.accessToken(token));
      assertThrows(UnauthorizedException.class, () -> sso.listAccounts(r -> r.accessToken("no")));

      assertEquals(List.of(), fake.unmatchedRequests());
      fake.assertNoUnexpectedRequests();
    }

    private Events runSample(Class<?> sample) {
      return EngineTestKit.engine("junit-jupiter")
          .configurationParameter(SAMPLES, "true")
          .selectors(selectClass(sample))
          .execute()
          .testEvents()
          .finished();
    }

    private Throwable failure(Event event) {
      return event
          .getPayload(TestExecutionResult.class)
          .flatMap(TestExecutionResult::getThrowable)
          .orElseThrow();
    }
  }

  /**
   * Configuration parameter that enables the sample classes below (run only by the tests above).
   */
  private static final String SAMPLES = "dev.ssoconfig.testing.samples";

  static boolean runAsSample(ExtensionContext context) {
    return context.getConfigurationParameter(SAMPLES).isPresent();
  }

  /** GETs a path of the fake and returns the status. */
  private static int get(FakeIdentityCenter fake, String path) throws Exception {
    return get(URI.create(fake.baseUri() + path));
  }

  /** GETs a URI and returns the status; throws AssertionError if nothing answers. */
  private static int get(URI uri) throws Exception {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new AssertionError("no answer from " + uri, e);
    }
  }

  /** Sample: a fake per test; one test sends a request the fake does not serve. */
  @EnabledIf("dev.ssoconfig.testing.FakeIdentityCenterTest#runAsSample")
  static class PerTestFakeSample {
    @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();

    @Test
    void sends_a_stray_request() throws Exception {
      assertEquals(404, get(fake, "/no-such-operation"));
    }

    @Test
    void sends_only_requests_it_serves() throws Exception {
      assertEquals(200, get(fake, "/device"));
    }

    @Nested
    class InANestedClass {
      @Test
      void sends_a_stray_request_too() throws Exception {
        assertEquals(404, get(fake, "/no-such-operation/nested"));
      }
    }
  }

  /** Sample: one fake for the class; the second and the fourth test send a stray request. */
  @EnabledIf("dev.ssoconfig.testing.FakeIdentityCenterTest#runAsSample")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassFakeSample {
    @RegisterExtension static final FakeIdentityCenter FAKE = new FakeIdentityCenter();

    @Test
    @Order(1)
    void before() throws Exception {
      assertEquals(200, get(FAKE, "/device"));
    }

    @Test
    @Order(2)
    void sends_a_stray_request() throws Exception {
      assertEquals(404, get(FAKE, "/no-such-operation/first"));
    }

    @Test
    @Order(3)
    void between() throws Exception {
      assertEquals(200, get(FAKE, "/device"));
    }

    @Test
    @Order(4)
    void sends_another_stray_request() throws Exception {
      assertEquals(404, get(FAKE, "/no-such-operation/second"));
    }

    @Test
    @Order(5)
    void after() throws Exception {
      assertEquals(200, get(FAKE, "/device"));
    }
  }

  /** Sample: a fake in an instance field of a class with one test instance for all its tests. */
  @EnabledIf("dev.ssoconfig.testing.FakeIdentityCenterTest#runAsSample")
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassInstanceFieldSample {
    @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();

    @Test
    @Order(1)
    void first() throws Exception {
      assertEquals(200, get(fake, "/device"));
    }

    @Test
    @Order(2)
    void sends_a_stray_request() throws Exception {
      assertEquals(404, get(fake, "/no-such-operation"));
    }

    @Test
    @Order(3)
    void last() throws Exception {
      assertEquals(200, get(fake, "/device"));
    }
  }
}

package dev.ssoconfig.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ssoconfig.portal.FakePortal.ACCOUNTS;
import static dev.ssoconfig.portal.FakePortal.ROLES;
import static dev.ssoconfig.portal.FakePortal.TOKEN;
import static dev.ssoconfig.portal.FakePortal.accountsBody;
import static dev.ssoconfig.portal.FakePortal.accountsRequest;
import static dev.ssoconfig.portal.FakePortal.error;
import static dev.ssoconfig.portal.FakePortal.rolesBody;
import static dev.ssoconfig.portal.FakePortal.rolesRequest;
import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.Sleeper;
import dev.ssoconfig.portal.FakePortal.Account;
import dev.ssoconfig.portal.TestDoubles.RecordingProgress;
import dev.ssoconfig.portal.TestDoubles.RecordingSleeper;
import dev.ssoconfig.portal.TestDoubles.TopOfRange;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sso.SsoClient;

@Timeout(30)
class PortalListerTest {

  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

  private static FakePortal portal;
  private static SsoClient sso;

  private RecordingSleeper sleeper;
  private RecordingProgress progress;

  @BeforeAll
  static void startPortal() {
    portal = new FakePortal();
    sso = portal.client();
  }

  @AfterAll
  static void stopPortal() {
    sso.close();
    portal.close();
  }

  @BeforeEach
  void resetPortal() {
    portal.reset();
    sleeper = new RecordingSleeper();
    progress = new RecordingProgress();
  }

  @AfterEach
  void everyRequestMatchedAStub() {
    assertEquals(List.of(), portal.server.findAllUnmatchedRequests(), "unmatched requests");
  }

  private PortalLister lister(int concurrency, RetryPolicy retry) {
    return new PortalLister(sso, concurrency, retry, sleeper, new TopOfRange(), progress);
  }

  private PortalLister lister() {
    return lister(4, FAST);
  }

  private static AccountRole role(String id, String name, String role) {
    return new AccountRole(id, name, role);
  }

  private static void assertOneLineWithoutToken(Throwable e) {
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), "token leaked: " + t);
      assertFalse(t.toString().contains(TOKEN), "token leaked: " + t);
    }
  }

  @Nested
  class Listing {

    @Test
    void reads_every_page_of_accounts_and_of_roles() {
      portal.accountsPage(null, "accounts-2", new Account("111111111111", "Prod"));
      portal.accountsPage(
          "accounts-2",
          "accounts-3",
          new Account("222222222222", "Dev"),
          new Account("333333333333", "Sandbox"));
      portal.accountsPage("accounts-3", null, new Account("444444444444", "Audit"));
      portal.rolesPage("111111111111", null, "roles-2", "AdministratorAccess");
      portal.rolesPage("111111111111", "roles-2", "roles-3", "ReadOnlyAccess");
      portal.rolesPage("111111111111", "roles-3", null, "Billing");
      portal.rolesPage("222222222222", null, null, "Developer");
      portal.rolesPage("333333333333", null, null);
      portal.rolesPage("444444444444", null, null, "Auditor");

      List<AccountRole> all = lister().listAll(TOKEN);

      assertEquals(
          List.of(
              role("444444444444", "Audit", "Auditor"),
              role("222222222222", "Dev", "Developer"),
              role("111111111111", "Prod", "AdministratorAccess"),
              role("111111111111", "Prod", "Billing"),
              role("111111111111", "Prod", "ReadOnlyAccess")),
          all);
    }

    @Test
    void sorts_by_account_name_then_account_id_then_role_name() {
      portal.accountsPage(
          null,
          null,
          new Account("999999999999", "Shared"),
          new Account("222222222222", "Shared"),
          new Account("555555555555", "Apps"));
      portal.rolesPage("999999999999", null, null, "Zeta", "Alpha");
      portal.rolesPage("222222222222", null, null, "Beta");
      portal.rolesPage("555555555555", null, null, "Ops", "Admin");

      List<AccountRole> all = lister().listAll(TOKEN);

      assertEquals(
          List.of(
              role("555555555555", "Apps", "Admin"),
              role("555555555555", "Apps", "Ops"),
              role("222222222222", "Shared", "Beta"),
              role("999999999999", "Shared", "Alpha"),
              role("999999999999", "Shared", "Zeta")),
          all);
    }

    @Test
    void sends_the_access_token_header_and_pages_of_100() {
      portal.accountsPage(null, null, new Account("111111111111", "Prod"));
      portal.rolesPage("111111111111", null, null, "Admin");

      lister().listAll(TOKEN);

      portal.server.verify(
          1,
          getRequestedFor(urlPathEqualTo(ACCOUNTS))
              .withHeader("x-amz-sso_bearer_token", equalTo(TOKEN))
              .withQueryParam("max_result", equalTo("100")));
      portal.server.verify(
          1,
          getRequestedFor(urlPathEqualTo(ROLES))
              .withHeader("x-amz-sso_bearer_token", equalTo(TOKEN))
              .withQueryParam("account_id", equalTo("111111111111"))
              .withQueryParam("max_result", equalTo("100")));
    }

    @Test
    void lists_an_account_without_a_name_under_its_account_id() {
      portal.accountsPage(null, null, new Account("111111111111", null));
      portal.rolesPage("111111111111", null, null, "Admin");

      assertEquals(List.of(role("111111111111", "111111111111", "Admin")), lister().listAll(TOKEN));
    }

    @Test
    void returns_nothing_when_the_token_sees_no_accounts() {
      portal.accountsPage(null, null);

      assertEquals(List.of(), lister().listAll(TOKEN));
      assertEquals(List.of("accounts 0"), progress.events);
    }

    @Test
    void reports_progress_per_account() {
      portal.accountsPage(
          null,
          null,
          new Account("111111111111", "A"),
          new Account("222222222222", "B"),
          new Account("333333333333", "C"));
      portal.rolesPage("111111111111", null, null, "R");
      portal.rolesPage("222222222222", null, null, "R");
      portal.rolesPage("333333333333", null, null, "R");

      lister().listAll(TOKEN);

      assertEquals(List.of("accounts 3", "roles 1/3", "roles 2/3", "roles 3/3"), progress.events);
    }
  }

  @Nested
  class Retries {

    @Test
    void retries_throttling_at_the_pace_and_server_errors_after_a_back_off() {
      portal.sequence(
          () -> accountsRequest(null),
          error(429, "TooManyRequestsException"),
          error(500, "InternalServerException"),
          accountsBody(null, new Account("111111111111", "Prod"), new Account("2", "Dev")));
      portal.sequence(
          () -> rolesRequest("111111111111", null),
          error(503, "ServiceUnavailableException"),
          rolesBody("111111111111", "more", "Admin"));
      portal.sequence(
          () -> rolesRequest("111111111111", "more"),
          error(429, "TooManyRequestsException"),
          rolesBody("111111111111", null, "ReadOnly"));
      portal.rolesPage("2", null, null, "Developer");

      List<AccountRole> all = lister().listAll(TOKEN);

      assertEquals(
          List.of(
              role("2", "Dev", "Developer"),
              role("111111111111", "Prod", "Admin"),
              role("111111111111", "Prod", "ReadOnly")),
          all);
      assertEquals(2, sleeper.delays().size(), "a back-off after each 5xx, none after a 429");
    }

    @Test
    void retries_a_connection_reset() {
      // Two resets: the JDK's HttpURLConnection silently retries a failed GET once by itself.
      portal.sequence(
          () -> accountsRequest(null),
          aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
          aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
          accountsBody(null, new Account("111111111111", "Prod")));
      portal.rolesPage("111111111111", null, null, "Admin");

      assertEquals(List.of(role("111111111111", "Prod", "Admin")), lister().listAll(TOKEN));
      assertFalse(sleeper.delays().isEmpty(), "no retry of ours was needed");
    }

    @Test
    void back_off_doubles_from_the_base_and_stops_at_the_cap() {
      portal.server.stubFor(
          accountsRequest(null).willReturn(error(500, "InternalServerException")));
      RetryPolicy policy = new RetryPolicy(7, Duration.ofMillis(100), Duration.ofMillis(1000));

      assertFailure(Kind.AWS_CALL, () -> lister(2, policy).listAll(TOKEN));

      assertEquals(
          List.of(100L, 200L, 400L, 800L, 1000L, 1000L),
          sleeper.delays().stream().map(Duration::toMillis).toList());
      portal.server.verify(7, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void jittered_delays_stay_between_zero_and_the_ceiling() {
      portal.server.stubFor(
          accountsRequest(null).willReturn(error(500, "InternalServerException")));
      RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(2));
      PortalLister jittered =
          new PortalLister(sso, 1, policy, sleeper, new SplittableRandom(7), progress);

      assertFailure(Kind.AWS_CALL, () -> jittered.listAll(TOKEN));

      List<Duration> delays = sleeper.delays();
      assertEquals(7, delays.size());
      for (int retry = 0; retry < delays.size(); retry++) {
        Duration d = delays.get(retry);
        assertFalse(d.isNegative(), d::toString);
        assertTrue(d.compareTo(policy.ceiling(retry)) <= 0, () -> d + " above the ceiling");
      }
    }
  }

  @Nested
  class Failures {

    @Test
    void persistent_throttling_fails_with_one_line_naming_the_call_and_returns_nothing() {
      portal.accountsPage(
          null, null, new Account("111111111111", "Prod"), new Account("222222222222", "Dev"));
      portal.rolesPage("111111111111", null, null, "Admin");
      portal.server.stubFor(
          rolesRequest("222222222222", null).willReturn(error(429, "TooManyRequestsException")));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(TOKEN));

      assertFalse(e instanceof Failure.AccessTokenRejected);
      assertTrue(
          e.getMessage()
              .matches(
                  "ListAccountRoles for account 222222222222 failed after [0-9]+ attempts:"
                      + " TooManyRequestsException \\(HTTP 429\\).*"),
          e.getMessage());
      assertOneLineWithoutToken(e);
      assertEquals(List.of(), sleeper.delays(), "throttled calls wait for the pace, not a back-off");
    }

    @Test
    void a_rejected_token_asks_for_a_new_login_without_retrying() {
      portal.server.stubFor(accountsRequest(null).willReturn(error(401, "UnauthorizedException")));

      Failure.AccessTokenRejected e =
          assertThrows(Failure.AccessTokenRejected.class, () -> lister().listAll(TOKEN));

      assertTrue(e.getMessage().contains("the access token was rejected"), e.getMessage());
      assertTrue(e.getMessage().contains("--force-login"), e.getMessage());
      assertEquals(List.of(), sleeper.delays());
      portal.server.verify(1, anyRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void a_token_rejected_while_listing_roles_is_reported_the_same_way() {
      portal.accountsPage(null, null, new Account("111111111111", "Prod"));
      portal.server.stubFor(
          rolesRequest("111111111111", null).willReturn(error(401, "UnauthorizedException")));

      Failure.AccessTokenRejected e =
          assertThrows(Failure.AccessTokenRejected.class, () -> lister().listAll(TOKEN));

      assertTrue(e.getMessage().startsWith("ListAccountRoles for account 111111111111"));
    }

    @ParameterizedTest
    @CsvSource({
      "400, InvalidRequestException",
      "404, ResourceNotFoundException",
      "403, ForbiddenException"
    })
    void client_errors_fail_at_once(int status, String errorType) {
      portal.server.stubFor(accountsRequest(null).willReturn(error(status, errorType)));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(TOKEN));

      assertFalse(e instanceof Failure.AccessTokenRejected);
      assertTrue(
          e.getMessage().startsWith("ListAccounts failed: " + errorType + " (HTTP " + status + ")"),
          e.getMessage());
      assertEquals(List.of(), sleeper.delays());
    }

    @ParameterizedTest
    @CsvSource({
      "401, UnauthorizedException",
      "429, TooManyRequestsException",
      "400, InvalidRequestException",
      "500, InternalServerException"
    })
    void never_puts_the_access_token_in_a_message(int status, String errorType) {
      portal.server.stubFor(accountsRequest(null).willReturn(error(status, errorType)));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(TOKEN));

      assertOneLineWithoutToken(e);
    }

    @Test
    void a_network_failure_that_persists_names_the_network() {
      portal.server.stubFor(
          accountsRequest(null).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(TOKEN));

      assertTrue(
          e.getMessage()
              .startsWith(
                  "ListAccounts failed after 3 attempts: network error reaching "
                      + portal.baseUri().getAuthority()
                      + " (SocketException"),
          e.getMessage());
      assertOneLineWithoutToken(e);
    }

    @Test
    void an_unreachable_portal_is_named_by_host_and_port() throws Exception {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      URI closed = URI.create("http://127.0.0.1:" + closedPort);
      try (SsoClient unreachable = PortalClients.create("us-east-1", Optional.of(closed))) {
        PortalLister lister =
            new PortalLister(unreachable, 2, FAST, sleeper, new TopOfRange(), progress);

        Failure e = assertFailure(Kind.AWS_CALL, () -> lister.listAll(TOKEN));

        assertTrue(
            e.getMessage()
                .startsWith(
                    "ListAccounts failed after 3 attempts: network error reaching 127.0.0.1:"
                        + closedPort
                        + " (ConnectException"),
            e.getMessage());
        assertOneLineWithoutToken(e);
      }
    }

    @Test
    void a_host_name_that_does_not_resolve_is_named() {
      URI nowhere = URI.create("http://no-such-host.invalid");
      try (SsoClient unresolvable = PortalClients.create("us-east-1", Optional.of(nowhere))) {
        PortalLister lister =
            new PortalLister(unresolvable, 2, FAST, sleeper, new TopOfRange(), progress);

        Failure e = assertFailure(Kind.AWS_CALL, () -> lister.listAll(TOKEN));

        assertTrue(
            e.getMessage().contains("network error reaching no-such-host.invalid"), e.getMessage());
      }
    }

    @Test
    void an_answer_that_is_not_json_fails_at_once_naming_the_host() {
      portal.server.stubFor(
          accountsRequest(null)
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"accountList\": [{\"accountId\": \"" + TOKEN)));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(TOKEN));

      assertEquals(
          "ListAccounts failed: unreadable answer from "
              + portal.baseUri().getAuthority()
              + " (not the JSON the service sends); check AWS_ENDPOINT_URL_SSO if you set it,"
              + " else try again later",
          e.getMessage());
      assertEquals(List.of(), sleeper.delays(), "a malformed answer was retried");
      portal.server.verify(1, anyRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void an_answer_cut_off_mid_way_is_retried() {
      portal.sequence(
          () -> accountsRequest(null),
          aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
          accountsBody(null, new Account("111111111111", "Prod")));
      portal.rolesPage("111111111111", null, null, "Admin");

      assertEquals(List.of(role("111111111111", "Prod", "Admin")), lister().listAll(TOKEN));
      assertEquals(1, sleeper.delays().size());
    }

    @Test
    void the_first_failure_stops_roles_not_yet_listed() {
      List<Account> accounts = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        accounts.add(new Account("10000000000" + i, "Account " + i));
      }
      portal.accountsPage(null, null, accounts.toArray(Account[]::new));
      portal.server.stubFor(
          rolesRequest("100000000001", null).willReturn(error(500, "InternalServerException")));
      for (int i = 2; i <= 6; i++) {
        portal.rolesPage("10000000000" + i, null, null, "Admin");
      }

      assertFailure(Kind.AWS_CALL, () -> lister(1, FAST).listAll(TOKEN));

      portal.server.verify(3, getRequestedFor(urlPathEqualTo(ROLES)));
      portal.server.verify(
          3,
          getRequestedFor(urlPathEqualTo(ROLES))
              .withQueryParam("account_id", equalTo("100000000001")));
    }
  }

  @Nested
  class Threads {

    @Test
    void keeps_at_most_concurrency_calls_in_flight() {
      List<Account> accounts = new ArrayList<>();
      for (int i = 10; i < 22; i++) {
        String id = "1000000000" + i;
        accounts.add(new Account(id, "Account " + i));
        portal.server.stubFor(
            rolesRequest(id, null).willReturn(rolesBody(id, null, "Admin").withFixedDelay(150)));
      }
      portal.accountsPage(null, null, accounts.toArray(Account[]::new));

      List<AccountRole> all = lister(3, FAST).listAll(TOKEN);

      assertEquals(12, all.size());
      assertEquals(3, portal.inFlight.most());
    }

    @Test
    void interrupting_the_caller_stops_the_workers_and_keeps_the_interrupt_flag()
        throws InterruptedException {
      portal.accountsPage(null, null, new Account("111111111111", "Prod"));
      portal.server.stubFor(
          rolesRequest("111111111111", null).willReturn(error(500, "InternalServerException")));
      CountDownLatch workerWaiting = new CountDownLatch(1);
      CountDownLatch workerInterrupted = new CountDownLatch(1);
      Sleeper blocking =
          d -> {
            workerWaiting.countDown();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              workerInterrupted.countDown();
              throw e;
            }
          };
      PortalLister lister =
          new PortalLister(sso, 2, FAST, blocking, new TopOfRange(), ProgressListener.NONE);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flagAfter = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  lister.listAll(TOKEN);
                } catch (Throwable t) {
                  thrown.set(t);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
              });
      caller.start();

      assertTrue(workerWaiting.await(10, TimeUnit.SECONDS));
      caller.interrupt();
      caller.join(10_000);

      assertFalse(caller.isAlive());
      assertEquals(Kind.INTERRUPTED, assertInstanceOf(Failure.class, thrown.get()).kind());
      assertTrue(thrown.get().getMessage().contains("interrupted"));
      assertEquals(Boolean.TRUE, flagAfter.get());
      assertTrue(workerInterrupted.await(10, TimeUnit.SECONDS));
    }

    @Test
    void leaves_no_worker_threads_behind() throws InterruptedException {
      portal.accountsPage(
          null, null, new Account("111111111111", "Prod"), new Account("222222222222", "Dev"));
      portal.rolesPage("111111111111", null, null, "Admin");
      portal.server.stubFor(
          rolesRequest("222222222222", null).willReturn(error(400, "InvalidRequestException")));

      assertFailure(Kind.AWS_CALL, () -> lister().listAll(TOKEN));

      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("portal-")) {
          t.join(5_000);
          assertFalse(t.isAlive(), t.getName() + " still running");
        }
      }
    }
  }
}

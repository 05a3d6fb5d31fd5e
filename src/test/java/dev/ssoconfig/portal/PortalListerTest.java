package dev.ssoconfig.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static dev.ssoconfig.testing.PortalAnswer.error;
import static dev.ssoconfig.testing.PortalAnswer.fault;
import static dev.ssoconfig.testing.PortalAnswer.serve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.portal.TestDoubles.RecordingProgress;
import dev.ssoconfig.portal.TestDoubles.TopOfRange;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.testing.FakeTime;
import dev.ssoconfig.testing.NoDns;
import dev.ssoconfig.time.Sleeper;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * The listing against the fake Identity Center on 127.0.0.1 (a fresh one for each test, answering
 * ListAccounts in one page unless a test says otherwise), called through a real SDK client.
 */
@Timeout(30)
class PortalListerTest {

  private static final RetryPolicy FAST =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

  private static final String ACCOUNTS = "/assignment/accounts";
  private static final String ROLES = "/assignment/roles";

  @RegisterExtension final FakeIdentityCenter portal = new FakeIdentityCenter().withPageSize(100);

  private SsoClient sso;
  private String token;
  private FakeTime sleeper;
  private RecordingProgress progress;

  @BeforeEach
  void setUp() {
    sso = PortalClients.create(FakeIdentityCenter.REGION, Optional.of(portal.baseUri()));
    token = portal.issueAccessToken();
    sleeper = new FakeTime();
    progress = new RecordingProgress();
  }

  @AfterEach
  void closeClient() {
    sso.close();
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

  private static FakeAccount account(String id, String name, String... roles) {
    return FakeAccount.of(id, name, roles);
  }

  private void assertOneLineWithoutToken(Throwable e) {
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(token), "token leaked: " + t);
      assertFalse(t.toString().contains(token), "token leaked: " + t);
    }
  }

  @Nested
  class Listing {

    @Test
    void reads_every_page_of_accounts_and_of_roles() {
      portal
          .withPageSize(1)
          .withAccounts(
              List.of(
                  account(
                      "111111111111", "Prod", "AdministratorAccess", "ReadOnlyAccess", "Billing"),
                  account("222222222222", "Dev", "Developer"),
                  account("333333333333", "Sandbox"),
                  account("444444444444", "Audit", "Auditor")));

      List<AccountRole> all = lister().listAll(token);

      assertEquals(
          List.of(
              role("444444444444", "Audit", "Auditor"),
              role("222222222222", "Dev", "Developer"),
              role("111111111111", "Prod", "AdministratorAccess"),
              role("111111111111", "Prod", "Billing"),
              role("111111111111", "Prod", "ReadOnlyAccess")),
          all);
      assertEquals(4, portal.requestCount(Operation.LIST_ACCOUNTS), "a page per account");
      assertEquals(6, portal.requestCount(Operation.LIST_ACCOUNT_ROLES), "a page per role");
    }

    @Test
    void sorts_by_account_name_then_account_id_then_role_name() {
      portal.withAccounts(
          List.of(
              account("999999999999", "Shared", "Zeta", "Alpha"),
              account("222222222222", "Shared", "Beta"),
              account("555555555555", "Apps", "Ops", "Admin")));

      List<AccountRole> all = lister().listAll(token);

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
      portal.withAccounts(List.of(account("111111111111", "Prod", "Admin")));

      lister().listAll(token);

      portal.verify(
          1,
          getRequestedFor(urlPathEqualTo(ACCOUNTS))
              .withHeader("x-amz-sso_bearer_token", equalTo(token))
              .withQueryParam("max_result", equalTo("100")));
      portal.verify(
          1,
          getRequestedFor(urlPathEqualTo(ROLES))
              .withHeader("x-amz-sso_bearer_token", equalTo(token))
              .withQueryParam("account_id", equalTo("111111111111"))
              .withQueryParam("max_result", equalTo("100")));
    }

    @Test
    void lists_an_account_without_a_name_under_its_account_id() {
      portal.withAccounts(List.of(account("111111111111", null, "Admin")));

      assertEquals(List.of(role("111111111111", "111111111111", "Admin")), lister().listAll(token));
    }

    @Test
    void returns_nothing_when_the_token_sees_no_accounts() {
      portal.withAccounts(List.of());

      assertEquals(List.of(), lister().listAll(token));
      assertEquals(List.of("accounts 0"), progress.events);
    }

    @Test
    void reports_progress_per_account_with_the_roles_found_so_far() {
      portal.withAccounts(
          List.of(
              account("111111111111", "A", "R", "S"),
              account("222222222222", "B", "R", "S"),
              account("333333333333", "C", "R", "S")));

      lister().listAll(token);

      assertEquals(
          List.of("accounts 3", "roles 1/3: 2", "roles 2/3: 4", "roles 3/3: 6"), progress.events);
    }
  }

  @Nested
  class Retries {

    @Test
    void retries_throttling_at_the_pace_and_server_errors_after_a_back_off() {
      portal
          .withPageSize(1)
          .withAccounts(
              List.of(
                  account("111111111111", "Prod", "Admin", "ReadOnly"),
                  account("2", "Dev", "Developer")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNTS,
              error(429, "TooManyRequestsException"),
              error(500, "InternalServerException"),
              serve())
          .scriptPortalCalls(
              Operation.LIST_ACCOUNT_ROLES,
              "111111111111",
              error(503, "ServiceUnavailableException"),
              serve(),
              error(429, "TooManyRequestsException"),
              serve());

      List<AccountRole> all = lister().listAll(token);

      assertEquals(
          List.of(
              role("2", "Dev", "Developer"),
              role("111111111111", "Prod", "Admin"),
              role("111111111111", "Prod", "ReadOnly")),
          all);
      assertEquals(2, sleeper.sleeps().size(), "a back-off after each 5xx, none after a 429");
    }

    @Test
    void retries_a_connection_reset() {
      // Two resets: the JDK's HttpURLConnection silently retries a failed GET once by itself.
      portal
          .withAccounts(List.of(account("111111111111", "Prod", "Admin")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNTS,
              fault(Fault.CONNECTION_RESET_BY_PEER),
              fault(Fault.CONNECTION_RESET_BY_PEER),
              serve());

      assertEquals(List.of(role("111111111111", "Prod", "Admin")), lister().listAll(token));
      assertFalse(sleeper.sleeps().isEmpty(), "no retry of ours was needed");
    }

    @Test
    void back_off_doubles_from_the_base_and_stops_at_the_cap() {
      portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(500, "InternalServerException"));
      RetryPolicy policy = new RetryPolicy(7, Duration.ofMillis(100), Duration.ofMillis(1000));

      assertFailure(Kind.AWS_CALL, () -> lister(2, policy).listAll(token));

      assertEquals(
          List.of(100L, 200L, 400L, 800L, 1000L, 1000L),
          sleeper.sleeps().stream().map(Duration::toMillis).toList());
      portal.verify(7, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void jittered_delays_stay_between_zero_and_the_ceiling() {
      portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(500, "InternalServerException"));
      RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(2));
      PortalLister jittered =
          new PortalLister(sso, 1, policy, sleeper, new SplittableRandom(7), progress);

      assertFailure(Kind.AWS_CALL, () -> jittered.listAll(token));

      List<Duration> delays = sleeper.sleeps();
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
      portal
          .withAccounts(
              List.of(
                  account("111111111111", "Prod", "Admin"),
                  account("222222222222", "Dev", "Admin")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNT_ROLES, "222222222222", error(429, "TooManyRequestsException"));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(token));

      assertFalse(e instanceof Failure.AccessTokenRejected);
      assertTrue(
          e.getMessage()
              .matches(
                  "ListAccountRoles for account 222222222222 failed after [0-9]+ attempts:"
                      + " TooManyRequestsException \\(HTTP 429\\).*"),
          e.getMessage());
      assertOneLineWithoutToken(e);
      assertEquals(
          List.of(), sleeper.sleeps(), "throttled calls wait for the pace, not a back-off");
    }

    @Test
    void a_rejected_token_asks_for_a_new_login_without_retrying() {
      portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(401, "UnauthorizedException"));

      Failure.AccessTokenRejected e =
          assertThrows(Failure.AccessTokenRejected.class, () -> lister().listAll(token));

      assertTrue(e.getMessage().contains("the access token was rejected"), e.getMessage());
      assertTrue(e.getMessage().contains("--force-login"), e.getMessage());
      assertEquals(List.of(), sleeper.sleeps());
      portal.verify(1, anyRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void a_token_rejected_while_listing_roles_is_reported_the_same_way() {
      portal
          .withAccounts(List.of(account("111111111111", "Prod", "Admin")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNT_ROLES, "111111111111", error(401, "UnauthorizedException"));

      Failure.AccessTokenRejected e =
          assertThrows(Failure.AccessTokenRejected.class, () -> lister().listAll(token));

      assertTrue(e.getMessage().startsWith("ListAccountRoles for account 111111111111"));
    }

    @ParameterizedTest
    @CsvSource({
      "400, InvalidRequestException",
      "404, ResourceNotFoundException",
      "403, ForbiddenException"
    })
    void client_errors_fail_at_once(int status, String errorType) {
      portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(status, errorType));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(token));

      assertFalse(e instanceof Failure.AccessTokenRejected);
      assertTrue(
          e.getMessage().startsWith("ListAccounts failed: " + errorType + " (HTTP " + status + ")"),
          e.getMessage());
      assertEquals(List.of(), sleeper.sleeps());
    }

    @ParameterizedTest
    @CsvSource({
      "401, UnauthorizedException",
      "429, TooManyRequestsException",
      "400, InvalidRequestException",
      "500, InternalServerException"
    })
    void never_puts_the_access_token_in_a_message(int status, String errorType) {
      portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(status, errorType));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(token));

      assertOneLineWithoutToken(e);
    }

    @Test
    void a_network_failure_that_persists_names_the_network() {
      portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, fault(Fault.CONNECTION_RESET_BY_PEER));

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(token));

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

        Failure e = assertFailure(Kind.AWS_CALL, () -> lister.listAll(token));

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
      NoDns.assertActive();
      URI nowhere = URI.create("http://no-such-host.invalid");
      try (SsoClient unresolvable = PortalClients.create("us-east-1", Optional.of(nowhere))) {
        PortalLister lister =
            new PortalLister(unresolvable, 2, FAST, sleeper, new TopOfRange(), progress);

        Failure e = assertFailure(Kind.AWS_CALL, () -> lister.listAll(token));

        assertTrue(
            e.getMessage().contains("network error reaching no-such-host.invalid"), e.getMessage());
      }
    }

    @Test
    void an_answer_that_is_not_json_fails_at_once_naming_the_host() {
      portal
          .withAccounts(List.of(account("111111111111", "Prod", "Admin")))
          .cutOffAnswersOf(Operation.LIST_ACCOUNTS);

      Failure e = assertFailure(Kind.AWS_CALL, () -> lister().listAll(token));

      assertEquals(
          "ListAccounts failed: unreadable answer from "
              + portal.baseUri().getAuthority()
              + " (not the JSON the service sends); check AWS_ENDPOINT_URL_SSO if you set it,"
              + " else try again later",
          e.getMessage());
      assertEquals(List.of(), sleeper.sleeps(), "a malformed answer was retried");
      portal.verify(1, anyRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void an_answer_cut_off_mid_way_is_retried() {
      portal
          .withAccounts(List.of(account("111111111111", "Prod", "Admin")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNTS, fault(Fault.MALFORMED_RESPONSE_CHUNK), serve());

      assertEquals(List.of(role("111111111111", "Prod", "Admin")), lister().listAll(token));
      assertEquals(1, sleeper.sleeps().size());
    }

    @Test
    void the_first_failure_stops_roles_not_yet_listed() {
      List<FakeAccount> accounts = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        accounts.add(account("10000000000" + i, "Account " + i, "Admin"));
      }
      portal
          .withAccounts(accounts)
          .scriptPortalCalls(
              Operation.LIST_ACCOUNT_ROLES, "100000000001", error(500, "InternalServerException"));

      assertFailure(Kind.AWS_CALL, () -> lister(1, FAST).listAll(token));

      portal.verify(3, getRequestedFor(urlPathEqualTo(ROLES)));
      portal.verify(
          3,
          getRequestedFor(urlPathEqualTo(ROLES))
              .withQueryParam("account_id", equalTo("100000000001")));
    }
  }

  @Nested
  class Threads {

    @Test
    void keeps_at_most_concurrency_calls_in_flight() {
      List<FakeAccount> accounts = new ArrayList<>();
      for (int i = 10; i < 22; i++) {
        accounts.add(account("1000000000" + i, "Account " + i, "Admin"));
      }
      portal.withAccounts(accounts).withPortalLatency(Duration.ofMillis(150));

      List<AccountRole> all = lister(3, FAST).listAll(token);

      assertEquals(12, all.size());
      assertEquals(3, portal.maxConcurrentPortalRequests());
    }

    @Test
    void interrupting_the_caller_stops_the_workers_and_keeps_the_interrupt_flag()
        throws InterruptedException {
      portal
          .withAccounts(List.of(account("111111111111", "Prod", "Admin")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNT_ROLES, "111111111111", error(500, "InternalServerException"));
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
                  lister.listAll(token);
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
      portal
          .withAccounts(
              List.of(
                  account("111111111111", "Prod", "Admin"),
                  account("222222222222", "Dev", "Admin")))
          .scriptPortalCalls(
              Operation.LIST_ACCOUNT_ROLES, "222222222222", error(400, "InvalidRequestException"));

      assertFailure(Kind.AWS_CALL, () -> lister().listAll(token));

      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("portal-")) {
          t.join(5_000);
          assertFalse(t.isAlive(), t.getName() + " still running");
        }
      }
    }
  }
}

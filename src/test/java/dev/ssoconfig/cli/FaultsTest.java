package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.testing.NoDns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The whole command against a service that misbehaves: random 500s and broken connections, an
 * answer that is not JSON, an endpoint that cannot be reached or resolved, an access token revoked
 * half-way. Every failure is exit 4 with one line that says what to do, and nothing is written.
 */
@Timeout(60)
class FaultsTest {
  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private CliHarness cli;

  @BeforeEach
  void startFake() {
    cli = new CliHarness(home, fake);
  }

  /** Exit 4, exactly one error line containing each fragment, no stack trace, no config file. */
  private static void assertOneLineFailure(Result result, String... fragments) {
    assertEquals(4, result.code(), result.err());
    List<String> lines = result.errorLines();
    assertEquals(1, lines.size(), result.err());
    for (String fragment : fragments) {
      assertTrue(lines.get(0).contains(fragment), lines.get(0));
    }
    assertFalse(result.err().contains("\tat "), "stack trace: " + result.err());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Nested
  class UnreliablePortal {
    @Test
    void five_percent_500s_and_broken_connections_still_yield_every_profile() throws IOException {
      List<FakeAccount> accounts = new ArrayList<>();
      int roles = 0;
      for (int i = 0; i < 40; i++) {
        String[] names = i % 3 == 0 ? new String[] {"Admin", "ReadOnly"} : new String[] {"Dev"};
        accounts.add(FakeAccount.of(String.format("1%011d", i), "Account " + i, names));
        roles += names.length;
      }
      fake.withAccounts(accounts).withPageSize(5).withRandomPortalFaults(20240601L, 0.05, 0.05);

      Result result = cli.generate("--concurrency", "4");

      assertEquals(0, result.code(), result.err());
      ProfileFile written =
          ProfileFile.builder()
              .content(new ByteArrayInputStream(Files.readAllBytes(cli.config())))
              .type(ProfileFile.Type.CONFIGURATION)
              .build();
      long profiles =
          written.profiles().values().stream()
              .filter(p -> p.property("sso_session").equals(Optional.of("acme")))
              .count();
      assertEquals(roles, profiles);
      Map<String, Integer> injected = fake.injectedPortalFaults();
      assertTrue(injected.getOrDefault("500", 0) > 0, "no 500 injected: " + injected);
      assertTrue(
          injected.getOrDefault("CONNECTION_RESET_BY_PEER", 0)
                  + injected.getOrDefault("MALFORMED_RESPONSE_CHUNK", 0)
              > 0,
          "no broken connection injected: " + injected);
      assertEquals(List.of(), fake.unmatchedRequests());
    }
  }

  @Nested
  class BrokenAnswers {
    @Test
    void a_list_accounts_answer_that_is_not_json_exits_4_with_one_line() {
      fake.cutOffAnswersOf(Operation.LIST_ACCOUNTS);

      Result result = cli.generate();

      assertOneLineFailure(result, "ListAccounts", fake.baseUri().getAuthority(), "not the JSON");
      assertEquals(1, fake.requestCount(Operation.LIST_ACCOUNTS), "retried a malformed answer");
      assertFalse(Files.exists(cli.config()));
    }
  }

  @Nested
  class Unreachable {
    @Test
    void a_closed_port_exits_4_naming_host_and_port() throws IOException {
      URI closed = URI.create("http://127.0.0.1:" + closedPort());
      cli.endpoint(closed);

      Result result = cli.generate();

      assertOneLineFailure(result, "RegisterClient", closed.getAuthority(), "ConnectException");
      assertFalse(Files.exists(cli.config()));
    }

    @Test
    void a_host_name_that_does_not_resolve_exits_4_naming_it() {
      // .invalid never resolves (RFC 6761 section 6.4); and here it is not even looked up: the test
      // JVM resolves names from src/test/hosts only
      NoDns.assertActive();
      cli.endpoint(URI.create("http://no-such-host.invalid"));

      Result result = cli.generate("--device-code", "--no-browser");

      assertOneLineFailure(result, "RegisterClient", "no-such-host.invalid");
      assertFalse(Files.exists(cli.config()));
    }
  }

  @Nested
  class TokenRejected {
    @Test
    void half_way_through_listing_exits_4_asking_for_force_login_and_writes_nothing() {
      fake.withPageSize(1).revokeAccessTokensAfterPortalRequests(4);

      Result result = cli.generate("--concurrency", "1");

      assertOneLineFailure(result, "access token was rejected", "--force-login");
      assertFalse(Files.exists(cli.config()));
      assertTrue(fake.requestCount(Operation.LIST_ACCOUNTS) > 1, "failed before half-way");
    }

    @Test
    void half_way_through_listing_leaves_an_existing_config_unchanged() throws IOException {
      Files.createDirectories(cli.config().getParent());
      byte[] before = "[default]\r\nregion = eu-west-1\r\n# mine".getBytes(StandardCharsets.UTF_8);
      Files.write(cli.config(), before);
      fake.revokeAccessTokensAfterPortalRequests(5);

      Result result = cli.generate("--concurrency", "2");

      assertOneLineFailure(result, "access token was rejected", "--force-login");
      assertArrayEquals(before, Files.readAllBytes(cli.config()));
      assertTrue(fake.requestCount(Operation.LIST_ACCOUNT_ROLES) > 0, "failed before half-way");
    }

    @Test
    void a_cached_token_the_service_rejects_leads_to_exactly_one_new_login() {
      assertEquals(0, cli.generate().code());
      fake.revokeAllAccessTokens();

      Result again = cli.generate();

      assertEquals(0, again.code(), again.err());
      assertEquals(2, cli.browser.opened.size());
      assertEquals(2, fake.requestCount(Operation.AUTHORIZE));
      assertEquals(2, fake.createTokenCount("authorization_code"));
      assertEquals(0, fake.createTokenCount("refresh_token"));
      assertEquals(1, fake.requestCount(Operation.REGISTER_CLIENT));
    }

    @Test
    void a_new_token_that_is_rejected_too_ends_after_one_new_login() throws IOException {
      assertEquals(0, cli.generate().code());
      byte[] before = Files.readAllBytes(cli.config());
      fake.rejectEveryAccessToken(true);

      Result again = cli.generate();

      assertOneLineFailure(again, "access token was rejected", "--force-login");
      assertEquals(2, cli.browser.opened.size());
      assertEquals(2, fake.createTokenCount("authorization_code"));
      assertArrayEquals(before, Files.readAllBytes(cli.config()));
    }
  }
}

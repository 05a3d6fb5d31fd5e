package dev.ssoconfig.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ssoconfig.testing.PortalAnswer.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;

class PortalClientsTest {
  private static final String ACCOUNTS = "/assignment/accounts";

  @RegisterExtension
  final FakeIdentityCenter portal =
      new FakeIdentityCenter()
          .withAccounts(List.of(FakeAccount.of("111111111111", "Prod", "Admin")));

  private SsoClient sso;
  private String token;

  @BeforeEach
  void start() {
    sso = PortalClients.create(FakeIdentityCenter.REGION, Optional.of(portal.baseUri()));
    token = portal.issueAccessToken();
  }

  @AfterEach
  void stop() {
    sso.close();
  }

  private ListAccountsRequest firstPage() {
    return ListAccountsRequest.builder().accessToken(token).maxResults(100).build();
  }

  @Test
  void talks_to_the_endpoint_override_without_signing() {
    List<AccountInfo> accounts = sso.listAccounts(firstPage()).accountList();

    assertEquals("Prod", accounts.get(0).accountName());
    portal.verify(
        1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("Authorization", absent()));
  }

  @Test
  void does_not_retry_throttling_by_itself() {
    portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(429, "TooManyRequestsException"));

    assertThrows(TooManyRequestsException.class, () -> sso.listAccounts(firstPage()));

    portal.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
  }

  @Test
  void does_not_retry_server_errors_by_itself() {
    portal.scriptPortalCalls(Operation.LIST_ACCOUNTS, error(500, "InternalServerException"));

    SsoException e = assertThrows(SsoException.class, () -> sso.listAccounts(firstPage()));

    assertEquals(500, e.statusCode());
    portal.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
  }
}

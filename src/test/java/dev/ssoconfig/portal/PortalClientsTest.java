package dev.ssoconfig.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ssoconfig.portal.FakePortal.ACCOUNTS;
import static dev.ssoconfig.portal.FakePortal.TOKEN;
import static dev.ssoconfig.portal.FakePortal.accountsRequest;
import static dev.ssoconfig.portal.FakePortal.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ssoconfig.portal.FakePortal.Account;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;

class PortalClientsTest {

  private FakePortal portal;
  private SsoClient sso;

  @BeforeEach
  void start() {
    portal = new FakePortal();
    sso = portal.client();
  }

  @AfterEach
  void stop() {
    sso.close();
    portal.close();
  }

  private static ListAccountsRequest firstPage() {
    return ListAccountsRequest.builder().accessToken(TOKEN).maxResults(100).build();
  }

  @Test
  void talks_to_the_endpoint_override_without_signing() {
    portal.accountsPage(null, null, new Account("111111111111", "Prod"));

    List<AccountInfo> accounts = sso.listAccounts(firstPage()).accountList();

    assertEquals("Prod", accounts.get(0).accountName());
    portal.server.verify(
        1, getRequestedFor(urlPathEqualTo(ACCOUNTS)).withHeader("Authorization", absent()));
  }

  @Test
  void does_not_retry_throttling_by_itself() {
    portal.server.stubFor(accountsRequest(null).willReturn(error(429, "TooManyRequestsException")));

    assertThrows(TooManyRequestsException.class, () -> sso.listAccounts(firstPage()));

    portal.server.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
  }

  @Test
  void does_not_retry_server_errors_by_itself() {
    portal.server.stubFor(accountsRequest(null).willReturn(error(500, "InternalServerException")));

    SsoException e = assertThrows(SsoException.class, () -> sso.listAccounts(firstPage()));

    assertEquals(500, e.statusCode());
    portal.server.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
  }
}

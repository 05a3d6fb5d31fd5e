package dev.ssoconfig.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * A fake IAM Identity Center portal on 127.0.0.1: plain WireMock stubs in the wire format of the
 * portal API (REST-JSON, errors named by the {@code x-amzn-ErrorType} header).
 */
final class FakePortal implements AutoCloseable {

  /** The access token every stub expects; distinctive so tests can look for leaks. */
  static final String TOKEN = "aoaAAAAA-secret-access-token-Zz09";

  static final String ACCOUNTS = "/assignment/accounts";
  static final String ROLES = "/assignment/roles";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SCENARIOS = new AtomicInteger();

  final WireMockServer server;
  final InFlight inFlight = new InFlight();

  /** An account as ListAccounts returns it; a null name is left out of the JSON. */
  record Account(String id, String name) {}

  FakePortal() {
    server =
        new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(inFlight));
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** A real SDK client pointed at this fake. */
  SsoClient client() {
    return PortalClients.create("us-east-1", Optional.of(baseUri()));
  }

  void reset() {
    server.resetAll();
    inFlight.reset();
  }

  /** The ListAccounts request for one page; {@code pageToken} null for the first page. */
  static MappingBuilder accountsRequest(String pageToken) {
    return get(urlPathEqualTo(ACCOUNTS))
        .withHeader("x-amz-sso_bearer_token", equalTo(TOKEN))
        .withQueryParam("max_result", equalTo("100"))
        .withQueryParam("next_token", pageToken == null ? absent() : equalTo(pageToken));
  }

  /** The ListAccountRoles request for one page of one account. */
  static MappingBuilder rolesRequest(String accountId, String pageToken) {
    return get(urlPathEqualTo(ROLES))
        .withHeader("x-amz-sso_bearer_token", equalTo(TOKEN))
        .withQueryParam("account_id", equalTo(accountId))
        .withQueryParam("max_result", equalTo("100"))
        .withQueryParam("next_token", pageToken == null ? absent() : equalTo(pageToken));
  }

  void accountsPage(String pageToken, String nextToken, Account... accounts) {
    server.stubFor(accountsRequest(pageToken).willReturn(accountsBody(nextToken, accounts)));
  }

  void rolesPage(String accountId, String pageToken, String nextToken, String... roles) {
    server.stubFor(
        rolesRequest(accountId, pageToken).willReturn(rolesBody(accountId, nextToken, roles)));
  }

  static ResponseDefinitionBuilder accountsBody(String nextToken, Account... accounts) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("accountList");
    for (Account a : accounts) {
      ObjectNode node = list.addObject().put("accountId", a.id());
      if (a.name() != null) {
        node.put("accountName", a.name());
      }
      node.put("emailAddress", "aws+" + a.id() + "@example.com");
    }
    if (nextToken != null) {
      body.put("nextToken", nextToken);
    }
    return json(200, body);
  }

  static ResponseDefinitionBuilder rolesBody(String accountId, String nextToken, String... roles) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("roleList");
    for (String role : roles) {
      list.addObject().put("roleName", role).put("accountId", accountId);
    }
    if (nextToken != null) {
      body.put("nextToken", nextToken);
    }
    return json(200, body);
  }

  /** An error the way the portal sends it: status, {@code x-amzn-ErrorType}, JSON message. */
  static ResponseDefinitionBuilder error(int status, String errorType) {
    return json(status, JSON.createObjectNode().put("message", errorType + " from the fake"))
        .withHeader("x-amzn-ErrorType", errorType);
  }

  private static ResponseDefinitionBuilder json(int status, ObjectNode body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  /** Answers successive matching requests with {@code responses} in turn, the last one for good. */
  void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
    String scenario = "sequence-" + SCENARIOS.incrementAndGet();
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "step-" + i;
      String next = i == responses.length - 1 ? state : "step-" + (i + 1);
      server.stubFor(
          request
              .get()
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .willReturn(responses[i])
              .willSetStateTo(next));
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Counts requests being served right now and the most seen at once. */
  static final class InFlight implements ServeEventListener {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
      now.decrementAndGet();
    }

    @Override
    public String getName() {
      return "in-flight";
    }

    int most() {
      return most.get();
    }

    void reset() {
      now.set(0);
      most.set(0);
    }
  }
}

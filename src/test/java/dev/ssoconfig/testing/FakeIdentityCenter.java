package dev.ssoconfig.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ssoconfig.aws.SdkClients;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * A fake AWS IAM Identity Center on {@code 127.0.0.1} (a WireMock server on a free port) speaking
 * the wire protocols the AWS SDKs and the AWS CLI speak, so that sign-in, portal enumeration and
 * the generated profiles can be tested end to end without AWS.
 *
 * <p>Point clients at {@link #baseUri()}: the SDK with {@code endpointOverride}, the AWS CLI with
 * {@code AWS_ENDPOINT_URL_SSO_OIDC}, {@code AWS_ENDPOINT_URL_SSO} and {@code AWS_ENDPOINT_URL_STS}.
 *
 * <table>
 *   <caption>Served operations</caption>
 *   <tr><th>request</th><th>operation</th></tr>
 *   <tr><td>POST /client/register</td><td>RegisterClient</td></tr>
 *   <tr><td>POST /device_authorization</td><td>StartDeviceAuthorization</td></tr>
 *   <tr><td>POST /token</td><td>CreateToken: device code (scripted), authorization code (PKCE
 *       verified), refresh token</td></tr>
 *   <tr><td>GET /authorize</td><td>the browser leg of PKCE: 302 to redirect_uri with code and
 *       state, or with error=access_denied in deny mode</td></tr>
 *   <tr><td>GET /device</td><td>a static verification page</td></tr>
 *   <tr><td>GET /assignment/accounts</td><td>ListAccounts (paged; bearer token checked)</td></tr>
 *   <tr><td>GET /assignment/roles</td><td>ListAccountRoles (paged; bearer token checked)</td></tr>
 *   <tr><td>GET /federation/credentials</td><td>GetRoleCredentials</td></tr>
 *   <tr><td>POST /logout</td><td>Logout (revokes the access token)</td></tr>
 *   <tr><td>POST / Action=GetCallerIdentity</td><td>STS GetCallerIdentity (XML) for keys from
 *       GetRoleCredentials</td></tr>
 * </table>
 *
 * <p>Errors carry {@code x-amzn-ErrorType: <Name>Exception} and, for OIDC, {@code {"error": ...,
 * "error_description": ...}} as the real services do. Defaults: the {@link #demoAccounts()}
 * dataset, 2 items per page, device polls approved at once with an interval of 1 s and {@code
 * expiresIn} 600 s, access tokens valid 8 h, client registrations 90 days, authorization approved.
 *
 * <p><b>Unexpected requests fail the test.</b> A request that no served operation matches (WireMock
 * answers it 404, a "near miss") is a mistake of the client or of the test: {@link #close()} and
 * {@link #assertNoUnexpectedRequests()} throw an {@link AssertionError} naming each one. Register
 * the fake as a JUnit 5 extension, so that no test has to remember the check:
 *
 * <pre>
 * &#64;RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();        // one per test
 * &#64;RegisterExtension static final FakeIdentityCenter fake = new FakeIdentityCenter();  // one per class
 * </pre>
 *
 * An instance field (with the default per-method test instances) gives each test a fresh fake,
 * closed after the test; a static field (or an instance field under
 * {@code @TestInstance(PER_CLASS)}) one fake for the class and its {@code @Nested} classes, checked
 * after each test and closed after the class. Either way a test that sent an unexpected request
 * fails after it ran. Code that is no test (benchmarks, {@link #main}) closes the fake itself, with
 * the same check.
 */
public final class FakeIdentityCenter
    implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  /** The start URL tests sign in to; the fake accepts any. */
  public static final String START_URL = "https://d-1234567890.awsapps.com/start";

  /** The SSO region tests use; the fake answers for any. */
  public static final String REGION = "us-east-1";

  /** The operations the fake serves, for {@link #requestCount(Operation)}. */
  public enum Operation {
    REGISTER_CLIENT,
    START_DEVICE_AUTHORIZATION,
    CREATE_TOKEN,
    AUTHORIZE,
    LIST_ACCOUNTS,
    LIST_ACCOUNT_ROLES,
    GET_ROLE_CREDENTIALS,
    LOGOUT,
    GET_CALLER_IDENTITY
  }

  /** Kinds of {@link #secrets()}. */
  public static final String ACCESS_TOKEN = "access token";

  /** Kinds of {@link #secrets()}. */
  public static final String REFRESH_TOKEN = "refresh token";

  /** Kinds of {@link #secrets()}. */
  public static final String CLIENT_SECRET = "client secret";

  /** Kinds of {@link #secrets()}. */
  public static final String AUTHORIZATION_CODE = "authorization code";

  /** Kinds of {@link #secrets()}. */
  public static final String CODE_VERIFIER = "code verifier";

  /** Kinds of {@link #secrets()}. */
  public static final String DEVICE_CODE = "device code";

  private static final String TRANSFORMER = "fake-identity-center";

  /** Server threads: more than the most calls a client keeps in flight, latency included. */
  private static final int CONTAINER_THREADS = 160;

  private static final Set<Operation> PORTAL_LISTING =
      EnumSet.of(Operation.LIST_ACCOUNTS, Operation.LIST_ACCOUNT_ROLES);

  private final FakeOidcService oidc = new FakeOidcService();
  private final FakePortalService portal =
      new FakePortalService(oidc::isValidAccessToken, oidc::revokeAllAccessTokens);
  private final FaultInjector faults = new FaultInjector();
  private final PortalScripts scripts = new PortalScripts();
  private final Set<Operation> cutOff = EnumSet.noneOf(Operation.class);
  private volatile boolean echoSecrets;
  private final Map<Operation, AtomicInteger> counts = new EnumMap<>(Operation.class);
  private final WireMockServer server;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile long portalLatencyMillis;
  private volatile TokenBucket rateLimit;
  private final AtomicInteger rateLimited = new AtomicInteger();

  /** The unexpected requests already reported, so each fails one test only. */
  private final Set<UUID> reportedUnexpected = new HashSet<>();

  /** The class context of a fake in a static field; null for one per test. */
  private volatile ExtensionContext classContext;

  private volatile boolean closed;

  /** Starts a fake on a free port of 127.0.0.1 with the demo dataset. */
  public FakeIdentityCenter() {
    this(0);
  }

  /** Starts a fake on the given port of 127.0.0.1 (0: a free one) with the demo dataset. */
  public FakeIdentityCenter(int port) {
    for (Operation operation : Operation.values()) {
      counts.put(operation, new AtomicInteger());
    }
    portal.accounts(demoAccounts());
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .containerThreads(CONTAINER_THREADS)
                .extensions(new Dispatcher()));
    server.start();
    oidc.baseUrl(baseUri().toString());
    stub(post(urlPathEqualTo("/client/register")), Operation.REGISTER_CLIENT);
    stub(post(urlPathEqualTo("/device_authorization")), Operation.START_DEVICE_AUTHORIZATION);
    stub(post(urlPathEqualTo("/token")), Operation.CREATE_TOKEN);
    stub(get(urlPathEqualTo("/authorize")), Operation.AUTHORIZE);
    stub(get(urlPathEqualTo("/assignment/accounts")), Operation.LIST_ACCOUNTS);
    stub(get(urlPathEqualTo("/assignment/roles")), Operation.LIST_ACCOUNT_ROLES);
    stub(get(urlPathEqualTo("/federation/credentials")), Operation.GET_ROLE_CREDENTIALS);
    stub(post(urlPathEqualTo("/logout")), Operation.LOGOUT);
    stub(
        post(urlPathEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity")),
        Operation.GET_CALLER_IDENTITY);
    server.stubFor(
        get(urlPathEqualTo("/device"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(
                        "<!DOCTYPE html><title>Fake Identity Center</title>"
                            + "<p>This fake approves device sign-ins by itself.</p>")));
  }

  /**
   * @return a portal client that calls this fake, without SDK retries; the caller closes it
   */
  public SsoClient portalClient() {
    return SdkClients.build(
        SsoClient.builder(), REGION, Optional.of(baseUri()), AwsRetryStrategy.doNotRetry());
  }

  /**
   * @return an OIDC client that calls this fake, without SDK retries; the caller closes it
   */
  public SsoOidcClient oidcClient() {
    return SdkClients.build(
        SsoOidcClient.builder(), REGION, Optional.of(baseUri()), AwsRetryStrategy.doNotRetry());
  }

  /**
   * @return {@code http://127.0.0.1:PORT}, the endpoint of every fake service
   */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * @return the demo dataset: five accounts, one to three roles each, odd names included
   */
  public static List<FakeAccount> demoAccounts() {
    return List.of(
        FakeAccount.of("111111111111", "Prod Account", "AdministratorAccess", "ReadOnlyAccess"),
        FakeAccount.of(
            "222222222222", "Dev", "AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess"),
        FakeAccount.of("333333333333", "Shared Services", "ReadOnlyAccess"),
        FakeAccount.of("444444444444", "Audit (Security)", "SecurityAudit"),
        FakeAccount.of("555555555555", "Sandbox – Zoë", "AdministratorAccess"));
  }

  // ---- configuration --------------------------------------------------------------------------

  /**
   * Sets the clock that dates client registrations ({@code clientSecretExpiresAt}) and role
   * credentials ({@code expiration}); the default is the system clock, which the AWS CLI needs.
   */
  public FakeIdentityCenter withClock(Clock clock) {
    oidc.clock(clock);
    portal.clock(clock);
    return this;
  }

  /** Replaces the dataset of accounts and roles. */
  public FakeIdentityCenter withAccounts(List<FakeAccount> accounts) {
    portal.accounts(accounts);
    return this;
  }

  /**
   * @return the current dataset
   */
  public List<FakeAccount> accounts() {
    return portal.accounts();
  }

  /** Sets the most items per ListAccounts/ListAccountRoles page (a smaller max_result wins). */
  public FakeIdentityCenter withPageSize(int pageSize) {
    portal.pageSize(pageSize);
    return this;
  }

  /**
   * Every {@code n}th ListAccounts/ListAccountRoles call (counted from now) answers 429
   * TooManyRequests; 0 turns this off.
   */
  public FakeIdentityCenter throttleEveryNthPortalRequest(int n) {
    portal.throttleEvery(n);
    return this;
  }

  /**
   * Holds each ListAccounts/ListAccountRoles answer back this long (on the server thread), so that
   * tests can observe how many calls a client keeps in flight.
   */
  public FakeIdentityCenter withPortalLatency(Duration latency) {
    portalLatencyMillis = latency.toMillis();
    return this;
  }

  /**
   * Throttles ListAccounts/ListAccountRoles above a rate, as a token bucket: {@code burst} calls at
   * once, then {@code perSecond} calls per second; a call that finds the bucket empty when it
   * arrives is answered 429 {@code TooManyRequestsException} (after the portal latency, like any
   * answer). 0 turns this off.
   */
  public FakeIdentityCenter withPortalRateLimit(double perSecond, int burst) {
    rateLimit = perSecond > 0 ? new TokenBucket(perSecond, burst) : null;
    return this;
  }

  /**
   * @return how many ListAccounts/ListAccountRoles calls the rate limit answered 429
   */
  public int rateLimitedPortalRequests() {
    return rateLimited.get();
  }

  /**
   * @return the most ListAccounts/ListAccountRoles calls that were being answered at the same time
   */
  public int maxConcurrentPortalRequests() {
    return maxInFlight.get();
  }

  /** The next {@code requests} ListAccounts/ListAccountRoles calls answer 429 TooManyRequests. */
  public FakeIdentityCenter throttleNextPortalRequests(int requests) {
    portal.throttleNext(requests);
    return this;
  }

  /**
   * Scripts the answers to device-code CreateToken polls, one step per poll; the last step repeats.
   * The default is {@code APPROVED}.
   */
  public FakeIdentityCenter withDeviceScript(DevicePoll... steps) {
    oidc.deviceScript(Arrays.asList(steps));
    return this;
  }

  /**
   * @param intervalSeconds the {@code interval} of StartDeviceAuthorization, {@code null} to omit
   *     it
   * @param expiresInSeconds its {@code expiresIn}
   */
  public FakeIdentityCenter withDeviceTiming(Integer intervalSeconds, int expiresInSeconds) {
    oidc.deviceTiming(intervalSeconds, expiresInSeconds);
    return this;
  }

  /** Sets {@code expiresIn} of issued access tokens. */
  public FakeIdentityCenter withAccessTokenLifetime(Duration lifetime) {
    oidc.accessTokenLifetime(Math.toIntExact(lifetime.toSeconds()));
    return this;
  }

  /** Sets how long client registrations last ({@code clientSecretExpiresAt} - now). */
  public FakeIdentityCenter withRegistrationLifetime(Duration lifetime) {
    oidc.registrationLifetime(lifetime.toSeconds());
    return this;
  }

  /** {@code GET /authorize} redirects with {@code error=access_denied} and this description. */
  public FakeIdentityCenter denyAuthorization(String description) {
    oidc.denyAuthorization(description);
    return this;
  }

  /**
   * While on, CreateToken refuses every authorization code with 400 InvalidGrantException, as if it
   * had expired between the browser and the exchange.
   */
  public FakeIdentityCenter refuseAuthorizationCodes(boolean refuse) {
    oidc.refuseAuthorizationCodes(refuse);
    return this;
  }

  /**
   * From now on StartDeviceAuthorization and CreateToken refuse this registered client as {@code
   * rejection} says, as the service does with a registration it no longer honours. {@code GET
   * /authorize} still accepts it, so a browser sign-in reaches CreateToken, where the client secret
   * is checked.
   */
  public FakeIdentityCenter rejectClient(String clientId, ClientRejection rejection) {
    oidc.rejectClient(clientId, rejection);
    return this;
  }

  /**
   * From now on every registered client, also each one registered later, is refused as in {@link
   * #rejectClient}.
   */
  public FakeIdentityCenter rejectEveryClient(ClientRejection rejection) {
    oidc.rejectEveryClient(rejection);
    return this;
  }

  /** Undoes {@link #rejectClient} and {@link #rejectEveryClient} (the default). */
  public FakeIdentityCenter acceptClients() {
    oidc.acceptClients();
    return this;
  }

  /** {@code GET /authorize} redirects with a code (the default). */
  public FakeIdentityCenter approveAuthorization() {
    oidc.denyAuthorization(null);
    return this;
  }

  /**
   * Makes ListAccounts/ListAccountRoles unreliable, the way a real network and service sometimes
   * are: each call, in arrival order, draws from a {@link java.util.Random} seeded with {@code
   * seed}; a draw below {@code serverErrorRate} answers 500 InternalServerException, one below
   * {@code serverErrorRate + cutOffRate} breaks the connection, alternately reset before the answer
   * ({@link com.github.tomakehurst.wiremock.http.Fault#CONNECTION_RESET_BY_PEER}) and cut off in
   * the middle of a 200 answer ({@link
   * com.github.tomakehurst.wiremock.http.Fault#MALFORMED_RESPONSE_CHUNK}). Rates of 0 turn it off.
   *
   * @see #injectedPortalFaults()
   */
  public FakeIdentityCenter withRandomPortalFaults(
      long seed, double serverErrorRate, double cutOffRate) {
    faults.configure(seed, serverErrorRate, cutOffRate);
    return this;
  }

  /**
   * @return how many faults {@link #withRandomPortalFaults} injected, by kind: {@code 500}, {@code
   *     CONNECTION_RESET_BY_PEER}, {@code MALFORMED_RESPONSE_CHUNK}
   */
  public Map<String, Integer> injectedPortalFaults() {
    return faults.injected();
  }

  /**
   * Answers the coming ListAccounts or ListAccountRoles calls with {@code answers} in turn; the
   * last answer repeats (give {@link PortalAnswer#serve()} last to go back to normal answers).
   * Replaces an earlier script of the operation. Scripted answers come before everything else the
   * fake is told (random faults, throttling, revocation), after the portal latency like any answer.
   */
  public FakeIdentityCenter scriptPortalCalls(Operation operation, PortalAnswer... answers) {
    return scriptPortalCalls(operation, null, answers);
  }

  /**
   * As {@link #scriptPortalCalls(Operation, PortalAnswer...)}, for the calls of one account only
   * (ListAccountRoles with this {@code account_id}); an account's script wins over the operation's.
   *
   * @param accountId the account ID, or null for every call of the operation
   */
  public FakeIdentityCenter scriptPortalCalls(
      Operation operation, String accountId, PortalAnswer... answers) {
    if (!PORTAL_LISTING.contains(operation)) {
      throw new IllegalArgumentException("only ListAccounts and ListAccountRoles can be scripted");
    }
    scripts.script(operation, accountId, Arrays.asList(answers));
    return this;
  }

  /**
   * Successful (200) answers of this operation are cut in half from now on, so their JSON is
   * invalid: a broken proxy or service. Works for any operation with a JSON answer.
   */
  public FakeIdentityCenter cutOffAnswersOf(Operation operation) {
    synchronized (cutOff) {
      cutOff.add(operation);
    }
    return this;
  }

  /**
   * After {@code requests} more ListAccounts/ListAccountRoles calls have been served, every access
   * token issued so far is revoked, so the listing fails half-way with 401 UnauthorizedException.
   * Tokens issued later are valid. 0 turns it off.
   */
  public FakeIdentityCenter revokeAccessTokensAfterPortalRequests(int requests) {
    portal.revokeAccessTokensAfter(requests);
    return this;
  }

  /**
   * While on, the portal answers 401 UnauthorizedException to every access token, even new ones.
   */
  public FakeIdentityCenter rejectEveryAccessToken(boolean reject) {
    portal.rejectEveryToken(reject);
    return this;
  }

  /**
   * A careless service: every error answer (status 400 and up) repeats the secrets the request
   * carried, labelled as a log line would label them ({@code clientSecret=…}, {@code code=…},
   * {@code codeVerifier=…}, {@code deviceCode=…}, {@code refreshToken=…}, {@code
   * x-amz-sso_bearer_token: …}), in its {@code message} and, for OIDC, {@code error_description}.
   * The SDK puts {@code message} into its exception's message.
   */
  public FakeIdentityCenter echoSecretsInErrors(boolean echo) {
    echoSecrets = echo;
    return this;
  }

  // ---- tokens ---------------------------------------------------------------------------------

  /**
   * @return a new access token the portal accepts, without any sign-in
   */
  public String issueAccessToken() {
    return oidc.issueAccessToken();
  }

  /**
   * @return whether the portal accepts this access token
   */
  public boolean isValidAccessToken(String token) {
    return oidc.isValidAccessToken(token);
  }

  /** Makes the portal refuse every access token issued so far (401 UnauthorizedException). */
  public void revokeAllAccessTokens() {
    oidc.revokeAllAccessTokens();
  }

  // ---- observation ----------------------------------------------------------------------------

  /**
   * @return how many requests of this operation arrived (whatever the answer)
   */
  public int requestCount(Operation operation) {
    return counts.get(operation).get();
  }

  /**
   * @return how many requests arrived at all, unmatched ones included
   */
  public int totalRequests() {
    return server.getAllServeEvents().size();
  }

  /**
   * @return how many CreateToken calls used this {@code grantType}
   */
  public int createTokenCount(String grantType) {
    return oidc.grantCount(grantType);
  }

  /**
   * @return the JSON bodies of all RegisterClient calls, oldest first
   */
  public List<JsonNode> registerClientRequests() {
    return oidc.registerClientRequests();
  }

  /**
   * Every secret value the fake issued (client secrets, device codes, authorization codes, access
   * and refresh tokens) or received (the same, and code verifiers), so tests can check that none of
   * them reaches an output.
   *
   * @return the values by kind ({@link #ACCESS_TOKEN}, {@link #REFRESH_TOKEN}, {@link
   *     #CLIENT_SECRET}, {@link #AUTHORIZATION_CODE}, {@link #CODE_VERIFIER}, {@link
   *     #DEVICE_CODE}); a kind is absent until one value of it was seen
   */
  public Map<String, Set<String>> secrets() {
    return oidc.secrets();
  }

  /**
   * Checks that exactly {@code count} requests that match {@code requests} arrived, e.g. {@code
   * verify(1, getRequestedFor(urlPathEqualTo("/assignment/accounts")).withQueryParam("max_result",
   * equalTo("100")))}.
   *
   * @throws com.github.tomakehurst.wiremock.client.VerificationException if another number did
   */
  public void verify(int count, RequestPatternBuilder requests) {
    server.verify(count, requests);
  }

  /**
   * @return {@code METHOD url} of every request no stub matched (WireMock answered 404)
   */
  public List<String> unmatchedRequests() {
    return server.findAllUnmatchedRequests().stream()
        .map(r -> r.getMethod() + " " + r.getUrl())
        .collect(Collectors.toList());
  }

  /**
   * Fails if a request arrived that this fake does not serve (see the class comment), unless an
   * earlier check already reported it.
   *
   * @throws AssertionError naming each unexpected request since the last check
   */
  public synchronized void assertNoUnexpectedRequests() {
    List<LoggedRequest> unreported = new ArrayList<>();
    for (LoggedRequest request : server.findAllUnmatchedRequests()) {
      if (reportedUnexpected.add(request.getId())) {
        unreported.add(request);
      }
    }
    unreported.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    List<String> fresh = unreported.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList();
    if (!fresh.isEmpty()) {
      throw new AssertionError(
          "the fake Identity Center got "
              + fresh.size()
              + " request(s) it does not serve (no operation matched; WireMock answered 404): "
              + String.join(", ", fresh));
    }
  }

  /** Whether the server is still running, i.e. the fake has not been closed. */
  boolean isRunning() {
    return server.isRunning();
  }

  /**
   * Stops the server, then fails if a request arrived that it does not serve.
   *
   * @throws AssertionError as {@link #assertNoUnexpectedRequests()}
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      server.stop();
    }
    assertNoUnexpectedRequests();
  }

  /**
   * For a fake of the class (a static field, or an instance field under {@code PER_CLASS}): notes
   * the class it serves.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (classContext == null) {
      classContext = context;
    }
  }

  /**
   * After each test: a fake of its own is closed; a fake of the class is checked ({@link
   * #assertNoUnexpectedRequests()}).
   */
  @Override
  public void afterEach(ExtensionContext context) {
    if (classContext != null) {
      assertNoUnexpectedRequests();
    } else {
      close();
    }
  }

  /** After the class whose static field holds the fake (not after each {@code @Nested} class). */
  @Override
  public void afterAll(ExtensionContext context) {
    if (context == classContext) {
      close();
    }
  }

  /**
   * For a fake run by hand until the JVM ends: closes it then, printing the requests it did not
   * serve on stderr instead of throwing.
   *
   * @return this fake
   */
  public FakeIdentityCenter closeOnExit() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    close();
                  } catch (AssertionError unexpected) {
                    System.err.println(unexpected.getMessage());
                  }
                }));
    return this;
  }

  /**
   * Starts a fake with the demo dataset and prints how to point the AWS CLI at it; runs until
   * interrupted (Ctrl-C).
   *
   * @param args optional: the port to listen on (default: a free one)
   */
  public static void main(String[] args) throws InterruptedException {
    FakeIdentityCenter fake =
        new FakeIdentityCenter(args.length > 0 ? Integer.parseInt(args[0]) : 0).closeOnExit();
    String base = fake.baseUri().toString();
    System.out.println("Fake IAM Identity Center listening at " + base);
    System.out.println("  start URL " + START_URL + ", SSO region " + REGION);
    System.out.println("  export AWS_ENDPOINT_URL_SSO_OIDC=" + base);
    System.out.println("  export AWS_ENDPOINT_URL_SSO=" + base);
    System.out.println("  export AWS_ENDPOINT_URL_STS=" + base);
    System.out.println("Press Ctrl-C to stop.");
    new CountDownLatch(1).await();
  }

  private void stub(MappingBuilder request, Operation operation) {
    server.stubFor(
        request.willReturn(
            aResponse()
                .withTransformers(TRANSFORMER)
                .withTransformerParameter("operation", operation.name())));
  }

  /**
   * Answers after the configured portal latency, tracking how many answers are in flight; a call
   * the rate limit refuses on arrival is answered 429.
   */
  private ResponseDefinition slowly(Supplier<ResponseDefinition> answer) {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    TokenBucket bucket = rateLimit;
    boolean refused = bucket != null && !bucket.take();
    try {
      if (portalLatencyMillis > 0) {
        Thread.sleep(portalLatencyMillis);
      }
      if (refused) {
        rateLimited.incrementAndGet();
        return FakeHttp.portalError(429, "TooManyRequestsException", "Rate exceeded");
      }
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FakeHttp.portalError(500, "InternalServerException", "interrupted");
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** A token bucket on the monotonic clock. */
  private static final class TokenBucket {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long at = System.nanoTime();

    TokenBucket(double perSecond, int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1");
      }
      this.perSecond = perSecond;
      this.burst = burst;
      this.tokens = burst;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + perSecond * (now - at) / 1e9);
      at = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  /** Routes each stubbed request to the fake service that owns its operation. */
  private final class Dispatcher implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Operation operation =
          Operation.valueOf(serveEvent.getTransformerParameters().getString("operation"));
      counts.get(operation).incrementAndGet();
      Request request = serveEvent.getRequest();
      if (PORTAL_LISTING.contains(operation)) {
        Optional<PortalAnswer> scripted =
            scripts.next(operation, FakeHttp.query(request, "account_id"));
        if (scripted.isPresent() && scripted.get().response().isPresent()) {
          ResponseDefinition response = scripted.get().response().get();
          return slowly(() -> response);
        }
        Optional<ResponseDefinition> fault = faults.next();
        if (fault.isPresent()) {
          return fault.get();
        }
      }
      ResponseDefinition answer = answer(operation, request);
      boolean cut;
      synchronized (cutOff) {
        cut = cutOff.contains(operation);
      }
      if (cut && answer.getStatus() == 200 && answer.getBody() != null) {
        String body = answer.getBody();
        return ResponseDefinitionBuilder.like(answer)
            .withBody(body.substring(0, body.length() / 2))
            .build();
      }
      if (echoSecrets && answer.getStatus() >= 400) {
        return FakeHttp.withEchoedSecrets(answer, request);
      }
      return answer;
    }

    private ResponseDefinition answer(Operation operation, Request request) {
      switch (operation) {
        case REGISTER_CLIENT:
          return oidc.registerClient(request);
        case START_DEVICE_AUTHORIZATION:
          return oidc.startDeviceAuthorization(request);
        case CREATE_TOKEN:
          return oidc.createToken(request);
        case AUTHORIZE:
          return oidc.authorize(request);
        case LIST_ACCOUNTS:
          return slowly(() -> portal.listAccounts(request));
        case LIST_ACCOUNT_ROLES:
          return slowly(() -> portal.listAccountRoles(request));
        case GET_ROLE_CREDENTIALS:
          return portal.getRoleCredentials(request);
        case LOGOUT:
          oidc.revoke(request.getHeader(FakePortalService.BEARER_HEADER));
          return FakeHttp.body(200, "application/json", "");
        case GET_CALLER_IDENTITY:
          return portal.getCallerIdentity(request);
        default:
          throw new IllegalStateException("no handler for " + operation);
      }
    }
  }
}

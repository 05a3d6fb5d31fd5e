package dev.ssoconfig.login;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.aws.LazyClient;
import dev.ssoconfig.testing.ClientRejection;
import dev.ssoconfig.testing.DevicePoll;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import dev.ssoconfig.testing.FakeTime;
import dev.ssoconfig.testing.TestBrowser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** Sign-in against the fake Identity Center on 127.0.0.1, a fresh one for each test. */
class SsoLoginTest {
  private static final String START_URL = FakeIdentityCenter.START_URL;
  private static final String REGION = FakeIdentityCenter.REGION;
  private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private SsoOidcClient oidc;

  private FakeTime time;
  private TokenCache cache;
  private StringWriter errText;
  private TestBrowser browser;

  @BeforeEach
  void setUp(@TempDir Path home) {
    oidc = OidcClients.create(REGION, Optional.of(fake.baseUri()));
    time = new FakeTime(START);
    fake.withClock(time);
    cache = new TokenCache(home.resolve(".aws/sso/cache"), time);
    errText = new StringWriter();
    browser = TestBrowser.visiting();
  }

  @AfterEach
  void closeClient() {
    oidc.close();
  }

  private SsoLogin login(BrowserOpener opener) {
    return new SsoLogin(
        () -> oidc, fake.baseUri(), cache, opener, new PrintWriter(errText, true), time, time);
  }

  private static LoginRequest request(LoginFlow flow) {
    return new LoginRequest(START_URL, REGION, "acme", flow, true, Duration.ofSeconds(10), false);
  }

  private static LoginRequest request(LoginFlow flow, Duration timeout, boolean openBrowser) {
    return new LoginRequest(START_URL, REGION, "acme", flow, openBrowser, timeout, false);
  }

  private static LoginRequest forced(LoginFlow flow) {
    return new LoginRequest(START_URL, REGION, "acme", flow, true, Duration.ofSeconds(10), true);
  }

  private JsonNode cacheFile(String keySource) throws IOException {
    return new ObjectMapper().readTree(cache.tokenFile(keySource).toFile());
  }

  @Nested
  class Pkce {
    @Test
    void signs_in_through_the_browser_and_writes_the_token_cache() throws Exception {
      int exchanges = fake.createTokenCount("authorization_code");

      AccessToken token = login(browser).login(request(LoginFlow.PKCE));

      assertFalse(token.fromCache());
      assertTrue(fake.isValidAccessToken(token.value()));
      assertEquals(START.plus(Duration.ofHours(8)), token.expiresAt());
      assertEquals(exchanges + 1, fake.createTokenCount("authorization_code"));
      HttpResponse<String> page = browser.visits.get(0).get(10, TimeUnit.SECONDS);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("You are signed in"));

      JsonNode file = cacheFile("acme");
      assertEquals(START_URL, file.get("startUrl").asText());
      assertEquals(REGION, file.get("region").asText());
      assertEquals(token.value(), file.get("accessToken").asText());
      assertEquals("2025-06-01T20:00:00Z", file.get("expiresAt").asText());
      assertTrue(file.get("refreshToken").asText().startsWith("aor"));
      assertTrue(file.has("clientId") && file.has("clientSecret"));
      assertTrue(
          file.get("registrationExpiresAt")
              .asText()
              .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void registers_a_public_client_for_authorization_code_with_the_loopback_redirect()
        throws Exception {
      int before = fake.registerClientRequests().size();

      login(browser).login(request(LoginFlow.PKCE));

      JsonNode register = fake.registerClientRequests().get(before);
      assertEquals("aws-sso-config-generator", register.get("clientName").asText());
      assertEquals("public", register.get("clientType").asText());
      assertEquals(
          "[\"authorization_code\",\"refresh_token\"]", register.get("grantTypes").toString());
      assertEquals(
          "[\"http://127.0.0.1/oauth/callback\"]", register.get("redirectUris").toString());
      assertEquals(START_URL, register.get("issuerUrl").asText());
      assertEquals("[\"sso:account:access\"]", register.get("scopes").toString());
    }

    @Test
    void authorize_url_is_the_one_the_aws_cli_builds_and_is_printed_on_its_own_line()
        throws Exception {
      login(browser).login(request(LoginFlow.PKCE));

      String url = browser.opened.get(0).toString();
      assertTrue(
          url.matches(
              Pattern.quote(fake.baseUri() + "/authorize?response_type=code&client_id=")
                  + "[^&]+&redirect_uri=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Foauth%2Fcallback"
                  + "&state=[A-Za-z0-9_-]{43}&code_challenge_method=S256"
                  + "&scopes=sso%3Aaccount%3Aaccess&code_challenge=[A-Za-z0-9_-]{43}"),
          url);
      List<String> lines = errText.toString().lines().toList();
      assertTrue(lines.get(0).startsWith("Opening the browser to sign in…"), lines.get(0));
      assertEquals(url, lines.get(1));
    }

    @Test
    void denial_in_the_browser_ends_with_login_exception_carrying_the_description() {
      fake.denyAuthorization("The person said no\u001b[2J\nreally");

      Failure e = assertFailure(Kind.SIGN_IN, () -> login(browser).login(request(LoginFlow.PKCE)));

      assertTrue(
          e.getMessage().contains("access_denied: The person said no\uFFFD really"),
          e.getMessage());
      assertFalse(Files.exists(cache.tokenFile("acme")));
    }

    @Test
    void times_out_when_nobody_signs_in_and_frees_the_callback_port() {
      TestBrowser idle = TestBrowser.recording();

      Failure e =
          assertFailure(
              Kind.SIGN_IN,
              () -> login(idle).login(request(LoginFlow.PKCE, Duration.ofMillis(300), true)));

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      int port = URI.create(query(idle.opened.get(0), "redirect_uri")).getPort();
      assertThrows(ConnectException.class, () -> LoopbackCallbackServerTest.connect(port));
    }

    @Test
    void the_callback_server_is_closed_after_success_and_after_a_denial() throws Exception {
      login(browser).login(forced(LoginFlow.PKCE));
      fake.denyAuthorization("no");
      assertFailure(Kind.SIGN_IN, () -> login(browser).login(forced(LoginFlow.PKCE)));

      for (URI authorize : browser.opened) {
        int port = URI.create(query(authorize, "redirect_uri")).getPort();
        assertThrows(ConnectException.class, () -> LoopbackCallbackServerTest.connect(port));
      }
      assertEquals(2, browser.opened.size());
    }

    @Test
    void without_open_browser_prints_the_url_and_starts_no_browser() {
      TestBrowser idle = TestBrowser.recording();

      assertFailure(
          Kind.SIGN_IN,
          () -> login(idle).login(request(LoginFlow.PKCE, Duration.ofMillis(200), false)));

      assertEquals(List.of(), idle.opened);
      assertTrue(
          errText.toString().contains(fake.baseUri() + "/authorize?response_type=code"),
          errText.toString());
    }

    @Test
    void a_browser_that_cannot_start_is_reported_at_once_with_the_url_again() throws Exception {
      TestBrowser failing = TestBrowser.visitingThenFailing("xdg-open exited with code 3\u001b[2J");

      AccessToken token = login(failing).login(request(LoginFlow.PKCE));

      assertTrue(fake.isValidAccessToken(token.value()));
      List<String> lines = errText.toString().lines().toList();
      assertEquals(
          "Could not open a browser (xdg-open exited with code 3\uFFFD). Open this URL in a"
              + " browser on this machine:",
          lines.get(2));
      assertEquals(failing.opened.get(0).toString(), lines.get(3));
    }
  }

  @Nested
  class FlowNote {
    private LoginRequest noted(LoginFlow flow) {
      return new LoginRequest(
          START_URL,
          REGION,
          "acme",
          flow,
          false,
          Duration.ofSeconds(10),
          false,
          "Why: no display.");
    }

    @Test
    void is_printed_first_when_an_interactive_sign_in_starts() {
      fake.withDeviceTiming(1, 600).withDeviceScript(DevicePoll.APPROVED);

      login(browser).login(noted(LoginFlow.DEVICE_CODE));

      List<String> lines = errText.toString().lines().toList();
      assertEquals("Why: no display.", lines.get(0));
      assertEquals("To sign in, open this URL in a browser on any device:", lines.get(1));
    }

    @Test
    void is_not_printed_when_a_cached_token_is_used() {
      login(browser).login(request(LoginFlow.PKCE));
      errText.getBuffer().setLength(0);

      AccessToken token = login(browser).login(noted(LoginFlow.DEVICE_CODE));

      assertTrue(token.fromCache());
      assertEquals("", errText.toString());
    }
  }

  @Nested
  class DeviceCode {
    @Test
    void polls_through_pending_and_slow_down_until_approved() throws Exception {
      fake.withDeviceTiming(1, 600)
          .withDeviceScript(DevicePoll.PENDING, DevicePoll.SLOW_DOWN, DevicePoll.APPROVED);
      int polls = fake.createTokenCount(DeviceCodeLogin.DEVICE_CODE_GRANT);
      TestBrowser recording = TestBrowser.recording();

      AccessToken token = login(recording).login(request(LoginFlow.DEVICE_CODE));

      assertTrue(fake.isValidAccessToken(token.value()));
      assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(6)), time.sleeps());
      assertEquals(3, fake.createTokenCount(DeviceCodeLogin.DEVICE_CODE_GRANT) - polls);
      URI verification = recording.opened.get(0);
      String userCode = query(verification, "user_code");
      assertTrue(errText.toString().contains(verification.toString()));
      assertTrue(errText.toString().lines().anyMatch(userCode::equals), errText.toString());
      assertTrue(cacheFile("acme").get("refreshToken").asText().startsWith("aor"));
    }

    @Test
    void a_browser_that_cannot_start_is_reported_with_the_url_to_open_on_any_device()
        throws Exception {
      fake.withDeviceTiming(1, 600).withDeviceScript(DevicePoll.APPROVED);
      TestBrowser failing = TestBrowser.visitingThenFailing("wslview: not found");

      AccessToken token = login(failing).login(request(LoginFlow.DEVICE_CODE));

      assertTrue(fake.isValidAccessToken(token.value()));
      List<String> lines = errText.toString().lines().toList();
      int report =
          lines.indexOf(
              "Could not open a browser (wslview: not found). Open this URL in a browser on any"
                  + " device:");
      assertTrue(report > 0, errText.toString());
      assertEquals(failing.opened.get(0).toString(), lines.get(report + 1));
    }

    @Test
    void registers_a_public_client_with_the_access_scope() throws Exception {
      int before = fake.registerClientRequests().size();

      login(browser).login(request(LoginFlow.DEVICE_CODE));

      JsonNode register = fake.registerClientRequests().get(before);
      assertEquals("aws-sso-config-generator", register.get("clientName").asText());
      assertEquals("public", register.get("clientType").asText());
      assertEquals("[\"sso:account:access\"]", register.get("scopes").toString());
      assertFalse(register.has("grantTypes"));
    }

    @Test
    void polls_every_5_seconds_when_no_interval_is_given() throws Exception {
      fake.withDeviceTiming(null, 600).withDeviceScript(DevicePoll.PENDING, DevicePoll.APPROVED);

      login(browser).login(request(LoginFlow.DEVICE_CODE));

      assertEquals(List.of(Duration.ofSeconds(5)), time.sleeps());
    }

    @Test
    void expired_device_code_ends_with_login_exception() {
      fake.withDeviceScript(DevicePoll.PENDING, DevicePoll.EXPIRED);

      Failure e =
          assertFailure(Kind.SIGN_IN, () -> login(browser).login(request(LoginFlow.DEVICE_CODE)));
      assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void denial_ends_with_login_exception() {
      fake.withDeviceScript(DevicePoll.DENIED);

      Failure e =
          assertFailure(Kind.SIGN_IN, () -> login(browser).login(request(LoginFlow.DEVICE_CODE)));
      assertTrue(e.getMessage().contains("denied"), e.getMessage());
    }

    @Test
    void stops_when_expires_in_has_passed() {
      fake.withDeviceTiming(1, 3).withDeviceScript(DevicePoll.PENDING);

      Failure e =
          assertFailure(Kind.SIGN_IN, () -> login(browser).login(request(LoginFlow.DEVICE_CODE)));

      assertTrue(e.getMessage().contains("expired"), e.getMessage());
      assertEquals(3, time.sleeps().size());
    }

    @Test
    void stops_when_the_request_timeout_has_passed() {
      fake.withDeviceTiming(2, 600).withDeviceScript(DevicePoll.PENDING);

      Failure e =
          assertFailure(
              Kind.SIGN_IN,
              () ->
                  login(browser)
                      .login(request(LoginFlow.DEVICE_CODE, Duration.ofSeconds(10), true)));

      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertEquals(5, time.sleeps().size());
    }
  }

  /** The OIDC client is asked for only when a call is made (it is built on first use). */
  @Nested
  class ClientOnFirstUse {
    private final AtomicInteger built = new AtomicInteger();

    private LazyClient<SsoOidcClient> counted() {
      return new LazyClient<>(
          () -> {
            built.incrementAndGet();
            return OidcClients.create(REGION, Optional.of(fake.baseUri()));
          });
    }

    private SsoLogin login(LazyClient<SsoOidcClient> client, BrowserOpener opener) {
      return new SsoLogin(
          client, fake.baseUri(), cache, opener, new PrintWriter(errText, true), time, time);
    }

    @Test
    void with_a_cached_registration_the_authorize_url_is_shown_before_a_client_is_built()
        throws Exception {
      SsoLoginTest.this.login(browser).login(forced(LoginFlow.PKCE)); // caches a registration
      List<Integer> builtWhenTheBrowserOpened = new CopyOnWriteArrayList<>();
      TestBrowser watching =
          TestBrowser.visitingAfter(() -> builtWhenTheBrowserOpened.add(built.get()));

      try (LazyClient<SsoOidcClient> client = counted()) {
        AccessToken token = login(client, watching).login(forced(LoginFlow.PKCE));

        assertTrue(fake.isValidAccessToken(token.value()));
        assertTrue(errText.toString().contains("/authorize?"), errText.toString());
        assertEquals(List.of(0), builtWhenTheBrowserOpened);
        assertEquals(1, built.get(), "built for CreateToken");
      }
    }

    @Test
    void a_valid_cached_token_builds_no_client() throws Exception {
      cache.writeToken(
          "acme", tokenOnly(START_URL, REGION, "cached-token", START.plus(Duration.ofHours(1))));

      try (LazyClient<SsoOidcClient> client = counted()) {
        AccessToken token = login(client, browser).login(request(LoginFlow.PKCE));

        assertTrue(token.fromCache());
        assertFalse(client.isBuilt());
      }
      assertEquals(0, built.get());
    }

    @Test
    void without_a_cached_registration_the_client_is_built_once_for_every_call() throws Exception {
      try (LazyClient<SsoOidcClient> client = counted()) {
        AccessToken token = login(client, browser).login(forced(LoginFlow.DEVICE_CODE));

        assertTrue(fake.isValidAccessToken(token.value()));
        assertEquals(1, built.get());
      }
    }
  }

  @Nested
  class Cache {
    @Test
    void reuses_a_valid_cached_token_without_calling_the_service() throws Exception {
      cache.writeToken(
          "acme", tokenOnly(START_URL, REGION, "cached-token", START.plus(Duration.ofMinutes(16))));
      int before = fake.totalRequests();

      AccessToken token = login(browser).login(request(LoginFlow.PKCE));

      assertTrue(token.fromCache());
      assertEquals("cached-token", token.value());
      assertEquals(before, fake.totalRequests());
      assertEquals(List.of(), browser.opened);
    }

    @Test
    void force_login_ignores_a_valid_cached_token() throws Exception {
      cache.writeToken(
          "acme", tokenOnly(START_URL, REGION, "cached-token", START.plus(Duration.ofHours(1))));

      AccessToken token = login(browser).login(forced(LoginFlow.DEVICE_CODE));

      assertFalse(token.fromCache());
      assertNotEquals("cached-token", token.value());
      assertEquals(token.value(), cacheFile("acme").get("accessToken").asText());
    }

    @Test
    void ignores_a_cached_token_of_another_start_url_or_region() throws Exception {
      cache.writeToken(
          "acme",
          tokenOnly(
              "https://other.awsapps.com/start", REGION, "other", START.plus(Duration.ofHours(1))));
      AccessToken first = login(browser).login(request(LoginFlow.DEVICE_CODE));
      cache.writeToken(
          "acme", tokenOnly(START_URL, "eu-west-1", "other", START.plus(Duration.ofHours(1))));
      AccessToken second = login(browser).login(request(LoginFlow.DEVICE_CODE));

      assertFalse(first.fromCache());
      assertFalse(second.fromCache());
    }

    @Test
    void refreshes_a_token_with_less_than_15_minutes_left() throws Exception {
      AccessToken first = login(browser).login(request(LoginFlow.DEVICE_CODE));
      String firstRefresh = cacheFile("acme").get("refreshToken").asText();
      time.advance(Duration.ofHours(8).minusMinutes(10));
      int refreshes = fake.createTokenCount("refresh_token");

      AccessToken second = login(browser).login(request(LoginFlow.DEVICE_CODE));

      assertTrue(second.fromCache());
      assertNotEquals(first.value(), second.value());
      assertTrue(fake.isValidAccessToken(second.value()));
      assertEquals(refreshes + 1, fake.createTokenCount("refresh_token"));
      JsonNode file = cacheFile("acme");
      assertEquals(second.value(), file.get("accessToken").asText());
      assertNotEquals(firstRefresh, file.get("refreshToken").asText());
      assertEquals(TokenCache.formatTime(second.expiresAt()), file.get("expiresAt").asText());
    }

    @Test
    void signs_in_again_when_the_refresh_fails() throws Exception {
      cache.writeToken(
          "acme",
          new CachedToken(
              START_URL,
              REGION,
              "old",
              START.minusSeconds(60),
              "unknown-client",
              "unknown-secret",
              START.plus(Duration.ofDays(30)),
              "aor-unknown"));

      AccessToken token = login(browser).login(request(LoginFlow.DEVICE_CODE));

      assertFalse(token.fromCache());
      assertTrue(fake.isValidAccessToken(token.value()));
      assertTrue(errText.toString().contains("could not be refreshed"), errText.toString());
    }

    @Test
    void reuses_the_client_registration_from_the_cache() throws Exception {
      int before = fake.requestCount(Operation.REGISTER_CLIENT);

      login(browser).login(forced(LoginFlow.DEVICE_CODE));
      login(browser).login(forced(LoginFlow.DEVICE_CODE));
      login(browser).login(forced(LoginFlow.PKCE));
      login(browser).login(forced(LoginFlow.PKCE));

      assertEquals(2, fake.requestCount(Operation.REGISTER_CLIENT) - before);
    }

    @Test
    void registers_again_when_the_cached_registration_is_about_to_expire() throws Exception {
      fake.withRegistrationLifetime(Duration.ofMinutes(10));
      int before = fake.requestCount(Operation.REGISTER_CLIENT);

      login(browser).login(forced(LoginFlow.DEVICE_CODE));
      login(browser).login(forced(LoginFlow.DEVICE_CODE));

      assertEquals(2, fake.requestCount(Operation.REGISTER_CLIENT) - before);
    }

    @Test
    void legacy_profiles_key_the_cache_by_the_start_url() throws Exception {
      LoginRequest legacy =
          new LoginRequest(
              START_URL, REGION, null, LoginFlow.DEVICE_CODE, false, Duration.ofSeconds(10), false);

      AccessToken token = login(browser).login(legacy);

      Path file = cache.cacheDir().resolve(TokenCache.sha1Hex(START_URL) + ".json");
      assertTrue(Files.readString(file).contains(token.value()));
      assertTrue(login(browser).login(legacy).fromCache());
    }
  }

  /**
   * A cached client registration the service refuses (InvalidClientException,
   * UnauthorizedClientException) is dropped and replaced once, in the same run.
   */
  @Nested
  class RejectedRegistration {
    private final List<String> scopes = List.of("sso:account:access");

    /** Signs in once so that a registration the fake knows is cached; returns its client ID. */
    private String cachedClient(LoginFlow flow) {
      login(browser).login(forced(flow));
      return cache.readRegistration(START_URL, REGION, scopes, flow).orElseThrow().clientId();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("dev.ssoconfig.login.SsoLoginTest#flowsAndRejections")
    void is_dropped_and_a_new_client_registered_once_in_the_same_run(
        LoginFlow flow, ClientRejection rejection) throws Exception {
      String rejected = cachedClient(flow);
      fake.rejectClient(rejected, rejection);
      int registrations = fake.requestCount(Operation.REGISTER_CLIENT);
      int opened = browser.opened.size();

      AccessToken token = login(browser).login(forced(flow));

      assertTrue(fake.isValidAccessToken(token.value()));
      assertEquals(registrations + 1, fake.requestCount(Operation.REGISTER_CLIENT));
      String replacement =
          cache.readRegistration(START_URL, REGION, scopes, flow).orElseThrow().clientId();
      assertNotEquals(rejected, replacement);
      assertEquals(replacement, cacheFile("acme").get("clientId").asText());
      assertTrue(
          errText
              .toString()
              .contains(
                  "The cached client registration was refused ("
                      + rejection.type()
                      + "); registering a new one and signing in again."),
          errText.toString());
      assertEquals(
          opened + (flow == LoginFlow.PKCE ? 2 : 1),
          browser.opened.size(),
          "PKCE is refused only at CreateToken, after the browser sign-in, so it runs twice");
    }

    @Test
    void of_a_client_the_service_never_issued_is_replaced_too() throws Exception {
      cache.writeRegistration(
          START_URL,
          REGION,
          LoginFlow.DEVICE_CODE,
          new ClientRegistration("forgotten", "secret", START.plus(Duration.ofDays(30)), scopes));
      int registrations = fake.requestCount(Operation.REGISTER_CLIENT);

      AccessToken token = login(browser).login(request(LoginFlow.DEVICE_CODE));

      assertTrue(fake.isValidAccessToken(token.value()));
      assertEquals(registrations + 1, fake.requestCount(Operation.REGISTER_CLIENT));
      assertNotEquals(
          "forgotten",
          cache
              .readRegistration(START_URL, REGION, scopes, LoginFlow.DEVICE_CODE)
              .orElseThrow()
              .clientId());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("dev.ssoconfig.login.SsoLoginTest#flowsAndRejections")
    void only_once_a_second_refusal_fails_and_drops_that_registration_too(
        LoginFlow flow, ClientRejection rejection) {
      cachedClient(flow);
      fake.rejectEveryClient(rejection);
      int registrations = fake.requestCount(Operation.REGISTER_CLIENT);

      Failure e = assertFailure(Kind.AWS_CALL, () -> login(browser).login(forced(flow)));

      assertEquals(registrations + 1, fake.requestCount(Operation.REGISTER_CLIENT));
      assertTrue(
          e.getMessage()
              .contains(
                  rejection == ClientRejection.INVALID_CLIENT
                      ? "InvalidClientException (HTTP 401)"
                      : "UnauthorizedClientException (HTTP 400)"),
          e.getMessage());
      assertTrue(
          e.getMessage()
              .endsWith("(the cached client registration was dropped; run the command" + " again)"),
          e.getMessage());
      assertEquals(Optional.empty(), cache.readRegistration(START_URL, REGION, scopes, flow));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("dev.ssoconfig.login.SsoLoginTest#flowsAndRejections")
    void a_new_registration_refused_at_once_is_not_retried(
        LoginFlow flow, ClientRejection rejection) {
      fake.rejectEveryClient(rejection);
      int registrations = fake.requestCount(Operation.REGISTER_CLIENT);

      assertFailure(Kind.AWS_CALL, () -> login(browser).login(forced(flow)));

      assertEquals(registrations + 1, fake.requestCount(Operation.REGISTER_CLIENT));
      assertEquals(Optional.empty(), cache.readRegistration(START_URL, REGION, scopes, flow));
    }
  }

  static Stream<Arguments> flowsAndRejections() {
    return Stream.of(LoginFlow.values())
        .flatMap(flow -> Stream.of(ClientRejection.values()).map(r -> Arguments.of(flow, r)));
  }

  @Nested
  class Failures {
    @Test
    void an_unreachable_service_is_an_aws_call_exception_naming_operation_and_host()
        throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      URI closed = URI.create("http://127.0.0.1:" + port);
      try (SsoOidcClient unreachable = OidcClients.create(REGION, Optional.of(closed))) {
        SsoLogin login =
            new SsoLogin(
                () -> unreachable,
                closed,
                cache,
                browser,
                new PrintWriter(errText, true),
                time,
                time);

        Failure e = assertFailure(Kind.AWS_CALL, () -> login.login(request(LoginFlow.PKCE)));

        assertTrue(e.getMessage().contains("RegisterClient"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
      }
    }

    @Test
    void an_unwritable_cache_folder_fails_before_any_request(@TempDir Path dir) throws Exception {
      Path file = Files.writeString(dir.resolve("file"), "");
      TokenCache blocked = new TokenCache(file.resolve("cache"), time);
      int before = fake.totalRequests();
      SsoLogin login =
          new SsoLogin(
              () -> oidc,
              fake.baseUri(),
              blocked,
              browser,
              new PrintWriter(errText, true),
              time,
              time);

      Failure e = assertFailure(Kind.FILE, () -> login.login(request(LoginFlow.PKCE)));

      assertTrue(e.getMessage().contains(file.resolve("cache").toString()), e.getMessage());
      assertEquals(before, fake.totalRequests());
    }

    @Test
    void no_secret_reaches_the_error_output() throws Exception {
      fake.withDeviceScript(DevicePoll.PENDING, DevicePoll.APPROVED);
      login(browser).login(forced(LoginFlow.DEVICE_CODE));
      login(browser).login(forced(LoginFlow.PKCE));
      time.advance(Duration.ofHours(8));
      login(browser).login(request(LoginFlow.PKCE));

      JsonNode file = cacheFile("acme");
      String err = errText.toString();
      for (String secret :
          List.of(
              file.get("accessToken").asText(),
              file.get("refreshToken").asText(),
              file.get("clientSecret").asText())) {
        assertFalse(err.contains(secret), "secret in error output");
      }
      assertFalse(err.contains("code-"), "authorization code in error output");
      assertFalse(err.contains("device-"), "device code in error output");
      assertFalse(err.contains("code_verifier"), err);
    }
  }

  private static String query(URI uri, String name) {
    Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(uri.getRawQuery());
    assertTrue(m.find(), name + " in " + uri);
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  /** A cached token without refresh token or client registration, as old AWS CLI versions wrote. */
  private static CachedToken tokenOnly(
      String startUrl, String region, String accessToken, Instant expiresAt) {
    return new CachedToken(startUrl, region, accessToken, expiresAt, null, null, null, null);
  }
}

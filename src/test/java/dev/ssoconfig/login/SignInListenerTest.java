package dev.ssoconfig.login;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.testing.DevicePoll;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeTime;
import dev.ssoconfig.testing.TestBrowser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** When {@link SsoLogin} tells its {@link SignInListener} that it waits for the person. */
class SignInListenerTest {
  private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private final FakeTime time = new FakeTime(START);
  private final StringWriter errText = new StringWriter();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private SsoOidcClient oidc;
  private TokenCache cache;

  /** Records each event, and what the person had been shown on stderr when it came. */
  private final SignInListener recording =
      new SignInListener() {
        @Override
        public void waiting(String what, Instant deadline) {
          events.add("waiting for " + what + " until " + deadline);
          events.add("shown before: " + errText.toString().lines().count() + " lines");
        }

        @Override
        public void waitEnded() {
          events.add("ended");
        }
      };

  @BeforeEach
  void setUp(@TempDir Path home) {
    oidc = OidcClients.create(FakeIdentityCenter.REGION, Optional.of(fake.baseUri()));
    fake.withClock(time);
    cache = new TokenCache(home.resolve(".aws/sso/cache"), time);
  }

  @AfterEach
  void closeClient() {
    oidc.close();
  }

  private SsoLogin login(TestBrowser browser) {
    return new SsoLogin(
        () -> oidc,
        fake.baseUri(),
        cache,
        browser,
        new PrintWriter(errText, true),
        time,
        time,
        recording);
  }

  private static LoginRequest request(LoginFlow flow, boolean force) {
    return new LoginRequest(
        FakeIdentityCenter.START_URL,
        FakeIdentityCenter.REGION,
        "acme",
        flow,
        true,
        Duration.ofMinutes(10),
        force);
  }

  @Test
  void a_browser_sign_in_waits_until_the_timeout_after_showing_the_url() {
    login(TestBrowser.visiting()).login(request(LoginFlow.PKCE, false));

    assertEquals(
        List.of(
            "waiting for the sign-in in the browser until 2025-06-01T12:10:00Z",
            "shown before: 2 lines",
            "ended"),
        events);
  }

  @Test
  void a_device_code_sign_in_waits_until_the_code_expires_if_that_comes_first() {
    fake.withDeviceTiming(1, 300).withDeviceScript(DevicePoll.PENDING, DevicePoll.APPROVED);

    login(TestBrowser.recording()).login(request(LoginFlow.DEVICE_CODE, false));

    assertEquals(
        List.of(
            "waiting for the user code to be approved until 2025-06-01T12:05:00Z",
            "shown before: 5 lines",
            "ended"),
        events);
  }

  @Test
  void the_wait_ends_before_a_failure_is_reported() {
    fake.withDeviceScript(DevicePoll.DENIED);

    assertFailure(
        Kind.SIGN_IN,
        () -> login(TestBrowser.recording()).login(request(LoginFlow.DEVICE_CODE, false)));

    assertEquals("ended", events.get(events.size() - 1), events.toString());
    assertEquals(3, events.size(), events.toString());
  }

  @Test
  void a_cached_token_means_no_wait() {
    login(TestBrowser.visiting()).login(request(LoginFlow.PKCE, false));
    events.clear();

    AccessToken again = login(TestBrowser.visiting()).login(request(LoginFlow.PKCE, false));

    assertTrue(again.fromCache());
    assertEquals(List.of(), events);
  }
}

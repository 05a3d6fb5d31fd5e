package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.Failure;
import dev.ssoconfig.testing.FailureAssert;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.FakeTime;
import dev.ssoconfig.testing.PosixModes;
import dev.ssoconfig.testing.TestBrowser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

class CachedSignInTest {
  private static final String START_URL = FakeIdentityCenter.START_URL;
  private static final String REGION = FakeIdentityCenter.REGION;
  private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  @TempDir Path home;
  private SsoOidcClient oidc;
  private FakeTime time;
  private TokenCache cache;
  private CachedSignIn signIn;

  @BeforeEach
  void setUp() {
    oidc = OidcClients.create(REGION, Optional.of(fake.baseUri()));
    time = new FakeTime(START);
    fake.withClock(time);
    cache = new TokenCache(home.resolve(".aws/sso/cache"), time);
    signIn = new CachedSignIn(cache, new TokenRefresher(() -> oidc, fake.baseUri(), time), time);
  }

  @AfterEach
  void closeClient() {
    oidc.close();
  }

  /** Signs in with the device code flow, as the generator does, leaving the token in the cache. */
  private AccessToken signInFirst() {
    try (SsoLogin login =
        new SsoLogin(
            () -> oidc,
            fake.baseUri(),
            cache,
            TestBrowser.visiting(),
            new PrintWriter(new StringWriter()),
            time,
            time)) {
      return login.login(
          new LoginRequest(
              START_URL,
              REGION,
              "acme",
              LoginFlow.DEVICE_CODE,
              false,
              Duration.ofMinutes(1),
              false));
    }
  }

  private JsonNode cacheFile() throws IOException {
    return new ObjectMapper().readTree(cache.tokenFile("acme").toFile());
  }

  @Nested
  class Valid {
    @Test
    void a_token_with_15_minutes_left_is_used_without_calling_the_service() {
      AccessToken first = signInFirst();
      time.advance(Duration.ofHours(8).minusMinutes(15));
      int before = fake.totalRequests();

      AccessToken token = signIn.accessToken("acme", START_URL, REGION);

      assertEquals(first.value(), token.value());
      assertEquals(before, fake.totalRequests());
    }
  }

  @Nested
  class Refresh {
    @Test
    void a_token_with_less_than_15_minutes_left_is_refreshed_and_written_back_as_the_aws_cli_does()
        throws IOException {
      AccessToken first = signInFirst();
      JsonNode before = cacheFile();
      time.advance(Duration.ofHours(8).minusMinutes(14));

      AccessToken token = signIn.accessToken("acme", START_URL, REGION);

      assertNotEquals(first.value(), token.value());
      assertTrue(fake.isValidAccessToken(token.value()));
      assertEquals(1, fake.createTokenCount("refresh_token"));
      JsonNode after = cacheFile();
      List<String> fields = new ArrayList<>();
      after.fieldNames().forEachRemaining(fields::add);
      assertEquals(
          List.of(
              "startUrl",
              "region",
              "accessToken",
              "expiresAt",
              "clientId",
              "clientSecret",
              "registrationExpiresAt",
              "refreshToken"),
          fields);
      assertEquals(token.value(), after.get("accessToken").asText());
      assertEquals(TokenCache.formatTime(token.expiresAt()), after.get("expiresAt").asText());
      assertEquals(before.get("clientId"), after.get("clientId"));
      assertEquals(before.get("registrationExpiresAt"), after.get("registrationExpiresAt"));
      assertNotEquals(before.get("refreshToken"), after.get("refreshToken"));
      PosixModes.assertMode("rw-------", cache.tokenFile("acme"));
    }

    @Test
    void an_expired_token_is_refreshed() {
      signInFirst();
      time.advance(Duration.ofHours(9));

      AccessToken token = signIn.accessToken("acme", START_URL, REGION);

      assertTrue(fake.isValidAccessToken(token.value()));
      assertTrue(token.expiresAt().isAfter(time.instant()));
    }

    @Test
    void a_refused_refresh_keeps_a_token_that_has_not_expired_yet() {
      writeToken(START.plus(Duration.ofMinutes(5)), "aor-unknown");

      AccessToken token = signIn.accessToken("acme", START_URL, REGION);

      assertEquals("old", token.value());
      assertEquals(1, fake.createTokenCount("refresh_token"));
    }
  }

  @Nested
  class Expired {
    @Test
    void a_refused_refresh_of_an_expired_token_asks_to_sign_in_again() {
      writeToken(START.minusSeconds(60), "aor-unknown");

      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.SIGN_IN, () -> signIn.accessToken("acme", START_URL, REGION));

      assertTrue(
          failure.getMessage().contains("run aws-sso-config-generator again"),
          failure.getMessage());
      assertTrue(
          failure.getMessage().contains("could not be refreshed (InvalidClientException)"),
          failure.getMessage());
      assertTrue(!failure.getMessage().contains("aor-unknown"), failure.getMessage());
    }

    @Test
    void an_expired_token_without_refresh_token_asks_to_sign_in_again_without_a_call() {
      writeToken(START.minusSeconds(60), null);

      FailureAssert.assertFailure(
          Failure.Kind.SIGN_IN, () -> signIn.accessToken("acme", START_URL, REGION));
      assertEquals(0, fake.totalRequests());
    }

    @Test
    void no_cached_token_asks_to_sign_in() {
      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.SIGN_IN, () -> signIn.accessToken("acme", START_URL, REGION));

      assertTrue(failure.getMessage().contains("no cached sign-in"), failure.getMessage());
    }

    @Test
    void a_legacy_profiles_token_is_found_by_its_start_url() {
      writeToken(START_URL, START.plus(Duration.ofHours(1)), null);

      assertEquals("old", signIn.accessToken(null, START_URL, REGION).value());
    }
  }

  private void writeToken(Instant expiresAt, String refreshToken) {
    writeToken("acme", expiresAt, refreshToken);
  }

  private void writeToken(String key, Instant expiresAt, String refreshToken) {
    try {
      cache.writeToken(
          key,
          new CachedToken(
              START_URL,
              REGION,
              "old",
              expiresAt,
              "unknown-client",
              "unknown-secret",
              START.plus(Duration.ofDays(30)),
              refreshToken));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package dev.ssoconfig.login;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;

import dev.ssoconfig.Failure;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;

class TokenRefresherTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final CachedToken CACHED =
      new CachedToken(
          "https://acme.awsapps.com/start",
          "us-east-1",
          "old-access",
          NOW.plusSeconds(60),
          "client",
          "client-secret",
          NOW.plusSeconds(86_400),
          "refresh");

  private static TokenRefresher answering(SsoOidcException e) {
    SsoOidcClient oidc =
        new SsoOidcClient() {
          @Override
          public CreateTokenResponse createToken(CreateTokenRequest request) {
            throw e;
          }

          @Override
          public String serviceName() {
            return "sso-oidc";
          }

          @Override
          public void close() {}
        };
    return new TokenRefresher(
        () -> oidc,
        URI.create("https://oidc.us-east-1.amazonaws.com"),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static SsoOidcException error(int status, String code) {
    return (SsoOidcException)
        SsoOidcException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
            .build();
  }

  @Test
  void a_refused_refresh_is_a_sign_in_failure() {
    assertFailure(
        Failure.Kind.SIGN_IN,
        () -> answering(error(400, "InvalidGrantException")).refresh(CACHED, "u", "us-east-1"));
  }

  @Test
  void a_throttled_refresh_is_an_aws_call_failure_also_when_answered_with_400() {
    assertFailure(
        Failure.Kind.AWS_CALL,
        () -> answering(error(400, "ThrottlingException")).refresh(CACHED, "u", "us-east-1"));
    assertFailure(
        Failure.Kind.AWS_CALL,
        () -> answering(error(429, "TooManyRequests")).refresh(CACHED, "u", "us-east-1"));
  }
}

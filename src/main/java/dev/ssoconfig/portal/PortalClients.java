package dev.ssoconfig.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.SsoClientBuilder;

/**
 * Builds the {@link SsoClient} for the IAM Identity Center portal API ({@code ListAccounts}, {@code
 * ListAccountRoles}).
 *
 * <p>The portal calls carry the access token in the {@code x-amz-sso_bearer_token} header and are
 * not SigV4-signed, so the client uses {@link AnonymousCredentialsProvider}. The SDK's own retries
 * are switched off because {@link PortalLister} retries with its own back-off. Without an endpoint
 * override the SDK resolves {@code portal.sso.<region>.amazonaws.com} and honours {@code
 * AWS_ENDPOINT_URL_SSO}.
 */
public final class PortalClients {

  /** How long to wait for a TCP connection to the portal. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long to wait for bytes of a response once connected. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private PortalClients() {}

  /**
   * Creates a portal client; the caller closes it.
   *
   * @param ssoRegion the SSO region of the start URL, e.g. {@code us-east-1}
   * @param endpointOverride a base URI to use instead of the regional endpoint (tests, private
   *     endpoints); empty for the SDK's resolution
   * @return a client using the URL-connection HTTP client, anonymous credentials, no SDK retries,
   *     {@link #CONNECT_TIMEOUT} and {@link #READ_TIMEOUT}
   */
  public static SsoClient create(String ssoRegion, Optional<URI> endpointOverride) {
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    Objects.requireNonNull(endpointOverride, "endpointOverride");
    SsoClientBuilder builder =
        SsoClient.builder()
            .region(Region.of(ssoRegion))
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    endpointOverride.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}

package dev.ssoconfig.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The settings every AWS SDK client of this tool shares: the URL-connection HTTP client with
 * {@link #CONNECT_TIMEOUT} and {@link #READ_TIMEOUT}, anonymous credentials (the OIDC and portal
 * calls are not SigV4-signed, so no AWS credentials are looked up), the SSO region and an optional
 * endpoint override. Without an override the SDK resolves the regional endpoint and honours {@code
 * AWS_ENDPOINT_URL_SSO_OIDC} / {@code AWS_ENDPOINT_URL_SSO}.
 */
public final class SdkClients {
  /** How long to wait for a TCP connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long to wait for the bytes of a response once connected. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private SdkClients() {}

  /**
   * Configures and builds a client.
   *
   * @param builder a fresh builder, e.g. {@code SsoClient.builder()}
   * @param ssoRegion the SSO region, e.g. {@code us-east-1}
   * @param endpointOverride a base URI to call instead of the regional endpoint (tests, private
   *     endpoints)
   * @param retryStrategy the SDK's retry strategy for this client
   * @return the client; the caller closes it
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
      C build(
          B builder, String ssoRegion, Optional<URI> endpointOverride, RetryStrategy retryStrategy) {
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    Objects.requireNonNull(endpointOverride, "endpointOverride");
    builder
        .region(Region.of(ssoRegion))
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT))
        .overrideConfiguration(c -> c.retryStrategy(retryStrategy));
    endpointOverride.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * Whether the SDK failed to parse a response: its JSON parser's exceptions (Jackson's {@code
   * JsonProcessingException}, shaded inside the SDK) are {@link java.io.IOException}s although the
   * network was fine, so such a failure must not be retried or called a network error. Matched by
   * class name because the SDK's copy of Jackson is internal.
   *
   * @param e any failure
   * @return true if a JSON parse failure is in its cause chain
   */
  public static boolean isUnreadableResponse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
        if (type.getSimpleName().equals("JsonProcessingException")) {
          return true;
        }
      }
    }
    return false;
  }
}

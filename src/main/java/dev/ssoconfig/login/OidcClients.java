package dev.ssoconfig.login;

import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.aws.SdkClients;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointParams;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointProvider;

/**
 * Builds the IAM Identity Center OIDC client ({@code sso-oauth}) and finds the endpoint it talks
 * to.
 *
 * <p>OIDC calls are unsigned, so the client uses anonymous credentials ({@link SdkClients}): no AWS
 * credentials are looked up. It uses the URL-connection HTTP client and at most two attempts per
 * call (one retry of a throttled, 5xx or network failure), so a broken network fails within seconds
 * instead of after the SDK's default back-off.
 */
public final class OidcClients {
  private OidcClients() {}

  /**
   * @param ssoRegion the SSO region, e.g. {@code us-east-1}
   * @param endpointOverride an endpoint to use instead of the regional one (tests, private
   *     endpoints); when empty the SDK still honours {@code AWS_ENDPOINT_URL_SSO_OIDC}
   * @return a new client; the caller closes it
   */
  public static SsoOidcClient create(String ssoRegion, Optional<URI> endpointOverride) {
    return create(ssoRegion, endpointOverride, Optional.empty());
  }

  /**
   * @param ssoRegion the SSO region, e.g. {@code us-east-1}
   * @param endpointOverride as {@link #create(String, Optional)}
   * @param caBundle the certificate authorities to trust ({@code AWS_CA_BUNDLE}); empty for the
   *     JDK's
   * @return a new client; the caller closes it
   */
  public static SsoOidcClient create(
      String ssoRegion, Optional<URI> endpointOverride, Optional<CaBundle> caBundle) {
    return SdkClients.build(
        SsoOidcClient.builder(),
        ssoRegion,
        endpointOverride,
        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build(),
        caBundle);
  }

  /**
   * Resolves the OIDC endpoint of a region with the SDK's own rules ({@link
   * SsoOidcEndpointProvider#defaultProvider()}), so China and GovCloud partitions get their hosts.
   * The {@code /authorize} URL of the PKCE flow is built on it.
   *
   * @param ssoRegion the SSO region
   * @param endpointOverride an explicit endpoint; returned unchanged when present
   * @return e.g. {@code https://oidc.us-east-1.amazonaws.com}
   */
  public static URI resolveEndpoint(String ssoRegion, Optional<URI> endpointOverride) {
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    SsoOidcEndpointParams params =
        SsoOidcEndpointParams.builder()
            .region(Region.of(ssoRegion))
            .endpoint(endpointOverride.map(URI::toString).orElse(null))
            .build();
    return SsoOidcEndpointProvider.defaultProvider()
        .resolveEndpoint(params)
        .join()
        .endpointUrl()
        .toUri();
  }

  /**
   * Resolves the endpoint a built client actually calls, including an override the SDK picked up
   * from {@code AWS_ENDPOINT_URL_SSO_OIDC} or the {@code aws.endpointUrlSsoOidc} system property
   * (never from a config file: {@link SdkClients}). Use it for the {@code /authorize} URL so it
   * goes to the same host as {@code CreateToken}.
   *
   * @param client a client from {@link #create(String, Optional)}
   * @return the endpoint, as {@link #resolveEndpoint(String, Optional)}
   */
  public static URI resolveEndpoint(SsoOidcClient client) {
    var config = client.serviceClientConfiguration();
    return resolveEndpoint(config.region().id(), config.endpointOverride());
  }
}

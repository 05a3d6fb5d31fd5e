package dev.ssoconfig.portal;

import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.aws.SdkClients;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * Builds the {@link SsoClient} for the IAM Identity Center portal API ({@code ListAccounts}, {@code
 * ListAccountRoles}).
 *
 * <p>The portal calls carry the access token in the {@code x-amz-sso_bearer_token} header and are
 * not SigV4-signed, so the client uses anonymous credentials ({@link SdkClients}). The SDK's own
 * retries are switched off because {@link PortalLister} retries with its own back-off. Without an
 * endpoint override the SDK resolves {@code portal.sso.<region>.amazonaws.com} and honours {@code
 * AWS_ENDPOINT_URL_SSO}.
 */
public final class PortalClients {

  private PortalClients() {}

  /**
   * Creates a portal client; the caller closes it.
   *
   * @param ssoRegion the SSO region of the start URL, e.g. {@code us-east-1}
   * @param endpointOverride a base URI to use instead of the regional endpoint (tests, private
   *     endpoints); empty for the SDK's resolution
   * @return a client using the URL-connection HTTP client, anonymous credentials, no SDK retries,
   *     the timeouts of {@link SdkClients}
   */
  public static SsoClient create(String ssoRegion, Optional<URI> endpointOverride) {
    return create(ssoRegion, endpointOverride, Optional.empty());
  }

  /**
   * As {@link #create(String, Optional)}, trusting the certificate authorities of {@code caBundle}
   * ({@code AWS_CA_BUNDLE}) instead of the JDK's when present.
   *
   * @param ssoRegion the SSO region of the start URL
   * @param endpointOverride a base URI to use instead of the regional endpoint
   * @param caBundle the certificate authorities to trust; empty for the JDK's
   * @return a client; the caller closes it
   */
  public static SsoClient create(
      String ssoRegion, Optional<URI> endpointOverride, Optional<CaBundle> caBundle) {
    return SdkClients.build(
        SsoClient.builder(), ssoRegion, endpointOverride, AwsRetryStrategy.doNotRetry(), caBundle);
  }
}

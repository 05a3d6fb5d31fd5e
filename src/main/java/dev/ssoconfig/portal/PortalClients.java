package dev.ssoconfig.portal;

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
 * not SigV4-signed, so the client uses anonymous credentials ({@link SdkClients}). The SDK's own retries
 * are switched off because {@link PortalLister} retries with its own back-off. Without an endpoint
 * override the SDK resolves {@code portal.sso.<region>.amazonaws.com} and honours {@code
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
    return SdkClients.build(
        SsoClient.builder(), ssoRegion, endpointOverride, AwsRetryStrategy.doNotRetry());
  }
}

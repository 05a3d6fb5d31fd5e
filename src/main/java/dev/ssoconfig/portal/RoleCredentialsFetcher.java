package dev.ssoconfig.portal;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.aws.SdkClients;
import dev.ssoconfig.aws.SdkFailures;
import dev.ssoconfig.aws.SdkFailures.Service;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * Gets temporary credentials for one account and role with the portal's GetRoleCredentials (the
 * call botocore's {@code SSOCredentialFetcher} makes for an SSO profile), authorised by the access
 * token in the {@code x-amz-sso_bearer_token} header.
 *
 * <p>The client retries a throttled, 5xx or network failure with the SDK's standard back-off, at
 * most {@link #MAX_ATTEMPTS} attempts in all.
 */
public final class RoleCredentialsFetcher implements AutoCloseable {
  /** Attempts per call, the first one included: the SDK's standard retry strategy's default. */
  static final int MAX_ATTEMPTS = 3;

  private final SsoClient sso;

  private RoleCredentialsFetcher(SsoClient sso) {
    this.sso = Objects.requireNonNull(sso, "sso");
  }

  /**
   * @param ssoRegion the SSO region
   * @param endpointOverride an endpoint to call instead of the regional one ({@code
   *     AWS_ENDPOINT_URL_SSO}); empty for the SDK's resolution
   * @param caBundle the certificate authorities to trust ({@code AWS_CA_BUNDLE}); empty for the
   *     JDK's
   * @return a fetcher with its own portal client; the caller closes it
   */
  public static RoleCredentialsFetcher forRegion(
      String ssoRegion, Optional<URI> endpointOverride, Optional<CaBundle> caBundle) {
    return new RoleCredentialsFetcher(
        SdkClients.build(
            SsoClient.builder(),
            ssoRegion,
            endpointOverride,
            AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build(),
            caBundle));
  }

  /**
   * @param accessToken the SSO access token (secret; never in a message)
   * @param accountId the account ID
   * @param roleName the role (permission set) name
   * @return the credentials
   * @throws Failure of kind {@link Failure.Kind#SIGN_IN} when the portal rejects the access token
   *     ({@code UnauthorizedException}: expired early or revoked; only a new sign-in helps); of
   *     kind {@link Failure.Kind#AWS_CALL} for any other failure, e.g. {@code ForbiddenException}
   *     when the role is no longer assigned, network, throttling; {@link Failure.Kind#INTERRUPTED}
   *     when interrupted
   */
  public RoleCredentials fetch(String accessToken, String accountId, String roleName) {
    PortalCall call =
        new PortalCall("GetRoleCredentials of role " + roleName, Optional.of(accountId));
    GetRoleCredentialsResponse response;
    try {
      response =
          sso.getRoleCredentials(
              r -> r.accessToken(accessToken).accountId(accountId).roleName(roleName));
    } catch (UnauthorizedException e) {
      throw Failure.signIn(
          call.describe()
              + " failed: the access token was rejected by "
              + PortalFailures.hostOf(sso)
              + " (UnauthorizedException); run aws-sso-config-generator again to sign in",
          e);
    } catch (SdkException e) {
      throw SdkFailures.failure(
          Service.PORTAL, call.describe(), PortalFailures.hostOf(sso), 1, e, accessToken);
    }
    var credentials = response.roleCredentials();
    if (credentials == null
        || credentials.accessKeyId() == null
        || credentials.secretAccessKey() == null
        || credentials.sessionToken() == null
        || credentials.expiration() == null) {
      throw Failure.awsCall(
          call.describe()
              + " answered without complete credentials from "
              + PortalFailures.hostOf(sso),
          null);
    }
    return new RoleCredentials(
        accountId,
        credentials.accessKeyId(),
        credentials.secretAccessKey(),
        credentials.sessionToken(),
        Instant.ofEpochMilli(credentials.expiration()));
  }

  /** Closes the portal client this fetcher built. */
  @Override
  public void close() {
    sso.close();
  }
}

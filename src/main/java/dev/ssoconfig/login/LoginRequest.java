package dev.ssoconfig.login;

import java.time.Duration;
import java.util.Objects;

/**
 * What to sign in to and how.
 *
 * @param startUrl the AWS access portal URL, e.g. {@code https://acme.awsapps.com/start}
 * @param ssoRegion the SSO region of the Identity Center instance, e.g. {@code us-east-1}
 * @param sessionName the sso-session name; the token cache key is the SHA-1 hex of it, as the AWS
 *     CLI v2 does. {@code null} means the legacy form: the key is the SHA-1 hex of the start URL
 * @param flow PKCE (default of the AWS CLI v2) or device code
 * @param openBrowser whether to start the system browser; the URL is printed either way
 * @param timeout the longest wait for the person to finish signing in (callback or approval)
 * @param forceLogin ignore a valid cached access token and sign in again
 * @param flowNote one line saying why this flow was chosen when the person did not choose it (e.g.
 *     {@code No display (SSH session): signing in with a device code; …}), printed when an
 *     interactive sign-in starts, not when a cached token is used; {@code null} for none
 */
public record LoginRequest(
    String startUrl,
    String ssoRegion,
    String sessionName,
    LoginFlow flow,
    boolean openBrowser,
    Duration timeout,
    boolean forceLogin,
    String flowNote) {

  /**
   * @throws NullPointerException if startUrl, ssoRegion, flow or timeout is null
   * @throws IllegalArgumentException if timeout is zero or negative, or sessionName is blank
   */
  public LoginRequest {
    Objects.requireNonNull(startUrl, "startUrl");
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(timeout, "timeout");
    if (sessionName != null && sessionName.isBlank()) {
      throw new IllegalArgumentException("sessionName must be null (legacy) or not blank");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** A request with no note about the flow: the person chose it, or nothing needs saying. */
  public LoginRequest(
      String startUrl,
      String ssoRegion,
      String sessionName,
      LoginFlow flow,
      boolean openBrowser,
      Duration timeout,
      boolean forceLogin) {
    this(startUrl, ssoRegion, sessionName, flow, openBrowser, timeout, forceLogin, null);
  }

  /**
   * @return the text whose SHA-1 hex names the token cache file: the sso-session name, or the start
   *     URL in the legacy form
   */
  public String cacheKeySource() {
    return sessionName != null ? sessionName : startUrl;
  }
}

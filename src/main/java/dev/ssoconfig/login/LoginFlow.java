package dev.ssoconfig.login;

/** How the person proves who they are to IAM Identity Center. */
public enum LoginFlow {
  /**
   * Authorization code grant with PKCE (RFC 7636) and a loopback redirect (RFC 8252): the browser
   * on this machine comes back to {@code http://127.0.0.1:PORT/oauth/callback}. The AWS CLI v2's
   * default since 2.22.
   */
  PKCE,
  /**
   * Device authorization grant (RFC 8628): the person approves a user code in any browser, on any
   * device; this process polls {@code CreateToken}. For SSH sessions and hosts without a browser.
   */
  DEVICE_CODE
}

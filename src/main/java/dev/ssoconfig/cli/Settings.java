package dev.ssoconfig.cli;

import dev.ssoconfig.login.LoginFlow;
import java.time.Duration;

/**
 * The validated inputs of one run.
 *
 * @param startUrl the IAM Identity Center start URL ({@code https}, with a host)
 * @param ssoRegion the region of the Identity Center instance (OIDC and portal calls)
 * @param profileRegion the region written as {@code region} into each profile
 * @param sessionName the sso-session name (section name and token cache key)
 * @param flow PKCE (default) or device code
 * @param openBrowser whether to start a browser; the URL is printed either way
 * @param timeout how long to wait for the person to sign in
 * @param forceLogin ignore a cached access token
 * @param concurrency how many ListAccountRoles calls run at once (1–64)
 */
public record Settings(
    String startUrl,
    String ssoRegion,
    String profileRegion,
    String sessionName,
    LoginFlow flow,
    boolean openBrowser,
    Duration timeout,
    boolean forceLogin,
    int concurrency) {}

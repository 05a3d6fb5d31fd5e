package dev.ssoconfig.cli;

import dev.ssoconfig.login.LoginFlow;
import dev.ssoconfig.profiles.PlanOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The validated inputs of one run.
 *
 * @param startUrl the IAM Identity Center start URL ({@code https}, with a host)
 * @param ssoRegion the region of the Identity Center instance (OIDC and portal calls)
 * @param profileRegion the region written as {@code region} into each profile
 * @param sessionName the sso-session name (section name and, unless legacy, token cache key)
 * @param flow PKCE (default) or device code
 * @param openBrowser whether to start a browser; the URL is printed either way
 * @param flowNote why the flow was chosen when the person did not choose it, printed before an
 *     interactive sign-in; {@code null} for none (see {@link SignInChoice})
 * @param timeout how long to wait for the person to sign in
 * @param forceLogin ignore a cached access token
 * @param concurrency the most portal calls in flight at once (1–64); the pace is found below it
 * @param listingTimeout how long listing the accounts and roles may take
 * @param configFile the AWS config file to edit
 * @param planOptions naming template, renames, filters, legacy form, extra keys
 * @param prune remove stale generated profiles
 * @param dryRun print the diff instead of writing
 * @param backup keep the previous config as {@code <config>.bak}
 * @param json print one JSON document on stdout instead of the summary ({@link JsonReport})
 */
public record Settings(
    String startUrl,
    String ssoRegion,
    String profileRegion,
    String sessionName,
    LoginFlow flow,
    boolean openBrowser,
    String flowNote,
    Duration timeout,
    boolean forceLogin,
    int concurrency,
    Duration listingTimeout,
    Path configFile,
    PlanOptions planOptions,
    boolean prune,
    boolean dryRun,
    boolean backup,
    boolean json) {

  /**
   * @return whether profiles carry {@code sso_start_url} themselves, with no sso-session
   */
  public boolean legacy() {
    return planOptions.legacy();
  }
}

package dev.ssoconfig.cli;

import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigEditor;
import dev.ssoconfig.configfile.ConfigFileException;
import dev.ssoconfig.configfile.ConfigFileStore;
import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.configfile.SessionConflictException;
import dev.ssoconfig.login.AccessToken;
import dev.ssoconfig.login.BrowserOpener;
import dev.ssoconfig.login.LoginException;
import dev.ssoconfig.login.LoginRequest;
import dev.ssoconfig.login.OidcClients;
import dev.ssoconfig.login.SsoLogin;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.portal.PortalClients;
import dev.ssoconfig.portal.PortalLister;
import dev.ssoconfig.portal.RetryPolicy;
import dev.ssoconfig.Sleeper;
import dev.ssoconfig.portal.TokenRejectedException;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfilePlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * One run, left to right: check that the files can be written, log in, list every account and
 * role, plan the profiles, apply the plan to the config file and write it, then print the summary.
 * Nothing is written unless the whole enumeration succeeded.
 */
final class Generator {
  private final Environment environment;
  private final Clock clock;
  private final BrowserOpener browser;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;

  Generator(
      Environment environment,
      Clock clock,
      BrowserOpener browser,
      PrintWriter out,
      PrintWriter err,
      boolean verbose) {
    this.environment = environment;
    this.clock = clock;
    this.browser = browser;
    this.out = out;
    this.err = err;
    this.verbose = verbose;
  }

  /**
   * Runs the whole flow.
   *
   * @return {@link ExitCode#OK}; failures are thrown and mapped to exit codes by {@link
   *     FailureHandler}
   */
  int run(Settings settings)
      throws LoginException, SessionConflictException, ConfigFileException {
    Optional<URI> oidcEndpoint = environment.oidcEndpoint();
    Optional<URI> portalEndpoint = environment.portalEndpoint();
    Path configPath = environment.configFile();
    ConfigFileStore store = new ConfigFileStore(configPath);
    TokenCache tokenCache = new TokenCache(environment.ssoCacheDir(), clock);
    ProfilePlanner planner =
        new ProfilePlanner(
            settings.sessionName(),
            settings.startUrl(),
            settings.ssoRegion(),
            settings.profileRegion());
    ConfigEditor editor = new ConfigEditor();

    // Fail before anyone signs in: the files must be writable and the sso-session must not clash.
    store.checkWritable();
    try {
      tokenCache.checkWritable();
    } catch (IOException e) {
      throw new CannotWriteException(e.getMessage());
    }
    editor.apply(ConfigDocument.parse(store.read()), planner.plan(List.of()));
    verbose("config file: " + configPath);

    List<AccountRole> roles;
    try (SsoOidcClient oidc = OidcClients.create(settings.ssoRegion(), oidcEndpoint);
        SsoClient portal = PortalClients.create(settings.ssoRegion(), portalEndpoint)) {
      SsoLogin login =
          new SsoLogin(
              oidc,
              OidcClients.resolveEndpoint(settings.ssoRegion(), oidcEndpoint),
              tokenCache,
              browser,
              err,
              clock);
      LoginRequest request = loginRequest(settings, settings.forceLogin());
      AccessToken token = login(login, request);
      if (token.fromCache()) {
        err.println(
            "Using the cached access token of sso-session "
                + settings.sessionName()
                + " (valid until "
                + token.expiresAt().truncatedTo(ChronoUnit.SECONDS)
                + ").");
      }
      PortalLister lister =
          new PortalLister(
              portal,
              settings.concurrency(),
              RetryPolicy.defaults(),
              Sleeper.SYSTEM,
              new SecureRandom(),
              new ProgressPrinter(err, verbose));
      try {
        roles = lister.listAll(token.value());
      } catch (TokenRejectedException e) {
        if (!token.fromCache()) {
          throw e;
        }
        err.println("The cached access token was rejected; signing in again.");
        token = login(login, loginRequest(settings, true));
        roles = lister.listAll(token.value());
      }
    }

    ProfilePlan plan = planner.plan(roles);
    EditResult result = editor.apply(ConfigDocument.parse(store.read()), plan);
    for (String name : result.skipped()) {
      err.println(
          "warning: [profile "
              + name
              + "] exists and was not made by this tool; left it alone and wrote no profile for it.");
    }
    if (result.changed()) {
      store.write(result.document().toBytes(), true);
    }
    new Summary(out).print(configPath, result, plan);
    return ExitCode.OK;
  }

  /** Logs in; a token cache that cannot be written is a write failure (exit 5). */
  private static AccessToken login(SsoLogin login, LoginRequest request) throws LoginException {
    try {
      return login.login(request);
    } catch (UncheckedIOException e) {
      throw new CannotWriteException(e.getMessage());
    }
  }

  private static LoginRequest loginRequest(Settings settings, boolean forceLogin) {
    return new LoginRequest(
        settings.startUrl(),
        settings.ssoRegion(),
        settings.sessionName(),
        settings.flow(),
        settings.openBrowser(),
        settings.timeout(),
        forceLogin);
  }

  private void verbose(String line) {
    if (verbose) {
      err.println(line);
    }
  }
}

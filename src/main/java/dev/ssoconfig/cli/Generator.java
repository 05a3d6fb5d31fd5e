package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Sleeper;
import dev.ssoconfig.aws.LazyClient;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigEditor;
import dev.ssoconfig.configfile.ConfigFileStore;
import dev.ssoconfig.configfile.ConfigLock;
import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.configfile.UnifiedDiff;
import dev.ssoconfig.login.AccessToken;
import dev.ssoconfig.login.BrowserOpener;
import dev.ssoconfig.login.LoginRequest;
import dev.ssoconfig.login.OidcClients;
import dev.ssoconfig.login.SsoLogin;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.portal.PortalClients;
import dev.ssoconfig.portal.PortalLister;
import dev.ssoconfig.portal.RetryPolicy;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfilePlanner;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
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
 * Nothing is written unless the whole enumeration succeeded. Paths and names printed here are made
 * safe by {@link SafeText}.
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
   * @return {@link ExitCode#OK}
   * @throws Failure when the run cannot go on; {@link FailureHandler} maps its kind to the exit
   *     code
   */
  int run(Settings settings) {
    Optional<URI> oidcEndpoint = environment.oidcEndpoint();
    Optional<URI> portalEndpoint = environment.portalEndpoint();
    Path configPath = settings.configFile();
    ConfigFileStore store = new ConfigFileStore(configPath);
    TokenCache tokenCache = new TokenCache(environment.ssoCacheDir(), clock);
    ProfilePlanner planner =
        new ProfilePlanner(
            settings.sessionName(),
            settings.startUrl(),
            settings.ssoRegion(),
            settings.profileRegion(),
            settings.planOptions());
    ConfigEditor editor = new ConfigEditor();

    // Fail before anyone signs in, and before anything is created: the path must name a regular
    // file (reading a FIFO would block), the AWS CLI must be able to read the config, the files
    // must be writable, and the sso-session must not clash.
    store.checkPath();
    ConfigDocument current = store.readDocument();
    if (!settings.dryRun()) {
      store.checkWritable();
    }
    try {
      tokenCache.checkWritable();
    } catch (IOException e) {
      throw Failure.file(e.getMessage(), e);
    }
    editor.apply(current, planner.plan(List.of()));
    String shownPath = SafeText.line(configPath.toString());
    verbose("config file: " + shownPath);

    List<AccountRole> roles = signInAndList(settings, tokenCache, oidcEndpoint, portalEndpoint);
    ProfilePlan plan = planner.plan(roles);
    if (settings.dryRun()) {
      Outcome outcome = apply(store, editor, planner, plan, settings.prune());
      String diff =
          UnifiedDiff.between(shownPath, outcome.before(), outcome.result().document().toBytes());
      out.print(diff.isEmpty() ? "No change to " + shownPath + " (dry run).\n" : diff);
      new Summary(out).print(configPath, outcome.result(), plan, outcome.stale(), true);
      return ExitCode.OK;
    }
    Outcome outcome;
    try (ConfigLock lock = lock(store)) {
      verbose("holding the lock " + SafeText.line(lock.path().toString()));
      outcome = apply(store, editor, planner, plan, settings.prune());
      if (outcome.result().changed()) {
        store.write(outcome.result().document().toBytes(), settings.backup());
      }
    }
    new Summary(out).print(configPath, outcome.result(), plan, outcome.stale(), false);
    return ExitCode.OK;
  }

  /**
   * Signs in (or reuses the cached token) and lists every account and role. The SDK clients are
   * built on first use: a PKCE sign-in with a cached client registration shows the authorize URL
   * before any client (and its TLS context) exists, and the portal client is built after sign-in.
   */
  private List<AccountRole> signInAndList(
      Settings settings,
      TokenCache tokenCache,
      Optional<URI> oidcEndpoint,
      Optional<URI> portalEndpoint) {
    try (LazyClient<SsoOidcClient> oidc =
            new LazyClient<>(() -> OidcClients.create(settings.ssoRegion(), oidcEndpoint));
        LazyClient<SsoClient> portal =
            new LazyClient<>(() -> PortalClients.create(settings.ssoRegion(), portalEndpoint))) {
      SsoLogin login =
          new SsoLogin(
              oidc,
              OidcClients.resolveEndpoint(settings.ssoRegion(), oidcEndpoint),
              tokenCache,
              browser,
              err,
              clock);
      AccessToken token = login.login(loginRequest(settings, settings.forceLogin()));
      if (token.fromCache()) {
        err.println(
            "Using the cached access token (valid until "
                + token.expiresAt().truncatedTo(ChronoUnit.SECONDS)
                + ").");
      }
      ProgressPrinter progress = new ProgressPrinter(err, verbose);
      PortalLister lister =
          new PortalLister(
              portal.get(),
              settings.concurrency(),
              settings.listingTimeout(),
              RetryPolicy.defaults(),
              Sleeper.SYSTEM,
              new SecureRandom(),
              clock,
              System::nanoTime,
              progress);
      try {
        return listed(lister, token, progress);
      } catch (Failure.AccessTokenRejected e) {
        if (!token.fromCache()) {
          throw e;
        }
        err.println("The cached access token was rejected; signing in again.");
        token = login.login(loginRequest(settings, true));
        return listed(lister, token, progress);
      }
    }
  }

  /** Lists every account and role, then says how long it took. */
  private static List<AccountRole> listed(
      PortalLister lister, AccessToken token, ProgressPrinter progress) {
    long start = System.nanoTime();
    List<AccountRole> roles = lister.listAll(token.value());
    progress.summary(roles.size(), System.nanoTime() - start);
    return roles;
  }

  /** Takes the config lock, waiting (and saying so) only when another run holds it. */
  private ConfigLock lock(ConfigFileStore store) {
    return store
        .tryLock()
        .orElseGet(
            () -> {
              String path = SafeText.line(store.path().toString());
              err.println("Waiting for another run to finish with " + path + "…");
              err.flush();
              return store.lock(ConfigFileStore.DEFAULT_LOCK_TIMEOUT);
            });
  }

  /** Reads the config as it is now and applies the plan, with the stale profiles pruned if asked. */
  private Outcome apply(
      ConfigFileStore store,
      ConfigEditor editor,
      ProfilePlanner planner,
      ProfilePlan plan,
      boolean prune) {
    ConfigDocument document = store.readDocument();
    byte[] before = document.toBytes();
    List<String> stale = planner.stale(document.managedProfiles(), plan);
    EditResult result = editor.apply(document, prune ? planner.withPrune(plan, stale) : plan);
    for (String name : result.skipped()) {
      err.println(
          "warning: [profile "
              + SafeText.line(name)
              + "] exists and was not made by this tool; left it alone and wrote no profile for it.");
    }
    return new Outcome(before, result, prune ? List.of() : stale);
  }

  /** What applying the plan did, and the stale profiles left in place. */
  private record Outcome(byte[] before, EditResult result, List<String> stale) {}

  private static LoginRequest loginRequest(Settings settings, boolean forceLogin) {
    return new LoginRequest(
        settings.startUrl(),
        settings.ssoRegion(),
        settings.legacy() ? null : settings.sessionName(),
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

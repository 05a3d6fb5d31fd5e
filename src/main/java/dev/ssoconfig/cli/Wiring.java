package dev.ssoconfig.cli;

import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigEditor;
import dev.ssoconfig.configfile.ConfigFileStore;
import dev.ssoconfig.configfile.ConfigLock;
import dev.ssoconfig.login.BrowserOpener;
import dev.ssoconfig.login.LoginRequest;
import dev.ssoconfig.login.SsoLogin;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.portal.PortalLister;
import dev.ssoconfig.profiles.ProfilePlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The composition root of one run: builds what the {@link Generator} flow works on — the sign-in
 * with its OIDC client, the portal lister with its client, the token cache, the config store, the
 * planner and the editor — from the run's settings and the process's environment, and closes what
 * it built. Clients are built on first use (see {@link SsoLogin#forRegion} and {@link #listAll}).
 */
final class Wiring implements AutoCloseable {
  private final Settings settings;
  private final Environment environment;
  private final Clock clock;
  private final PrintWriter err;
  private final Display display;
  private final Verbosity verbosity;
  private final SsoLogin login;

  /** {@code AWS_CA_BUNDLE}, read before anything is sent. */
  private final Optional<CaBundle> caBundle;

  private PortalLister lister;
  private ProgressPrinter progress;

  /**
   * @param settings the validated options
   * @param environment the environment variables and home folder
   * @param clock the clock (UTC) for token expiry
   * @param browser opens the sign-in URL
   * @param err messages for the person
   * @param display the live status line and colours of stderr
   * @param verbosity {@code --quiet} (only errors and what the person must act on, such as the
   *     sign-in URL and the user code, reach stderr), the default, or {@code --verbose}
   */
  Wiring(
      Settings settings,
      Environment environment,
      Clock clock,
      BrowserOpener browser,
      PrintWriter err,
      Display display,
      Verbosity verbosity) {
    this.settings = settings;
    this.environment = environment;
    this.clock = clock;
    this.err = err;
    this.display = display;
    this.verbosity = verbosity;
    TokenCache tokenCache = new TokenCache(environment.ssoCacheDir(), clock);
    this.caBundle = CaBundle.fromEnvironment(environment.variables());
    // The sign-in prints only what the person must act on (the URL, the user code, why a new
    // sign-in is needed, a browser that would not start): that is shown even with --quiet.
    this.login =
        SsoLogin.forRegion(
            settings.ssoRegion(),
            environment.oidcEndpoint(),
            caBundle,
            tokenCache,
            browser,
            err,
            clock,
            new SignInWaits(
                err,
                display.status(),
                clock,
                verbosity == Verbosity.QUIET,
                SignInWaits.Ticker.BACKGROUND));
  }

  /**
   * @param out the summary and the dry run's diff
   * @return the run's flow, on this wiring's parts
   */
  Generator generator(PrintWriter out) {
    ProfilePlanner planner =
        new ProfilePlanner(
            settings.sessionName(),
            settings.startUrl(),
            settings.ssoRegion(),
            settings.profileRegion(),
            settings.planOptions());
    return new Generator(
        force -> login.login(loginRequest(force)),
        this::listAll,
        new StoreConfigFile(new ConfigFileStore(settings.configFile())),
        planner,
        new ConfigEditor(),
        out,
        err,
        verbosity);
  }

  /** What the run does beyond signing in and listing. */
  Generator.Options options() {
    return new Generator.Options(
        settings.forceLogin(),
        settings.dryRun(),
        settings.prune(),
        settings.backup(),
        settings.json());
  }

  /**
   * Lists every account and role, building the portal client on the first call (after sign-in),
   * then says how long it took.
   */
  private List<AccountRole> listAll(String accessToken) {
    if (lister == null) {
      progress = new ProgressPrinter(err, display, verbosity, System::nanoTime);
      lister =
          PortalLister.forRegion(
              settings.ssoRegion(),
              environment.portalEndpoint(),
              caBundle,
              settings.concurrency(),
              settings.listingTimeout(),
              clock,
              progress);
    }
    long start = System.nanoTime();
    progress.started();
    List<AccountRole> roles = lister.listAll(accessToken);
    progress.summary(roles.size(), System.nanoTime() - start);
    return roles;
  }

  private LoginRequest loginRequest(boolean forceLogin) {
    return new LoginRequest(
        settings.startUrl(),
        settings.ssoRegion(),
        settings.legacy() ? null : settings.sessionName(),
        settings.flow(),
        settings.openBrowser(),
        settings.timeout(),
        forceLogin,
        settings.flowNote());
  }

  /** Closes the SDK clients that were built. */
  @Override
  public void close() {
    try {
      login.close();
    } finally {
      if (lister != null) {
        lister.close();
      }
    }
  }

  /** The config file of the flow, on the config store. */
  private record StoreConfigFile(ConfigFileStore store) implements Generator.ConfigFile {
    @Override
    public Path path() {
      return store.path();
    }

    @Override
    public ConfigDocument checkBeforeSignIn(boolean dryRun) {
      // The path first: reading a FIFO would block. Then what the AWS CLI reads, then, only
      // for a run that writes, whether the file, its folder and its lock can be written.
      store.checkPath();
      ConfigDocument current = store.readDocument();
      if (!dryRun) {
        store.checkWritable();
      }
      return current;
    }

    @Override
    public ConfigDocument read() {
      return store.readDocument();
    }

    @Override
    public Optional<Generator.Lock> tryLock() {
      return store.tryLock().map(StoreConfigFile::held);
    }

    @Override
    public Generator.Lock lock() {
      return held(store.lock(ConfigFileStore.DEFAULT_LOCK_TIMEOUT));
    }

    @Override
    public void write(byte[] content, boolean backup) {
      store.write(content, backup);
    }

    private static Generator.Lock held(ConfigLock lock) {
      return new Generator.Lock() {
        @Override
        public Path path() {
          return lock.path();
        }

        @Override
        public void close() {
          lock.close();
        }
      };
    }
  }
}

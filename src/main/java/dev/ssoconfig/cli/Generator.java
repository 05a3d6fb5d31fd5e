package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigEditor;
import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.configfile.UnifiedDiff;
import dev.ssoconfig.login.AccessToken;
import dev.ssoconfig.portal.AccountRole;
import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfilePlanner;
import dev.ssoconfig.text.SafeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run, left to right: check the config file before anyone signs in, sign in, list every account
 * and role, plan the profiles, apply the plan to the config file and write it, then print the
 * summary. Nothing is written unless the whole enumeration succeeded. Paths and names printed here
 * are made safe by {@link SafeText}.
 *
 * <p>This is the flow only: it works through the narrow interfaces below, which {@link Wiring}
 * builds for a real run (the SDK clients, the token cache, the config store) and tests build as
 * they like.
 */
final class Generator {

  /** Signs in, or finds a cached access token. */
  @FunctionalInterface
  interface SignIn {
    /**
     * @param force sign in even if a cached access token is usable
     * @return the access token; {@link AccessToken#fromCache()} tells whether it was cached
     * @throws Failure when the sign-in did not complete
     */
    AccessToken signIn(boolean force);
  }

  /** Lists every account and role an access token can reach. */
  @FunctionalInterface
  interface Listing {
    /**
     * @param accessToken the SSO access token
     * @return every account/role pair
     * @throws Failure.AccessTokenRejected when the portal rejects the token
     * @throws Failure when the listing fails otherwise
     */
    List<AccountRole> listAll(String accessToken);
  }

  /** The config file the run edits. */
  interface ConfigFile {
    /** The path as configured, for messages. */
    Path path();

    /**
     * Everything that can be checked before sign-in: the path names a regular file, the AWS CLI can
     * read the file, and (unless {@code dryRun}) it, its folder and its lock can be written.
     *
     * @return the file as it is now
     * @throws Failure of kind {@link Failure.Kind#FILE} naming the problem
     */
    ConfigDocument checkBeforeSignIn(boolean dryRun);

    /** The file as it is now, refused if the AWS CLI cannot read it. */
    ConfigDocument read();

    /** Takes the lock that serialises runs if no other run holds it. */
    Optional<Lock> tryLock();

    /** Takes the lock, waiting for another run to finish with it. */
    Lock lock();

    /** Replaces the file's content atomically, keeping a backup if asked; under the lock. */
    void write(byte[] content, boolean backup);
  }

  /** The held config lock. */
  interface Lock extends AutoCloseable {
    /** The lock file, for {@code --verbose}. */
    Path path();

    @Override
    void close();
  }

  /**
   * What a run does beyond signing in and listing.
   *
   * @param forceLogin sign in even if a cached access token is usable
   * @param dryRun print the diff instead of writing
   * @param prune remove stale generated profiles
   * @param backup keep the previous config as {@code <config>.bak}
   * @param json print the {@link JsonReport} document on stdout instead of the summary (and, in a
   *     dry run, instead of the diff)
   */
  record Options(boolean forceLogin, boolean dryRun, boolean prune, boolean backup, boolean json) {
    /** Options for the human summary. */
    Options(boolean forceLogin, boolean dryRun, boolean prune, boolean backup) {
      this(forceLogin, dryRun, prune, backup, false);
    }
  }

  private final SignIn signIn;
  private final Listing listing;
  private final ConfigFile config;
  private final ProfilePlanner planner;
  private final ConfigEditor editor;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Verbosity verbosity;

  /**
   * @param signIn signs in or finds the cached token
   * @param listing lists the accounts and roles
   * @param config the config file
   * @param planner turns the pairs into the plan
   * @param editor applies the plan
   * @param out the summary and the dry run's diff
   * @param err messages for the person
   * @param verbosity how much to say on {@code err}: with {@link Verbosity#QUIET} only that the
   *     cached access token was rejected (a new sign-in follows, in which the person must act)
   */
  Generator(
      SignIn signIn,
      Listing listing,
      ConfigFile config,
      ProfilePlanner planner,
      ConfigEditor editor,
      PrintWriter out,
      PrintWriter err,
      Verbosity verbosity) {
    this.signIn = Objects.requireNonNull(signIn, "signIn");
    this.listing = Objects.requireNonNull(listing, "listing");
    this.config = Objects.requireNonNull(config, "config");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.editor = Objects.requireNonNull(editor, "editor");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.verbosity = Objects.requireNonNull(verbosity, "verbosity");
  }

  /**
   * Runs the whole flow.
   *
   * @return {@link ExitCode#OK}
   * @throws Failure when the run cannot go on; {@link FailureHandler} maps its kind to the exit
   *     code
   */
  int run(Options options) {
    // Fail before anyone signs in, and before anything is created.
    ConfigDocument current = config.checkBeforeSignIn(options.dryRun());
    editor.checkSsoSession(current, planner.ssoSession());
    String shownPath = SafeText.line(config.path().toString());
    verbose("config file: " + shownPath);

    Listed listed = signInAndList(options.forceLogin());
    ProfilePlan plan = planner.plan(listed.roles());
    if (options.dryRun()) {
      Outcome outcome = apply(plan, options.prune());
      if (!options.json()) {
        String diff =
            UnifiedDiff.between(shownPath, outcome.before(), outcome.result().document().toBytes());
        out.print(diff.isEmpty() ? "No change to " + shownPath + " (dry run).\n" : diff);
      }
      report(options, outcome, plan, listed);
      return ExitCode.OK;
    }
    Outcome outcome;
    try (Lock lock = lock()) {
      verbose("holding the lock " + SafeText.line(lock.path().toString()));
      outcome = apply(plan, options.prune());
      if (outcome.result().changed()) {
        config.write(outcome.result().document().toBytes(), options.backup());
      }
    }
    report(options, outcome, plan, listed);
    return ExitCode.OK;
  }

  /** Prints the summary, or with {@code --json} the JSON document, on stdout. */
  private void report(Options options, Outcome outcome, ProfilePlan plan, Listed listed) {
    if (options.json()) {
      new JsonReport(out)
          .print(
              RunReport.of(
                  config.path(),
                  options.dryRun(),
                  outcome.result(),
                  plan,
                  outcome.stale(),
                  outcome.existing(),
                  listed.roles(),
                  listed.tokenExpiresAt()));
    } else {
      new Summary(out, verbosity == Verbosity.VERBOSE)
          .print(config.path(), outcome.result(), plan, outcome.stale(), options.dryRun());
    }
  }

  /**
   * Signs in (or reuses the cached token) and lists every account and role; a cached token the
   * portal rejects (revoked, or expired early) is worth one new sign-in.
   */
  private Listed signInAndList(boolean forceLogin) {
    AccessToken token = signIn.signIn(forceLogin);
    if (token.fromCache()) {
      note(
          "Using the cached access token (valid until "
              + token.expiresAt().truncatedTo(ChronoUnit.SECONDS)
              + ").");
    }
    try {
      return new Listed(listing.listAll(token.value()), token.expiresAt());
    } catch (Failure.AccessTokenRejected e) {
      if (!token.fromCache()) {
        throw e;
      }
      err.println("The cached access token was rejected; signing in again.");
      AccessToken again = signIn.signIn(true);
      return new Listed(listing.listAll(again.value()), again.expiresAt());
    }
  }

  /** The pairs listed, and when the access token that listed them expires. */
  private record Listed(List<AccountRole> roles, Instant tokenExpiresAt) {}

  /** Takes the config lock, waiting (and saying so) only when another run holds it. */
  private Lock lock() {
    return config
        .tryLock()
        .orElseGet(
            () -> {
              String path = SafeText.line(config.path().toString());
              note("Waiting for another run to finish with " + path + "…");
              return config.lock();
            });
  }

  /**
   * Reads the config as it is now and applies the plan, with the stale profiles pruned if asked.
   */
  private Outcome apply(ProfilePlan plan, boolean prune) {
    ConfigDocument document = config.read();
    byte[] before = document.toBytes();
    List<ExistingProfile> existing = document.managedProfiles();
    List<String> stale = planner.stale(existing, plan);
    EditResult result = editor.apply(document, prune ? planner.withPrune(plan, stale) : plan);
    for (String name : result.skipped()) {
      // also counted in the summary on stdout, so --quiet loses nothing
      note(
          "warning: [profile "
              + SafeText.line(name)
              + "] exists and was not made by this tool; left it alone and wrote no profile for it.");
    }
    List<String> left =
        prune ? stale.stream().filter(name -> !result.removed().contains(name)).toList() : stale;
    return new Outcome(before, result, left, existing);
  }

  /**
   * What applying the plan did, the stale profiles left in place (with {@code --prune}, those the
   * editor could not remove), and the generated profiles as they were.
   */
  private record Outcome(
      byte[] before, EditResult result, List<String> stale, List<ExistingProfile> existing) {}

  /** A line for the person that {@code --quiet} leaves out. */
  private void note(String line) {
    if (verbosity != Verbosity.QUIET) {
      err.println(line);
      err.flush();
    }
  }

  private void verbose(String line) {
    if (verbosity == Verbosity.VERBOSE) {
      err.println(line);
    }
  }
}

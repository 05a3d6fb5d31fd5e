package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.login.BrowserOpener;
import dev.ssoconfig.text.SafeText;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The command: sign in to IAM Identity Center once and write a profile for every account and role
 * into the AWS config file. Options are validated here, before any network call; the work itself is
 * done by {@link Generator}.
 */
@Command(
    name = "aws-sso-config-generator",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    headerHeading = "%n",
    header =
        "Write an AWS CLI profile for every account and role you can reach through IAM Identity Center.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    description = {
      "Signs you in once (browser login with PKCE, or a device code over SSH, in CI and on hosts "
          + "without a display), "
          + "lists every account and role, and adds or updates one profile per pair and one "
          + "sso-session in the AWS config file: AWS_CONFIG_FILE, else the config file in the .aws "
          + "folder of your home. Everything else in that file is kept byte for byte. The access "
          + "token is cached the way the AWS CLI caches it, so the profiles work at once."
    },
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    subcommands = {CompletionCommand.class},
    // one line per code, the numbers of ExitCode; also in README.md, docs/usage.md, the man page
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:unexpected failure (a bug; --verbose shows details)",
      "2:bad option or value; nothing was sent or written",
      "3:the sign-in did not complete (denied, expired, timed out)",
      "4:an AWS call failed (network, throttling, rejected token)",
      "5:the config file, SSO cache or output could not be read or written",
      "130:interrupted (Ctrl-C)"
    },
    // Examples last. Each line is shorter than picocli's narrowest width (55), so none is wrapped.
    footerHeading = "%nExamples:%n",
    footer = {
      "  aws-sso-config-generator \\",
      "      --start-url https://acme.awsapps.com/start \\",
      "      --region eu-west-1",
      "  # later, again with the options recorded:",
      "  aws-sso-config-generator",
      "  # what would change, for the Prod accounts only:",
      "  aws-sso-config-generator --start-url URL \\",
      "      --region REGION --dry-run --include 'Prod*/*'",
      "  # use a profile:",
      "  aws sts get-caller-identity \\",
      "      --profile Prod-Account.AdministratorAccess",
      "  # completion in this bash or zsh session:",
      "  source <(aws-sso-config-generator completion bash)",
      "",
      "Documentation: docs/usage.md, docs/options.md"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--start-url",
      paramLabel = "URL",
      description =
          "The IAM Identity Center start URL, e.g. https://acme.awsapps.com/start. Without it, the"
              + " options recorded in the config file by an earlier run are used.")
  String startUrl;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "Region written into each profile, and the Identity Center region unless --sso-region is"
              + " given. Required with --start-url.")
  String region;

  @Option(
      names = "--sso-region",
      paramLabel = "REGION",
      description = "Region of the Identity Center instance, when it differs from --region.")
  String ssoRegion;

  @Option(
      names = {"--device-code", "--use-device-code"},
      description =
          "Sign in with a device code, on any device. The default over SSH, in CI and where no"
              + " display is set, unless BROWSER is set.")
  boolean deviceCode;

  @Option(
      names = "--pkce",
      description =
          "Sign in with a browser on this machine (PKCE) even where none seems to be shown (SSH,"
              + " CI, no DISPLAY), where the device code is used by default.")
  boolean pkce;

  @Option(
      names = "--no-browser",
      description = "Do not start a browser; only print the sign-in URL to open by hand.")
  boolean noBrowser;

  @Option(
      names = {"--sso-session", "--sso-session-name"},
      paramLabel = "NAME",
      description =
          "Name of the [sso-session] section and token cache entry (default: first label of the start URL's host).")
  String ssoSession;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "How long to wait for the sign-in, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--force-login",
      description = "Sign in again even if a valid access token is cached.")
  boolean forceLogin;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "The most portal calls in flight at once, 1-64 (default: ${DEFAULT-VALUE}); below it the"
              + " tool finds the pace the portal allows by itself.")
  int concurrency;

  @Option(
      names = "--listing-timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "How long listing the accounts and roles may take, throttling included (default:"
              + " ${DEFAULT-VALUE}).")
  String listingTimeout;

  @Option(
      names = {"--config-file", "--out", "-o"},
      paramLabel = "PATH",
      description = "The AWS config file to edit (default: AWS_CONFIG_FILE, else ~/.aws/config).")
  Path configFile;

  @Option(
      names = "--profile-template",
      paramLabel = "TEMPLATE",
      defaultValue = "{account_name}.{role_name}",
      description =
          "Profile name template; placeholders {account_name}, {account_id}, {role_name}, "
              + "{sso_session}, {region} (default: ${DEFAULT-VALUE}).")
  String profileTemplate;

  @Option(
      names = "--template",
      paramLabel = "FILE",
      description =
          "JSON rename file: {\"accounts\": {\"<account id>\": \"<name>\"}, \"roles\": "
              + "{\"<role name>\": \"<name>\"}}; a role renamed to \"\" drops the role part.")
  Path renameFile;

  @Option(
      names = "--include",
      paramLabel = "PATTERN",
      description =
          "Keep only ACCOUNT/ROLE pairs matching this glob, e.g. 'Prod*/*'. ACCOUNT is the "
              + "account ID, or the account name as the portal shows it or as in profile names "
              + "('Prod Account (EU)' or 'Prod-Account-EU'). Repeatable.")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "PATTERN",
      description =
          "Leave out ACCOUNT/ROLE pairs matching this glob, e.g. '*/Billing'; ACCOUNT as for "
              + "--include. Repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--prune",
      description =
          "Remove generated profiles of this sso-session (legacy: start URL) that are no longer "
              + "assigned or are filtered out. Nothing else is ever removed.")
  boolean prune;

  @Option(
      names = "--dry-run",
      description = "Sign in and list, then print a diff of the config file instead of writing it.")
  boolean dryRun;

  @Option(
      names = "--legacy",
      description =
          "Write sso_start_url and sso_region into each profile and no [sso-session] section, "
              + "for tools that predate sso-session.")
  boolean legacy;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Add this key to every generated profile, e.g. output=json. Repeatable.")
  List<String> extraKeys = new ArrayList<>();

  @Option(
      names = "--no-backup",
      description = "Do not keep the previous config file as <config>.bak.")
  boolean noBackup;

  @Option(
      names = "--credential-process",
      description =
          "Also write credential_process = <this tool> credentials --profile NAME into each"
              + " profile, for tools that cannot read SSO profiles.")
  boolean credentialProcess;

  @Option(
      names = "--json",
      description =
          "Print one JSON document on stdout instead of the summary (and instead of the diff with"
              + " --dry-run): the sso-session, the config file, the token expiry and every profile"
              + " with its action. On failure stdout stays empty. Schema: docs/output.schema.json.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show more detail on stderr (never secrets).")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Print only errors on stderr, and the sign-in URL and user code when you must sign in.")
  boolean quiet;

  private final Environment environment;
  private final Clock clock;
  private final BrowserOpener browser;
  private final Display display;

  /**
   * As {@link #GenerateCommand(Environment, Clock, BrowserOpener, Display)} for a stderr that is
   * not a terminal.
   */
  public GenerateCommand(Environment environment, Clock clock, BrowserOpener browser) {
    this(environment, clock, browser, Display.plain());
  }

  /**
   * @param environment the environment variables and home folder to use
   * @param clock the clock for token expiry decisions (UTC)
   * @param browser opens the sign-in URL
   * @param display the live status line and colours of stderr
   */
  GenerateCommand(Environment environment, Clock clock, BrowserOpener browser, Display display) {
    this.environment = environment;
    this.clock = clock;
    this.browser = browser;
    this.display = display;
  }

  /**
   * Validates the options and runs the generation.
   *
   * @return the exit code, see {@link ExitCode}
   * @throws Failure of kind {@link Failure.Kind#USAGE} when a value is invalid (before any network
   *     call), and every other {@link Failure} of the run, which {@link FailureHandler} maps to
   *     exit codes
   */
  @Override
  public Integer call() throws Exception {
    if (quiet && verbose) {
      throw Failure.usage("--quiet and --verbose cannot be used together; choose one");
    }
    Settings settings = settings();
    try (Wiring wiring =
        new Wiring(
            settings,
            environment,
            clock,
            browser,
            spec.commandLine().getErr(),
            display,
            Verbosity.of(quiet, verbose))) {
      return wiring.generator(spec.commandLine().getOut()).run(wiring.options());
    }
  }

  /**
   * @return whether {@code --verbose} was given (used by the failure handler)
   */
  boolean verbose() {
    return verbose;
  }

  private Settings settings() {
    Path config =
        configFile != null
            ? InputRules.configFile("--config-file", configFile)
            : InputRules.configFile("AWS_CONFIG_FILE", environment.configFile());
    RunNaming naming = naming(config);
    SignInChoice signIn = SignInChoice.decide(deviceCode, pkce, noBrowser, environment);
    return new Settings(
        naming.startUrl(),
        naming.ssoRegion(),
        naming.profileRegion(),
        naming.sessionName(),
        signIn.flow(),
        signIn.openBrowser(),
        signIn.note(),
        InputRules.duration("--timeout", timeout),
        forceLogin,
        InputRules.concurrency("--concurrency", concurrency),
        InputRules.duration("--listing-timeout", listingTimeout),
        config,
        naming.credentialProcess()
            ? naming
                .planOptions()
                .withCredentialProcess(Optional.of(Launcher.credentialProcess(environment, config)))
            : naming.planOptions(),
        prune,
        dryRun,
        !noBackup,
        json);
  }

  /**
   * What the run writes: from the options given when {@code --start-url} is, else from the record
   * of an sso-session in the config file with the options given in place of recorded ones ({@link
   * Rerun}), said on stderr.
   */
  private RunNaming naming(Path config) {
    boolean templateGiven =
        spec.commandLine().getParseResult().hasMatchedOption("--profile-template");
    RunNaming.Flags flags =
        new RunNaming.Flags(
            startUrl,
            region,
            ssoRegion,
            ssoSession,
            templateGiven ? profileTemplate : null,
            renameFile,
            includes,
            excludes,
            extraKeys,
            legacy,
            credentialProcess);
    if (startUrl != null) {
      return RunNaming.fromFlags(flags);
    }
    RunNaming naming = Rerun.reading(config).resolve(flags);
    if (!quiet) {
      spec.commandLine()
          .getErr()
          .println(
              SafeText.line(
                  "Running again with the options recorded in "
                      + config
                      + ": "
                      + Rerun.asOptions(naming)));
    }
    return naming;
  }
}

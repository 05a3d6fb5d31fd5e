package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.CaBundle;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigFileStore;
import dev.ssoconfig.configfile.SsoProfile;
import dev.ssoconfig.login.AccessToken;
import dev.ssoconfig.login.CachedSignIn;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.portal.RoleCredentials;
import dev.ssoconfig.portal.RoleCredentialsFetcher;
import dev.ssoconfig.text.SafeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso-config-generator credentials --profile NAME}: prints temporary credentials of a
 * generated profile as the JSON a {@code credential_process} gives (see {@link
 * CredentialProcessOutput}), for tools that cannot read SSO profiles.
 *
 * <p>It reads the profile's account, role and sso-session from the config file, takes the access
 * token of the last sign-in from the SSO token cache, refreshing it when it is about to expire
 * ({@link CachedSignIn}), and calls GetRoleCredentials. It never signs in: an expired sign-in ends
 * with exit code 3 and one line asking to run the generator again. Only the JSON goes to stdout;
 * nothing secret goes to stderr, also with {@code --verbose}.
 */
@Command(
    name = "credentials",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Print credentials of a generated profile for credential_process.",
    descriptionHeading = "%n",
    description = {
      "Prints the JSON a credential_process gives (Version 1, AccessKeyId, SecretAccessKey,"
          + " SessionToken, Expiration) for a profile this tool generated, using the cached"
          + " sign-in (refreshed when it is about to expire). It never opens a browser: when the"
          + " sign-in has expired it exits with 3; run aws-sso-config-generator again then."
    },
    optionListHeading = "%nOptions:%n")
public final class CredentialsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--profile",
      required = true,
      paramLabel = "NAME",
      description = "The generated profile whose account and role to use.")
  String profile;

  @Option(
      names = {"--config-file", "-o"},
      paramLabel = "PATH",
      description = "The AWS config file to read (default: AWS_CONFIG_FILE, else ~/.aws/config).")
  Path configFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "Say on stderr where the credentials came from (never secrets).")
  boolean verbose;

  private final Environment environment;
  private final Clock clock;

  /**
   * @param environment the environment variables and home folder
   * @param clock the clock (UTC) for token expiry
   */
  public CredentialsCommand(Environment environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  /**
   * @return {@link ExitCode#OK} after printing the JSON
   * @throws Failure of kind USAGE for a missing or non-SSO profile, SIGN_IN (exit 3) when the
   *     sign-in has expired or was rejected, AWS_CALL for a failed call, FILE for an unreadable
   *     config or an unwritable cache
   */
  @Override
  public Integer call() {
    Path config =
        configFile != null
            ? InputRules.configFile("--config-file", configFile)
            : InputRules.configFile("AWS_CONFIG_FILE", environment.configFile());
    ConfigDocument document = ConfigDocument.parse(new ConfigFileStore(config).read());
    SsoProfile sso = SsoProfile.find(document.asReadByAwsCli(), profile, config.toString());
    // checked as the generator checks its own (no password in the URL, a known region); the
    // values are used as written, since a legacy token's cache file is named by the URL as written
    String where =
        " of profile " + SafeText.quote(profile) + " in " + SafeText.line(config.toString());
    InputRules.startUrl("sso_start_url" + where, sso.startUrl());
    InputRules.region("sso_region" + where, sso.ssoRegion());
    PrintWriter err = spec.commandLine().getErr();
    Optional<CaBundle> caBundle = CaBundle.fromEnvironment(environment.variables());
    AccessToken token;
    try (CachedSignIn signIn =
        CachedSignIn.forRegion(
            sso.ssoRegion(),
            environment.oidcEndpoint(),
            caBundle,
            new TokenCache(environment.ssoCacheDir(), clock),
            clock)) {
      token = signIn.accessToken(sso.sessionName(), sso.startUrl(), sso.ssoRegion());
    }
    RoleCredentials credentials;
    try (RoleCredentialsFetcher fetcher =
        RoleCredentialsFetcher.forRegion(sso.ssoRegion(), environment.portalEndpoint(), caBundle)) {
      credentials = fetcher.fetch(token.value(), sso.accountId(), sso.roleName());
    }
    if (verbose) {
      err.println(
          "Credentials of role "
              + SafeText.line(sso.roleName())
              + " in account "
              + SafeText.line(sso.accountId())
              + ", valid until "
              + TokenCache.formatTime(credentials.expiration())
              + "; access token valid until "
              + TokenCache.formatTime(token.expiresAt()));
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(CredentialProcessOutput.json(credentials));
    out.println();
    out.flush();
    return ExitCode.OK;
  }

  /**
   * @return whether {@code --verbose} was given (used by the failure handler)
   */
  boolean verbose() {
    return verbose;
  }
}

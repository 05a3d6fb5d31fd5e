package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.profiles.ExtraKeys;
import dev.ssoconfig.profiles.PairFilter;
import dev.ssoconfig.profiles.PlanOptions;
import dev.ssoconfig.profiles.ProfileNameTemplate;
import dev.ssoconfig.profiles.ProfileNames;
import dev.ssoconfig.profiles.RenameMap;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a run writes, validated: the sso-session with its start URL and SSO region, the region of
 * the profiles, and how the profiles are named, selected and filled. It comes from the options of a
 * run with {@code --start-url} ({@link #fromFlags}) or, for a run without, from the record of an
 * sso-session in the config file and the options given ({@link Rerun}).
 *
 * @param startUrl the start URL in its normal form
 * @param ssoRegion the region of IAM Identity Center
 * @param profileRegion the region written into each profile
 * @param sessionName the sso-session name
 * @param planOptions template, renames (with the rename file's absolute path), filters, form, extra
 *     keys
 * @param credentialProcess whether profiles get a {@code credential_process} key (given, or
 *     recorded by an earlier run)
 */
record RunNaming(
    String startUrl,
    String ssoRegion,
    String profileRegion,
    String sessionName,
    PlanOptions planOptions,
    boolean credentialProcess) {

  /**
   * The options of the command line that say what a run writes, as given.
   *
   * @param startUrl {@code --start-url}, {@code null} when not given
   * @param region {@code --region}, {@code null} when not given
   * @param ssoRegion {@code --sso-region}, {@code null} when not given
   * @param ssoSession {@code --sso-session}, {@code null} when not given
   * @param profileTemplate {@code --profile-template}, {@code null} when not given
   * @param renameFile {@code --template}, {@code null} when not given
   * @param includes every {@code --include}, empty when none was given
   * @param excludes every {@code --exclude}, empty when none was given
   * @param settings every {@code --set}, empty when none was given
   * @param legacy {@code --legacy}
   * @param credentialProcess {@code --credential-process}
   */
  record Flags(
      String startUrl,
      String region,
      String ssoRegion,
      String ssoSession,
      String profileTemplate,
      Path renameFile,
      List<String> includes,
      List<String> excludes,
      List<String> settings,
      boolean legacy,
      boolean credentialProcess) {
    Flags {
      includes = List.copyOf(includes);
      excludes = List.copyOf(excludes);
      settings = List.copyOf(settings);
    }
  }

  RunNaming {
    Objects.requireNonNull(startUrl, "startUrl");
    Objects.requireNonNull(ssoRegion, "ssoRegion");
    Objects.requireNonNull(profileRegion, "profileRegion");
    Objects.requireNonNull(sessionName, "sessionName");
    Objects.requireNonNull(planOptions, "planOptions");
  }

  /**
   * A run with {@code --start-url}: the options given, the others at their defaults; nothing is
   * read from the config file.
   *
   * @param flags the options, {@code startUrl} not {@code null}
   * @return the run's naming
   * @throws Failure of kind {@link Failure.Kind#USAGE} for a value that cannot be used, or when
   *     {@code --region} is missing
   */
  static RunNaming fromFlags(Flags flags) {
    String url = InputRules.startUrl("--start-url", flags.startUrl());
    if (flags.region() == null) {
      throw Failure.usage(
          "--start-url needs --region REGION, the region written into each profile, e.g."
              + " --region eu-west-1 (see --help)");
    }
    String profileRegion = InputRules.region("--region", flags.region());
    String ssoRegion =
        flags.ssoRegion() == null
            ? profileRegion
            : InputRules.region("--sso-region", flags.ssoRegion());
    String session =
        flags.ssoSession() == null
            ? ProfileNames.sessionNameFor(URI.create(url))
            : InputRules.sessionName("--sso-session", flags.ssoSession());
    PlanOptions options =
        withRenames(
                PlanOptions.DEFAULTS.withTemplate(
                    ProfileNameTemplate.parse(
                        flags.profileTemplate() == null
                            ? ProfileNameTemplate.DEFAULT.text()
                            : flags.profileTemplate())),
                flags.renameFile())
            .withFilter(PairFilter.of(flags.includes(), flags.excludes()))
            .withLegacy(flags.legacy())
            .withExtraKeys(ExtraKeys.parse(flags.settings()));
    return new RunNaming(
        url, ssoRegion, profileRegion, session, options, flags.credentialProcess());
  }

  /**
   * {@code options} with the renames of a rename file, or none.
   *
   * @param file the rename file ({@code --template}) as given or recorded; {@code null} for none
   * @throws Failure of kind {@link Failure.Kind#USAGE} when it cannot be read or parsed
   */
  static PlanOptions withRenames(PlanOptions options, Path file) {
    if (file == null) {
      return options.withRenames(RenameMap.NONE);
    }
    RenameMap renames =
        RenameMap.parse(InputRules.readTextFile("--template", file), file.toString());
    return options.withRenames(renames, file.toAbsolutePath().normalize().toString());
  }
}

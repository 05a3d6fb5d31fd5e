package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.AwsCliConfig;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.configfile.ConfigFileStore;
import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ExtraKeys;
import dev.ssoconfig.profiles.PairFilter;
import dev.ssoconfig.profiles.PlanOptions;
import dev.ssoconfig.profiles.ProfileNameTemplate;
import dev.ssoconfig.profiles.ProfileNames;
import dev.ssoconfig.profiles.RunRecord;
import dev.ssoconfig.text.SafeText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A run without {@code --start-url}: the options of an sso-session this tool wrote, read from the
 * config file, with the options given on the command line in place of the recorded ones.
 *
 * <p>The sso-session is the one named by {@code --sso-session}, which may be any {@code
 * [sso-session NAME]} of the file, or else the only one made by this tool: one that generated
 * profiles (carrying {@code managed_by = aws-sso-config-generator}) name in {@code sso_session}, or
 * that carries a recorded key ({@link RunRecord#PREFIX}). Several, or none, end the run with a
 * usage {@link Failure} that says what to give.
 *
 * <p>From that section: the start URL ({@code sso_start_url}), the SSO region ({@code sso_region})
 * and the {@link RunRecord}. Each option given wins over what is recorded for it: {@code --region},
 * {@code --profile-template}, {@code --template}, and {@code --include}, {@code --exclude} and
 * {@code --set}, each of which replaces all recorded values of that option. {@code --sso-region}
 * must be the section's {@code sso_region}; {@code --legacy} needs {@code --start-url}, since a
 * legacy run writes no sso-session section to record anything in. The options of one run ({@code
 * --prune}, {@code --dry-run}, {@code --force-login}, the sign-in, timeouts, {@code --config-file},
 * ...) are never recorded and apply as given.
 *
 * <p>A recorded value is checked as the option would be; one that cannot be used ends the run with
 * a usage {@link Failure} naming the section, the key and the problem. Names and values from the
 * file are made safe ({@link SafeText}) in every message.
 */
final class Rerun {
  private static final String FIRST_RUN =
      "for the first run give --start-url URL --region REGION, e.g. --start-url"
          + " https://acme.awsapps.com/start --region eu-west-1";

  private final Path configPath;
  private final ConfigDocument document;

  /**
   * @param configPath the config file's path, for messages
   * @param document the config file as read
   */
  Rerun(Path configPath, ConfigDocument document) {
    this.configPath = Objects.requireNonNull(configPath, "configPath");
    this.document = Objects.requireNonNull(document, "document");
  }

  /**
   * What a run with {@code flags} (and no {@code --start-url}) writes.
   *
   * @param flags the options given; {@code startUrl} is {@code null}
   * @return the sso-session's start URL and SSO region, and its record with the options given in
   *     place of the recorded ones
   * @throws Failure of kind {@link Failure.Kind#USAGE} when no sso-session can be chosen, the
   *     chosen one lacks a usable start URL or SSO region, a recorded or given value cannot be
   *     used, {@code --sso-region} differs from the section's, or {@code --legacy} is given
   */
  RunNaming resolve(RunNaming.Flags flags) {
    if (flags.legacy()) {
      throw Failure.usage(
          "--legacy needs --start-url URL --region REGION: a run in legacy form writes no"
              + " sso-session section, so nothing is recorded to run again");
    }
    AwsCliConfig config = document.asReadByAwsCli();
    String name = flags.ssoSession() == null ? onlyOne(config) : named(flags.ssoSession(), config);
    Map<String, Object> section = config.ssoSessions().get(name);
    String where = "[sso-session " + SafeText.line(name) + "] of " + path();
    if (!ProfileNames.isValid(name)) {
      throw Failure.usage(
          where
              + " has a name this tool cannot write (letters, digits and _.@:+/%- only); give"
              + " --start-url URL --region REGION --sso-session NAME");
    }

    String startUrl =
        InputRules.startUrl("sso_start_url of " + where, text(section, "sso_start_url", where));
    String ssoRegion =
        InputRules.region("sso_region of " + where, text(section, "sso_region", where));
    if (flags.ssoRegion() != null
        && !InputRules.region("--sso-region", flags.ssoRegion()).equals(ssoRegion)) {
      throw Failure.usage(
          "--sso-region "
              + flags.ssoRegion().trim()
              + " is not the sso_region "
              + ssoRegion
              + " of "
              + where
              + "; to use another Identity Center region, give --start-url URL --region REGION"
              + " --sso-region REGION and another --sso-session");
    }
    Recorded recorded = new Recorded(where, record(section, where));
    RunRecord record = recorded.record();

    String profileRegion =
        flags.region() != null
            ? InputRules.region("--region", flags.region())
            : record.region().isPresent()
                ? recorded.check(
                    "region", () -> InputRules.region("--region", record.region().get()))
                : ssoRegion;
    ProfileNameTemplate template =
        flags.profileTemplate() != null
            ? ProfileNameTemplate.parse(flags.profileTemplate())
            : recorded.check(
                "profile_template", () -> ProfileNameTemplate.parse(record.profileTemplate()));
    PlanOptions options =
        flags.renameFile() != null || record.renameFile().isEmpty()
            ? RunNaming.withRenames(PlanOptions.DEFAULTS, flags.renameFile())
            : recorded.check(
                "rename_file",
                () -> RunNaming.withRenames(PlanOptions.DEFAULTS, path(record.renameFile().get())));
    // a recorded value is checked only where it is used, so that an option given mends it
    List<String> includes = flags.includes();
    if (includes.isEmpty()) {
      includes = record.includes();
      recorded.check("include", () -> PairFilter.of(record.includes(), List.of()));
    }
    List<String> excludes = flags.excludes();
    if (excludes.isEmpty()) {
      excludes = record.excludes();
      recorded.check("exclude", () -> PairFilter.of(List.of(), record.excludes()));
    }
    List<String> settings = flags.settings();
    if (settings.isEmpty()) {
      settings = record.settings();
      recorded.check("set", () -> ExtraKeys.parse(record.settings()));
    }
    options =
        options
            .withTemplate(template)
            .withFilter(PairFilter.of(includes, excludes))
            .withExtraKeys(ExtraKeys.parse(settings));
    return new RunNaming(
        startUrl,
        ssoRegion,
        profileRegion,
        name,
        options,
        flags.credentialProcess() || record.credentialProcess());
  }

  /**
   * The options of a run as a command line that would do the same, for the person to see what a run
   * without {@code --start-url} does. Free text is quoted ({@link SafeText#quote}).
   *
   * @param naming a run's naming, e.g. from {@link #resolve}
   * @return e.g. {@code --start-url https://acme.awsapps.com/start --region eu-west-1 --sso-region
   *     us-east-1 --sso-session acme --set "output=json"}
   */
  static String asOptions(RunNaming naming) {
    List<String> words = new ArrayList<>();
    words.add("--start-url " + SafeText.line(naming.startUrl()));
    words.add("--region " + naming.profileRegion());
    words.add("--sso-region " + naming.ssoRegion());
    words.add("--sso-session " + naming.sessionName());
    RunRecord record =
        RunRecord.of(naming.ssoRegion(), naming.profileRegion(), naming.planOptions());
    if (!record.profileTemplate().equals(ProfileNameTemplate.DEFAULT.text())) {
      words.add("--profile-template " + SafeText.quote(record.profileTemplate()));
    }
    record.renameFile().ifPresent(file -> words.add("--template " + SafeText.quote(file)));
    record.includes().forEach(p -> words.add("--include " + SafeText.quote(p)));
    record.excludes().forEach(p -> words.add("--exclude " + SafeText.quote(p)));
    record.settings().forEach(s -> words.add("--set " + SafeText.quote(s)));
    if (naming.credentialProcess()) {
      words.add("--credential-process");
    }
    return String.join(" ", words);
  }

  /** The one sso-session this tool made, or a failure saying there are none or several. */
  private String onlyOne(AwsCliConfig config) {
    List<String> made = madeByThisTool(config);
    if (made.size() == 1) {
      return made.get(0);
    }
    if (made.isEmpty()) {
      boolean legacyProfiles =
          document.managedProfiles().stream()
              .anyMatch(p -> !p.properties().containsKey("sso_session"));
      throw Failure.usage(
          legacyProfiles
              ? path()
                  + " has no sso-session made by this tool, only profiles in legacy form"
                  + " (--legacy), which record nothing to run again; give --start-url URL"
                  + " --region REGION --legacy and your other options on every run"
              : "no sso-session made by this tool in " + path() + "; " + FIRST_RUN);
    }
    throw Failure.usage(
        path()
            + " has "
            + made.size()
            + " sso-sessions made by this tool ("
            + names(made)
            + "); choose one with --sso-session NAME, or give --start-url URL --region REGION");
  }

  /** The sso-session named by {@code --sso-session}: any such section of the file. */
  private String named(String given, AwsCliConfig config) {
    String name = InputRules.sessionName("--sso-session", given);
    if (!config.ssoSessions().containsKey(name)) {
      List<String> made = madeByThisTool(config);
      throw Failure.usage(
          "no [sso-session "
              + name
              + "] in "
              + path()
              + (made.isEmpty() ? "" : " (made by this tool: " + names(made) + ")")
              + "; "
              + FIRST_RUN
              + " --sso-session "
              + name);
    }
    return name;
  }

  /**
   * The sso-sessions this tool made, in file order: named by a generated profile's {@code
   * sso_session}, or carrying a recorded key.
   */
  private List<String> madeByThisTool(AwsCliConfig config) {
    Set<String> referenced = new TreeSet<>();
    for (ExistingProfile profile : document.managedProfiles()) {
      String session = profile.properties().get("sso_session");
      if (session != null) {
        referenced.add(session);
      }
    }
    List<String> made = new ArrayList<>();
    config
        .ssoSessions()
        .forEach(
            (name, keys) -> {
              if (referenced.contains(name)
                  || keys.keySet().stream().anyMatch(RunRecord::isRecordKey)) {
                made.add(name);
              }
            });
    return made;
  }

  /** A key of the section that must be one line of text. */
  private static String text(Map<String, Object> section, String key, String where) {
    Object value = section.get(key);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw Failure.usage(
          where
              + (value == null ? " has no " : " has no usable ")
              + key
              + "; give --start-url URL --region REGION");
    }
    return text;
  }

  /** The section's record, its keys read as the AWS CLI reads them. */
  private static RunRecord record(Map<String, Object> section, String where) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : section.entrySet()) {
      if (RunRecord.isRecordKey(entry.getKey())) {
        if (!(entry.getValue() instanceof String value)) {
          throw Recorded.unusable(where, entry.getKey(), "not one value", null);
        }
        keys.put(entry.getKey(), value);
      }
    }
    try {
      return RunRecord.read(keys);
    } catch (Failure e) {
      throw Recorded.unusable(where, null, e.getMessage(), e);
    }
  }

  /**
   * Reads the config file for a run without {@code --start-url}.
   *
   * @param configPath the config file
   * @return a re-run on the file as it is now
   * @throws Failure of kind {@link Failure.Kind#FILE} if the path names no regular file or the AWS
   *     CLI cannot read the file (see {@link ConfigFileStore#readDocument})
   */
  static Rerun reading(Path configPath) {
    ConfigFileStore store = new ConfigFileStore(configPath);
    store.checkPath(); // before reading: reading a FIFO would block
    return new Rerun(configPath, store.readDocument());
  }

  /** A recorded rename file's path. */
  private static Path path(String recorded) {
    try {
      return Path.of(recorded);
    } catch (InvalidPathException e) {
      throw Failure.usage("not a path on this system: " + SafeText.quote(recorded), e);
    }
  }

  private String path() {
    return SafeText.line(configPath.toString());
  }

  private static String names(List<String> names) {
    return names.stream().map(SafeText::line).collect(Collectors.joining(", "));
  }

  /** A section's record, and how a recorded value that cannot be used is reported. */
  private record Recorded(String where, RunRecord record) {
    /**
     * Checks a recorded value as its option would be checked.
     *
     * @param key the key without {@link RunRecord#PREFIX}
     * @param check parses the recorded value
     * @return what {@code check} returns
     * @throws Failure of kind {@link Failure.Kind#USAGE} naming the section and the key when {@code
     *     check} fails
     */
    <T> T check(String key, Supplier<T> check) {
      try {
        return check.get();
      } catch (Failure e) {
        if (e.kind() != Failure.Kind.USAGE) {
          throw e;
        }
        throw unusable(where, RunRecord.PREFIX + key, e.getMessage(), e);
      }
    }

    static Failure unusable(String where, String key, String problem, Throwable cause) {
      return Failure.usage(
          "cannot run again as recorded in "
              + where
              + ": "
              + (key == null ? "" : SafeText.line(key) + ": ")
              + problem
              + "; correct or delete that line, or give --start-url URL --region REGION and your"
              + " options",
          cause);
    }
  }
}

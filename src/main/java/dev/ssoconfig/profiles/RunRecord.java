package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.PyText;
import dev.ssoconfig.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run records in its {@code [sso-session NAME]} section so that a later run without {@code
 * --start-url} writes the same profiles: the options that shape the profiles beyond what the
 * section itself holds ({@code sso_start_url} and {@code sso_region} are the start URL and the SSO
 * region; the section's name is the sso-session).
 *
 * <p>Written as keys this tool owns, all starting with {@link #PREFIX}, only for an option whose
 * value is not its default, in this order:
 *
 * <pre>
 * aws_sso_config_generator_region           = --region, when it is not the SSO region
 * aws_sso_config_generator_profile_template = --profile-template, when not {account_name}.{role_name}
 * aws_sso_config_generator_rename_file      = --template FILE, as an absolute path
 * aws_sso_config_generator_include          = every --include, in order
 * aws_sso_config_generator_exclude          = every --exclude, in order
 * aws_sso_config_generator_set              = every --set KEY=VALUE, in order
 * aws_sso_config_generator_credential_process = true, for --credential-process
 * </pre>
 *
 * Values are written as {@link RecordEncoding} describes (lists joined by a space, {@code %},
 * whitespace, {@code #}, {@code ;} and unsafe characters percent-encoded). Neither botocore nor the
 * AWS SDK for Java gives a meaning to these keys in an sso-session section: botocore's SSO token
 * provider reads only {@code sso_start_url}, {@code sso_region} and {@code sso_registration_scopes}
 * from it, and the SDK's {@code ProfileFile} keeps unknown properties as they are. botocore's SSO
 * credential provider does merge every key of the sso-session into the profile's and refuses a key
 * the two give different values ({@code InvalidConfigError}), so these keys must never be written
 * into a profile ({@link ExtraKeys} refuses them for {@code --set}). Checked by hand: botocore
 * 1.43.11 (the AWS CLI v1) and the AWS CLI v2.9.19's own botocore resolve SSO credentials for a
 * profile whose sso-session carries every recorded key.
 *
 * @param region the region written into each profile, when it is not the SSO region
 * @param profileTemplate the profile name template as given
 * @param renameFile the rename file's absolute path, if one was given
 * @param includes the {@code --include} patterns, in order
 * @param excludes the {@code --exclude} patterns, in order
 * @param settings the {@code --set} keys as {@code KEY=VALUE}, in order
 * @param credentialProcess whether profiles carry a {@code credential_process} key ({@code
 *     --credential-process}); the command itself is not recorded but made by each run, for the
 *     launcher that runs it
 */
public record RunRecord(
    Optional<String> region,
    String profileTemplate,
    Optional<String> renameFile,
    List<String> includes,
    List<String> excludes,
    List<String> settings,
    boolean credentialProcess) {

  /** The start of every key this tool records; keys with it belong to this tool. */
  public static final String PREFIX = "aws_sso_config_generator_";

  static final String REGION = PREFIX + "region";
  static final String PROFILE_TEMPLATE = PREFIX + "profile_template";
  static final String RENAME_FILE = PREFIX + "rename_file";
  static final String INCLUDE = PREFIX + "include";
  static final String EXCLUDE = PREFIX + "exclude";
  static final String SET = PREFIX + "set";
  static final String CREDENTIAL_PROCESS = PREFIX + "credential_process";

  public RunRecord {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(profileTemplate, "profileTemplate");
    Objects.requireNonNull(renameFile, "renameFile");
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    settings = List.copyOf(settings);
  }

  /**
   * What a run with these options records.
   *
   * @param ssoRegion the SSO region
   * @param profileRegion the region written into each profile
   * @param options the run's naming, filters and extra keys
   * @return the record
   */
  public static RunRecord of(String ssoRegion, String profileRegion, PlanOptions options) {
    List<String> settings = new ArrayList<>();
    for (Property property : options.extraKeys().properties()) {
      settings.add(property.key() + "=" + property.value());
    }
    return new RunRecord(
        profileRegion.equals(ssoRegion) ? Optional.empty() : Optional.of(profileRegion),
        options.template().text(),
        options.renameFile(),
        options.filter().includePatterns(),
        options.filter().excludePatterns(),
        settings,
        options.credentialProcess().isPresent());
  }

  /**
   * Whether a key, as botocore reads it (lower-cased), is one this tool records.
   *
   * @param key a property key
   * @return whether it starts with {@link #PREFIX}, ignoring case
   */
  public static boolean isRecordKey(String key) {
    return PyText.lower(key).startsWith(PREFIX);
  }

  /**
   * The keys to write, for the options that are not at their default (see the class comment).
   *
   * @return the keys in the documented order; empty for a run with default naming, no filters, no
   *     extra keys and the SSO region in its profiles
   * @throws Failure of kind {@link Failure.Kind#USAGE} when a value holds an unpaired UTF-16
   *     surrogate, which UTF-8 cannot write
   */
  public List<Property> properties() {
    List<Property> properties = new ArrayList<>();
    region.ifPresent(value -> properties.add(item(REGION, "--region", value)));
    if (!profileTemplate.equals(ProfileNameTemplate.DEFAULT.text())) {
      properties.add(item(PROFILE_TEMPLATE, "--profile-template", profileTemplate));
    }
    renameFile.ifPresent(value -> properties.add(item(RENAME_FILE, "--template", value)));
    addList(properties, INCLUDE, "--include", includes);
    addList(properties, EXCLUDE, "--exclude", excludes);
    addList(properties, SET, "--set", settings);
    if (credentialProcess) {
      properties.add(new Property(CREDENTIAL_PROCESS, "true"));
    }
    return List.copyOf(properties);
  }

  /**
   * Reads the record back from an sso-session section.
   *
   * @param recorded the section's keys that start with {@link #PREFIX}, lower-cased as botocore
   *     reads them, and their values
   * @return the record; a key that is absent gives the option's default
   * @throws Failure of kind {@link Failure.Kind#USAGE} naming the key, for a key this version does
   *     not know (a newer version's, or a typo), or a value that is not {@link RecordEncoding}
   */
  public static RunRecord read(Map<String, String> recorded) {
    Optional<String> region = Optional.empty();
    String template = ProfileNameTemplate.DEFAULT.text();
    Optional<String> renameFile = Optional.empty();
    List<String> includes = List.of();
    List<String> excludes = List.of();
    List<String> settings = List.of();
    boolean credentialProcess = false;
    for (Map.Entry<String, String> entry : recorded.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      try {
        switch (key) {
          case REGION -> region = Optional.of(RecordEncoding.decode(value));
          case PROFILE_TEMPLATE -> template = RecordEncoding.decode(value);
          case RENAME_FILE -> renameFile = Optional.of(RecordEncoding.decode(value));
          case INCLUDE -> includes = RecordEncoding.decodeList(value);
          case EXCLUDE -> excludes = RecordEncoding.decodeList(value);
          case SET -> settings = RecordEncoding.decodeList(value);
          case CREDENTIAL_PROCESS -> {
            if (!value.equals("true")) {
              throw new IllegalArgumentException(
                  SafeText.quote(value) + " is not true; remove the key to stop recording it");
            }
            credentialProcess = true;
          }
          default ->
              throw Failure.usage(
                  SafeText.line(key)
                      + " is not a key this version of aws-sso-config-generator records (a newer"
                      + " version's, or a typo)");
        }
      } catch (IllegalArgumentException e) {
        throw Failure.usage(key + ": " + e.getMessage(), e);
      }
    }
    return new RunRecord(
        region, template, renameFile, includes, excludes, settings, credentialProcess);
  }

  private static Property item(String key, String option, String value) {
    return new Property(key, encoded(option, List.of(value)));
  }

  private static void addList(
      List<Property> properties, String key, String option, List<String> values) {
    if (!values.isEmpty()) {
      properties.add(new Property(key, encoded(option, values)));
    }
  }

  private static String encoded(String option, List<String> values) {
    try {
      return RecordEncoding.encodeList(values);
    } catch (IllegalArgumentException e) {
      throw Failure.usage(
          option
              + " "
              + SafeText.quote(String.join(" ", values))
              + " cannot be recorded in the config file: "
              + e.getMessage(),
          e);
    }
  }
}

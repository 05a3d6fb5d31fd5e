package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ProfilePlanner} names, selects and fills the profiles.
 *
 * @param template names each pair ({@code --profile-template})
 * @param renames names replacing account and role names ({@code --template FILE})
 * @param filter which pairs get a profile ({@code --include}, {@code --exclude})
 * @param legacy legacy form ({@code --legacy}): no sso-session section; each profile carries {@code
 *     sso_start_url} and {@code sso_region} instead of {@code sso_session}
 * @param extraKeys keys added to every profile ({@code --set})
 * @param renameFile where {@code renames} came from: the rename file's absolute path, recorded for
 *     a run without {@code --start-url} ({@link RunRecord}); empty when there is none
 * @param credentialProcess the {@code credential_process} key of each profile ({@code
 *     --credential-process}), or empty for none
 */
public record PlanOptions(
    ProfileNameTemplate template,
    RenameMap renames,
    PairFilter filter,
    boolean legacy,
    ExtraKeys extraKeys,
    Optional<String> renameFile,
    Optional<CredentialProcess> credentialProcess) {

  /** The default template, no renames, every pair, sso-session form, no extra keys. */
  public static final PlanOptions DEFAULTS =
      new PlanOptions(
          ProfileNameTemplate.DEFAULT,
          RenameMap.NONE,
          PairFilter.ALL,
          false,
          ExtraKeys.NONE,
          Optional.empty(),
          Optional.empty());

  /**
   * @throws Failure of kind {@link Failure.Kind#USAGE} when {@code extraKeys} sets {@code
   *     credential_process} and {@code credentialProcess} is present
   */
  public PlanOptions {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(renames, "renames");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(extraKeys, "extraKeys");
    Objects.requireNonNull(renameFile, "renameFile");
    Objects.requireNonNull(credentialProcess, "credentialProcess");
    if (credentialProcess.isPresent()
        && extraKeys.properties().stream()
            .anyMatch(p -> p.key().equalsIgnoreCase(CredentialProcess.KEY))) {
      throw Failure.usage(
          "--set credential_process=... and --credential-process cannot be used together; give one");
    }
  }

  /** The options without a rename file's path and without {@code credential_process}. */
  public PlanOptions(
      ProfileNameTemplate template,
      RenameMap renames,
      PairFilter filter,
      boolean legacy,
      ExtraKeys extraKeys) {
    this(template, renames, filter, legacy, extraKeys, Optional.empty(), Optional.empty());
  }

  /**
   * @return these options with {@code template}
   */
  public PlanOptions withTemplate(ProfileNameTemplate template) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, renameFile, credentialProcess);
  }

  /**
   * @return these options with {@code renames}, from no file
   */
  public PlanOptions withRenames(RenameMap renames) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, Optional.empty(), credentialProcess);
  }

  /**
   * @param renames the names of the rename file
   * @param file the rename file's absolute path
   * @return these options with {@code renames} read from {@code file}
   */
  public PlanOptions withRenames(RenameMap renames, String file) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, Optional.of(file), credentialProcess);
  }

  /**
   * @return these options with {@code filter}
   */
  public PlanOptions withFilter(PairFilter filter) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, renameFile, credentialProcess);
  }

  /**
   * @return these options in legacy form or not
   */
  public PlanOptions withLegacy(boolean legacy) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, renameFile, credentialProcess);
  }

  /**
   * @return these options with {@code extraKeys}
   */
  public PlanOptions withExtraKeys(ExtraKeys extraKeys) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, renameFile, credentialProcess);
  }

  /**
   * @return these options with {@code credentialProcess}
   */
  public PlanOptions withCredentialProcess(Optional<CredentialProcess> credentialProcess) {
    return new PlanOptions(
        template, renames, filter, legacy, extraKeys, renameFile, credentialProcess);
  }
}

package dev.ssoconfig.profiles;

import java.util.Objects;

/**
 * How {@link ProfilePlanner} names, selects and fills the profiles.
 *
 * @param template names each pair ({@code --profile-template})
 * @param renames names replacing account and role names ({@code --template FILE})
 * @param filter which pairs get a profile ({@code --include}, {@code --exclude})
 * @param legacy legacy form ({@code --legacy}): no sso-session section; each profile carries {@code
 *     sso_start_url} and {@code sso_region} instead of {@code sso_session}
 * @param extraKeys keys added to every profile ({@code --set})
 */
public record PlanOptions(
    ProfileNameTemplate template,
    RenameMap renames,
    PairFilter filter,
    boolean legacy,
    ExtraKeys extraKeys) {

  /** The default template, no renames, every pair, sso-session form, no extra keys. */
  public static final PlanOptions DEFAULTS =
      new PlanOptions(
          ProfileNameTemplate.DEFAULT, RenameMap.NONE, PairFilter.ALL, false, ExtraKeys.NONE);

  public PlanOptions {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(renames, "renames");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(extraKeys, "extraKeys");
  }

  /**
   * @return these options with {@code template}
   */
  public PlanOptions withTemplate(ProfileNameTemplate template) {
    return new PlanOptions(template, renames, filter, legacy, extraKeys);
  }

  /**
   * @return these options with {@code renames}
   */
  public PlanOptions withRenames(RenameMap renames) {
    return new PlanOptions(template, renames, filter, legacy, extraKeys);
  }

  /**
   * @return these options with {@code filter}
   */
  public PlanOptions withFilter(PairFilter filter) {
    return new PlanOptions(template, renames, filter, legacy, extraKeys);
  }

  /**
   * @return these options in legacy form or not
   */
  public PlanOptions withLegacy(boolean legacy) {
    return new PlanOptions(template, renames, filter, legacy, extraKeys);
  }

  /**
   * @return these options with {@code extraKeys}
   */
  public PlanOptions withExtraKeys(ExtraKeys extraKeys) {
    return new PlanOptions(template, renames, filter, legacy, extraKeys);
  }
}

package dev.ssoconfig.configfile;

/**
 * What botocore makes of a section header ({@code configloader.build_profile_map}); see {@link
 * Grammar}.
 */
enum SectionType {
  /** {@code [profile NAME]} or {@code [default]}: a profile. */
  PROFILE,
  /** {@code [sso-session NAME]}. */
  SSO_SESSION,
  /** {@code [services NAME]}. */
  SERVICES,
  /** {@code [DEFAULT]}: configparser's default section; every other section inherits its keys. */
  DEFAULTS,
  /** Any other header: botocore keeps it under its own name and no tool uses it. */
  OTHER,
  /**
   * A header starting with {@code profile}, {@code sso-session} or {@code services} that does not
   * split into exactly two words ({@code [profile a b]}, {@code [profiles]}): botocore drops it.
   */
  IGNORED
}

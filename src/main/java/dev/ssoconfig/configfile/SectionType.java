package dev.ssoconfig.configfile;

/**
 * The kind of a section header, following the AWS SDKs' shared config-file format for a config (not
 * credentials) file.
 */
enum SectionType {
  /** {@code [profile NAME]}, {@code [default]} or {@code [profile default]}. */
  PROFILE,
  /** {@code [sso-session NAME]}. */
  SSO_SESSION,
  /** {@code [services NAME]}. */
  SERVICES,
  /** Any other header, and a line starting with {@code [} that is not a well-formed header. */
  UNKNOWN
}

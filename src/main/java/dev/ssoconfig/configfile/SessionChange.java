package dev.ssoconfig.configfile;

/** What applying a plan did to the plan's {@code [sso-session NAME]} section. */
public enum SessionChange {
  /** The plan has no sso-session (legacy form); no sso-session section was looked at. */
  NOT_IN_PLAN,
  /** The section did not exist and was appended. */
  ADDED,
  /**
   * The section existed with the same start URL and SSO region; missing keys were added, or
   * recorded keys set or removed.
   */
  UPDATED,
  /**
   * The section existed with the same start URL, SSO region and every key of the plan, its recorded
   * keys as the plan's.
   */
  UNCHANGED
}

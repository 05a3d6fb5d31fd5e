package dev.ssoconfig.configfile;

/**
 * The config file already has an {@code [sso-session NAME]} section with the name the plan wants,
 * but for another start URL or SSO region (or without one of them). The section belongs to someone
 * else's setup, so it is left alone and nothing is written; the person should choose another name
 * with {@code --sso-session}. The command maps this to exit code 2.
 */
public class SessionConflictException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sessionName;

  /**
   * @param sessionName the sso-session name that is taken
   * @param message one line for a person, naming the conflict and what to do
   */
  public SessionConflictException(String sessionName, String message) {
    super(message);
    this.sessionName = sessionName;
  }

  /** The sso-session name that is taken. */
  public String sessionName() {
    return sessionName;
  }
}

package dev.ssoconfig.profiles;

/**
 * A {@code --profile-template} cannot be used (see {@link ProfileNameTemplate#parse}). The message
 * is one line and lists the valid placeholders, e.g. {@code unknown placeholder {acount} in
 * --profile-template; use {account_name}, {account_id}, {role_name}, {sso_session}, {region}}.
 */
public final class TemplateException extends ProfileOptionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for a person
   */
  public TemplateException(String message) {
    super(message);
  }
}

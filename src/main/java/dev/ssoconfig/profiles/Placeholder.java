package dev.ssoconfig.profiles;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A placeholder of a {@link ProfileNameTemplate}, written {@code {name}} in the template. */
public enum Placeholder {
  /** The account's name as Identity Center lists it, or its name from the rename file. */
  ACCOUNT_NAME("account_name"),
  /** The 12-digit account ID. */
  ACCOUNT_ID("account_id"),
  /** The role name (permission set), or its name from the rename file. */
  ROLE_NAME("role_name"),
  /** The sso-session name ({@code --sso-session} or derived from the start URL). */
  SSO_SESSION("sso_session"),
  /** The region written into each profile ({@code --region}). */
  REGION("region");

  /** Every placeholder as written in a template, for messages: {@code {account_name}, …}. */
  static final String ALL =
      Arrays.stream(values()).map(Placeholder::toString).collect(Collectors.joining(", "));

  private final String name;

  Placeholder(String name) {
    this.name = name;
  }

  /**
   * @param name the text between the braces, e.g. {@code account_name} (case-sensitive)
   * @return the placeholder of that name, or empty
   */
  static Optional<Placeholder> byName(String name) {
    return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
  }

  /**
   * @return the placeholder as written in a template, e.g. {@code {account_name}}
   */
  @Override
  public String toString() {
    return "{" + name + "}";
  }
}

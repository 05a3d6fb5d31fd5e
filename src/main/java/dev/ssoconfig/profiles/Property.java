package dev.ssoconfig.profiles;

import java.util.Objects;

/**
 * One {@code key = value} line of an AWS config file section.
 *
 * @param key the property name, e.g. {@code sso_account_id}
 * @param value the value as written after {@code = }
 */
public record Property(String key, String value) {
  public Property {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}

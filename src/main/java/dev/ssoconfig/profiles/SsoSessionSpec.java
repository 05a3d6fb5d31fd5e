package dev.ssoconfig.profiles;

import java.util.List;
import java.util.Objects;

/**
 * The {@code [sso-session NAME]} section the plan wants in the config file.
 *
 * @param name the sso-session name (valid profile-name characters only)
 * @param properties the keys in the order they are written: {@code sso_start_url},
 *     {@code sso_region}, {@code sso_registration_scopes}
 */
public record SsoSessionSpec(String name, List<Property> properties) {
  public SsoSessionSpec {
    Objects.requireNonNull(name, "name");
    properties = List.copyOf(properties);
  }
}

package dev.ssoconfig.profiles;

import java.util.List;
import java.util.Objects;

/**
 * The {@code [sso-session NAME]} section the plan wants in the config file.
 *
 * @param name the sso-session name (valid profile-name characters only)
 * @param properties the keys in the order they are written: {@code sso_start_url}, {@code
 *     sso_region}, {@code sso_registration_scopes}; in an existing section they are kept as they
 *     are, only missing ones are added
 * @param recorded this tool's own keys, the {@link RunRecord} of the run ({@link
 *     RunRecord#properties()}), written after {@code properties}; in an existing section they are
 *     set to these values, and other keys starting with {@link RunRecord#PREFIX} are removed
 */
public record SsoSessionSpec(String name, List<Property> properties, List<Property> recorded) {
  public SsoSessionSpec {
    Objects.requireNonNull(name, "name");
    properties = List.copyOf(properties);
    recorded = List.copyOf(recorded);
  }

  /** A section that records nothing. */
  public SsoSessionSpec(String name, List<Property> properties) {
    this(name, properties, List.of());
  }
}

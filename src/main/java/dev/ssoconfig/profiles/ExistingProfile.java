package dev.ssoconfig.profiles;

import java.util.Map;
import java.util.Objects;

/**
 * A generated profile as it stands in the config file now (it carries {@link
 * ProfilePlan#MARKER_KEY}), for deciding which generated profiles are stale.
 *
 * @param name the profile name
 * @param properties its keys and values as the AWS CLI reads them: those of the last section of
 *     that name, with the keys it inherits from {@code [DEFAULT]}
 */
public record ExistingProfile(String name, Map<String, String> properties) {
  public ExistingProfile {
    Objects.requireNonNull(name, "name");
    properties = Map.copyOf(properties);
  }
}

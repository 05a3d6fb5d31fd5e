package dev.ssoconfig.profiles;

import java.util.List;
import java.util.Objects;

/**
 * One {@code [profile NAME]} section the plan wants in the config file.
 *
 * @param name the profile name, already sanitised to {@code [A-Za-z0-9_.@:+/%-]+}
 * @param properties the keys this tool owns in this profile, in the order they are written; the
 *     last one is the marker {@link ProfilePlan#MARKER_KEY}
 */
public record ProfileSpec(String name, List<Property> properties) {
  public ProfileSpec {
    Objects.requireNonNull(name, "name");
    properties = List.copyOf(properties);
  }
}

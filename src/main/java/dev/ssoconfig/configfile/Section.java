package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import java.util.List;
import java.util.Optional;

/**
 * A section of a config file: its header line and every line up to the next header.
 *
 * @param type what the header declares
 * @param name the section name, byte-per-char form, {@code null} for a malformed header
 * @param headerLine the index of the header line
 * @param endLine the index just past the section's last line
 * @param properties the property definitions in file order (a key may repeat)
 */
record Section(
    SectionType type, String name, int headerLine, int endLine, List<PropertyEntry> properties) {
  Section {
    properties = List.copyOf(properties);
  }

  /**
   * The value the SDKs would use for {@code key} in this section: the last definition wins.
   *
   * @param key the key in byte-per-char form
   */
  Optional<String> value(String key) {
    String found = null;
    for (PropertyEntry entry : properties) {
      if (entry.key().equals(key)) {
        found = entry.value();
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Whether this tool created the section: it is a profile carrying {@link ProfilePlan#MARKER_KEY}
   * with {@link ProfilePlan#MARKER_VALUE}.
   */
  boolean isManaged() {
    return type == SectionType.PROFILE
        && value(ProfilePlan.MARKER_KEY).filter(ProfilePlan.MARKER_VALUE::equals).isPresent();
  }
}

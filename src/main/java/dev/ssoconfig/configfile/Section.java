package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import java.util.List;
import java.util.Optional;

/**
 * A section of a config file: its header line and every line up to the next header.
 *
 * @param type what botocore makes of the header
 * @param header the text between the brackets, as written
 * @param name the profile, sso-session or services name botocore gives it; {@code null} for {@link
 *     SectionType#DEFAULTS} and {@link SectionType#IGNORED}, the header for {@link
 *     SectionType#OTHER}
 * @param headerLine the index of the header line
 * @param endLine the index just past the section's last line
 * @param properties the section's own property definitions in file order (keys lower-cased)
 */
record Section(
    SectionType type,
    String header,
    String name,
    int headerLine,
    int endLine,
    List<PropertyEntry> properties) {
  Section {
    properties = List.copyOf(properties);
  }

  /**
   * The section's own value for {@code key} (keys are unique in a file the AWS CLI reads; should
   * one repeat, the last definition counts).
   *
   * @param key a lower-case key
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
   * Whether this tool created the section: a profile whose own keys (not ones inherited from {@code
   * [DEFAULT]}) hold {@link ProfilePlan#MARKER_KEY} {@code =} {@link ProfilePlan#MARKER_VALUE}.
   */
  boolean isManaged() {
    return type == SectionType.PROFILE
        && value(ProfilePlan.MARKER_KEY).filter(ProfilePlan.MARKER_VALUE::equals).isPresent();
  }
}

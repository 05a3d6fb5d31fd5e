package dev.ssoconfig.configfile;

import dev.ssoconfig.text.PyText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A config file as the AWS CLI reads it: what {@code botocore.configloader.load_config} returns,
 * following the rules in {@link Grammar}. Used to check that an edit leaves the meaning of every
 * section it does not own unchanged, and to compare this package's reading with botocore's.
 *
 * <p>Each section maps its keys to a value: a {@link String}, or for a block of sub-properties
 * ({@code s3 =} then indented {@code NAME = VALUE} lines) a {@code Map<String, String>}. Every
 * section has the keys of the {@code [DEFAULT]} sections it does not define itself. When several
 * sections give the same profile, sso-session or services name (say {@code [default]} and {@code
 * [profile default]}), the later one in the file replaces the earlier one whole.
 *
 * @param profiles the profiles by name ({@code [profile NAME]} and {@code [default]})
 * @param ssoSessions the {@code [sso-session NAME]} sections by name
 * @param services the {@code [services NAME]} sections by name
 * @param otherSections every other section by its header text (botocore keeps them at the top level
 *     of its result)
 */
public record AwsCliConfig(
    Map<String, Map<String, Object>> profiles,
    Map<String, Map<String, Object>> ssoSessions,
    Map<String, Map<String, Object>> services,
    Map<String, Map<String, Object>> otherSections) {

  public AwsCliConfig {
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(ssoSessions, "ssoSessions");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(otherSections, "otherSections");
  }

  /**
   * The shape {@code load_config} returns: the other sections by header, plus {@code profiles},
   * {@code sso_sessions} and {@code services}.
   */
  public Map<String, Object> asLoadConfigResult() {
    Map<String, Object> result = new LinkedHashMap<>(otherSections);
    result.put("profiles", profiles);
    result.put("sso_sessions", ssoSessions);
    result.put("services", services);
    return result;
  }

  /** Reads the sections of a document; see the class description. */
  static AwsCliConfig of(Iterable<Section> sections) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    Map<String, Map<String, Object>> byHeader = new LinkedHashMap<>();
    Map<String, Section> firstByHeader = new LinkedHashMap<>();
    for (Section section : sections) {
      if (section.type() == SectionType.DEFAULTS) {
        section.properties().forEach(p -> defaults.put(p.key(), valueOf(p.value())));
        continue;
      }
      Map<String, Object> options =
          byHeader.computeIfAbsent(section.header(), h -> new LinkedHashMap<>());
      firstByHeader.putIfAbsent(section.header(), section);
      section.properties().forEach(p -> options.put(p.key(), valueOf(p.value())));
    }
    Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
    Map<String, Map<String, Object>> ssoSessions = new LinkedHashMap<>();
    Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    Map<String, Map<String, Object>> others = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> entry : byHeader.entrySet()) {
      Map<String, Object> options = entry.getValue();
      defaults.forEach(options::putIfAbsent);
      Section section = firstByHeader.get(entry.getKey());
      switch (section.type()) {
        case PROFILE -> profiles.put(section.name(), options);
        case SSO_SESSION -> ssoSessions.put(section.name(), options);
        case SERVICES -> services.put(section.name(), options);
        case OTHER -> others.put(entry.getKey(), options);
        case IGNORED, DEFAULTS -> {}
      }
    }
    return new AwsCliConfig(profiles, ssoSessions, services, others);
  }

  /** A value as botocore returns it: sub-properties for a value that starts with a line break. */
  private static Object valueOf(String value) {
    if (!value.startsWith("\n")) {
      return value;
    }
    Map<String, String> nested = new LinkedHashMap<>();
    for (String piece : PyText.splitLines(value)) {
      String line = PyText.strip(piece);
      int equals = line.indexOf('=');
      if (equals >= 0) {
        nested.put(
            PyText.strip(line.substring(0, equals)), PyText.strip(line.substring(equals + 1)));
      }
    }
    return nested;
  }
}

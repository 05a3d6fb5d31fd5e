package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.InlineComment;
import dev.ssoconfig.text.PyText;
import dev.ssoconfig.text.SafeText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Keys added to every generated profile, from the repeatable {@code --set KEY=VALUE} option (e.g.
 * {@code --set output=json --set cli_pager=}), written after {@code region} and before the marker,
 * in the order given.
 *
 * <p>The argument is split at its first {@code =}; key and value are stripped of whitespace as
 * Python's {@code str.strip()} does ({@link PyText}), as botocore strips them when it reads the
 * file (a no-break space at the end of the value would otherwise be written and then lost). The
 * value may be empty: {@code --set cli_pager=} is written as {@code cli_pager =}, which botocore
 * and the SDK for Java's {@code ProfileFile} both read as an empty value (for the AWS CLI, an empty
 * {@code cli_pager} turns the pager off). Refused, each with a one-line message naming the {@code
 * --set}:
 *
 * <ul>
 *   <li>no {@code =}, or an empty key;
 *   <li>a key with a {@code :}, which botocore reads as the end of the key ({@code configparser}
 *       takes {@code =} and {@code :} as delimiters: {@code a:b = c} is the key {@code a} with the
 *       value {@code b = c});
 *   <li>a key outside {@code [A-Za-z0-9_.@+/%-]+}, the property names the AWS SDK for Java v2
 *       {@code ProfileFileReader} accepts (it ignores any other property) without the {@code :};
 *   <li>a key this tool writes itself: {@code region}, {@code managed_by}, every {@code sso_*} key,
 *       and every key of the run's record ({@link RunRecord#PREFIX}), which in a profile would also
 *       break it: botocore's SSO credential provider merges the sso-session's keys into the
 *       profile's and refuses a key the two give different values. Keys are compared ignoring case,
 *       here and for the next rule, because the AWS CLI reads the file with Python's {@code
 *       configparser}, which lower-cases keys;
 *   <li>a key given twice;
 *   <li>a line break or another control character except tab anywhere in the argument;
 *   <li>a value the AWS SDK for Java would cut short as an inline comment: a {@code #} or {@code ;}
 *       at its start (it follows {@code " = "} in the file) or after whitespace.
 * </ul>
 */
public final class ExtraKeys {

  /** No extra keys. */
  public static final ExtraKeys NONE = new ExtraKeys(List.of());

  private final List<Property> properties;

  private ExtraKeys(List<Property> properties) {
    this.properties = List.copyOf(properties);
  }

  /**
   * Parses the {@code --set} values.
   *
   * @param settings each {@code KEY=VALUE} in the order given
   * @return the keys to add, in that order
   * @throws Failure of kind {@link Failure.Kind#USAGE} for the first refused {@code --set} (see the
   *     class comment)
   */
  public static ExtraKeys parse(List<String> settings) {
    List<Property> properties = new ArrayList<>(settings.size());
    Set<String> seen = new HashSet<>();
    for (String setting : settings) {
      Property property = parseOne(Objects.requireNonNull(setting, "setting"));
      if (!seen.add(property.key().toLowerCase(Locale.ROOT))) {
        throw refused(
            setting, "the key " + property.key() + " is set twice; give each key one --set");
      }
      properties.add(property);
    }
    return new ExtraKeys(properties);
  }

  /**
   * @return the keys and values in the order given
   */
  public List<Property> properties() {
    return properties;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExtraKeys that && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }

  @Override
  public String toString() {
    return "ExtraKeys" + properties;
  }

  private static Property parseOne(String setting) {
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
        throw refused(setting, "must be one line without control characters");
      }
    }
    int equals = setting.indexOf('=');
    if (equals < 0) {
      throw refused(setting, "no = in it; write --set KEY=VALUE, e.g. --set output=json");
    }
    String key = PyText.strip(setting.substring(0, equals));
    String value = PyText.strip(setting.substring(equals + 1));
    if (key.isEmpty()) {
      throw refused(setting, "no key before =; write --set KEY=VALUE, e.g. --set output=json");
    }
    int colon = key.indexOf(':');
    if (colon >= 0) {
      throw refused(
          setting,
          "a key may not contain ':'; the AWS CLI would read "
              + SafeText.quote(key + " = " + value)
              + " as the key "
              + SafeText.quote(key.substring(0, colon).trim())
              + " (a ':' separates key and value for it)");
    }
    if (!ProfileNames.isValid(key)) {
      throw refused(
          setting,
          "a key may only contain letters, digits and _ . @ + / % - (AWS SDK property names)");
    }
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.equals("region")) {
      throw refused(
          setting, key + " is written by aws-sso-config-generator itself; use --region instead");
    }
    if (lower.startsWith("sso_")
        || lower.equals(ProfilePlan.MARKER_KEY)
        || RunRecord.isRecordKey(lower)) {
      throw refused(
          setting,
          key
              + " is written by aws-sso-config-generator itself (managed_by, sso_* and "
              + RunRecord.PREFIX
              + "* keys) and cannot be set");
    }
    if (InlineComment.in(value)) {
      throw refused(
          setting,
          "the AWS SDKs would read a # or ; at the start of the value or after a space as a"
              + " comment; remove it or the space before it");
    }
    return new Property(key, value);
  }

  private static Failure refused(String setting, String reason) {
    return Failure.usage("--set " + SafeText.quote(setting) + ": " + reason);
  }
}

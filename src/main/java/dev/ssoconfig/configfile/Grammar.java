package dev.ssoconfig.configfile;

import dev.ssoconfig.text.InlineComment;
import dev.ssoconfig.text.PyText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the AWS CLI reads one line of a config file, and what this tool may write so that both the
 * AWS CLI and the AWS SDK for Java read it back unchanged.
 *
 * <p><b>Reading</b> follows botocore ({@code botocore.configloader.raw_config_parse}), which uses
 * Python's {@code configparser.RawConfigParser} with its defaults. Lines end at {@code \n}, {@code
 * \r\n} or {@code \r}; "whitespace" and "strip" are Python's ({@link PyText}). With {@code S} the
 * stripped line and {@code indent} the number of whitespace characters it starts with:
 *
 * <pre>
 * Comment       S starts with '#' or ';'              (wherever the line starts; no inline comments:
 *                                                     "k = v # x" has the value "v # x")
 * Blank         S is empty                            (inside a value it adds an empty line)
 * Continuation  a key was read in this section and indent &gt; the indent of the last header or
 *               key line                              (S is appended to the value after "\n")
 * Header        S starts with '[' and has a ']' after at least one character; the name is the text
 *               up to the LAST ']'; anything after it is ignored ("[profile a] # x" is "profile a")
 * Property      KEY (=|:) VALUE: KEY is S up to its first '=' or ':', right-stripped and lower-cased;
 *               VALUE the stripped rest
 * </pre>
 *
 * A value is its lines joined by {@code "\n"}, right-stripped. One that starts with {@code "\n"}
 * ({@code s3 =} then indented lines) is a block of sub-properties: each non-blank line {@code NAME
 * = VALUE}, split at its first {@code =}. Section names: {@code default}, and {@code profile NAME},
 * {@code sso-session NAME} and {@code services NAME} where the words come from Python's {@code
 * shlex.split} and there must be exactly two ({@link Shlex}); {@code DEFAULT} is {@code
 * configparser}'s default section, whose keys every other section inherits. What breaks these rules
 * is listed in {@link ConfigProblem}.
 *
 * <p><b>Writing</b>: names and keys the AWS SDK for Java v2 accepts ({@code [A-Za-z0-9_.@:+/%-]+};
 * for keys without {@code :}, which botocore would take for the separator), values on one line
 * without surrounding whitespace and without anything the SDK for Java would take for an inline
 * comment.
 */
final class Grammar {
  /** A UTF-8 byte order mark in byte-per-char form. */
  static final String BOM = "\u00EF\u00BB\u00BF";

  /**
   * Names (profile, sso-session) the AWS SDK for Java v2 accepts, and botocore reads as written.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@:+/%-]+");

  /**
   * Keys both readers read as written: the SDK for Java's rule without botocore's ':' separator.
   */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.@+/%-]+");

  private Grammar() {}

  /**
   * A property line read from a line's text. Offsets index the line text.
   *
   * @param key the key, right-stripped and lower-cased as botocore reads it
   * @param delimiter the offset of the {@code =} or {@code :} that ends the key
   * @param valueStart the offset where the stripped value starts
   * @param valueEnd the offset just past the stripped value (the end of the stripped line)
   */
  record PropertyLine(String key, int delimiter, int valueStart, int valueEnd) {
    String value(String text) {
      return text.substring(valueStart, valueEnd);
    }
  }

  /** Whether a stripped, non-blank line is a comment. */
  static boolean isComment(String stripped) {
    return stripped.startsWith("#") || stripped.startsWith(";");
  }

  /**
   * The name between the brackets of a stripped line, as Python's {@code \[(?P<header>.+)\]}
   * matches it: up to the last {@code ]}, not trimmed.
   *
   * @return the name, or {@code null} if the line is no section header
   */
  static String headerName(String stripped) {
    if (!stripped.startsWith("[")) {
      return null;
    }
    int close = stripped.lastIndexOf(']');
    return close >= 2 ? stripped.substring(1, close) : null;
  }

  /** The offset of the first {@code =} or {@code :} in a line, -1 if there is none. */
  static int delimiter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads a line as a property.
   *
   * @param text the whole line (indentation included)
   * @return the property, or {@code null} if the line has no {@code =} or {@code :} or nothing
   *     before it
   */
  static PropertyLine parseProperty(String text) {
    int start = PyText.leadingSpace(text);
    int end = PyText.trailingEnd(text);
    int delimiter = delimiter(text);
    if (delimiter < 0 || delimiter >= end || delimiter == start) {
      return null;
    }
    String key = PyText.lower(PyText.rstrip(text.substring(start, delimiter)));
    int valueStart = delimiter + 1;
    while (valueStart < end && PyText.isSpace(text.charAt(valueStart))) {
      valueStart++;
    }
    return new PropertyLine(key, delimiter, valueStart, end);
  }

  /**
   * The section a header names for botocore ({@code configloader.build_profile_map}).
   *
   * @param header the text between the brackets
   */
  static SectionName classify(String header) {
    if (header.startsWith("profile")) {
      return named(SectionType.PROFILE, header);
    }
    if (header.startsWith("sso-session")) {
      return named(SectionType.SSO_SESSION, header);
    }
    if (header.startsWith("services")) {
      return named(SectionType.SERVICES, header);
    }
    if (header.equals("default")) {
      return new SectionName(SectionType.PROFILE, "default");
    }
    if (header.equals("DEFAULT")) {
      return new SectionName(SectionType.DEFAULTS, null);
    }
    return new SectionName(SectionType.OTHER, header);
  }

  /** A section's kind and name as botocore files it; the name is {@code null} when it has none. */
  record SectionName(SectionType type, String name) {}

  private static SectionName named(SectionType type, String header) {
    Optional<List<String>> words = Shlex.split(header);
    if (words.isEmpty() || words.get().size() != 2) {
      return new SectionName(SectionType.IGNORED, null);
    }
    return new SectionName(type, words.get().get(1));
  }

  /**
   * The line {@code text} (a property line read as {@code property}) with its value replaced and
   * the indentation, key and separator kept. An empty value leaves nothing after the separator.
   */
  static String withValue(String text, PropertyLine property, String value) {
    if (value.isEmpty()) {
      return text.substring(0, property.delimiter() + 1);
    }
    if (property.valueStart() == property.valueEnd()) {
      return text.substring(0, property.delimiter() + 1) + " " + value;
    }
    return text.substring(0, property.valueStart()) + value;
  }

  /** A new property line's text. */
  static String propertyText(String indent, String key, String value) {
    return indent + key + (value.isEmpty() ? " =" : " = " + value);
  }

  /** Whether {@code name} may be written as a profile or sso-session name. */
  static boolean isValidName(String name) {
    return NAME.matcher(name).matches();
  }

  /** Whether {@code key} may be written as a property key and read back unchanged. */
  static boolean isValidKey(String key) {
    return KEY.matcher(key).matches();
  }

  /**
   * Whether {@code value} can be written after {@code key = } and read back unchanged by botocore
   * and the AWS SDK for Java: one line, no whitespace (Python's or Java's) at either end, no {@code
   * #} or {@code ;} at its start or after whitespace (the SDK for Java's inline comments), and no
   * unpaired surrogate.
   */
  static boolean isWritableValue(String value) {
    if (value.isEmpty()) {
      return true;
    }
    if (PyText.isSpace(value.charAt(0))
        || PyText.isSpace(value.charAt(value.length() - 1))
        || value.charAt(0) <= ' '
        || value.charAt(value.length() - 1) <= ' '
        || InlineComment.in(value)) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r') {
        return false;
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(++i)))) {
        return false;
      }
    }
    return true;
  }
}

package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfileNames;

/**
 * How one line of a config file is read, after the AWS SDKs' shared config-file format as the AWS
 * SDK for Java v2 {@code ProfileFileReader} implements it:
 *
 * <pre>
 * BlankLine        = [ \t]*
 * CommentLine      = ('#' | ';') Anything
 * SectionHeader    = '[' Whitespace? SectionName Whitespace? ']' Whitespace? Comment?
 *                    (a '#' or ';' anywhere starts the comment)
 * SectionName      = 'profile' Whitespace Name | 'default' | 'sso-session' Whitespace Name
 *                  | 'services' Whitespace Name
 * Continuation     = (' ' | '\t') Anything           (no comments; part of the value)
 * Property         = Key Whitespace? '=' Whitespace? Value? Whitespace? (Whitespace Comment)?
 *                    (an inline comment needs whitespace before its '#' or ';')
 * </pre>
 *
 * <p>Text is in the byte-per-char form of {@link Line}. Whitespace trimming follows {@link
 * String#trim()}, as the SDK does. Nothing here throws on bad input: a line that fits no rule is
 * reported as such and kept verbatim by the document.
 */
final class Grammar {
  /** A UTF-8 byte order mark in byte-per-char form. */
  static final String BOM = "\u00EF\u00BB\u00BF";

  /** Profile and sso-session names every AWS SDK accepts. */

  private Grammar() {}

  /** A parsed section header; {@code name} is {@code null} for a malformed header. */
  record Header(SectionType type, String name) {}

  /**
   * A parsed {@code key = value} line. Offsets index the line text.
   *
   * @param key the trimmed key
   * @param equals the offset of the first {@code =}
   * @param valueStart the offset where the trimmed value starts
   * @param valueEnd the offset just past the trimmed value (before any inline comment)
   */
  record PropertyLine(String key, int equals, int valueStart, int valueEnd) {
    String value(String text) {
      return text.substring(valueStart, valueEnd);
    }
  }

  /** The text to classify: the first line of a file is read without a leading byte order mark. */
  static String content(int lineIndex, String text) {
    return lineIndex == 0 && text.startsWith(BOM) ? text.substring(BOM.length()) : text;
  }

  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  static boolean isComment(String text) {
    return text.startsWith("#") || text.startsWith(";");
  }

  static boolean isHeader(String text) {
    return text.startsWith("[");
  }

  /** Whether a non-blank line continues the previous property's value. */
  static boolean isContinuation(String text) {
    return text.startsWith(" ") || text.startsWith("\t");
  }

  /** Reads a line for which {@link #isHeader} holds. */
  static Header parseHeader(String text) {
    String inner = headerInner(text);
    if (inner == null) {
      return new Header(SectionType.UNKNOWN, null);
    }
    if (inner.equals("default")) {
      return new Header(SectionType.PROFILE, "default");
    }
    String name;
    if ((name = afterKeyword(inner, "profile")) != null) {
      return new Header(SectionType.PROFILE, name);
    }
    if ((name = afterKeyword(inner, "sso-session")) != null) {
      return new Header(SectionType.SSO_SESSION, name);
    }
    if ((name = afterKeyword(inner, "services")) != null) {
      return new Header(SectionType.SERVICES, name);
    }
    return new Header(SectionType.UNKNOWN, inner);
  }

  /** Whether a line for which {@link #isHeader} holds is {@code [default]} (no {@code profile}). */
  static boolean isBareDefault(String text) {
    return "default".equals(headerInner(text));
  }

  /** The trimmed text between the brackets of a header line, {@code null} if malformed. */
  private static String headerInner(String text) {
    int comment = earliest(text, "#", ";");
    String bracketed = text.substring(0, comment).trim();
    if (bracketed.length() < 2 || !bracketed.endsWith("]")) {
      return null;
    }
    return bracketed.substring(1, bracketed.length() - 1).trim();
  }

  /**
   * Reads a line that is not blank, a comment, a header or a continuation.
   *
   * @return the property, or {@code null} if the line has no {@code =} before any inline comment or
   *     no key
   */
  static PropertyLine parseProperty(String text) {
    int comment = earliest(text, " #", " ;", "\t#", "\t;");
    int equals = text.indexOf('=');
    if (equals < 0 || equals >= comment) {
      return null;
    }
    String key = text.substring(0, equals).trim();
    if (key.isEmpty()) {
      return null;
    }
    int start = equals + 1;
    while (start < comment && text.charAt(start) <= ' ') {
      start++;
    }
    int end = comment;
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    return new PropertyLine(key, equals, start, end);
  }

  /**
   * The line {@code text} (a property line read as {@code property}) with its value replaced and
   * everything else — key, spacing, inline comment — kept.
   */
  static String withValue(String text, PropertyLine property, String value) {
    if (property.valueStart() == property.valueEnd()) {
      int afterEquals = property.equals() + 1;
      return text.substring(0, afterEquals) + " " + value + text.substring(afterEquals);
    }
    return text.substring(0, property.valueStart()) + value + text.substring(property.valueEnd());
  }

  /** A new {@code key = value} line's text. */
  static String propertyText(String key, String value) {
    return key + " = " + value;
  }

  /** Whether {@code name} is a profile or sso-session name every AWS SDK accepts. */
  static boolean isValidName(String name) {
    return ProfileNames.isValid(name);
  }

  /** Whether {@code key} can be written as a property key and read back unchanged. */
  static boolean isValidKey(String key) {
    return ProfileNames.isValid(key);
  }

  /**
   * Whether {@code value} can be written after {@code key = } and read back unchanged by the SDKs:
   * one line, no surrounding whitespace, nothing an SDK would take for an inline comment.
   */
  static boolean isWritableValue(String value) {
    return value.indexOf('\n') < 0
        && value.indexOf('\r') < 0
        && value.trim().equals(value)
        && earliest(value, " #", " ;", "\t#", "\t;") == value.length();
  }

  private static String afterKeyword(String inner, String keyword) {
    if (inner.length() > keyword.length()
        && inner.startsWith(keyword)
        && (inner.charAt(keyword.length()) == ' ' || inner.charAt(keyword.length()) == '\t')) {
      String name = inner.substring(keyword.length()).trim();
      return name.isEmpty() ? null : name;
    }
    return null;
  }

  private static int earliest(String text, String... needles) {
    int best = text.length();
    for (String needle : needles) {
      int at = text.indexOf(needle);
      if (at >= 0 && at < best) {
        best = at;
      }
    }
    return best;
  }
}

package dev.ssoconfig.configfile;

import java.nio.charset.StandardCharsets;

/**
 * Conversions between Java strings and the byte-per-char (ISO-8859-1) form in which this package
 * keeps file content. Text written by the tool is UTF-8 in the file.
 */
final class Latin1 {
  private Latin1() {}

  /** The byte-per-char form of {@code unicode} encoded as UTF-8. */
  static String fromUnicode(String unicode) {
    return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The Java string whose UTF-8 encoding is the bytes held in {@code latin1}. */
  static String toUnicode(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}

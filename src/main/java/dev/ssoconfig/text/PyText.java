package dev.ssoconfig.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} operations that decide how botocore (the AWS CLI's config reader,
 * built on Python's {@code configparser}) reads a line, reproduced exactly: what counts as
 * whitespace, {@code strip}, the indentation {@code configparser} measures, and {@code splitlines}.
 * Used by the config-file reader, to check values the tool will write, and to strip {@code --set}
 * keys and values as botocore will strip them when it reads them back.
 *
 * <p>Python's whitespace ({@code str.isspace()}, also what its {@code re} module's {@code \s}
 * matches) is wider than Java's {@link String#trim()}: it includes U+001C–U+001F, U+0085, U+00A0,
 * U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. All of these are in the Basic
 * Multilingual Plane, so an index counted in Java {@code char}s over a whitespace prefix equals
 * Python's index in code points.
 */
public final class PyText {
  private PyText() {}

  /** Whether Python's {@code str.isspace()} holds for the code point. */
  public static boolean isSpace(int c) {
    return switch (c) {
      case '\t',
          '\n',
          0x0B,
          0x0C,
          '\r',
          0x1C,
          0x1D,
          0x1E,
          0x1F,
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 ->
          true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  /** Python's {@code text.strip()}. */
  public static String strip(String text) {
    int start = leadingSpace(text);
    return start == text.length() ? "" : text.substring(start, trailingEnd(text));
  }

  /** Python's {@code text.rstrip()}. */
  public static String rstrip(String text) {
    return text.substring(0, trailingEnd(text));
  }

  /** Whether {@code text.strip()} would be empty. */
  public static boolean isBlank(String text) {
    return leadingSpace(text) == text.length();
  }

  /**
   * The index of the first character that is not whitespace, {@code text.length()} if there is
   * none: the indentation {@code configparser} compares ({@code NONSPACECRE.search(line).start()}).
   */
  public static int leadingSpace(String text) {
    int i = 0;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index just past the last character that is not whitespace (0 if there is none). */
  public static int trailingEnd(String text) {
    int end = text.length();
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** Python's {@code text.lower()} (full Unicode case mapping, as {@code configparser}'s keys). */
  public static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /**
   * Python's {@code text.splitlines()}: breaks at {@code \n}, {@code \r\n}, {@code \r}, U+000B,
   * U+000C, U+001C, U+001D, U+001E, U+0085, U+2028 and U+2029; a break at the very end adds no
   * empty piece. botocore splits sub-property blocks this way ({@code _parse_nested}).
   */
  public static List<String> splitLines(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isLineBreak(c)) {
        pieces.add(text.substring(start, i));
        i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      pieces.add(text.substring(start));
    }
    return pieces;
  }

  private static boolean isLineBreak(char c) {
    return switch (c) {
      case '\n', '\r', 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029 -> true;
      default -> false;
    };
  }
}

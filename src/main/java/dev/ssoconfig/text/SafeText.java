package dev.ssoconfig.text;

import java.util.Objects;

/**
 * Makes text from outside the tool safe to print on a terminal: service messages, the callback's
 * {@code error_description}, URLs, file paths and file contents, names from the portal or the
 * config file, exception messages.
 *
 * <p>One definition of unsafe, {@link #isUnsafe(int)}: every code point a terminal may act on
 * instead of showing, or that may show as something it is not — the C0 and C1 controls and DEL
 * (category Cc: line breaks, escape sequences, the single-character CSI U+009B), format characters
 * (Cf: bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width
 * characters, the byte order mark), the line and paragraph separators U+2028 and U+2029 (Zl, Zp),
 * lone surrogates (Cs), private-use characters (Co) and code points unassigned in this Java
 * runtime's Unicode version (Cn). Everything else, letters of every script ({@code Café}, {@code
 * 東京}), combining marks, symbols and emoji, is kept.
 *
 * <p>Two uses:
 *
 * <ul>
 *   <li>{@link #line(String)}: one line for a message. Labelled secrets are redacted ({@link
 *       SecretScrubber#scrub}); whitespace (also tab, CR, LF, NEL, U+2028, U+2029 and every space
 *       separator) becomes a space and runs of it collapse to one, with none at either end; every
 *       escape sequence (ECMA-48: {@code ESC [ … final}, {@code ESC ] … BEL}, their C1 forms,
 *       {@code ESC} and one more character) and every other unsafe code point becomes one U+FFFD,
 *       so that tampering stays visible. {@link #line(String, int)} also cuts it.
 *   <li>{@link #quote(String)}: what a person typed, echoed in double quotes with every unsafe code
 *       point written as a {@code \}{@code uXXXX} escape, so the message shows exactly what was
 *       given.
 * </ul>
 */
public final class SafeText {
  /** What an unsafe code point or an escape sequence becomes in {@link #line}: U+FFFD. */
  public static final char REPLACEMENT = '\uFFFD';

  /** Appended by {@link #line(String, int)} to text it cut. */
  public static final String CUT = "…";

  /** The most code points {@link #detail(String)} keeps. */
  public static final int DETAIL_LENGTH = 300;

  private static final char ESC = 0x1B;
  private static final char BEL = 0x07;
  private static final char CSI = 0x9B;
  private static final char ST = 0x9C;

  private SafeText() {}

  /**
   * The one definition of a code point that must not reach a terminal as it is (see the class
   * comment).
   *
   * @param codePoint any code point, or a lone surrogate's {@code char} value
   * @return whether it is a control, format, line or paragraph separator, surrogate, private-use or
   *     unassigned code point (Unicode general categories Cc, Cf, Zl, Zp, Cs, Co, Cn)
   */
  public static boolean isUnsafe(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }

  /**
   * Makes text one printable line (see the class comment).
   *
   * @param text any text, may be {@code null}
   * @return the line; empty for {@code null}
   */
  public static String line(String text) {
    return line(text, Integer.MAX_VALUE);
  }

  /**
   * Makes text one printable line (see the class comment) of at most {@code maxCodePoints} code
   * points, plus {@value #CUT} when it was cut.
   *
   * @param text any text, may be {@code null}
   * @param maxCodePoints the longest line kept, at least 1
   * @return the line; empty for {@code null}
   * @throws IllegalArgumentException if {@code maxCodePoints} is less than 1
   */
  public static String line(String text, int maxCodePoints) {
    if (maxCodePoints < 1) {
      throw new IllegalArgumentException("maxCodePoints must be at least 1: " + maxCodePoints);
    }
    if (text == null) {
      return "";
    }
    // Scrubbed before (a secret split by a control character is still whole) and after (a label
    // and its value may only meet once a line break became a space).
    String line = SecretScrubber.scrub(printable(SecretScrubber.scrub(text)));
    if (line.codePointCount(0, line.length()) <= maxCodePoints) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, maxCodePoints)).stripTrailing() + CUT;
  }

  /**
   * Makes text from outside that goes inside a message of ours (a service's {@code
   * error_description}, an exception's message) one printable line of at most {@value
   * #DETAIL_LENGTH} code points.
   *
   * @param text any text, may be {@code null}
   * @return {@link #line(String, int) line(text, DETAIL_LENGTH)}
   */
  public static String detail(String text) {
    return line(text, DETAIL_LENGTH);
  }

  /**
   * Quotes what a person typed (an option value, a pattern, a JSON key) for a message.
   *
   * @param text the text, not {@code null}
   * @return it in double quotes; {@code "} and {@code \} escaped by a backslash, tab, CR and LF as
   *     {@code \t}, {@code \r}, {@code \n}, and every other unsafe code point ({@link #isUnsafe})
   *     as {@code \}{@code uXXXX} per UTF-16 unit, lower-case hex
   */
  public static String quote(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (isUnsafe(c)) {
                    for (char unit : Character.toChars(c)) {
                      out.append(String.format("\\u%04x", (int) unit));
                    }
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** Replaces escape sequences and unsafe code points, collapses whitespace, strips both ends. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        if (c == ESC || (c >= 0x80 && c <= 0x9F)) {
          next = escapeEnd(text, i);
          out.append(REPLACEMENT);
        } else if (isUnsafe(c)) {
          out.append(REPLACEMENT);
        } else {
          out.appendCodePoint(c);
        }
      }
      i = next;
    }
    return out.toString();
  }

  private static boolean isWhitespace(int c) {
    return c == '\t'
        || c == '\n'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == 0x85
        || switch (Character.getType(c)) {
          case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
              true;
          default -> false;
        };
  }

  /**
   * Where the escape sequence starting at {@code start} (an ESC or a C1 control) ends, after
   * ECMA-48 section 5: {@code ESC} and a byte 0x40–0x5F is the 7-bit form of a C1 control; CSI is
   * followed by parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F and one final byte
   * 0x40–0x7E; the command strings (DCS, SOS, OSC, PM, APC) run to ST ({@code ESC \} or U+009C) or,
   * as xterm accepts, BEL; {@code ESC} with intermediate bytes takes one final byte 0x30–0x7E. A
   * sequence that is cut short ends after its introducer, so the rest of the text is still shown.
   *
   * @return the index after the sequence
   */
  private static int escapeEnd(String s, int start) {
    int i = start + 1;
    char function = s.charAt(start);
    if (function == ESC) {
      if (i < s.length() && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x5F) {
        function = (char) (s.charAt(i) + 0x40);
        i++;
      } else {
        int end = skip(s, i, 0x20, 0x2F);
        return end < s.length() && in(s.charAt(end), 0x30, 0x7E) ? end + 1 : i;
      }
    }
    switch (function) {
      case CSI -> {
        int end = skip(s, skip(s, i, 0x30, 0x3F), 0x20, 0x2F);
        return end < s.length() && in(s.charAt(end), 0x40, 0x7E) ? end + 1 : i;
      }
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F -> {
        for (int j = i; j < s.length(); j++) {
          char c = s.charAt(j);
          if (c == BEL || c == ST) {
            return j + 1;
          }
          if (c == ESC && j + 1 < s.length() && s.charAt(j + 1) == '\\') {
            return j + 2;
          }
        }
        return i;
      }
      default -> {
        return i;
      }
    }
  }

  private static int skip(String s, int from, int low, int high) {
    int i = from;
    while (i < s.length() && in(s.charAt(i), low, high)) {
      i++;
    }
    return i;
  }

  private static boolean in(char c, int low, int high) {
    return c >= low && c <= high;
  }
}

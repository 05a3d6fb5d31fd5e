package dev.ssoconfig.configfile;

/**
 * Conversions between the byte-per-char form in which this package keeps file content (each {@code
 * char} one byte, as ISO-8859-1 decodes it) and Java text.
 *
 * <p>Decoding is strict UTF-8 as Python's codec does it (RFC 3629: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF). A byte that does not start a valid sequence becomes the lone
 * surrogate U+DC00 plus the byte, as Python's {@code surrogateescape} error handler does, and
 * {@link #encode} turns it back into that byte, so {@code encode(decode(bytes))} is always {@code
 * bytes}. Such a character is never whitespace, a bracket or a delimiter, so a line that holds one
 * is classified around it; a file that holds one is refused anyway (see {@link ConfigProblem}).
 */
final class Utf8 {
  private Utf8() {}

  /** The text of UTF-8 bytes held one per char; invalid bytes become U+DC80–U+DCFF. */
  static String decode(String bytes) {
    int i = asciiPrefix(bytes);
    if (i == bytes.length()) {
      return bytes;
    }
    StringBuilder out = new StringBuilder(bytes.length()).append(bytes, 0, i);
    while (i < bytes.length()) {
      int length = sequenceLength(bytes, i);
      if (length == 0) {
        out.append((char) (0xDC00 + bytes.charAt(i)));
        i++;
        continue;
      }
      int first = bytes.charAt(i);
      int codePoint =
          switch (length) {
            case 1 -> first;
            case 2 -> (first & 0x1F) << 6 | (bytes.charAt(i + 1) & 0x3F);
            case 3 ->
                (first & 0x0F) << 12
                    | (bytes.charAt(i + 1) & 0x3F) << 6
                    | (bytes.charAt(i + 2) & 0x3F);
            default ->
                (first & 0x07) << 18
                    | (bytes.charAt(i + 1) & 0x3F) << 12
                    | (bytes.charAt(i + 2) & 0x3F) << 6
                    | (bytes.charAt(i + 3) & 0x3F);
          };
      out.appendCodePoint(codePoint);
      i += length;
    }
    return out.toString();
  }

  /** The UTF-8 bytes of {@code text}, one per char; U+DC80–U+DCFF alone become their byte. */
  static String encode(String text) {
    int i = asciiPrefix(text);
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
    while (i < text.length()) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        out.append((char) c);
      } else if (c >= 0xDC80 && c <= 0xDCFF) {
        out.append((char) (c - 0xDC00));
      } else if (c < 0x800) {
        out.append((char) (0xC0 | c >> 6)).append((char) (0x80 | c & 0x3F));
      } else if (c < 0x10000) {
        out.append((char) (0xE0 | c >> 12))
            .append((char) (0x80 | c >> 6 & 0x3F))
            .append((char) (0x80 | c & 0x3F));
      } else {
        out.append((char) (0xF0 | c >> 18))
            .append((char) (0x80 | c >> 12 & 0x3F))
            .append((char) (0x80 | c >> 6 & 0x3F))
            .append((char) (0x80 | c & 0x3F));
      }
    }
    return out.toString();
  }

  /** The length of the leading run of ASCII characters (all of them, for most lines). */
  private static int asciiPrefix(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) < 0x80) {
      i++;
    }
    return i;
  }

  /** The index of the first byte that is not part of valid UTF-8, -1 if all are. */
  static int firstInvalid(String bytes) {
    int i = asciiPrefix(bytes);
    while (i < bytes.length()) {
      int length = sequenceLength(bytes, i);
      if (length == 0) {
        return i;
      }
      i += length;
    }
    return -1;
  }

  /** The length of the valid sequence starting at {@code i}, 0 if none starts there. */
  private static int sequenceLength(String bytes, int i) {
    int first = bytes.charAt(i);
    if (first < 0x80) {
      return 1;
    }
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (first >= 0xC2 && first <= 0xDF) {
      length = 2;
    } else if (first >= 0xE0 && first <= 0xEF) {
      length = 3;
      if (first == 0xE0) {
        min = 0xA0;
      } else if (first == 0xED) {
        max = 0x9F;
      }
    } else if (first >= 0xF0 && first <= 0xF4) {
      length = 4;
      if (first == 0xF0) {
        min = 0x90;
      } else if (first == 0xF4) {
        max = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + length > bytes.length()) {
      return 0;
    }
    int second = bytes.charAt(i + 1);
    if (second < min || second > max) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      int next = bytes.charAt(i + k);
      if (next < 0x80 || next > 0xBF) {
        return 0;
      }
    }
    return length;
  }
}

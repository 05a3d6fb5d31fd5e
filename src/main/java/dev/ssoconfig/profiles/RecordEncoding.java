package dev.ssoconfig.profiles;

import dev.ssoconfig.text.PyText;
import dev.ssoconfig.text.SafeText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link RunRecord} writes an option's value (a template, a glob pattern, a {@code KEY=VALUE},
 * a path) as a config-file value that every reader reads back unchanged, and reads it back.
 *
 * <p>An item is written with these characters percent-encoded, each UTF-8 byte as {@code %XX} with
 * upper-case hex (the form of RFC 3986, section 2.1): {@code %} itself, {@code #} and {@code ;}
 * (the AWS SDK for Java takes them for a comment after whitespace, and an item may follow a space),
 * every code point that is whitespace for Python's {@code str.isspace} or Java's {@link
 * Character#isWhitespace} or a space separator (botocore strips values, and a space separates
 * items), and every code point {@link SafeText#isUnsafe} (controls, line breaks, format characters,
 * unassigned code points). Everything else, letters of every script included, is written as it is,
 * so {@code Prod*}{@code /*} stays readable and {@code Team #1/*} becomes {@code Team%20%231/*}. A
 * list is its items so written, joined by one space; no item is empty.
 */
public final class RecordEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RecordEncoding() {}

  /**
   * Writes one item.
   *
   * @param item any text without an unpaired surrogate
   * @return the item with the characters named in the class comment percent-encoded; one line, no
   *     whitespace, no {@code #} or {@code ;}
   * @throws IllegalArgumentException if {@code item} holds an unpaired surrogate (UTF-8 cannot
   *     encode it)
   */
  public static String encode(String item) {
    StringBuilder out = new StringBuilder(item.length());
    for (int i = 0; i < item.length(); ) {
      int c = item.codePointAt(i);
      int length = Character.charCount(c);
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) { // unpaired
        throw new IllegalArgumentException("an unpaired surrogate at character " + (i + 1));
      }
      if (needsEncoding(c)) {
        for (byte b : item.substring(i, i + length).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      } else {
        out.appendCodePoint(c);
      }
      i += length;
    }
    return out.toString();
  }

  /**
   * Writes a list of items.
   *
   * @param items non-empty items, in order
   * @return each item {@linkplain #encode encoded}, joined by one space
   * @throws IllegalArgumentException if an item is empty or holds an unpaired surrogate
   */
  public static String encodeList(List<String> items) {
    List<String> encoded = new ArrayList<>(items.size());
    for (String item : items) {
      if (item.isEmpty()) {
        throw new IllegalArgumentException("an empty item cannot be recorded");
      }
      encoded.add(encode(item));
    }
    return String.join(" ", encoded);
  }

  /**
   * Reads one item back.
   *
   * @param text a value written by {@link #encode} (other characters are taken as they are)
   * @return the item
   * @throws IllegalArgumentException with a reason when a {@code %} is not followed by two hex
   *     digits or the decoded bytes are not UTF-8
   */
  public static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteBuffer bytes = ByteBuffer.allocate(text.getBytes(StandardCharsets.UTF_8).length);
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '%') {
        Optional<Integer> value = hexByte(text, i + 1);
        if (value.isEmpty()) {
          throw new IllegalArgumentException(
              "a % at character " + (i + 1) + " is not followed by two hex digits");
        }
        bytes.put((byte) (int) value.get());
        i += 3;
      } else {
        int cp = text.codePointAt(i);
        bytes.put(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the %-encoded bytes are not UTF-8", e);
    }
  }

  /**
   * Reads a list back: the value split at spaces (runs of them count as one), each part {@linkplain
   * #decode decoded}.
   *
   * @param text a value written by {@link #encodeList}
   * @return the items; empty for an empty or blank value
   * @throws IllegalArgumentException as {@link #decode}
   */
  public static List<String> decodeList(String text) {
    List<String> items = new ArrayList<>();
    for (String part : text.split(" ")) {
      if (!part.isEmpty()) {
        items.add(decode(part));
      }
    }
    return List.copyOf(items);
  }

  private static boolean needsEncoding(int c) {
    return c == '%'
        || c == '#'
        || c == ';'
        || Character.isWhitespace(c)
        || PyText.isSpace(c)
        || Character.getType(c) == Character.SPACE_SEPARATOR
        || SafeText.isUnsafe(c);
  }

  private static Optional<Integer> hexByte(String text, int at) {
    if (at + 2 > text.length()) {
      return Optional.empty();
    }
    int high = hexDigit(text.charAt(at));
    int low = hexDigit(text.charAt(at + 1));
    return high < 0 || low < 0 ? Optional.empty() : Optional.of(high * 16 + low);
  }

  /** An ASCII hex digit's value (either case), -1 for anything else. */
  private static int hexDigit(char c) {
    return c < 128 ? Character.digit(c, 16) : -1;
  }
}

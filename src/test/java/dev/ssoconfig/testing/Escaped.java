package dev.ssoconfig.testing;

/**
 * Shows bytes as text with line breaks and unprintable bytes made visible, for failure messages.
 */
public final class Escaped {
  private Escaped() {}

  /**
   * @return {@code bytes} as Latin-1 text: a line feed as {@code \n} followed by a real line break,
   *     CR and tab as {@code \r} and {@code \t}, other control and non-ASCII bytes as {@code \xHH}
   */
  public static String of(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c == '\n') {
        out.append("\\n\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c >= 0x7F) {
        out.append(String.format("\\x%02X", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }
}

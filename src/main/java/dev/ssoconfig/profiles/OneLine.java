package dev.ssoconfig.profiles;

/**
 * Quotes text a person gave (a template, a pattern, a {@code --set} argument, a JSON key) for an
 * error message, so that the message stays on one line whatever the text holds.
 */
final class OneLine {
  private OneLine() {}

  /**
   * @param text any text
   * @return {@code text} in double quotes, with {@code "} and {@code \} escaped by a backslash,
   *     line breaks and tabs written as {@code \n}, {@code \r}, {@code \t} and every other control
   *     character as {@code \}{@code uXXXX}
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

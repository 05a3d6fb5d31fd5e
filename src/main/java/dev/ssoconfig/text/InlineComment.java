package dev.ssoconfig.text;

/**
 * Where a reader of the AWS config file would see a comment inside a property value.
 *
 * <p>The AWS SDK for Java's profile reader ({@code ProfileFileReader}) cuts a value at a {@code #}
 * or {@code ;} that follows whitespace, botocore keeps it, and a value written as {@code key =
 * #...} starts with one. So a value the tool writes must hold neither, or the two readers would see
 * different values. Whitespace here is Java's ({@link Character#isWhitespace}) or Python's ({@link
 * PyText#isSpace}), the wider of the readers' rules.
 */
public final class InlineComment {
  private InlineComment() {}

  /**
   * @param value a property value as it would be written after {@code key = }
   * @return whether it starts with {@code #} or {@code ;}, or holds one right after whitespace
   */
  public static boolean in(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c == '#' || c == ';')
          && (i == 0
              || Character.isWhitespace(value.charAt(i - 1))
              || PyText.isSpace(value.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }
}

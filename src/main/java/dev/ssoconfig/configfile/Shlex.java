package dev.ssoconfig.configfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python's {@code shlex.split(text)} (POSIX mode, no comments), which botocore applies to a section
 * header to find the profile, sso-session or services name ({@code configloader._parse_section}):
 * {@code [profile "my name"]} names the profile {@code my name}.
 *
 * <p>Words are separated by space, tab, CR or LF. Outside quotes a backslash takes the next
 * character literally; inside {@code '…'} nothing is special; inside {@code "…"} a backslash
 * escapes only {@code "} and {@code \} and is kept before anything else. Quoted parts join the word
 * around them, and {@code ''} is an (empty) word.
 */
final class Shlex {
  private static final String WHITESPACE = " \t\r\n";

  private Shlex() {}

  /**
   * @return the words, or empty when Python raises {@code ValueError} ("No closing quotation", "No
   *     escaped character"), for which botocore ignores the section
   */
  static Optional<List<String>> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (WHITESPACE.indexOf(c) >= 0) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '\\') {
        if (i == text.length()) {
          return Optional.empty();
        }
        word.append(text.charAt(i++));
        inWord = true;
      } else if (c == '\'' || c == '"') {
        int close = quoted(text, i, c, word);
        if (close < 0) {
          return Optional.empty();
        }
        i = close + 1;
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return Optional.of(words);
  }

  /**
   * Appends the quoted part that starts at {@code from} (just past the opening {@code quote}).
   *
   * @return the index of the closing quote, -1 if there is none
   */
  private static int quoted(String text, int from, char quote, StringBuilder word) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        return i;
      }
      if (quote == '"' && c == '\\') {
        if (i + 1 == text.length()) {
          return -1;
        }
        char next = text.charAt(i + 1);
        if (next != '"' && next != '\\') {
          word.append('\\');
        }
        word.append(next);
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    return -1;
  }
}

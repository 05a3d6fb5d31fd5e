package dev.ssoconfig.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after it was sent some text: the lines as a person sees them, after
 * carriage returns, erase-line ({@code ESC [ K}) and colour ({@code ESC [ … m}) took effect. Only
 * those sequences are understood; any other escape fails the test, since the tool must write no
 * other.
 */
final class TerminalScreen {
  private TerminalScreen() {}

  /**
   * @param sent everything written to the terminal
   * @return its lines as shown, the last one included even when empty (where the cursor is)
   */
  static List<String> render(String sent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int cursor = 0;
    for (int i = 0; i < sent.length(); i++) {
      char c = sent.charAt(i);
      if (c == '\n') {
        lines.add(line.toString());
        line.setLength(0);
        cursor = 0;
      } else if (c == '\r') {
        cursor = 0;
      } else if (c == '\033') {
        int end = i + 1;
        if (end >= sent.length() || sent.charAt(end) != '[') {
          throw new AssertionError("an escape that is not CSI at " + i + ": " + sent);
        }
        end++;
        while (end < sent.length()
            && (Character.isDigit(sent.charAt(end)) || sent.charAt(end) == ';')) {
          end++;
        }
        char command = end < sent.length() ? sent.charAt(end) : '?';
        if (command == 'K') {
          line.setLength(Math.min(cursor, line.length()));
        } else if (command != 'm') {
          throw new AssertionError("an escape other than EL and SGR at " + i + ": " + sent);
        }
        i = end;
      } else {
        if (cursor < line.length()) {
          line.setCharAt(cursor, c);
        } else {
          line.append(c);
        }
        cursor++;
      }
    }
    lines.add(line.toString());
    return lines;
  }
}

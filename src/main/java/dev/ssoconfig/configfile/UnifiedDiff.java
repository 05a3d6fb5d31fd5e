package dev.ssoconfig.configfile;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.ssoconfig.text.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of two versions of a config file, for a dry run to show what a run would change.
 *
 * <p>The comparison is exact, byte for byte: lines are split after each {@code "\n"}, as {@code
 * diff(1)} does, and keep their terminators, so a line that changes only from CRLF to LF is a
 * changed line, and a last line without a newline is followed by {@code \ No newline at end of
 * file} (the GNU diff marker). Bytes are compared one {@code char} per byte (ISO-8859-1), so
 * invalid UTF-8 is compared exactly and never throws.
 *
 * <p>The output is meant for a terminal, not for {@code patch(1)}: each line's bytes are shown as
 * UTF-8, with any invalid sequence shown as U+FFFD (the replacement character); C0 control
 * characters other than tab, and DEL, are shown as their Unicode control pictures, so a CRLF line
 * ends in {@code ␍}, a NUL byte reads {@code ␀} and no escape sequence reaches the terminal; every
 * other code point that is not safe to print ({@link SafeText#isUnsafe}: C1 controls, bidi
 * overrides, zero-width and other format characters, U+2028) is shown as U+FFFD. Lines end in
 * {@code "\n"}.
 */
public final class UnifiedDiff {
  /** Unchanged lines shown around each change, as in {@code diff -u}. */
  private static final int CONTEXT = 3;

  private static final String NO_NEWLINE = "\\ No newline at end of file";

  private UnifiedDiff() {}

  /**
   * The unified diff from {@code before} to {@code after}.
   *
   * @param path the file's path as shown in the {@code ---} and {@code +++} header lines; the
   *     second reads {@code <path> (after this run)}
   * @param before the current content; empty for a file that does not exist
   * @param after the content the run would write
   * @return the diff: {@code ---}, {@code +++}, then {@code @@} hunks with 3 lines of context; an
   *     empty string when the contents are equal
   */
  public static String between(String path, byte[] before, byte[] after) {
    if (Arrays.equals(before, after)) {
      return "";
    }
    List<String> original = lines(before);
    Patch<String> patch = DiffUtils.diff(original, lines(after));
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            path, path + " (after this run)", original, patch, CONTEXT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < diff.size(); i++) {
      String line = diff.get(i);
      if (i < 2 || line.startsWith("@@")) {
        out.append(line).append('\n'); // a header: every content line starts with ' ', - or +
      } else {
        out.append(line.charAt(0));
        appendContent(out, line.substring(1));
      }
    }
    return out.toString();
  }

  /** The lines of {@code bytes}, one char per byte, each with its {@code "\n"} if it has one. */
  private static List<String> lines(byte[] bytes) {
    String all = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = all.indexOf('\n'); end >= 0; end = all.indexOf('\n', start)) {
      lines.add(all.substring(start, end + 1));
      start = end + 1;
    }
    if (start < all.length()) {
      lines.add(all.substring(start));
    }
    return lines;
  }

  /** Appends one line for display, then {@code "\n"} and the marker if it had no newline. */
  private static void appendContent(StringBuilder out, String latin1Line) {
    boolean newline = latin1Line.endsWith("\n");
    String bytes = newline ? latin1Line.substring(0, latin1Line.length() - 1) : latin1Line;
    String text = Latin1.toUnicode(bytes);
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\t') {
                out.append('\t');
              } else if (c < 0x20) {
                out.append((char) (0x2400 + c)); // U+2400 SYMBOL FOR NULL ... U+241F
              } else if (c == 0x7f) {
                out.append('\u2421'); // SYMBOL FOR DELETE
              } else if (SafeText.isUnsafe(c)) {
                out.append(SafeText.REPLACEMENT);
              } else {
                out.appendCodePoint(c);
              }
            });
    out.append('\n');
    if (!newline) {
      out.append(NO_NEWLINE).append('\n');
    }
  }
}

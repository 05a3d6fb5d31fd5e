package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The lines of a document outside the parts the editor may change: a managed profile's or the
 * plan's sso-session's header and properties. Comments and blank lines after a section's last
 * property count as outside.
 */
final class OutsideLines {
  private OutsideLines() {}

  /** One outside line, and whether pruning may drop it. */
  record Outside(Line line, boolean droppable) {}

  /**
   * The outside lines of {@code document}. Lines after the last property of a section of a {@code
   * removed} profile, and a blank line right before such a section, are marked droppable: pruning
   * removes them with the section, or keeps the comments that describe the next one.
   */
  static List<Outside> of(ConfigDocument document, String sessionName, List<String> removed) {
    BitSet inside = new BitSet();
    BitSet droppable = new BitSet();
    for (Section section : document.sections()) {
      boolean editable =
          section.isManaged()
              || (section.type() == SectionType.SSO_SESSION && section.name().equals(sessionName));
      if (editable) {
        int last = section.headerLine();
        for (PropertyEntry entry : section.properties()) {
          last = Math.max(last, entry.lastLine());
        }
        inside.set(section.headerLine(), last + 1);
        if (section.type() == SectionType.PROFILE && removed.contains(section.name())) {
          droppable.set(last + 1, section.endLine());
          int before = section.headerLine() - 1;
          if (before >= 0 && document.kind(before) == SectionReader.LineKind.BLANK) {
            droppable.set(before);
          }
        }
      }
    }
    List<Outside> outside = new ArrayList<>();
    for (int i = 0; i < document.lines().size(); i++) {
      if (!inside.get(i)) {
        Line line = document.lines().get(i);
        outside.add(new Outside(line, droppable.get(i)));
      }
    }
    return outside;
  }

  /** {@link #assertUnchanged(ConfigDocument, ConfigDocument, String, List)} without pruning. */
  static void assertUnchanged(ConfigDocument input, ConfigDocument output, String sessionName) {
    assertUnchanged(input, output, sessionName, List.of());
  }

  /**
   * Asserts the output keeps every outside line of the input byte for byte, in order, except lines
   * pruning may drop, followed only by blank separator lines; the input's last line may gain a
   * terminator.
   */
  static void assertUnchanged(
      ConfigDocument input, ConfigDocument output, String sessionName, List<String> removed) {
    List<Outside> before = of(input, sessionName, removed);
    List<Outside> after = of(output, sessionName, List.of());
    assertTrue(
        aligns(before, after),
        () -> "outside lines changed:\n" + texts(before) + "\nbecame\n" + texts(after));
  }

  /**
   * Whether {@code after} is {@code before} less some droppable lines, plus blank lines at the end:
   * a small dynamic program, since dropping greedily can pick the wrong one of equal lines.
   */
  private static boolean aligns(List<Outside> before, List<Outside> after) {
    int n = before.size();
    int m = after.size();
    boolean[][] ok = new boolean[n + 1][m + 1];
    ok[n][m] = true;
    for (int j = m - 1; j >= 0; j--) {
      ok[n][j] = ok[n][j + 1] && after.get(j).line().text().isEmpty();
    }
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m; j >= 0; j--) {
        boolean drop = before.get(i).droppable() && ok[i + 1][j];
        boolean keep = j < m && same(before.get(i).line(), after.get(j).line(), i == n - 1);
        ok[i][j] = drop || (keep && ok[i + 1][j + 1]);
      }
    }
    return ok[0][0];
  }

  private static boolean same(Line was, Line now, boolean last) {
    return was.equals(now) || (last && !was.terminated() && was.text().equals(now.text()));
  }

  private static String texts(List<Outside> lines) {
    StringBuilder text = new StringBuilder();
    for (Outside outside : lines) {
      text.append(outside.droppable() ? "~ " : "  ").append(outside.line().text()).append('\n');
    }
    return text.toString();
  }
}

package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  static List<Line> of(ConfigDocument document, String sessionName) {
    BitSet inside = new BitSet();
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
      }
    }
    List<Line> outside = new ArrayList<>();
    for (int i = 0; i < document.lines().size(); i++) {
      if (!inside.get(i)) {
        outside.add(document.lines().get(i));
      }
    }
    return outside;
  }

  /**
   * Asserts the output keeps every outside line of the input byte for byte, in order, followed only
   * by blank separator lines; the input's last line may gain a terminator.
   */
  static void assertUnchanged(ConfigDocument input, ConfigDocument output, String sessionName) {
    List<Line> before = of(input, sessionName);
    List<Line> after = of(output, sessionName);
    assertTrue(after.size() >= before.size(), "no outside line was dropped");
    for (int i = 0; i < before.size(); i++) {
      Line was = before.get(i);
      Line now = after.get(i);
      boolean lastGainedTerminator =
          i == before.size() - 1 && !was.terminated() && now.text().equals(was.text());
      if (!lastGainedTerminator) {
        assertEquals(was, now, "outside line " + i);
      }
    }
    for (Line extra : after.subList(before.size(), after.size())) {
      assertEquals("", extra.text(), "only blank separators are new outside managed sections");
    }
  }
}

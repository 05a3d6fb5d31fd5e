package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static final String PATH = "/home/me/.aws/config";
  private static final String HEADER = "--- " + PATH + "\n+++ " + PATH + " (after this run)\n";

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] latin1(String bytes) {
    return bytes.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String numbered(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i <= to; i++) {
      lines.append("line ").append(i).append('\n');
    }
    return lines.toString();
  }

  @Nested
  class Shape {
    @Test
    void is_empty_when_nothing_changes() {
      assertEquals("", UnifiedDiff.between(PATH, utf8("a\nb\n"), utf8("a\nb\n")));
      assertEquals("", UnifiedDiff.between(PATH, new byte[0], new byte[0]));
    }

    @Test
    void shows_a_change_with_three_lines_of_context() {
      String before = numbered(1, 10);
      String after = before.replace("line 5\n", "line five\n");
      assertEquals(
          HEADER
              + "@@ -2,7 +2,7 @@\n"
              + " line 2\n line 3\n line 4\n"
              + "-line 5\n+line five\n"
              + " line 6\n line 7\n line 8\n",
          UnifiedDiff.between(PATH, utf8(before), utf8(after)));
    }

    @Test
    void puts_distant_changes_in_separate_hunks() {
      String before = numbered(1, 20);
      String after = before.replace("line 2\n", "").replace("line 19\n", "line 19\nadded\n");
      assertEquals(
          HEADER
              + "@@ -1,5 +1,4 @@\n"
              + " line 1\n-line 2\n line 3\n line 4\n line 5\n"
              + "@@ -17,4 +16,5 @@\n"
              + " line 17\n line 18\n line 19\n+added\n line 20\n",
          UnifiedDiff.between(PATH, utf8(before), utf8(after)));
    }

    @Test
    void shows_a_new_file_as_all_added() {
      assertEquals(
          HEADER + "@@ -0,0 +1,2 @@\n+[profile p]\n+k = v\n",
          UnifiedDiff.between(PATH, new byte[0], utf8("[profile p]\nk = v\n")));
    }
  }

  @Nested
  class LineEnds {
    @Test
    void a_change_from_crlf_to_lf_is_visible() {
      assertEquals(
          HEADER + "@@ -1,2 +1,2 @@\n-[default]\u240d\n+[default]\n region = x\n",
          UnifiedDiff.between(
              PATH, utf8("[default]\r\nregion = x\n"), utf8("[default]\nregion = x\n")));
    }

    @Test
    void a_missing_final_newline_is_marked() {
      assertEquals(
          HEADER
              + "@@ -1,2 +1,3 @@\n"
              + " [default]\n"
              + "-region = x\n\\ No newline at end of file\n"
              + "+region = x\n+[profile p]\n",
          UnifiedDiff.between(
              PATH, utf8("[default]\nregion = x"), utf8("[default]\nregion = x\n[profile p]\n")));
    }

    @Test
    void adding_only_the_final_newline_is_a_change() {
      assertEquals(
          HEADER + "@@ -1,1 +1,1 @@\n-k = v\n\\ No newline at end of file\n+k = v\n",
          UnifiedDiff.between(PATH, utf8("k = v"), utf8("k = v\n")));
    }
  }

  @Nested
  class Bytes {
    @Test
    void shows_utf_8_text_as_text() {
      String diff = UnifiedDiff.between(PATH, utf8("# café\n"), utf8("# café ☕\n"));
      assertEquals(HEADER + "@@ -1,1 +1,1 @@\n-# café\n+# café ☕\n", diff);
    }

    @Test
    void shows_invalid_utf_8_as_replacement_characters_without_failing() {
      String diff = UnifiedDiff.between(PATH, latin1("k = \u00ff\n"), latin1("k = \u00fe\n"));
      assertEquals(HEADER + "@@ -1,1 +1,1 @@\n-k = \ufffd\n+k = \ufffd\n", diff);
    }

    @Test
    void shows_control_characters_as_symbols_so_none_reach_the_terminal() {
      String diff = UnifiedDiff.between(PATH, latin1("a\0b\n"), latin1("a\u001b[31mb\u007f\tc\n"));
      assertEquals(HEADER + "@@ -1,1 +1,1 @@\n-a\u2400b\n+a\u241b[31mb\u2421\tc\n", diff);
    }

    @Test
    void shows_c1_controls_bidi_overrides_and_zero_width_characters_as_replacement_characters() {
      String diff =
          UnifiedDiff.between(
              PATH, utf8("k = 1\n"), utf8("k = \u009b31m \u202eevil\u2066 a\u200bb\u2028c\n"));
      assertEquals(
          HEADER + "@@ -1,1 +1,1 @@\n-k = 1\n+k = \ufffd31m \ufffdevil\ufffd a\ufffdb\ufffdc\n",
          diff);
    }

    @Test
    void compares_a_byte_order_mark_exactly() {
      String diff =
          UnifiedDiff.between(PATH, latin1("\u00ef\u00bb\u00bf[default]\n"), utf8("[default]\n"));
      // U+FEFF is a format character: shown as U+FFFD, so the two lines do not look alike
      assertTrue(diff.contains("\n-\ufffd[default]\n+[default]\n"), diff);
    }
  }
}

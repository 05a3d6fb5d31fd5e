package dev.ssoconfig.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python 3.11's answers, checked by hand with {@code python3 -c ...}. */
class PyTextTest {
  @Test
  void whitespace_is_pythons_str_isspace() {
    String spaces =
        "\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000";
    spaces.chars().forEach(c -> assertTrue(PyText.isSpace(c), Integer.toHexString(c)));
    for (int c : new int[] {'a', 0x200b, 0xfeff, 0x180e, 0}) {
      assertFalse(PyText.isSpace(c), Integer.toHexString(c));
    }
  }

  @Test
  void strip_removes_python_whitespace_at_both_ends() {
    assertEquals("a b", PyText.strip("\u3000 a b\u00a0\u2003"));
    assertEquals("", PyText.strip(" \u00a0\t"));
    assertEquals("", PyText.strip(""));
    assertEquals(" a", PyText.rstrip(" a\u0085"));
  }

  @Test
  void split_lines_breaks_where_python_does() {
    assertEquals(
        List.of("a", "b", "c", "d", "e", ""), PyText.splitLines("a\r\nb\u000bc\u2028d\u001ce\n\n"));
  }
}

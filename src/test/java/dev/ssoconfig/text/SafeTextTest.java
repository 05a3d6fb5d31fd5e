package dev.ssoconfig.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {
  private static final String R = String.valueOf(SafeText.REPLACEMENT);

  /** Whether every code point of a line is printable: nothing a terminal acts on. */
  private static void assertPrintable(String line) {
    line.codePoints()
        .forEach(
            c ->
                assertFalse(
                    SafeText.isUnsafe(c),
                    () -> String.format("U+%04X left in %s", c, line.replace('\u001b', '^'))));
    assertEquals(line.strip(), line);
    assertFalse(line.contains("  "), line);
  }

  @Nested
  class Line {
    @Test
    void keeps_letters_of_every_script() {
      assertEquals("Café 東京 Ünïcode ½ ✓ 😀", SafeText.line("Café 東京 Ünïcode ½ ✓ 😀"));
      assertEquals("Cafe\u0301", SafeText.line("Cafe\u0301"), "a combining accent stays");
    }

    @Test
    void replaces_a_whole_escape_sequence_by_one_visible_mark() {
      assertEquals("a" + R + "red" + R + "b", SafeText.line("a\u001b[1;31mred\u001b[0mb"));
      assertEquals("x" + R + "y", SafeText.line("x\u001b]0;title\u0007y"), "OSC ended by BEL");
      assertEquals("x" + R + "y", SafeText.line("x\u001b]8;;http://e.vil\u001b\\y"), "OSC with ST");
      assertEquals("x" + R + "y", SafeText.line("x\u001bcy"), "ESC c (reset)");
      assertEquals("x" + R + "y", SafeText.line("x\u001b(By"), "ESC ( B (character set)");
    }

    @Test
    void replaces_c1_controls_and_the_single_character_csi() {
      assertEquals("a" + R + "b", SafeText.line("a\u009b31mb"), "CSI U+009B with its parameters");
      assertEquals("a" + R + "b", SafeText.line("a\u0090device control\u009cb"), "DCS to ST");
      assertEquals("a" + R + "b", SafeText.line("a\u0080b"));
    }

    @ParameterizedTest
    @CsvSource({
      "202E, right-to-left override",
      "202A, left-to-right embedding",
      "2066, left-to-right isolate",
      "2067, right-to-left isolate",
      "2069, pop directional isolate",
      "200B, zero width space",
      "200D, zero width joiner",
      "FEFF, byte order mark",
      "0000, NUL",
      "0007, BEL",
      "007F, DEL",
      "E000, private use",
      "0378, unassigned",
      "D800, lone high surrogate",
      "DC00, lone low surrogate"
    })
    void replaces_a_format_control_private_or_unassigned_character(String hex, String name) {
      String c = String.valueOf((char) Integer.parseInt(hex, 16));

      assertEquals("safe" + R + "text", SafeText.line("safe" + c + "text"), name);
    }

    @Test
    void turns_line_breaks_tabs_and_separators_into_single_spaces() {
      assertEquals(
          "one two three four five six",
          SafeText.line(" one\r\ntwo\tthree\u2028four\u2029five\u00a0\u3000six \n"));
    }

    @Test
    void a_cut_short_escape_sequence_leaves_the_rest_visible() {
      assertEquals("a" + R + "title", SafeText.line("a\u001b]title"));
      assertEquals("a" + R, SafeText.line("a\u001b"));
      assertEquals("a" + R + "12;", SafeText.line("a\u001b[12;"));
    }

    @Test
    void the_old_login_example_shows_its_tampering() {
      assertEquals(
          "User denied" + R + " access" + R,
          SafeText.line("User denied\u001b[31m\r\n access\u202e"));
    }

    @Test
    void redacts_labelled_secrets_before_cutting() {
      String line =
          SafeText.line("bad request: code=" + "c0de".repeat(100) + " refresh_token=r3fr", 300);

      assertEquals("bad request: code=<redacted> refresh_token=<redacted>", line);
    }

    @Test
    void redacts_a_secret_whose_label_a_line_break_separated() {
      assertEquals(
          "Authorization: Bearer <redacted>", SafeText.line("Authorization: Bearer\u0085abc"));
    }

    @Test
    void cuts_at_a_code_point_and_marks_the_cut() {
      assertEquals("x".repeat(300) + "…", SafeText.detail("x".repeat(1000)));
      assertEquals("東京…", SafeText.line("東京東京", 2));
      assertEquals("😀…", SafeText.line("😀😀", 1), "a surrogate pair is never split");
      assertEquals("short", SafeText.line("short", 5));
    }

    @Test
    void maps_null_to_empty_and_refuses_a_length_below_one() {
      assertEquals("", SafeText.line(null));
      assertThrows(IllegalArgumentException.class, () -> SafeText.line("x", 0));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\u001b[2J\u001b[H",
          "\u202e\u2066\u009b\u200b\u2028\u0000\r\n\ud800",
          "\u001b]52;c;ZXZpbA==\u0007 clipboard",
          "\u009d0;title\u009c",
          "tab\tnul\u0000del\u007f"
        })
    void leaves_nothing_a_terminal_acts_on(String text) {
      String line = SafeText.line("before " + text + " after");

      assertPrintable(line);
      assertTrue(line.startsWith("before "), line);
      assertTrue(line.endsWith(" after"), line);
    }

    @Test
    void is_idempotent() {
      String once = SafeText.line("a\u001b[31m b\u202e\n\nc code=x Café");

      assertEquals(once, SafeText.line(once));
    }
  }

  @Nested
  class Quote {
    @Test
    void escapes_quotes_backslashes_and_line_breaks() {
      assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\"", SafeText.quote("a\"b\\c\nd\re\tf"));
    }

    @Test
    void writes_every_unsafe_character_as_an_escape() {
      assertEquals(
          "\"\\u001b[31m \\u202e \\u2066 \\u009b \\u200b \\u2028 \\u0000 \\ud800\"",
          SafeText.quote("\u001b[31m \u202e \u2066 \u009b \u200b \u2028 \u0000 \ud800"));
    }

    @Test
    void keeps_letters_of_every_script_and_spaces_as_typed() {
      assertEquals("\"Café  東京 😀\"", SafeText.quote("Café  東京 😀"));
    }
  }

  @Nested
  class IsUnsafe {
    @Test
    void follows_the_unicode_categories() {
      assertTrue(SafeText.isUnsafe('\n'));
      assertTrue(SafeText.isUnsafe(0x9B));
      assertTrue(SafeText.isUnsafe(0x202E));
      assertTrue(SafeText.isUnsafe(0x2028));
      assertTrue(SafeText.isUnsafe(0xE0001), "LANGUAGE TAG, a format character");
      assertTrue(SafeText.isUnsafe(0x10FFFF), "a noncharacter");
      assertFalse(SafeText.isUnsafe('a'));
      assertFalse(SafeText.isUnsafe(' '));
      assertFalse(SafeText.isUnsafe(0x00E9));
      assertFalse(SafeText.isUnsafe(0x6771));
      assertFalse(SafeText.isUnsafe(0x1F600));
      assertFalse(SafeText.isUnsafe(SafeText.REPLACEMENT));
    }
  }
}

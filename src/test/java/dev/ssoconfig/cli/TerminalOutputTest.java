package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TerminalOutputTest {
  /** What a JVM started under {@code LANG=C} reports as {@code native.encoding} on Linux. */
  private static final Map<String, String> LANG_C = Map.of("native.encoding", "ANSI_X3.4-1968");

  private static String print(Charset charset, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter writer = TerminalOutput.writer(bytes, charset);
    writer.print(text);
    writer.flush();
    return bytes.toString(charset);
  }

  @Nested
  class ChosenCharset {
    @Test
    void follows_the_locale_not_the_default_charset() {
      assertEquals(
          StandardCharsets.US_ASCII, TerminalOutput.charset(LANG_C::get, "stdout.encoding"));
    }

    @Test
    void prefers_the_stream_encoding_of_newer_runtimes() {
      Map<String, String> properties =
          Map.of("stdout.encoding", "UTF-8", "native.encoding", "ANSI_X3.4-1968");

      assertEquals(
          StandardCharsets.UTF_8, TerminalOutput.charset(properties::get, "stdout.encoding"));
    }

    @Test
    void follows_the_windows_console_code_page_on_jdk_17_not_the_ansi_code_page() {
      // what JDK 17 on Windows sets when stdout is a console in code page 437
      Map<String, String> properties =
          Map.of("sun.stdout.encoding", "cp437", "native.encoding", "Cp1252");

      assertEquals(
          Charset.forName("IBM437"), TerminalOutput.charset(properties::get, "stdout.encoding"));
    }

    @Test
    void falls_back_to_the_default_charset_for_an_unknown_or_missing_name() {
      assertEquals(
          Charset.defaultCharset(),
          TerminalOutput.charset(Map.of("native.encoding", "no-such-charset")::get, "x"));
      assertEquals(
          Charset.defaultCharset(), TerminalOutput.charset(Map.<String, String>of()::get, "x"));
    }
  }

  @Nested
  class AsciiTerminal {
    @Test
    void writes_ascii_stand_ins_for_the_tools_typographic_characters() {
      assertEquals(
          "Found 3 accounts; listing roles...\n'a' \"b\" - -- ->",
          print(
              StandardCharsets.US_ASCII,
              "Found 3 accounts; listing roles\u2026\n"
                  + "\u2018a\u2019 \u201cb\u201d \u2013 \u2014 \u2192"));
    }

    @Test
    void writes_caret_notation_for_the_control_pictures_of_a_diff() {
      assertEquals(
          "+region = x^M\n+a^@b^[[31m^?",
          print(StandardCharsets.US_ASCII, "+region = x\u240d\n+a\u2400b\u241b[31m\u2421"));
    }

    @Test
    void writes_a_question_mark_for_any_other_character() {
      assertEquals("Caf? ?? ? ?", print(StandardCharsets.US_ASCII, "Café 東京 \ufffd 😀"));
    }

    @Test
    void keeps_what_latin_1_can_show() {
      assertEquals("Café ... ?", print(StandardCharsets.ISO_8859_1, "Café \u2026 東"));
    }
  }

  @Test
  void a_utf_8_terminal_gets_every_character_as_it_is() {
    String text = "listing roles\u2026 Café 東京 \u240d 😀";

    assertEquals(text, print(StandardCharsets.UTF_8, text));
  }
}

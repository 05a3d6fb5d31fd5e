package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ssoconfig.profiles.ExistingProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.Profile;

class ConfigDocumentTest {

  private static ConfigDocument parse(String latin1) {
    return ConfigDocument.parse(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void assertRoundTrip(byte[] bytes) {
    assertArrayEquals(bytes, ConfigDocument.parse(bytes).toBytes());
  }

  @Nested
  class ParseThenToBytes {
    @Test
    void round_trips_an_empty_file() {
      assertRoundTrip(new byte[0]);
      assertEquals(List.of(), ConfigDocument.parse(new byte[0]).lines());
    }

    @Test
    void keeps_each_line_terminator_including_a_missing_last_one() {
      ConfigDocument document = parse("a\nb\r\nc\rd");
      assertEquals(
          List.of(
              new Line("a", "\n"), new Line("b", "\r\n"), new Line("c", "\r"), new Line("d", "")),
          document.lines());
      assertRoundTrip("a\nb\r\nc\rd".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void round_trips_a_byte_order_mark_nul_bytes_and_invalid_utf8() {
      assertRoundTrip(
          new byte[] {
            (byte) 0xEF,
            (byte) 0xBB,
            (byte) 0xBF,
            '[',
            'd',
            'e',
            'f',
            'a',
            'u',
            'l',
            't',
            ']',
            '\n',
            0,
            (byte) 0xFF,
            (byte) 0xC3,
            '(',
            '\r',
            '\r',
            '\n',
            (byte) 0x80
          });
    }

    @Test
    void round_trips_lines_that_fit_no_rule_and_never_throws() {
      assertRoundTrip(
          ("  indented before any section\nkey = before any section\n[profile unclosed\n"
                  + "no equals sign\n= no key\n[]\n[profile]\n  # indented comment\n]\n")
              .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void round_trips_random_bytes() {
      Random random = new Random(20240611L);
      byte[] alphabet =
          "[]=#; \t\r\n\r\nprofile sso-session default ab\u00ff\u0000"
              .getBytes(StandardCharsets.ISO_8859_1);
      for (int round = 0; round < 2_000; round++) {
        byte[] bytes = new byte[random.nextInt(200)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] =
              random.nextBoolean()
                  ? alphabet[random.nextInt(alphabet.length)]
                  : (byte) random.nextInt(256);
        }
        assertRoundTrip(bytes);
      }
    }
  }

  @Nested
  class Sections {
    @Test
    void reads_the_section_kinds_of_a_config_file() {
      ConfigDocument document =
          parse(
              "[default]\n[profile  a ]\n[profile default]\n[sso-session\tacme]\n"
                  + "[services local]\n[plugins]\n[profile a # comment]\n[broken\n");
      List<Section> sections = document.sections();
      assertEquals(8, sections.size());
      assertSection(sections.get(0), SectionType.PROFILE, "default");
      assertSection(sections.get(1), SectionType.PROFILE, "a");
      assertSection(sections.get(2), SectionType.PROFILE, "default");
      assertSection(sections.get(3), SectionType.SSO_SESSION, "acme");
      assertSection(sections.get(4), SectionType.SERVICES, "local");
      assertSection(sections.get(5), SectionType.UNKNOWN, "plugins");
      assertSection(sections.get(6), SectionType.UNKNOWN, null);
      assertSection(sections.get(7), SectionType.UNKNOWN, null);
    }

    @Test
    void a_section_runs_to_the_next_header() {
      List<Section> sections = parse("# top\n[profile a]\nx = 1\n\n# c\n[profile b]\n").sections();
      assertEquals(1, sections.get(0).headerLine());
      assertEquals(5, sections.get(0).endLine());
      assertEquals(6, sections.get(1).endLine());
    }

    @Test
    void reads_a_header_after_a_byte_order_mark() {
      List<Section> sections = parse("\u00EF\u00BB\u00BF[profile a]\nx = 1\n").sections();
      assertSection(sections.get(0), SectionType.PROFILE, "a");
      assertEquals("1", sections.get(0).value("x").orElseThrow());
    }

    @Test
    void reads_top_level_values_as_the_sdk_does() {
      Section section =
          parse(
                  "[profile a]\nplain=1\nspaced   =   two words  \nhash = a#b\n"
                      + "comment = c # gone\nsemicolon = d\t; gone\nempty =\n"
                      + "s3 =\n  endpoint_url = http://x\n# a comment between\n  max = 2\n"
                      + "dup = first\ndup = second\n")
              .sections()
              .get(0);
      assertEquals("1", section.value("plain").orElseThrow());
      assertEquals("two words", section.value("spaced").orElseThrow());
      assertEquals("a#b", section.value("hash").orElseThrow());
      assertEquals("c", section.value("comment").orElseThrow());
      assertEquals("d", section.value("semicolon").orElseThrow());
      assertEquals("", section.value("empty").orElseThrow());
      assertEquals("\nendpoint_url = http://x\nmax = 2", section.value("s3").orElseThrow());
      assertEquals("second", section.value("dup").orElseThrow());
    }

    @Test
    void records_the_continuation_lines_of_a_property() {
      PropertyEntry s3 =
          parse("[services x]\ns3 =\n  a = 1\n\n  b = 2\nc = 3\n")
              .sections()
              .get(0)
              .properties()
              .get(0);
      assertEquals(List.of(2, 4), s3.continuations());
      assertEquals(4, s3.lastLine());
    }

    private void assertSection(Section section, SectionType type, String name) {
      assertEquals(type, section.type());
      if (name == null) {
        assertNull(section.name());
      } else {
        assertEquals(name, section.name());
      }
    }
  }

  @Nested
  class ManagedProfiles {
    private static final String MARKER = "managed_by = aws-sso-config-generator\n";

    private List<String> names(ConfigDocument document) {
      return document.managedProfiles().stream().map(ExistingProfile::name).toList();
    }

    private Map<String, String> properties(String content, String name) {
      return parse(content).managedProfiles().stream()
          .filter(profile -> profile.name().equals(name))
          .findFirst()
          .orElseThrow()
          .properties();
    }

    @Test
    void lists_profiles_whose_every_section_carries_the_marker_in_file_order() {
      ConfigDocument document =
          parse(
              "[profile b]\nmanaged_by = aws-sso-config-generator\n"
                  + "[profile mine]\nregion = x\n"
                  + "[profile other]\nmanaged_by = someone-else\n"
                  + "[sso-session s]\nmanaged_by = aws-sso-config-generator\n"
                  + "[profile a]\nmanaged_by = aws-sso-config-generator # comment\n"
                  + "[profile b]\nregion = y\n"
                  + "[profile c]\nmanaged_by = aws-sso-config-generator\n");
      assertEquals(List.of("a", "c"), names(document));
    }

    @Test
    void a_later_definition_of_the_marker_key_decides() {
      assertEquals(
          List.of(), names(parse("[profile a]\n" + MARKER + "managed_by = someone-else\n")));
      assertEquals(List.of("a"), names(parse("[profile a]\nmanaged_by = x\n" + MARKER)));
    }

    @Test
    void merges_sections_of_one_name_with_later_keys_winning() {
      assertEquals(
          Map.of("x", "3", "y", "2", "managed_by", "aws-sso-config-generator"),
          properties(
              "[profile a]\nx = 1\ny = 2\n" + MARKER + "[profile a]\nx = 1\nx = 3\n" + MARKER,
              "a"));
    }

    @Test
    void reads_top_level_values_as_the_sdk_does() {
      String content =
          "[profile a]\n"
              + MARKER
              + "s3 =\n  addressing_style = path\n"
              + "note = caf\u00c3\u00a9 ; inline comment\n"
              + "bad key = ignored by the SDK\n"
              + "region=eu-west-1\n";
      Map<String, String> expected =
          Map.of(
              "managed_by", "aws-sso-config-generator",
              "s3", "\naddressing_style = path",
              "note", "caf\u00e9",
              "region", "eu-west-1");
      assertEquals(expected, properties(content, "a"));
      Profile sdk =
          Referee.parse(content.getBytes(StandardCharsets.ISO_8859_1)).profile("a").orElseThrow();
      expected.forEach((key, value) -> assertEquals(value, sdk.property(key).orElse(null), key));
      assertEquals(
          "path", sdk.property("s3.addressing_style").orElse(null), "the SDK adds sub-properties");
    }

    @Test
    void profile_default_hides_bare_default_as_in_the_sdk() {
      String content =
          "[default]\nregion = a\nonly_bare = 1\n"
              + MARKER
              + "[profile default]\nregion = b\n"
              + MARKER;
      Map<String, String> expected =
          Map.of("region", "b", "managed_by", "aws-sso-config-generator");
      assertEquals(expected, properties(content, "default"));
      assertEquals(
          expected,
          Referee.parse(content.getBytes(StandardCharsets.ISO_8859_1))
              .profile("default")
              .orElseThrow()
              .properties());
    }

    @Test
    void is_empty_for_a_file_without_profiles() {
      assertEquals(List.of(), parse("").managedProfiles());
      assertEquals(List.of(), parse("[sso-session s]\n" + MARKER).managedProfiles());
    }
  }

  @Nested
  class LineEnding {
    @Test
    void is_crlf_when_most_lines_end_in_crlf() {
      assertEquals("\r\n", parse("a\r\nb\r\nc\n").lineEnding());
    }

    @Test
    void is_lf_otherwise() {
      assertEquals("\n", parse("a\r\nb\n").lineEnding());
      assertEquals("\n", parse("").lineEnding());
      assertEquals("\n", parse("a\rb\r").lineEnding());
    }
  }
}

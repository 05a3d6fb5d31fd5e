package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ssoconfig.profiles.ExistingProfile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {

  private static ConfigDocument parse(String latin1) {
    return ConfigDocument.parse(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static ConfigDocument utf8(String text) {
    return ConfigDocument.parse(text.getBytes(StandardCharsets.UTF_8));
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
    void names_sections_as_botocore_does() {
      ConfigDocument document =
          utf8(
              "[default]\n[profile  a]\n[profile default]\n[sso-session\tacme]\n"
                  + "[services local]\n[plugins]\n[profile b] # comment\n[profile 'c d']\n"
                  + "[ profile e ]\n[profile f g]\n[profilex]\n[DEFAULT]\n[profile h]]\n");
      List<Section> sections = document.sections();
      assertEquals(13, sections.size());
      assertSection(sections.get(0), SectionType.PROFILE, "default");
      assertSection(sections.get(1), SectionType.PROFILE, "a");
      assertSection(sections.get(2), SectionType.PROFILE, "default");
      assertSection(sections.get(3), SectionType.SSO_SESSION, "acme");
      assertSection(sections.get(4), SectionType.SERVICES, "local");
      assertSection(sections.get(5), SectionType.OTHER, "plugins");
      assertSection(sections.get(6), SectionType.PROFILE, "b");
      assertSection(sections.get(7), SectionType.PROFILE, "c d");
      assertSection(sections.get(8), SectionType.OTHER, " profile e ");
      assertSection(sections.get(9), SectionType.IGNORED, null);
      assertSection(sections.get(10), SectionType.IGNORED, null);
      assertSection(sections.get(11), SectionType.DEFAULTS, null);
      assertSection(sections.get(12), SectionType.PROFILE, "h]");
      assertEquals(List.of(), document.problems());
    }

    @Test
    void a_section_runs_to_the_next_header() {
      List<Section> sections = utf8("# top\n[profile a]\nx = 1\n\n# c\n[profile b]\n").sections();
      assertEquals(1, sections.get(0).headerLine());
      assertEquals(5, sections.get(0).endLine());
      assertEquals(6, sections.get(1).endLine());
    }

    @Test
    void reads_headers_and_keys_after_any_indentation() {
      ConfigDocument document =
          utf8("\t[default]\n  region = us-west-2\n  output = json\n \u00a0[profile a]\nx = 1\n");
      Section first = document.sections().get(0);
      assertSection(first, SectionType.PROFILE, "default");
      assertEquals("us-west-2", first.value("region").orElseThrow());
      assertEquals("json", first.value("output").orElseThrow());
      assertSection(document.sections().get(1), SectionType.PROFILE, "a");
      assertEquals(List.of(), document.problems());
    }

    @Test
    void reads_values_as_botocore_does() {
      Section section =
          utf8("[profile a]\nplain=1\nspaced   =   two words  \nhash = a#b\n"
                  + "comment = c # kept\nsemicolon = d\t; kept\nempty =\n"
                  + "colon : e\nfirst:separator = f\nUpper_Case = g\n"
                  + "s3 =\n  endpoint_url = http://x\n# a comment between\n  max = 2\n"
                  + "nbsp = \u00a0h\u3000\n")
              .sections()
              .get(0);
      assertEquals("1", section.value("plain").orElseThrow());
      assertEquals("two words", section.value("spaced").orElseThrow());
      assertEquals("a#b", section.value("hash").orElseThrow());
      assertEquals("c # kept", section.value("comment").orElseThrow());
      assertEquals("d\t; kept", section.value("semicolon").orElseThrow());
      assertEquals("", section.value("empty").orElseThrow());
      assertEquals("e", section.value("colon").orElseThrow());
      assertEquals("separator = f", section.value("first").orElseThrow());
      assertEquals("g", section.value("upper_case").orElseThrow());
      assertEquals("\nendpoint_url = http://x\nmax = 2", section.value("s3").orElseThrow());
      assertEquals("h", section.value("nbsp").orElseThrow());
    }

    @Test
    void continues_a_value_only_on_lines_indented_deeper_than_its_key() {
      Section section =
          utf8("[profile a]\n  x = 1\n    more\n\n    again\n  y = 2\nz = 3\n  not_a_key\n")
              .sections()
              .get(0);
      assertEquals("1\nmore\n\nagain", section.value("x").orElseThrow());
      assertEquals("2", section.value("y").orElseThrow());
      assertEquals("3\nnot_a_key", section.value("z").orElseThrow());
    }

    @Test
    void an_indented_header_after_a_key_continues_its_value() {
      ConfigDocument document = utf8("[profile a]\nx = 1\n  [profile b]\n");
      assertEquals(1, document.sections().size());
      assertEquals("1\n[profile b]", document.sections().get(0).value("x").orElseThrow());
    }

    @Test
    void records_the_continuation_lines_of_a_property() {
      PropertyEntry s3 =
          utf8("[services x]\ns3 =\n  a = 1\n\n  b = 2\nc = 3\n")
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
  class AsReadByTheAwsCli {
    private Map<String, Object> profile(String content, String name) {
      return utf8(content).asReadByAwsCli().profiles().get(name);
    }

    @Test
    void a_later_section_of_the_same_profile_replaces_an_earlier_one_whole() {
      assertEquals(
          Map.of("region", "b"),
          profile("[profile default]\nregion = a\nx = 1\n[default]\nregion = b\n", "default"));
      assertEquals(Map.of("y", "2"), profile("[profile a]\nx = 1\n[profile  a]\ny = 2\n", "a"));
    }

    @Test
    void every_section_inherits_the_default_sections_keys() {
      AwsCliConfig config =
          utf8("[DEFAULT]\nregion = x\n[profile a]\n[profile b]\nregion = y\n[foo]\n")
              .asReadByAwsCli();
      assertEquals(Map.of("region", "x"), config.profiles().get("a"));
      assertEquals(Map.of("region", "y"), config.profiles().get("b"));
      assertEquals(Map.of("region", "x"), config.otherSections().get("foo"));
    }

    @Test
    void reads_a_value_that_starts_on_the_next_line_as_sub_properties() {
      assertEquals(
          Map.of("s3", Map.of("addressing_style", "path", "max", "a=b"), "x", "1\nk = v"),
          profile(
              "[profile a]\ns3 =\n  addressing_style = path\n  max = a=b\nx = 1\n  k = v\n", "a"));
    }

    @Test
    void files_sections_under_profiles_sso_sessions_services_and_their_own_names() {
      Map<String, Object> result =
          utf8("[default]\n[sso-session s]\nsso_region = r\n[services v]\n[plugins]\nx = 1\n")
              .asReadByAwsCli()
              .asLoadConfigResult();
      assertEquals(
          Map.of(
              "profiles", Map.of("default", Map.of()),
              "sso_sessions", Map.of("s", Map.of("sso_region", "r")),
              "services", Map.of("v", Map.of()),
              "plugins", Map.of("x", "1")),
          result);
    }
  }

  @Nested
  class Problems {
    private List<ConfigProblem> problems(String content) {
      return utf8(content).problems();
    }

    private void assertProblem(String content, int line, ConfigProblem.Kind kind) {
      List<ConfigProblem> problems = problems(content);
      assertFalse(problems.isEmpty(), "a problem in " + content);
      assertEquals(line, problems.get(0).line(), problems.get(0).describe());
      assertEquals(kind, problems.get(0).kind(), problems.get(0).describe());
    }

    @Test
    void none_in_what_the_aws_cli_reads() {
      assertEquals(List.of(), problems(""));
      assertEquals(List.of(), problems("# only\n; comments\n\n"));
      assertEquals(List.of(), problems("[default]\n  region : eu-west-3\n\t[profile a]\n  # c\n"));
      assertEquals(List.of(), problems("[DEFAULT]\nx = 1\n[DEFAULT]\ny = 2\n"));
      assertEquals(List.of(), problems("[profile a]\n[profile  a]\n"));
    }

    @Test
    void a_byte_order_mark() {
      List<ConfigProblem> found = problems("\ufeff[default]\nregion = x\n");
      assertEquals(ConfigProblem.Kind.BYTE_ORDER_MARK, found.get(0).kind());
      assertEquals(
          "line 1: the file starts with a byte-order mark; remove the byte-order mark;"
              + " the AWS CLI cannot read this file either",
          found.get(0).describe());
    }

    @Test
    void invalid_utf8_anywhere() {
      ConfigDocument document =
          ConfigDocument.parse(new byte[] {'[', 'a', ']', '\n', '#', ' ', (byte) 0xC3, '(', '\n'});
      assertEquals(
          List.of(new ConfigProblem(2, ConfigProblem.Kind.NOT_UTF8, "0xC3", 0)),
          document.problems());
    }

    @Test
    void a_line_before_the_first_section() {
      assertProblem("region = x\n[default]\n", 1, ConfigProblem.Kind.OUTSIDE_SECTION);
      assertProblem("# c\n  indented = x\n[default]\n", 2, ConfigProblem.Kind.OUTSIDE_SECTION);
      assertEquals("region", problems("region = secret\n").get(0).detail());
    }

    @Test
    void lines_that_are_no_header_key_or_continuation() {
      assertProblem("[default]\n[profile foo\n", 2, ConfigProblem.Kind.UNCLOSED_HEADER);
      assertProblem("[default]\n[]\n", 2, ConfigProblem.Kind.EMPTY_HEADER);
      assertProblem("[default]\nregion\n", 2, ConfigProblem.Kind.NOT_A_PROPERTY);
      assertProblem("[default]\n = value\n", 2, ConfigProblem.Kind.EMPTY_KEY);
      assertProblem("[default]\n: value\n", 2, ConfigProblem.Kind.EMPTY_KEY);
    }

    @Test
    void a_section_header_twice() {
      assertProblem(
          "[profile a]\nx = 1\n[profile a] # again\n", 3, ConfigProblem.Kind.DUPLICATE_SECTION);
      assertEquals(1, problems("[profile a]\n[profile a]\n").get(0).firstLine());
    }

    @Test
    void a_key_twice_in_a_section_ignoring_case() {
      assertProblem("[default]\nregion = a\nRegion : b\n", 3, ConfigProblem.Kind.DUPLICATE_KEY);
      assertProblem("[DEFAULT]\nx = 1\n[DEFAULT]\nX = 2\n", 4, ConfigProblem.Kind.DUPLICATE_KEY);
    }

    @Test
    void a_sub_property_line_without_equals() {
      assertProblem(
          "[default]\ns3 =\n  a = 1\n  b\n", 4, ConfigProblem.Kind.SUB_PROPERTY_WITHOUT_EQUALS);
      assertEquals(List.of(), problems("[default]\ns3 = x\n  b\n"));
      assertEquals(List.of(), problems("[DEFAULT]\ns3 =\n  b\n"));
      assertProblem(
          "[DEFAULT]\ns3 =\n  b\n[a]\n", 3, ConfigProblem.Kind.SUB_PROPERTY_WITHOUT_EQUALS);
    }

    @Test
    void never_names_a_value() {
      for (String content :
          List.of("secret\n", "k = secret\n", "[a]\nsecret\n", "[a]\nk = secret\nK = secret\n")) {
        for (ConfigProblem problem : problems(content)) {
          assertFalse(problem.describe().contains("secret"), problem.describe());
        }
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
      return utf8(content).managedProfiles().stream()
          .filter(profile -> profile.name().equals(name))
          .findFirst()
          .orElseThrow()
          .properties();
    }

    @Test
    void lists_profiles_whose_every_section_carries_the_marker_in_file_order() {
      ConfigDocument document =
          utf8(
              "[profile b]\nmanaged_by = aws-sso-config-generator\n"
                  + "[profile mine]\nregion = x\n"
                  + "[profile other]\nmanaged_by = someone-else\n"
                  + "[sso-session s]\nmanaged_by = aws-sso-config-generator\n"
                  + "[profile a]\nManaged_By : aws-sso-config-generator\n"
                  + "[profile  b]\nregion = y\n"
                  + "[profile c]\nmanaged_by = aws-sso-config-generator # comment\n"
                  + "[profile d]\nmanaged_by = aws-sso-config-generator\n");
      assertEquals(List.of("a", "d"), names(document));
    }

    @Test
    void the_marker_must_be_a_sections_own_key() {
      assertEquals(List.of(), names(utf8("[DEFAULT]\n" + MARKER + "[profile a]\nregion = x\n")));
    }

    @Test
    void reads_the_last_section_of_a_name_with_the_keys_inherited_from_default() {
      assertEquals(
          Map.of("x", "3", "region", "r", "managed_by", "aws-sso-config-generator"),
          properties(
              "[DEFAULT]\nregion = r\n[profile a]\nx = 1\ny = 2\n"
                  + MARKER
                  + "[profile  a]\nx = 3\n"
                  + MARKER,
              "a"));
    }

    @Test
    void is_empty_for_a_file_without_profiles() {
      assertEquals(List.of(), utf8("").managedProfiles());
      assertEquals(List.of(), utf8("[sso-session s]\n" + MARKER).managedProfiles());
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

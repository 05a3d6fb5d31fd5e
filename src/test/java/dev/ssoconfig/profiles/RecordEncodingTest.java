package dev.ssoconfig.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.configfile.ConfigDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The encoding of recorded values. What the two readers do with a raw value, checked by hand with
 * botocore 1.43.11 (the AWS CLI v1) and the AWS CLI v2.9.19's bundled botocore on
 *
 * <pre>
 * [sso-session acme]
 * aws_sso_config_generator_profile_template = {account_id} ;not a comment #nor this
 * aws_sso_config_generator_include = a=b Team #1/* x;y   (trailing spaces)
 * aws_sso_config_generator_empty =
 * </pre>
 *
 * botocore ({@code configparser.RawConfigParser}, no inline comment prefixes) read {@code
 * '{account_id} ;not a comment #nor this'}, {@code 'a=b Team #1/* x;y'} and {@code ''}: it strips
 * the value at both ends, keeps everything after the first {@code =} (a later {@code =} is text),
 * and does NOT cut a value at {@code " ;"} or {@code " #"}. The AWS SDK for Java's {@code
 * ProfileFile} does cut it there ({@link #the_sdk_for_java_cuts_a_raw_value_at_space_semicolon}).
 * So a value with a space, {@code #} or {@code ;} would mean two things; encoded, it means one.
 */
class RecordEncodingTest {

  /** Items that need care, each with what it is written as. */
  private static final List<List<String>> CASES =
      List.of(
          List.of("Prod*/*", "Prod*/*"),
          List.of("Team #1/*", "Team%20%231/*"),
          List.of("a;b", "a%3Bb"),
          List.of("output=json", "output=json"),
          List.of("cli_pager=", "cli_pager="),
          List.of("100%", "100%25"),
          List.of("%41", "%2541"),
          List.of(" padded ", "%20padded%20"),
          List.of("tab\there", "tab%09here"),
          List.of("no\u00a0break", "no%C2%A0break"),
          List.of("ideographic\u3000space", "ideographic%E3%80%80space"),
          List.of("line\u2028separator", "line%E2%80%A8separator"),
          List.of("zero\u200bwidth", "zero%E2%80%8Bwidth"),
          List.of("Équipe Ü/*", "Équipe%20Ü/*"),
          List.of("日本語/管理者", "日本語/管理者"),
          List.of("emoji 😀", "emoji%20😀"),
          List.of("{account_name}.{role_name}", "{account_name}.{role_name}"),
          List.of("", ""));

  @Nested
  class Items {

    @Test
    void writes_each_case_as_expected_and_reads_it_back() {
      for (List<String> c : CASES) {
        assertEquals(c.get(1), RecordEncoding.encode(c.get(0)), c.get(0));
        assertEquals(c.get(0), RecordEncoding.decode(c.get(1)), c.get(1));
      }
    }

    @Test
    void writes_no_whitespace_no_comment_character_and_one_line() {
      for (List<String> c : CASES) {
        String encoded = RecordEncoding.encode(c.get(0));
        assertTrue(
            encoded
                .codePoints()
                .noneMatch(
                    cp ->
                        Character.isWhitespace(cp)
                            || cp == '#'
                            || cp == ';'
                            || Character.isSpaceChar(cp)
                            || Character.getType(cp) == Character.FORMAT),
            encoded);
      }
    }

    @Test
    void reads_lower_case_hex_too() {
      assertEquals("a/b", RecordEncoding.decode("a%2fb"));
      assertEquals("Ü", RecordEncoding.decode("%c3%9c"));
    }

    @Test
    void refuses_an_unpaired_surrogate_which_utf8_cannot_write() {
      assertThrows(IllegalArgumentException.class, () -> RecordEncoding.encode("a\ud800b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "a%zz", "%G0", "%C3", "%FF%FE", "%٣٣"})
    void refuses_a_percent_without_two_hex_digits_or_bytes_that_are_not_utf8(String text) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> RecordEncoding.decode(text));
      assertTrue(e.getMessage().contains("%"), e.getMessage());
    }
  }

  @Nested
  class Lists {

    @Test
    void joins_items_with_one_space_and_splits_them_back() {
      List<String> items = CASES.stream().map(c -> c.get(0)).filter(s -> !s.isEmpty()).toList();
      String written = RecordEncoding.encodeList(items);
      assertEquals(items.size() - 1, written.chars().filter(c -> c == ' ').count(), written);
      assertEquals(items, RecordEncoding.decodeList(written));
    }

    @Test
    void reads_an_empty_value_as_no_items_and_runs_of_spaces_as_one() {
      assertEquals(List.of(), RecordEncoding.decodeList(""));
      assertEquals(List.of("a", "b"), RecordEncoding.decodeList("a   b"));
    }

    @Test
    void refuses_an_empty_item_which_could_not_be_read_back() {
      assertThrows(
          IllegalArgumentException.class, () -> RecordEncoding.encodeList(List.of("a", "")));
    }
  }

  @Nested
  class InTheConfigFile {

    private static final String KEY = "aws_sso_config_generator_include";

    private static byte[] file(String value) {
      return ("[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
              + "sso_region = us-east-1\n"
              + KEY
              + " = "
              + value
              + "\n")
          .getBytes(StandardCharsets.UTF_8);
    }

    private static ProfileFile sdk(byte[] file) {
      return ProfileFile.builder()
          .content(new ByteArrayInputStream(file))
          .type(ProfileFile.Type.CONFIGURATION)
          .build();
    }

    @Test
    void every_item_reads_back_the_same_through_our_reader_and_the_sdk_for_java() {
      List<String> items = CASES.stream().map(c -> c.get(0)).filter(s -> !s.isEmpty()).toList();
      byte[] file = file(RecordEncoding.encodeList(items));

      Object botocore =
          ConfigDocument.parse(file).asReadByAwsCli().ssoSessions().get("acme").get(KEY);
      Optional<String> java =
          sdk(file).getSection("sso-session", "acme").orElseThrow().property(KEY);

      assertEquals(items, RecordEncoding.decodeList((String) botocore));
      assertEquals(items, RecordEncoding.decodeList(java.orElseThrow()));
    }

    @Test
    void the_sdk_for_java_cuts_a_raw_value_at_space_semicolon_where_botocore_does_not() {
      byte[] raw = file("Team #1/* x;y a ;b");

      assertEquals(
          "Team #1/* x;y a ;b",
          ConfigDocument.parse(raw).asReadByAwsCli().ssoSessions().get("acme").get(KEY));
      assertEquals(
          Optional.of("Team"),
          sdk(raw).getSection("sso-session", "acme").orElseThrow().property(KEY));
    }
  }
}

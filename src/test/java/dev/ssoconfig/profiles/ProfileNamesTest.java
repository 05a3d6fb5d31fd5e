package dev.ssoconfig.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileNamesTest {

  @Nested
  class Sanitize {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Ünïcode | Unicode",
          "Café Crème | Cafe-Creme",
          "Ångström | Angstrom",
          "Straße | Strasse",
          "Æther Ørsted Łódź | AEther-Orsted-Lodz",
          "Œuvre þing Đakovo | OEuvre-thing-Dakovo",
          "Ǿresund | Oresund",
          "ﬁnance | finance",
          "Ｐｒｏｄ | Prod",
        })
    void transliterates_accents_and_latin_letters(String raw, String expected) {
      assertEquals(expected, ProfileNames.sanitize(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "Prod Account | Prod-Account",
          "Prod   Account | Prod-Account",
          "Prod\tAccount | Prod-Account",
          "Prod (EU) #2 | Prod-EU-2",
          "Prod - EU | Prod-EU",
          "a--b | a--b",
          "team/app | team/app",
          "user@example.com | user@example.com",
          "a_b.c:d+e%f | a_b.c:d+e%f",
          "CamelCase | CamelCase",
        })
    void replaces_each_run_of_other_characters_with_one_hyphen(String raw, String expected) {
      assertEquals(expected, ProfileNames.sanitize(raw));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "'  Prod  ' | Prod",
          "(Prod) | Prod",
          "-Prod- | Prod",
          "--- Prod *** | Prod",
        })
    void trims_hyphens_at_either_end(String raw, String expected) {
      assertEquals(expected, ProfileNames.sanitize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "---", "日本語", "!!!"})
    void gives_a_placeholder_when_nothing_is_left(String raw) {
      assertEquals(ProfileNames.EMPTY_NAME, ProfileNames.sanitize(raw));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"Prod Account", "  x  ", "日本 Prod", "a\nb", "[profile x]", "é/è", "a=b;c#d"})
    void always_returns_a_valid_name(String raw) {
      String name = ProfileNames.sanitize(raw);
      assertTrue(ProfileNames.isValid(name), name);
      assertFalse(name.startsWith("-") || name.endsWith("-"), name);
    }
  }

  @Nested
  class IsValid {

    @Test
    void accepts_the_sdk_profile_name_characters() {
      assertTrue(ProfileNames.isValid("Az09_.@:+/%-"));
    }

    @Test
    void rejects_empty_spaces_brackets_and_null() {
      assertFalse(ProfileNames.isValid(""));
      assertFalse(ProfileNames.isValid("a b"));
      assertFalse(ProfileNames.isValid("a]"));
      assertFalse(ProfileNames.isValid(null));
    }
  }

  @Nested
  class SessionNameFor {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "https://acme.awsapps.com/start, acme",
      "https://acme.awsapps.com/start#/, acme",
      "https://ACME.AwsApps.com/start, acme",
      "https://d-1234567890.awsapps.com/start, d-1234567890",
      "https://user@acme.awsapps.com:8443/start, acme",
      "https://start.us-gov-home.awsapps.com/directory/x, start",
      "http://127.0.0.1:8080/start, 127.0.0.1",
      "http://[fd00::5]:8080/start, fd00::5",
      "https://my_org.example.com/start, my_org",
      "https://ünïcode.example.com/start, unicode",
      "https://xn--ncode-cta3g.example.com/start, unicode",
      "https://xn--bcher-kva.example/start, bucher",
      "https://acme%20corp.example.com/start, acme-corp",
      "https://localhost/start, localhost",
    })
    void uses_the_first_label_of_the_host(String url, String expected) {
      assertEquals(expected, ProfileNames.sessionNameFor(URI.create(url)));
    }

    @Test
    void rejects_a_url_without_a_host() {
      assertThrows(
          IllegalArgumentException.class, () -> ProfileNames.sessionNameFor(URI.create("/start")));
      assertThrows(
          IllegalArgumentException.class,
          () -> ProfileNames.sessionNameFor(URI.create("mailto:a@b.c")));
    }
  }
}

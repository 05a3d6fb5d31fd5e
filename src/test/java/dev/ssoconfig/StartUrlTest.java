package dev.ssoconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StartUrlTest {
  @Nested
  class Normalise {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://d-1234567890.awsapps.com/start",
          "https://d-1234567890.awsapps.com/start/",
          "https://d-1234567890.awsapps.com/start/#",
          "https://d-1234567890.awsapps.com/start/#/",
          "https://d-1234567890.awsapps.com/start?x=1#/",
          "HTTPS://D-1234567890.AWSAPPS.COM:443/start//",
          "  https://d-1234567890.awsapps.com/start  "
        })
    void gives_every_pasted_form_one_normal_form(String pasted) {
      assertEquals(
          Optional.of("https://d-1234567890.awsapps.com/start"),
          StartUrl.normalise(pasted).normal());
    }

    @Test
    void keeps_the_paths_case_and_converts_an_international_host() {
      assertEquals(
          Optional.of("https://xn--bcher-kva.example/Start"),
          StartUrl.normalise("https://bücher.example/Start").normal());
    }

    @ParameterizedTest
    @CsvSource({
      "https://user:pass@acme.awsapps.com/start, USER_INFO",
      "https://us er:p ss@acme, USER_INFO",
      "http://acme.awsapps.com/start, NOT_ABSOLUTE_HTTPS",
      "acme.awsapps.com/start, NOT_ABSOLUTE_HTTPS",
      "https://acme.awsapps.com:99999/start, INVALID_PORT"
    })
    void has_no_normal_form_for(String text, StartUrl.Problem problem) {
      assertEquals(Optional.of(problem), StartUrl.normalise(text).problem());
    }
  }

  @Nested
  class Same {
    @Test
    void a_form_an_older_run_wrote_names_the_same_start_url() {
      assertTrue(
          StartUrl.same(
              "https://d-1234567890.awsapps.com/start/#/",
              "https://d-1234567890.awsapps.com/start"));
      assertTrue(
          StartUrl.same("https://ACME.awsapps.com/start/", "https://acme.awsapps.com/start"));
    }

    @Test
    void other_paths_or_hosts_are_other_start_urls() {
      assertFalse(
          StartUrl.same("https://acme.awsapps.com/start", "https://acme.awsapps.com/Start"));
      assertFalse(
          StartUrl.same("https://acme.awsapps.com/start", "https://other.awsapps.com/start"));
      assertFalse(StartUrl.same("https://acme.awsapps.com/start", null));
    }

    @Test
    void text_without_a_normal_form_compares_without_trailing_slashes() {
      assertTrue(StartUrl.same("not a url/", "not a url"));
      assertFalse(StartUrl.same("not a url", "https://acme.awsapps.com/start"));
    }
  }
}

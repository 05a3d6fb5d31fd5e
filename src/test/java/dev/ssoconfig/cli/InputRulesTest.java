package dev.ssoconfig.cli;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.profiles.ProfileNames;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTest {

  @Nested
  class StartUrl {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://acme.awsapps.com/start",
          "https://start.us-gov-home.awsapps.com/directory/acme",
          "https://d-1234567890.awsapps.com/start",
          "https://acme.awsapps.com",
          "https://acme.awsapps.com:8443/start",
          "https://[fd00::5]/start"
        })
    void keeps_a_start_url_that_is_already_normal(String url) {
      assertEquals(url, InputRules.startUrl("--start-url", url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "https://d-1234567890.awsapps.com/start/#   | https://d-1234567890.awsapps.com/start",
          "https://d-1234567890.awsapps.com/start/#/  | https://d-1234567890.awsapps.com/start",
          "https://d-1234567890.awsapps.com/start#/   | https://d-1234567890.awsapps.com/start",
          "HTTPS://ACME.awsapps.com/start/            | https://acme.awsapps.com/start",
          "https://acme.awsapps.com/start?ref=mail#/x | https://acme.awsapps.com/start",
          "https://acme.awsapps.com/start//           | https://acme.awsapps.com/start",
          "https://acme.awsapps.com/                  | https://acme.awsapps.com",
          "https://acme.awsapps.com:443/start         | https://acme.awsapps.com/start",
          "https://ACME.awsapps.com:8443/start/       | https://acme.awsapps.com:8443/start",
          "https://start.us-gov-home.awsapps.com/directory/AcMe/ | https://start.us-gov-home.awsapps.com/directory/AcMe",
          "https://[FD00::5]:443/start/               | https://[fd00::5]/start",
          "'  https://acme.awsapps.com/start  '       | https://acme.awsapps.com/start"
        })
    void normalises_scheme_host_port_trailing_slash_query_and_fragment(String url, String normal) {
      assertEquals(normal, InputRules.startUrl("--start-url", url));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "https://bücher.example/start  | https://xn--bcher-kva.example/start",
          "https://BÜCHER.example/start/ | https://xn--bcher-kva.example/start",
          "https://東京.example/start     | https://xn--1lqs71d.example/start",
          "https://xn--bcher-kva.example/start | https://xn--bcher-kva.example/start"
        })
    void converts_an_internationalised_host_to_its_ascii_form(String url, String ascii) {
      assertEquals(ascii, InputRules.startUrl("--start-url", url));
    }

    @Test
    void every_pasted_form_names_the_same_default_sso_session() {
      List<String> forms =
          List.of(
              "https://d-1234567890.awsapps.com/start/#",
              "https://d-1234567890.awsapps.com/start/#/",
              "HTTPS://D-1234567890.AWSAPPS.COM/start/",
              "https://d-1234567890.awsapps.com/start");
      for (String form : forms) {
        String url = InputRules.startUrl("--start-url", form);
        assertEquals("https://d-1234567890.awsapps.com/start", url, form);
        assertEquals("d-1234567890", ProfileNames.sessionNameFor(URI.create(url)), form);
      }
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://acme.awsapps.com/start",
          "acme.awsapps.com/start",
          "https:///start",
          "https://",
          "ftp://acme.awsapps.com",
          "https://acme awsapps.com/start",
          "https://acme.awsapps.com/st art",
          "https://my_org.example.com/start",
          "https://a..b.example/start",
          "https://acme.awsapps.com:99999/start",
          "https://acme.awsapps.com:http/start",
          "",
          "/start"
        })
    void refuses_anything_else(String url) {
      Failure e = assertFailure(Kind.USAGE, () -> InputRules.startUrl("--start-url", url));
      assertTrue(e.getMessage().startsWith("--start-url"), e.getMessage());
      assertTrue(e.getMessage().contains("https://acme.awsapps.com/start"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://someone:hunter2@acme.awsapps.com/start",
          "https://someone@acme.awsapps.com/start",
          "HTTPS://someone:hunter2@ACME.awsapps.com/start/#/",
          "https://someone:hunter2@acme awsapps.com/start",
          "https://someone:hunter2 x@acme.awsapps.com/start",
          "https://someone:hunter2@",
          "someone:hunter2@acme.awsapps.com/start",
          "http://someone:hunter2@acme.awsapps.com/start",
          "https://someone:hunter2@[fd00::5/start"
        })
    void refuses_a_user_name_or_password_without_echoing_them(String url) {
      Failure e = assertFailure(Kind.USAGE, () -> InputRules.startUrl("--start-url", url));
      assertTrue(e.getMessage().startsWith("--start-url"), e.getMessage());
      assertTrue(e.getMessage().contains("user name or password"), e.getMessage());
      assertFalse(e.getMessage().contains("someone"), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void echoes_an_invalid_url_quoted_with_control_characters_escaped() {
      Failure e =
          assertFailure(
              Kind.USAGE, () -> InputRules.startUrl("--start-url", "https://a\u001b[2Jb/start"));
      assertTrue(e.getMessage().contains("\"https://a\\u001b[2Jb/start\""), e.getMessage());
    }
  }

  @Nested
  class Region {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "us-east-1",
          "eu-central-2",
          "us-gov-west-1",
          "cn-north-1",
          "ap-southeast-7",
          "il-central-1",
          "eusc-de-east-1",
          "us-isob-east-1",
          "ap-southeast-8",
          "  us-east-1 "
        })
    void accepts_regions_the_sdk_knows_or_its_partitions_allow_trimmed(String region) {
      assertEquals(region.trim(), InputRules.region("--region", region));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "us-east",
          "US-EAST-1",
          "useast1",
          "us_east_1",
          "us-east-0",
          "1",
          "eu-west-1a",
          ""
        })
    void refuses_other_strings(String region) {
      Failure e = assertFailure(Kind.USAGE, () -> InputRules.region("--sso-region", region));
      assertTrue(e.getMessage().startsWith("--sso-region '"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
      "--region, us-est-1, us-east-1",
      "--sso-region, eu-west1, eu-west-1",
      "--region, ' us-east1 ', us-east-1"
    })
    void suggests_a_known_region_for_a_near_miss(String option, String typed, String known) {
      Failure e = assertFailure(Kind.USAGE, () -> InputRules.region(option, typed));
      assertEquals(
          option + " '" + typed.trim() + "' is not an AWS region name; did you mean " + known + "?",
          e.getMessage());
    }

    @Test
    void names_examples_when_nothing_is_close() {
      Failure e = assertFailure(Kind.USAGE, () -> InputRules.region("--region", "moon-base-1"));
      assertEquals(
          "--region 'moon-base-1' is not an AWS region name, e.g. us-east-1 or eu-central-1",
          e.getMessage());
    }
  }

  @Nested
  class Durations {
    @ParameterizedTest
    @CsvSource({"90s,90", "10m,600", "1h,3600", "45,45", "PT2M,120", "pt30s,30"})
    void parses_common_forms(String text, long seconds) {
      assertEquals(Duration.ofSeconds(seconds), InputRules.duration("--timeout", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "-5s", "ten minutes", "5d", ""})
    void refuses_zero_negative_and_garbage(String text) {
      assertFailure(Kind.USAGE, () -> InputRules.duration("--timeout", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"25h", "999999999h", "PT9223372036854775807S", "P106751991167300D"})
    void refuses_more_than_a_day_which_would_overflow_a_deadline(String text) {
      Failure e = assertFailure(Kind.USAGE, () -> InputRules.duration("--listing-timeout", text));
      assertTrue(e.getMessage().startsWith("--listing-timeout '" + text + "' is"), e.getMessage());
    }

    @Test
    void accepts_a_day() {
      assertEquals(Duration.ofHours(24), InputRules.duration("--timeout", "24h"));
    }
  }

  @Nested
  class Names {
    @ParameterizedTest
    @ValueSource(strings = {"acme", "my-org_2", "a.b@c:d+e/f%g"})
    void accepts_profile_name_characters(String name) {
      assertEquals(name, InputRules.sessionName("--sso-session", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "brack]et", "ü"})
    void refuses_other_characters(String name) {
      assertFailure(Kind.USAGE, () -> InputRules.sessionName("--sso-session", name));
    }
  }

  @Nested
  class Concurrency {
    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65})
    void refuses_out_of_range(int n) {
      assertFailure(Kind.USAGE, () -> InputRules.concurrency("--concurrency", n));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 64})
    void accepts_in_range(int n) {
      assertEquals(n, InputRules.concurrency("--concurrency", n));
    }
  }
}

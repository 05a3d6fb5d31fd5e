package dev.ssoconfig.cli;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.time.Duration;
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
          "https://acme.awsapps.com/start/",
          "https://d-1234567890.awsapps.com/start#/",
          "https://start.us-gov-home.awsapps.com/directory/acme",
          "  https://acme.awsapps.com/start  "
        })
    void accepts_absolute_https_urls_with_a_host(String url) {
      assertEquals(url.trim(), InputRules.startUrl("--start-url", url));
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
          "",
          "/start"
        })
    void refuses_anything_else(String url) {
      Failure e =
          assertFailure(Kind.USAGE, () -> InputRules.startUrl("--start-url", url));
      assertTrue(e.getMessage().startsWith("--start-url"), e.getMessage());
      assertTrue(e.getMessage().contains("https://acme.awsapps.com/start"), e.getMessage());
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
        strings = {"us-east", "US-EAST-1", "useast1", "us_east_1", "us-east-0", "1", "eu-west-1a", ""})
    void refuses_other_strings(String region) {
      Failure e =
          assertFailure(Kind.USAGE, () -> InputRules.region("--sso-region", region));
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

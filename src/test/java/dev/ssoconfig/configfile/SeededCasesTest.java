package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.ByteMutation;
import dev.ssoconfig.testing.ByteMutation.Kind;
import dev.ssoconfig.testing.Coverage;
import dev.ssoconfig.testing.SeededCases;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The machinery of the property and fuzz tests: seeded runs, replays, generators, mutations. */
class SeededCasesTest {
  private static final String NAME = "dev.ssoconfig.configfile.Some#property";

  private static List<String> configsOf(SeededCases cases, int count) {
    List<String> configs = new ArrayList<>();
    cases.run(count, r -> ConfigGenerator.config(r) + "\n" + ConfigGenerator.plan(r), configs::add);
    return configs;
  }

  @Nested
  class Runs {
    @Test
    void the_same_base_seed_gives_the_same_cases_and_another_base_seed_others() {
      List<String> first = configsOf(new SeededCases(NAME, 7, OptionalLong.empty()), 50);
      List<String> again = configsOf(new SeededCases(NAME, 7, OptionalLong.empty()), 50);
      List<String> other = configsOf(new SeededCases(NAME, 8, OptionalLong.empty()), 50);

      assertEquals(50, first.size());
      assertEquals(first, again);
      assertNotEquals(first, other);
    }

    @Test
    void tests_of_other_names_get_other_cases() {
      List<String> one = configsOf(new SeededCases(NAME, 7, OptionalLong.empty()), 20);
      List<String> two = configsOf(new SeededCases(NAME + "2", 7, OptionalLong.empty()), 20);

      assertNotEquals(one, two);
    }

    @Test
    void a_failure_names_its_case_seed_and_the_replay_command_and_the_input() {
      SeededCases cases = new SeededCases(NAME, 7, OptionalLong.empty());
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () ->
                  cases.run(
                      1000,
                      r -> r.nextInt(10),
                      n -> assertNotEquals(3, n, "three is not allowed")));

      assertTrue(e.getMessage().contains("base seed 7"), e.getMessage());
      assertTrue(e.getMessage().contains("-Dtest='" + NAME + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("three is not allowed"), e.getMessage());
      assertTrue(e.getMessage().endsWith("input: 3"), e.getMessage());
      assertTrue(e.getCause() instanceof AssertionError);
    }

    @Test
    void replaying_the_named_seed_runs_that_one_case_on_the_same_input() {
      SeededCases full = new SeededCases(NAME, 7, OptionalLong.empty());
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () -> full.run(1000, r -> r.nextInt(1000), n -> assertNotEquals(0, n % 7)));
      Matcher seed = Pattern.compile("-Dconfigfile\\.seed=(\\d+)").matcher(e.getMessage());
      assertTrue(seed.find(), e.getMessage());
      List<Integer> seen = new ArrayList<>();

      SeededCases replay = new SeededCases(NAME, 7, OptionalLong.of(Long.parseLong(seed.group(1))));
      int run = replay.run(1000, r -> r.nextInt(1000), seen::add);

      assertEquals(1, run);
      assertTrue(replay.replaying());
      assertEquals(1, seen.size());
      assertTrue(e.getMessage().endsWith("input: " + seen.get(0)), e.getMessage());
    }

    @Test
    void an_exception_of_the_code_under_test_fails_the_case_with_its_seed() {
      SeededCases cases = new SeededCases(NAME, 7, OptionalLong.empty());
      AssertionError e =
          assertThrows(
              AssertionError.class,
              () ->
                  cases.run(
                      5,
                      r -> "x",
                      s -> {
                        throw new IllegalStateException("boom");
                      }));

      assertTrue(e.getMessage().startsWith("case 1 of 5 failed, seed "), e.getMessage());
      assertTrue(e.getCause() instanceof IllegalStateException);
    }
  }

  @Nested
  class Generators {
    @Test
    void a_seed_gives_the_same_config_and_plan_every_time() {
      for (long seed = 0; seed < 50; seed++) {
        Random one = new Random(seed);
        Random two = new Random(seed);
        assertArrayEquals(ConfigGenerator.config(one).bytes(), ConfigGenerator.config(two).bytes());
        assertEquals(ConfigGenerator.plan(one), ConfigGenerator.plan(two));
      }
    }

    @Test
    void configs_cover_the_edge_cases() {
      Random random = new Random(1);
      Coverage coverage = new Coverage();
      for (int i = 0; i < 2000; i++) {
        byte[] bytes = ConfigGenerator.config(random).bytes();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        coverage.collect("empty file", bytes.length == 0);
        coverage.collect("no final newline", !text.isEmpty() && !text.matches("(?s).*[\r\n]"));
        coverage.collect("CRLF and LF", text.contains("\r\n") && text.matches("(?s).*[^\r]\n.*"));
        coverage.collect("lone CR", text.matches("(?s).*\r[^\n].*"));
        coverage.collect("byte order mark", text.startsWith(Grammar.BOM));
        coverage.collect("invalid UTF-8", text.contains("\u00ff"));
        coverage.collect("managed profile", text.contains("managed_by = aws-sso-config-gen"));
      }
      for (String label :
          List.of(
              "empty file",
              "no final newline",
              "CRLF and LF",
              "lone CR",
              "byte order mark",
              "invalid UTF-8",
              "managed profile")) {
        coverage.assertAtLeast(label, 1, "seed 1");
      }
    }
  }

  @Nested
  class Mutations {
    private final byte[] bytes = "0123456789abcdefghij".getBytes(StandardCharsets.ISO_8859_1);

    private String mutated(Kind kind, int at, int span, String insert) {
      byte[] out =
          new ByteMutation(kind, at, span, insert.getBytes(StandardCharsets.ISO_8859_1))
              .applyTo(bytes);
      return new String(out, StandardCharsets.ISO_8859_1);
    }

    @Test
    void each_kind_changes_the_bytes_at_its_fraction_of_the_length() {
      assertEquals("0123456789cdefghij", mutated(Kind.DELETE, 5_000, 10_000, ""));
      assertEquals(
          "0123456789[profile abcdefghij", mutated(Kind.INSERT_TOKEN, 5_000, 0, "[profile "));
      assertEquals("0123456789\u00ffabcdefghij", mutated(Kind.INSERT_BYTE, 5_000, 0, "\u00ff"));
      assertEquals("0123456789\nx = 1\nabcdefghij", mutated(Kind.SPLICE, 5_000, 0, "\nx = 1\n"));
      assertEquals("0123456789ababcdefghij", mutated(Kind.DUPLICATE, 5_000, 10_000, ""));
      assertEquals("0123456789Abcdefghij", mutated(Kind.FLIP_BIT, 5_000, 5, ""));
      assertEquals("0123456789", mutated(Kind.TRUNCATE, 5_000, 0, ""));
    }

    @Test
    void mutations_fit_an_empty_array_and_the_very_end() {
      for (Kind kind : Kind.values()) {
        new ByteMutation(kind, 10_000, 10_000, new byte[] {'x'}).applyTo(new byte[0]);
        new ByteMutation(kind, 10_000, 10_000, new byte[] {'x'}).applyTo(bytes);
      }
    }
  }
}

package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssoconfig.profiles.ProfilePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzing of the config parser and editor with arbitrary bytes: random bytes, bytes drawn from the
 * format's own characters, soups of the format's tokens, and real configs (the golden inputs and
 * {@link ConfigArbitraries} files) mutated by deleting, inserting, duplicating and flipping bytes.
 * Inputs are up to a few KB.
 *
 * <p>Each property runs jqwik's default number of tries, 1,000, so about 3,000 in a normal build (a
 * few seconds). For a long run raise the default, e.g. {@code -Djqwik.tries.default=200000} (see
 * docs/development.md, "Fuzzing the config parser").
 */
class ConfigParserFuzzTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("basedir", "."), "src/test/resources/configfile/golden");

  /** Bytes that mean something in the format, and some that break UTF-8. */
  private static final byte[] ALPHABET =
      bytes("[]=#;- \t\r\n_.apfildetrosmn/:%+@\u0000\u00ff\u00c3\u00ef\u00bb\u00bf");

  private static final List<String> TOKENS =
      List.of(
          "[profile ",
          "[ profile  ",
          "[default]",
          "[sso-session ",
          "[services ",
          "[",
          "]",
          "profile",
          "default",
          "managed_by",
          " = ",
          "=",
          ProfilePlan.MARKER_VALUE,
          "acme",
          "a",
          "b",
          "Prod.Admin",
          "sso_start_url",
          "sso_region",
          "sso_session",
          StandardPlan.START_URL,
          "/",
          StandardPlan.SSO_REGION,
          "\n",
          "\r\n",
          "\r",
          "  ",
          "\t",
          "#",
          ";",
          " # ",
          Grammar.BOM,
          "\u00ff",
          "\u00c3",
          "\u0000");

  private final ConfigEditor editor = new ConfigEditor();

  @Property
  void parse_never_throws_and_gives_back_the_very_bytes(@ForAll("inputs") byte[] bytes) {
    assertArrayEquals(bytes, ConfigDocument.parse(bytes).toBytes());
  }

  @Property
  void managed_profiles_never_throws(@ForAll("inputs") byte[] bytes) {
    ConfigDocument.parse(bytes).managedProfiles();
  }

  @Property
  void apply_returns_or_throws_only_a_session_conflict_and_a_second_run_changes_nothing(
      @ForAll("inputs") byte[] bytes, @ForAll("plans") ProfilePlan plan) {
    EditResult result;
    try {
      result = editor.apply(ConfigDocument.parse(bytes), plan);
    } catch (SessionConflictException e) {
      return;
    }
    byte[] output = result.document().toBytes();
    assertArrayEquals(output, ConfigDocument.parse(output).toBytes());
    EditResult again;
    try {
      again = editor.apply(ConfigDocument.parse(output), plan);
    } catch (SessionConflictException e) {
      throw new AssertionError("the second run found a conflict the first did not", e);
    }
    assertFalse(again.changed(), "a second run changes nothing");
    assertArrayEquals(output, again.document().toBytes());
  }

  @Provide
  Arbitrary<ProfilePlan> plans() {
    return ConfigArbitraries.plans();
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(4096)),
        Tuple.of(2, Arbitraries.of(boxed(ALPHABET)).list().ofMaxSize(4096).map(this::unboxed)),
        Tuple.of(
            3, Arbitraries.of(TOKENS).list().ofMaxSize(600).map(t -> bytes(String.join("", t)))),
        Tuple.of(3, mutated()));
  }

  /** A real config with up to eight random mutations. */
  private Arbitrary<byte[]> mutated() {
    Arbitrary<byte[]> seeds =
        Arbitraries.oneOf(
            Arbitraries.of(goldenInputs()), ConfigArbitraries.configs().map(RandomConfig::bytes));
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.of(Mutation.Kind.class),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(TOKENS))
            .as(Mutation::new);
    return Combinators.combine(seeds, mutation.list().ofMaxSize(8))
        .as(
            (seed, mutations) -> {
              byte[] bytes = seed;
              for (Mutation m : mutations) {
                bytes = m.applyTo(bytes);
              }
              return bytes;
            });
  }

  /**
   * One change to a byte array; {@code at} and {@code span} are fractions (of 10,000) of its
   * length, so a mutation fits any array.
   */
  record Mutation(Kind kind, int at, int span, String token) {
    enum Kind {
      DELETE,
      INSERT_TOKEN,
      DUPLICATE,
      FLIP_BYTE,
      TRUNCATE
    }

    byte[] applyTo(byte[] bytes) {
      int n = bytes.length;
      int from = (int) ((long) at * n / 10_000);
      int length = (int) ((long) span * (n - from) / 10_000 / 4);
      List<Byte> out = new ArrayList<>();
      for (byte b : bytes) {
        out.add(b);
      }
      switch (kind) {
        case DELETE -> out.subList(from, from + length).clear();
        case INSERT_TOKEN -> out.addAll(from, boxedList(bytes(token)));
        case DUPLICATE -> out.addAll(from, new ArrayList<>(out.subList(from, from + length)));
        case FLIP_BYTE -> {
          if (from < n) {
            out.set(from, (byte) (out.get(from) ^ (1 << (span % 8))));
          }
        }
        case TRUNCATE -> out.subList(from, n).clear();
      }
      byte[] result = new byte[out.size()];
      for (int i = 0; i < result.length; i++) {
        result[i] = out.get(i);
      }
      return result;
    }
  }

  private static List<byte[]> goldenInputs() {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      List<byte[]> inputs = new ArrayList<>();
      for (Path file : files.filter(p -> p.toString().endsWith(".input")).sorted().toList()) {
        inputs.add(Files.readAllBytes(file));
      }
      return inputs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Byte[] boxed(byte[] bytes) {
    return boxedList(bytes).toArray(new Byte[0]);
  }

  private static List<Byte> boxedList(byte[] bytes) {
    List<Byte> list = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      list.add(b);
    }
    return list;
  }

  private byte[] unboxed(List<Byte> list) {
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = list.get(i);
    }
    return bytes;
  }
}

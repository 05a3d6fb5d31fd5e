package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Config files people really have that are not plain text files of modest size. */
class StoreStrangeFilesTest {
  private static final byte[] ORIGINAL = bytes("[default]\nregion = eu-west-1\n");
  private static final byte[] NEW = bytes("[profile p]\nk = v\n");

  @TempDir Path home;

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private Path config() {
    return home.resolve(".aws").resolve("config");
  }

  static Stream<Arguments> oddContents() {
    String longLine = "x".repeat(100 * 1024);
    return Stream.of(
        Arguments.of(
            "a UTF-8 byte order mark", bytes("\u00EF\u00BB\u00BF[default]\nregion = us-east-1\n")),
        Arguments.of("NUL bytes", bytes("[default]\nregion = us\0east-1\n\0\0\n[profile a\0b]\n")),
        Arguments.of(
            "lines of 100 KB",
            bytes(
                "[profile long]\n# "
                    + longLine
                    + "\nsso_role_name = "
                    + longLine
                    + "\n"
                    + longLine)),
        Arguments.of(
            "invalid UTF-8, CRLF, a lone CR and no final newline",
            bytes("[profile caf\u00E9]\r\nk = \u00FF\u00FE\r\n\rregion = us-east-1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddContents")
  void round_trips_byte_for_byte_through_the_store_and_the_document(String what, byte[] content)
      throws Exception {
    Files.createDirectories(config().getParent());
    Files.write(config(), ORIGINAL);
    ConfigFileStore store = new ConfigFileStore(config());

    store.write(content, true);
    assertArrayEquals(content, Files.readAllBytes(config()));
    byte[] read = store.read();
    assertArrayEquals(content, read);
    assertArrayEquals(content, ConfigDocument.parse(read).toBytes());

    store.write(NEW, true);
    assertArrayEquals(content, Files.readAllBytes(store.backupPath()), "backup keeps it exactly");
  }

  @Nested
  class Large {
    @Test
    void a_20_mb_config_is_read_and_written_without_losing_a_byte() throws Exception {
      byte[] original = twentyMegabytes();
      Files.createDirectories(config().getParent());
      Files.write(config(), original);
      ConfigFileStore store = new ConfigFileStore(config());

      byte[] read = store.read();
      assertArrayEquals(original, read);
      assertArrayEquals(original, ConfigDocument.parse(read).toBytes());

      byte[] changed = new byte[read.length + NEW.length];
      System.arraycopy(read, 0, changed, 0, read.length);
      System.arraycopy(NEW, 0, changed, read.length, NEW.length);
      store.write(changed, true);

      assertArrayEquals(changed, Files.readAllBytes(config()));
      assertArrayEquals(original, Files.readAllBytes(store.backupPath()));
    }

    /** Profiles, some with CRLF headers, comments with non-ASCII text: just over 20 MB. */
    private static byte[] twentyMegabytes() {
      StringBuilder text = new StringBuilder(21 << 20);
      for (int n = 0; text.length() < 20 << 20; n++) {
        text.append("[profile account-")
            .append(n)
            .append(".Role")
            .append(n % 7)
            .append(n % 3 == 0 ? "]\r\n" : "]\n")
            .append("sso_session = acme\nsso_account_id = ")
            .append(100_000_000_000L + n)
            .append("\n# caf\u00c3\u00a9 ")
            .append(n)
            .append("\n\n");
      }
      return bytes(text.toString());
    }
  }

  @Nested
  class Links {
    @Test
    void a_chain_of_links_is_written_through_and_every_link_kept() throws Exception {
      Path real = home.resolve("dotfiles").resolve("aws-config");
      Path middle = home.resolve("middle-link");
      Files.createDirectories(real.getParent());
      Files.write(real, ORIGINAL);
      Files.createSymbolicLink(middle, real);
      Files.createDirectories(config().getParent());
      Files.createSymbolicLink(config(), Path.of("..", "middle-link"));
      ConfigFileStore store = new ConfigFileStore(config());

      assertArrayEquals(ORIGINAL, store.read());
      store.write(NEW, true);

      assertTrue(Files.isSymbolicLink(config()));
      assertEquals(Path.of("..", "middle-link"), Files.readSymbolicLink(config()));
      assertTrue(Files.isSymbolicLink(middle));
      assertEquals(real, Files.readSymbolicLink(middle));
      assertArrayEquals(NEW, Files.readAllBytes(real));
      assertArrayEquals(NEW, store.read());
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config().resolveSibling("config.bak")));
    }
  }

  @Nested
  class FolderAtTheConfigPath {
    @Test
    void every_operation_says_it_is_a_directory_and_leaves_it_alone() throws Exception {
      Files.createDirectories(config());
      Files.write(config().resolve("inside"), ORIGINAL);
      ConfigFileStore store = new ConfigFileStore(config());
      List<Executable> operations =
          List.of(
              store::read,
              store::checkWritable,
              () -> store.lock(Duration.ZERO),
              () -> store.write(NEW, true));
      for (Executable operation : operations) {
        Failure e = assertFailure(Kind.FILE, operation);
        assertTrue(e.getMessage().endsWith(config() + ": is a directory"), e.getMessage());
      }
      assertTrue(Files.isDirectory(config()));
      try (Stream<Path> files = Files.list(config())) {
        assertEquals(List.of(config().resolve("inside")), files.toList());
      }
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config().resolve("inside")));
    }
  }
}

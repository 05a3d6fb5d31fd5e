package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.testing.Fifos;
import dev.ssoconfig.testing.OnWindows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
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

  /**
   * Paths that name no regular file: nothing is read from them, nothing is created beside them.
   * Device files are only checked, never locked or written, so that a regression cannot replace
   * {@code /dev/null} on the machine running the tests.
   */
  @Nested
  class NotARegularFile {

    private void assertRefused(Executable operation, String action, Path path, String reason) {
      Failure e = assertFailure(Kind.FILE, operation);
      assertEquals("cannot " + action + " " + path + ": " + reason, e.getMessage());
    }

    /** Reading and the checks before sign-in refuse {@code path}, naming it and the reason. */
    private void assertReadAndChecksRefuse(ConfigFileStore store, Path path, String reason) {
      assertRefused(store::read, "read", path, reason);
      assertRefused(store::checkPath, "write", path, reason);
      assertRefused(store::checkWritable, "write", path, reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/null", "/dev/full"})
    void a_character_device_is_refused_before_anything_is_read_or_created(String device) {
      Path path = Path.of(device);
      assumeTrue(Files.exists(path), device + " exists on this system");
      ConfigFileStore store = new ConfigFileStore(path);
      String reason =
          "it is a character device, not a regular file; give the path of a regular file";

      assertReadAndChecksRefuse(store, path, reason);
      assertFalse(Files.exists(store.lockPath()), "no lock file beside " + device);
      assertFalse(Files.exists(store.backupPath()), "no backup beside " + device);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_FIFOS)
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_fifo_is_refused_by_every_operation_without_blocking() throws Exception {
      Path fifo = home.resolve("config");
      Fifos.make(fifo);
      ConfigFileStore store = new ConfigFileStore(fifo);
      String reason =
          "it is a FIFO (named pipe), not a regular file; give the path of a regular file";

      assertReadAndChecksRefuse(store, fifo, reason);
      assertRefused(() -> store.lock(Duration.ZERO), "write", fifo, reason);
      assertRefused(() -> store.write(NEW, true), "write", fifo, reason);
      assertEquals(List.of("config"), names(home));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/proc/self/environ", "/proc/self/status", "/proc/version"})
    void a_file_in_proc_is_refused_and_not_read(String file) {
      Path path = Path.of(file);
      assumeTrue(Files.exists(path), "this system has " + file);
      ConfigFileStore store = new ConfigFileStore(path);
      String reason =
          "it is in /proc, which holds no files to edit; give the path of a regular file";

      assertReadAndChecksRefuse(store, path, reason);
    }

    @Test
    void a_link_into_proc_is_not_followed() throws Exception {
      assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "this system has /proc");
      Path link = home.resolve("config");
      Files.createSymbolicLink(link, Path.of("/proc/self/fd/1"));
      ConfigFileStore store = new ConfigFileStore(link);
      String reason =
          "it is a symbolic link into /proc (/proc/self/fd/1), which holds no files to edit;"
              + " give the path of a regular file";

      assertRefused(store::read, "read", link, reason);
      assertRefused(store::checkWritable, "write", link, reason);
      assertRefused(() -> store.write(NEW, true), "write", link, reason);
      assertEquals(List.of("config"), names(home));
    }

    @Test
    void a_folder_link_into_proc_is_not_followed_either() throws Exception {
      assumeTrue(Files.isDirectory(Path.of("/proc/self")), "this system has /proc");
      Files.createSymbolicLink(home.resolve("p"), Path.of("/proc/self"));
      Path config = home.resolve("p").resolve("environ");
      ConfigFileStore store = new ConfigFileStore(config);

      Failure e = assertFailure(Kind.FILE, store::read);
      assertTrue(
          e.getMessage().startsWith("cannot read " + config + ": it is in /proc"), e.getMessage());
      assertFailure(Kind.FILE, store::checkWritable);
    }

    private List<String> names(Path folder) throws Exception {
      try (Stream<Path> files = Files.list(folder)) {
        return files.map(p -> p.getFileName().toString()).sorted().toList();
      }
    }
  }
}

package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.io.FileOps;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.testing.OnWindows;
import dev.ssoconfig.testing.PosixModes;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileStoreTest {
  private static final byte[] ORIGINAL =
      "[default]\nregion = eu-west-1\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW = "[profile p]\nk = v\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path home;

  private Path config() {
    return home.resolve(".aws").resolve("config");
  }

  private Path existingConfig(String permissions) throws IOException {
    Path config = config();
    Files.createDirectories(config.getParent());
    Files.write(config, ORIGINAL);
    PosixModes.set(config, permissions);
    return config;
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Whether chmod-based denial applies to this process (it does not for root). */
  private static boolean permissionsAreEnforced(Path readOnly) {
    return !Files.isWritable(readOnly);
  }

  /** Every step towards a write fails with {@code message}, before anything is created. */
  private static void assertEveryWriteFails(ConfigFileStore store, String message) {
    for (Executable operation :
        List.<Executable>of(
            store::checkPath,
            store::checkWritable,
            () -> store.lock(Duration.ZERO),
            () -> store.write(NEW, false))) {
      assertEquals(message, assertFailure(Kind.FILE, operation).getMessage());
    }
  }

  @Nested
  class Read {
    @Test
    void returns_the_bytes_of_the_file() throws Exception {
      Path config = existingConfig("rw-------");
      assertArrayEquals(ORIGINAL, new ConfigFileStore(config).read());
    }

    @Test
    void returns_nothing_when_the_file_or_its_folder_does_not_exist() throws Exception {
      assertArrayEquals(new byte[0], new ConfigFileStore(config()).read());
    }

    @Test
    void fails_on_a_folder_naming_the_path() throws Exception {
      Files.createDirectories(config());
      Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config()).read());
      assertEquals("cannot read " + config() + ": is a directory", e.getMessage());
    }
  }

  @Nested
  class Write {
    @Test
    void replaces_the_content_and_leaves_no_temp_file() throws Exception {
      Path config = existingConfig("rw-------");
      new ConfigFileStore(config).write(NEW, false);
      assertArrayEquals(NEW, Files.readAllBytes(config));
      assertEquals(List.of("config", "config.lock"), names(config.getParent()));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.MANDATORY_LOCKS)
    @Test
    void puts_a_complete_temp_file_from_the_same_folder_in_place_in_one_step() throws Exception {
      Path config = existingConfig("rw-------");
      List<Path> sources = new ArrayList<>();
      FileOps checking =
          new FileOps() {
            @Override
            public FileChannel createNew(Path file, FileAttribute<?>... attributes)
                throws IOException {
              return FileOps.NIO.createNew(file, attributes);
            }

            @Override
            public void moveAtomically(Path source, Path target) throws IOException {
              sources.add(source);
              assertEquals(config, target);
              assertArrayEquals(NEW, Files.readAllBytes(source), "temp file is complete");
              assertArrayEquals(ORIGINAL, Files.readAllBytes(target), "original untouched");
              FileOps.NIO.moveAtomically(source, target);
            }
          };
      new ConfigFileStore(config, Clock.systemUTC(), Sleeper.SYSTEM, checking).write(NEW, false);
      assertEquals(1, sources.size());
      assertEquals(config.getParent(), sources.get(0).getParent());
      assertTrue(
          sources.get(0).getFileName().toString().matches("\\.config\\.tmp-[0-9a-f]{16}"),
          sources.get(0).toString());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void keeps_the_permissions_of_the_existing_file() throws Exception {
      Path config = existingConfig("rw-r-----");
      new ConfigFileStore(config).write(NEW, false);
      assertEquals("rw-r-----", permissions(config));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void creates_a_new_file_readable_by_its_owner_only() throws Exception {
      Files.createDirectories(config().getParent());
      new ConfigFileStore(config()).write(NEW, false);
      assertEquals("rw-------", permissions(config()));
      assertArrayEquals(NEW, Files.readAllBytes(config()));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void creates_the_missing_folder_of_the_config_for_its_owner_only() throws Exception {
      Path config = home.resolve("a").resolve("config");
      new ConfigFileStore(config).write(NEW, false);
      assertEquals("rwx------", permissions(home.resolve("a")));
      assertEquals("rw-------", permissions(config));
    }

    @Test
    void creates_no_folder_above_the_folder_of_the_config() throws Exception {
      Path config = home.resolve("a").resolve("b").resolve("config");
      String reason =
          ": the folder "
              + home.resolve("a")
              + " does not exist; create it, or choose a config file in an existing folder";
      assertEveryWriteFails(new ConfigFileStore(config), "cannot write " + config + reason);
      assertEquals(List.of(), names(home));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void writes_through_a_symbolic_link_and_keeps_the_link() throws Exception {
      Path real = home.resolve("dotfiles").resolve("aws-config");
      Files.createDirectories(real.getParent());
      Files.write(real, ORIGINAL);
      Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
      Files.createDirectories(config().getParent());
      Files.createSymbolicLink(config(), Path.of("..", "dotfiles", "aws-config"));

      ConfigFileStore store = new ConfigFileStore(config());
      assertArrayEquals(ORIGINAL, store.read());
      store.write(NEW, false);

      assertTrue(Files.isSymbolicLink(config()));
      assertEquals(Path.of("..", "dotfiles", "aws-config"), Files.readSymbolicLink(config()));
      assertArrayEquals(NEW, Files.readAllBytes(real));
      assertEquals("rw-r-----", permissions(real));
      assertEquals(List.of("aws-config"), names(real.getParent()));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void refuses_a_dangling_link_and_creates_nothing_at_its_target() throws Exception {
      Path real = home.resolve("dotfiles").resolve("aws-config");
      Files.createDirectories(config().getParent());
      Files.createSymbolicLink(config(), real);
      ConfigFileStore store = new ConfigFileStore(config());
      String reason =
          ": it is a symbolic link to "
              + real
              + ", which does not exist; create "
              + real
              + " or remove the link";
      assertEquals(
          "cannot read " + config() + reason, assertFailure(Kind.FILE, store::read).getMessage());
      assertEveryWriteFails(store, "cannot write " + config() + reason);
      assertEquals(List.of(".aws"), names(home));
      assertEquals(List.of("config"), names(config().getParent()));
    }

    @Test
    void on_failure_deletes_the_temp_file_keeps_the_original_and_says_why() throws Exception {
      Path config = existingConfig("rw-r-----");
      FileOps failingRename =
          new FileOps() {
            @Override
            public FileChannel createNew(Path file, FileAttribute<?>... attributes)
                throws IOException {
              return FileOps.NIO.createNew(file, attributes);
            }

            @Override
            public void moveAtomically(Path source, Path target) throws IOException {
              throw new FileSystemException(source.toString(), null, "No space left on device");
            }
          };
      ConfigFileStore store =
          new ConfigFileStore(config, Clock.systemUTC(), Sleeper.SYSTEM, failingRename);
      Failure e = assertFailure(Kind.FILE, () -> store.write(NEW, false));
      assertEquals("cannot write " + config + ": disk full", e.getMessage());
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config));
      assertEquals(List.of("config", "config.lock"), names(config.getParent()));
      PosixModes.assertMode("rw-r-----", config);
    }

    @Test
    void refuses_a_folder_at_the_config_path() throws Exception {
      Files.createDirectories(config());
      Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config()).write(NEW, false));
      assertEquals("cannot write " + config() + ": is a directory", e.getMessage());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void refuses_a_read_only_file() throws Exception {
      Path config = existingConfig("r--------");
      assumeTrue(permissionsAreEnforced(config), "running as root: file modes are not enforced");
      assertFailure(Kind.FILE, () -> new ConfigFileStore(config).write(NEW, false));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config));
    }
  }

  @Nested
  class Backup {
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void keeps_the_previous_content_beside_the_config_with_its_permissions() throws Exception {
      Path config = existingConfig("rw-r-----");
      ConfigFileStore store = new ConfigFileStore(config);
      store.write(NEW, true);
      Path backup = config.resolveSibling("config.bak");
      assertEquals(backup, store.backupPath());
      assertArrayEquals(ORIGINAL, Files.readAllBytes(backup));
      assertArrayEquals(NEW, Files.readAllBytes(config));
      assertEquals("rw-r-----", permissions(backup));
      assertEquals(List.of("config", "config.bak", "config.lock"), names(config.getParent()));
    }

    @Test
    void keeps_one_copy_replaced_by_each_run_that_changes_the_file() throws Exception {
      Path config = existingConfig("rw-------");
      ConfigFileStore store = new ConfigFileStore(config);
      byte[] third = "[profile third]\n".getBytes(StandardCharsets.UTF_8);
      store.write(NEW, true);
      store.write(third, true);
      assertArrayEquals(NEW, Files.readAllBytes(store.backupPath()));
      assertArrayEquals(third, Files.readAllBytes(config));
      assertEquals(List.of("config", "config.bak", "config.lock"), names(config.getParent()));
    }

    @Test
    void is_not_made_when_the_file_did_not_exist() throws Exception {
      ConfigFileStore store = new ConfigFileStore(config());
      store.write(NEW, true);
      assertFalse(Files.exists(store.backupPath()));
      assertEquals(List.of("config", "config.lock"), names(config().getParent()));
    }

    @Test
    void is_not_made_when_not_asked_for() throws Exception {
      Path config = existingConfig("rw-------");
      new ConfigFileStore(config).write(NEW, false);
      assertFalse(Files.exists(config.resolveSibling("config.bak")));
    }

    @Test
    void nothing_changes_when_the_file_already_holds_the_content() throws Exception {
      Path config = existingConfig("rw-------");
      ConfigFileStore store = new ConfigFileStore(config);
      store.write(NEW, true);
      FileTime written = Files.getLastModifiedTime(config);
      Files.setLastModifiedTime(config, FileTime.fromMillis(written.toMillis() - 60_000));
      FileTime before = Files.getLastModifiedTime(config);
      store.write(NEW, true);
      assertArrayEquals(ORIGINAL, Files.readAllBytes(store.backupPath()), "backup kept");
      assertEquals(before, Files.getLastModifiedTime(config), "file not rewritten");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void of_a_linked_config_sits_beside_the_link_and_the_link_is_kept() throws Exception {
      Path real = home.resolve("dotfiles").resolve("aws-config");
      Files.createDirectories(real.getParent());
      Files.write(real, ORIGINAL);
      Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
      Files.createDirectories(config().getParent());
      Files.createSymbolicLink(config(), real);

      new ConfigFileStore(config()).write(NEW, true);

      assertTrue(Files.isSymbolicLink(config()));
      assertEquals(real, Files.readSymbolicLink(config()));
      assertArrayEquals(NEW, Files.readAllBytes(real));
      Path backup = config().resolveSibling("config.bak");
      assertFalse(Files.isSymbolicLink(backup));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(backup));
      assertEquals("rw-r-----", permissions(backup));
      assertEquals(List.of("aws-config"), names(real.getParent()));
      assertEquals(List.of("config", "config.bak", "config.lock"), names(config().getParent()));
    }
  }

  @Nested
  class Leftovers {
    @Test
    void temp_files_of_a_killed_run_are_deleted_by_the_next_write() throws Exception {
      Path config = existingConfig("rw-------");
      Path folder = config.getParent();
      Files.write(folder.resolve(".config.tmp-0123456789abcdef"), NEW);
      Files.write(folder.resolve(".config.bak.tmp-fedcba9876543210"), ORIGINAL);
      new ConfigFileStore(config).write(NEW, true);
      assertEquals(List.of("config", "config.bak", "config.lock"), names(folder));
    }

    @Test
    void files_that_only_look_alike_are_left_alone() throws Exception {
      Path config = existingConfig("rw-------");
      Path folder = config.getParent();
      List<String> others =
          List.of(
              ".config.tmp-notours",
              ".config.tmp-0123456789abcdef.keep",
              ".credentials.tmp-0123456789abcdef",
              "config.tmp-0123456789abcdef");
      for (String other : others) {
        Files.write(folder.resolve(other), NEW);
      }
      new ConfigFileStore(config).write(NEW, true);
      List<String> expected = new ArrayList<>(others);
      expected.addAll(List.of("config", "config.bak", "config.lock"));
      assertEquals(expected.stream().sorted().toList(), names(folder));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void of_a_linked_config_are_deleted_beside_the_target() throws Exception {
      Path real = home.resolve("dotfiles").resolve("aws-config");
      Files.createDirectories(real.getParent());
      Files.write(real, ORIGINAL);
      Files.write(real.resolveSibling(".aws-config.tmp-0123456789abcdef"), NEW);
      Files.createDirectories(config().getParent());
      Files.createSymbolicLink(config(), real);
      new ConfigFileStore(config()).write(NEW, true);
      assertEquals(List.of("aws-config"), names(real.getParent()));
    }
  }

  @Nested
  class CheckWritable {
    @Test
    void passes_for_a_missing_file_in_a_missing_folder_and_creates_nothing() throws Exception {
      ConfigFileStore store = new ConfigFileStore(config());
      assertDoesNotThrow(store::checkWritable);
      assertFalse(Files.exists(config().getParent()));
    }

    @Test
    void passes_for_a_writable_file() throws Exception {
      assertDoesNotThrow(new ConfigFileStore(existingConfig("rw-------"))::checkWritable);
    }

    @Test
    void fails_on_a_folder() throws Exception {
      Files.createDirectories(config());
      Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config()).checkWritable());
      assertEquals("cannot write " + config() + ": is a directory", e.getMessage());
      assertTrue(e.getMessage().endsWith(config() + ": is a directory"), e.getMessage());
    }

    @Test
    void fails_when_a_parent_on_the_path_is_a_file() throws Exception {
      Files.write(home.resolve(".aws"), ORIGINAL);
      Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config()).checkWritable());
      assertTrue(e.getMessage().startsWith("cannot write " + config() + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void fails_on_a_read_only_folder() throws Exception {
      Path folder = config().getParent();
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
      try {
        assumeTrue(permissionsAreEnforced(folder), "running as root: folder modes not enforced");
        Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config()).checkWritable());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
      } finally {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      }
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void fails_on_a_read_only_file() throws Exception {
      Path config = existingConfig("r--------");
      assumeTrue(permissionsAreEnforced(config), "running as root: file modes not enforced");
      Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config).checkWritable());
      assertEquals("cannot write " + config + ": permission denied", e.getMessage());
    }
  }

  @Nested
  class Reasons {
    @Test
    void names_common_failures_plainly() {
      assertEquals("permission denied", IoReasons.describe(new AccessDeniedException("/x")));
      assertEquals("no such file or folder", IoReasons.describe(new NoSuchFileException("/x")));
      assertEquals(
          "read-only file system",
          IoReasons.describe(new FileSystemException("/x", null, "Read-only file system")));
      assertEquals(
          "is a directory",
          IoReasons.describe(new FileSystemException("/x", null, "Is a directory")));
      assertEquals("disk full", IoReasons.describe(new IOException("No space left on device")));
      assertEquals("disk full", IoReasons.describe(new IOException("Disk quota exceeded")));
    }

    @Test
    void keeps_any_other_reason_on_one_line() {
      assertEquals(
          "odd thing happened", IoReasons.describe(new IOException("odd thing\nhappened")));
      assertEquals("IOException", IoReasons.describe(new IOException()));
    }
  }
}

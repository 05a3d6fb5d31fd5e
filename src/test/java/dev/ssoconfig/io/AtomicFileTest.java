package dev.ssoconfig.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.io.FileFaults.Step;
import dev.ssoconfig.testing.ChildJvm;
import dev.ssoconfig.testing.OnWindows;
import dev.ssoconfig.testing.PosixModes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtomicFileTest {
  private static final byte[] ORIGINAL = bytes(1, 300_000);
  private static final byte[] NEW = bytes(2, 200_000);
  private static final String TEMP_NAME = "\\.file\\.tmp-[0-9a-f]{16}";
  private static final String PROBE_NAME = "\\.write-check-[0-9a-f]{16}\\.tmp";

  @TempDir Path folder;

  /** Any bytes, not only text: the primitive does not care what it writes. */
  private static byte[] bytes(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private Path file() {
    return folder.resolve("file");
  }

  private Path existing(String mode) throws IOException {
    Files.write(file(), ORIGINAL);
    PosixModes.set(file(), mode);
    return file();
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @SuppressWarnings("unchecked")
  private static String mode(FileAttribute<?>... attributes) {
    assertEquals(1, attributes.length, "one attribute, the POSIX permissions");
    assertEquals("posix:permissions", attributes[0].name());
    return PosixFilePermissions.toString((Set<PosixFilePermission>) attributes[0].value());
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The real steps; records the mode given on creation and the mode the file then has. */
  private static final class Recording implements FileOps {
    final List<String> created = new ArrayList<>();

    @Override
    public FileChannel openOrCreate(Path file, FileAttribute<?>... attributes) throws IOException {
      FileChannel channel = FileOps.NIO.openOrCreate(file, attributes);
      record(file, attributes);
      return channel;
    }

    @Override
    public void createDirectory(Path folder, FileAttribute<?>... attributes) throws IOException {
      FileOps.NIO.createDirectory(folder, attributes);
      record(folder, attributes);
    }

    @Override
    public FileChannel createNew(Path file, FileAttribute<?>... attributes) throws IOException {
      FileChannel channel = FileOps.NIO.createNew(file, attributes);
      record(file, attributes);
      return channel;
    }

    private void record(Path path, FileAttribute<?>... attributes) throws IOException {
      String name = path.getFileName().toString();
      String label = name.matches(PROBE_NAME) ? "probe" : name.matches(TEMP_NAME) ? "temp" : name;
      created.add(label + " given " + mode(attributes) + " has " + mode(path));
    }
  }

  /** The real steps; adds each temp file to {@code moved} as it is renamed into place. */
  private static FileFaults recordingMoves(List<Path> moved) {
    return FileFaults.watching(
        (step, temp) -> {
          if (step == Step.MOVE) {
            moved.add(temp);
          }
        });
  }

  @Nested
  class Replace {
    @Test
    void replaces_the_content_and_leaves_no_temp_file() throws Exception {
      Path file = existing("rw-------");
      new AtomicFile().replace(file, NEW);
      assertArrayEquals(NEW, Files.readAllBytes(file));
      assertEquals(List.of("file"), names(folder));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void creates_a_missing_file_readable_by_its_owner_only() throws Exception {
      new AtomicFile().replace(file(), NEW);
      assertArrayEquals(NEW, Files.readAllBytes(file()));
      assertEquals("rw-------", mode(file()));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void makes_a_replaced_file_owner_only_unless_given_a_mode_to_keep() throws Exception {
      Path file = existing("rw-r--r--");
      new AtomicFile().replace(file, NEW);
      assertEquals("rw-------", mode(file));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void gives_the_new_file_the_mode_of_the_attributes_to_keep() throws Exception {
      Path file = existing("rw-r-----");
      PosixFileAttributes like = Files.readAttributes(file, PosixFileAttributes.class);
      new AtomicFile().replace(file, NEW, like);
      assertEquals("rw-r-----", mode(file));
      PosixFileAttributes now = Files.readAttributes(file, PosixFileAttributes.class);
      assertEquals(like.owner(), now.owner());
      assertEquals(like.group(), now.group());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.MANDATORY_LOCKS)
    @Test
    void puts_a_complete_flushed_temp_file_from_the_same_folder_in_place_in_one_step()
        throws Exception {
      Path file = existing("rw-------");
      List<Path> moved = new ArrayList<>();
      FileFaults watching =
          FileFaults.watching(
              (step, temp) -> {
                if (step == Step.MOVE) {
                  moved.add(temp);
                  assertArrayEquals(NEW, Files.readAllBytes(temp), "temp file is complete");
                  assertArrayEquals(ORIGINAL, Files.readAllBytes(file), "original untouched");
                }
              });
      new AtomicFile(watching).replace(file, NEW);
      assertEquals(1, moved.size());
      assertEquals(folder, moved.get(0).getParent());
      assertTrue(moved.get(0).getFileName().toString().matches(TEMP_NAME), moved.toString());
      assertArrayEquals(NEW, Files.readAllBytes(file));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void writes_through_a_symbolic_link_and_keeps_the_link() throws Exception {
      Path real = folder.resolve("dotfiles").resolve("file");
      Files.createDirectories(real.getParent());
      Files.write(real, ORIGINAL);
      Path links = Files.createDirectories(folder.resolve("links"));
      Path link =
          Files.createSymbolicLink(links.resolve("file"), Path.of("..", "dotfiles", "file"));
      List<Path> moved = new ArrayList<>();

      new AtomicFile(recordingMoves(moved)).replace(link, NEW);

      assertTrue(Files.isSymbolicLink(link));
      assertEquals(Path.of("..", "dotfiles", "file"), Files.readSymbolicLink(link));
      assertArrayEquals(NEW, Files.readAllBytes(real));
      assertTrue(
          Files.isSameFile(real.getParent(), moved.get(0).getParent()), "temp file beside target");
      assertEquals(List.of("file"), names(real.getParent()));
      assertEquals(List.of("file"), names(links));
    }
  }

  @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
  @Nested
  class PermissionsFromTheStart {
    /** The mode of the temp file at each step of a replace. */
    private List<String> modesDuring(Path file, PosixFileAttributes like) throws IOException {
      List<String> modes = new ArrayList<>();
      FileFaults watching =
          FileFaults.watching(
              (step, temp) -> {
                String mode = step + " " + mode(temp);
                if (modes.isEmpty() || !modes.get(modes.size() - 1).equals(mode)) {
                  modes.add(mode);
                }
                if (step == Step.CREATE) {
                  assertEquals(0, Files.size(temp));
                }
              });
      new AtomicFile(watching).replace(file, NEW, like);
      return modes;
    }

    @Test
    void a_temp_file_is_0600_from_its_creation_to_its_rename() throws Exception {
      assertEquals(
          List.of("CREATE rw-------", "WRITE rw-------", "FORCE rw-------", "MOVE rw-------"),
          modesDuring(existing("rw-r--r--"), null));
    }

    @Test
    void a_temp_file_takes_the_mode_to_keep_before_any_byte_is_written() throws Exception {
      Path file = existing("rw-r-----");
      assertEquals(
          List.of("CREATE rw-------", "WRITE rw-r-----", "FORCE rw-r-----", "MOVE rw-r-----"),
          modesDuring(file, Files.readAttributes(file, PosixFileAttributes.class)));
    }

    @Test
    void a_folder_is_created_0700_not_narrowed_afterwards() throws Exception {
      Recording recording = new Recording();
      new AtomicFile(recording).createFolder(folder.resolve("a"));
      assertEquals(List.of("a given rwx------ has rwx------"), recording.created);
    }

    @Test
    void missing_folders_above_are_each_created_0700() throws Exception {
      Recording recording = new Recording();
      new AtomicFile(recording).createFolders(folder.resolve("a/b/c"));
      assertEquals(
          List.of(
              "a given rwx------ has rwx------",
              "b given rwx------ has rwx------",
              "c given rwx------ has rwx------"),
          recording.created);
    }

    @Test
    void an_existing_folder_keeps_its_mode() throws Exception {
      Path existing = Files.createDirectory(folder.resolve("a"));
      Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
      Recording recording = new Recording();
      new AtomicFile(recording).createFolders(existing.resolve("b"));
      assertEquals("rwxr-xr-x", mode(existing));
      assertEquals(List.of("b given rwx------ has rwx------"), recording.created);
    }

    @Test
    void a_file_in_the_way_of_a_folder_is_an_error() throws Exception {
      Files.write(folder.resolve("a"), ORIGINAL);
      AtomicFile files = new AtomicFile();
      assertThrows(FileAlreadyExistsException.class, () -> files.createFolder(folder.resolve("a")));
      assertThrows(
          FileAlreadyExistsException.class, () -> files.createFolders(folder.resolve("a/b")));
    }
  }

  @Nested
  class CheckCanCreateIn {
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void creates_missing_folders_0700_and_a_0600_probe_and_leaves_nothing() throws Exception {
      Recording recording = new Recording();
      Path cache = folder.resolve("sso").resolve("cache");
      new AtomicFile(recording).checkCanCreateIn(cache);
      assertEquals(
          List.of(
              "sso given rwx------ has rwx------",
              "cache given rwx------ has rwx------",
              "probe given rw------- has rw-------"),
          recording.created);
      assertEquals(List.of(), names(cache));
    }

    @Test
    void a_probe_that_cannot_be_created_is_an_error_and_leaves_nothing() throws Exception {
      AtomicFile readOnly = new AtomicFile(FileFaults.at(Step.CREATE, "Read-only file system"));
      FileSystemException e =
          assertThrows(FileSystemException.class, () -> readOnly.checkCanCreateIn(folder));
      assertEquals("Read-only file system", e.getReason());
      assertEquals(List.of(), names(folder));
    }
  }

  @Nested
  class OpenOwnerOnly {
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void creates_a_missing_file_0600_from_the_start_for_reading_and_writing() throws Exception {
      Recording recording = new Recording();
      try (FileChannel channel = new AtomicFile(recording).openOwnerOnly(file())) {
        channel.write(ByteBuffer.wrap(NEW));
        assertEquals(NEW.length, channel.read(ByteBuffer.allocate(NEW.length), 0));
      }
      assertEquals(List.of("file given rw------- has rw-------"), recording.created);
      assertArrayEquals(NEW, Files.readAllBytes(file()));
    }

    @Test
    void opens_an_existing_file_as_it_is() throws Exception {
      Path file = existing("rw-r-----");
      try (FileChannel channel = new AtomicFile().openOwnerOnly(file)) {
        assertEquals(ORIGINAL.length, channel.size());
      }
      PosixModes.assertMode("rw-r-----", file);
      assertArrayEquals(ORIGINAL, Files.readAllBytes(file));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void refuses_a_symbolic_link_and_creates_nothing_where_it_points() throws Exception {
      Path elsewhere = folder.resolve("elsewhere");
      Path link = Files.createSymbolicLink(folder.resolve("lock"), elsewhere);
      IOException e = assertThrows(IOException.class, () -> new AtomicFile().openOwnerOnly(link));
      assertTrue(e.getMessage().contains("symbolic links"), e.getMessage());
      assertFalse(Files.exists(elsewhere));
    }
  }

  @Nested
  class Leftovers {
    @Test
    void temp_files_a_killed_process_left_are_deleted_by_the_next_replace() throws Exception {
      Path file = existing("rw-------");
      Files.write(folder.resolve(".file.tmp-0123456789abcdef"), NEW);
      Files.write(folder.resolve(".file.tmp-fedcba9876543210"), new byte[0]);
      new AtomicFile().replace(file, NEW);
      assertEquals(List.of("file"), names(folder));
    }

    @Test
    void are_deleted_without_writing_on_request() throws Exception {
      Path file = existing("rw-------");
      Files.write(folder.resolve(".file.tmp-0123456789abcdef"), NEW);
      new AtomicFile().deleteLeftovers(file);
      assertEquals(List.of("file"), names(folder));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(file));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void files_that_only_look_alike_are_left_alone() throws Exception {
      Path file = existing("rw-------");
      List<String> others =
          List.of(
              ".file.tmp-notours",
              ".file.tmp-0123456789abcdef.keep",
              ".other.tmp-0123456789abcdef",
              "file.tmp-0123456789abcdef");
      for (String other : others) {
        Files.write(folder.resolve(other), NEW);
      }
      Files.createDirectory(folder.resolve(".file.tmp-0000000000000000"));
      Files.createSymbolicLink(folder.resolve(".file.tmp-1111111111111111"), file);
      new AtomicFile().replace(file, NEW);
      List<String> expected = new ArrayList<>(others);
      expected.addAll(List.of("file", ".file.tmp-0000000000000000", ".file.tmp-1111111111111111"));
      assertEquals(expected.stream().sorted().toList(), names(folder));
    }

    @Test
    @Timeout(60)
    void a_temp_file_another_process_writes_is_left_alone_until_that_process_is_killed(
        @TempDir Path logs) throws Exception {
      Path file = existing("rw-------");
      Path temp = folder.resolve(".file.tmp-0123456789abcdef");
      AtomicFile files = new AtomicFile();
      try (ChildJvm writer =
          ChildJvm.start(TempFileWriter.class, logs.resolve("stderr.txt"), temp.toString())) {
        assertEquals(TempFileWriter.WRITING, writer.awaitLine());
        files.replace(file, NEW);
        assertEquals(List.of(".file.tmp-0123456789abcdef", "file"), names(folder));
        writer.kill();
      }
      files.replace(file, ORIGINAL);
      assertEquals(List.of("file"), names(folder));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(file));
    }

    @Test
    void a_temp_file_this_jvm_writes_is_left_alone() throws Exception {
      Path file = existing("rw-------");
      AtomicFile files = new AtomicFile();
      FileFaults cleaningMeanwhile =
          FileFaults.watching(
              (step, temp) -> {
                if (step == Step.MOVE) {
                  files.deleteLeftovers(file);
                  assertTrue(Files.exists(temp), "the temp file of a write under way is kept");
                }
              });
      new AtomicFile(cleaningMeanwhile).replace(file, NEW);
      assertArrayEquals(NEW, Files.readAllBytes(file));
      assertEquals(List.of("file"), names(folder));
    }

    /** Creates real temp files, deleting the first {@code deletions} at once, as a cleaner may. */
    private FileOps cleanerDeleting(int deletions, List<Path> created) {
      return new FileOps() {
        @Override
        public FileChannel createNew(Path file, FileAttribute<?>... attributes) throws IOException {
          FileChannel channel = FileOps.NIO.createNew(file, attributes);
          created.add(file);
          if (created.size() <= deletions) {
            Files.delete(file);
          }
          return channel;
        }
      };
    }

    @Test
    void a_temp_file_deleted_before_it_was_locked_is_replaced_by_another() throws Exception {
      Path file = existing("rw-------");
      List<Path> created = new ArrayList<>();
      new AtomicFile(cleanerDeleting(1, created)).replace(file, NEW);
      assertEquals(2, created.size());
      assertArrayEquals(NEW, Files.readAllBytes(file));
      assertEquals(List.of("file"), names(folder));
    }

    @Test
    void gives_up_when_every_temp_file_is_deleted_as_it_is_created() throws Exception {
      Path file = existing("rw-------");
      List<Path> created = new ArrayList<>();
      AtomicFile files = new AtomicFile(cleanerDeleting(Integer.MAX_VALUE, created));
      FileSystemException e =
          assertThrows(FileSystemException.class, () -> files.replace(file, NEW));
      assertEquals("another process deleted the temp file as it was created", e.getReason());
      assertEquals(3, created.size());
      assertArrayEquals(ORIGINAL, Files.readAllBytes(file));
      assertEquals(List.of("file"), names(folder));
    }
  }

  @Nested
  class Failures {
    private void assertUntouched(Path file) throws IOException {
      assertArrayEquals(ORIGINAL, Files.readAllBytes(file), "original intact");
      PosixModes.assertMode("rw-r-----", file);
      assertEquals(List.of("file"), names(folder), "no temp file left");
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void at_any_step_keep_the_original_and_leave_no_temp_file(Step step) throws Exception {
      Path file = existing("rw-r-----");
      FileFaults faults = FileFaults.at(step, "No space left on device");
      AtomicFile files = new AtomicFile(faults);
      FileSystemException e =
          assertThrows(FileSystemException.class, () -> files.replace(file, NEW));
      assertEquals("No space left on device", e.getReason());
      assertUntouched(file);
    }

    @Test
    void half_way_through_the_content_keeps_the_original_and_deletes_the_partial_temp_file()
        throws Exception {
      Path file = existing("rw-r-----");
      FileFaults faults = FileFaults.afterWriting(100_000, "Input/output error");
      AtomicFile files = new AtomicFile(faults);
      assertThrows(FileSystemException.class, () -> files.replace(file, NEW));
      assertEquals(100_000, faults.bytesOnDiskAtFault(), "a partial temp file was on disk");
      assertUntouched(file);
    }

    @Test
    void for_a_missing_file_create_nothing() throws Exception {
      FileFaults faults = FileFaults.afterWriting(1000, "No space left on device");
      AtomicFile files = new AtomicFile(faults);
      assertThrows(FileSystemException.class, () -> files.replace(file(), NEW));
      assertEquals(List.of(), names(folder));
    }
  }
}

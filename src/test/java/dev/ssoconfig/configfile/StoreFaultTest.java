package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.io.FileFaults;
import dev.ssoconfig.io.FileFaults.Step;
import dev.ssoconfig.testing.PosixModes;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A full disk, a read-only file system and failures half-way through {@link ConfigFileStore#write}:
 * the store runs for real on a temp folder, with the faults injected at its {@link
 * dev.ssoconfig.io.FileOps} seam.
 */
class StoreFaultTest {
  private static final byte[] ORIGINAL = big("original", 2 << 20);
  private static final byte[] NEW = big("new", 3 << 20);
  private static final byte[] OLD_BACKUP = "[default]\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  private static byte[] big(String word, int size) {
    byte[] bytes = new byte[size];
    byte[] line = ("[profile " + word + "]\nregion = us-east-1\n").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < size; i++) {
      bytes[i] = line[i % line.length];
    }
    return bytes;
  }

  private Path config() throws IOException {
    Path config = folder.resolve("config");
    Files.write(config, ORIGINAL);
    PosixModes.set(config, "rw-r-----");
    Files.write(folder.resolve("config.bak"), OLD_BACKUP);
    return config;
  }

  private static ConfigFileStore store(Path config, FileFaults faults) {
    return new ConfigFileStore(config, Clock.systemUTC(), Sleeper.SYSTEM, faults);
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The config, its backup and its lock file are all there is: no temp file is left. */
  private void assertUntouched(Path config) throws IOException {
    assertArrayEquals(ORIGINAL, Files.readAllBytes(config), "original intact");
    PosixModes.assertMode("rw-r-----", config);
    assertArrayEquals(OLD_BACKUP, Files.readAllBytes(folder.resolve("config.bak")));
    assertEquals(List.of("config", "config.bak", "config.lock"), names());
  }

  @Nested
  class DiskFull {
    @ParameterizedTest
    @EnumSource(Step.class)
    void at_any_step_keeps_the_original_and_leaves_no_temp_file(Step step) throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.at(step, "No space left on device").onlyFor(".config.tmp-");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, false));
      assertEquals("cannot write " + config + ": disk full", e.getMessage());
      assertUntouched(config);
    }

    @Test
    void half_way_through_the_content_keeps_the_original_and_deletes_the_partial_temp_file()
        throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.afterWriting(1 << 20, "No space left on device");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, false));
      assertEquals("cannot write " + config + ": disk full", e.getMessage());
      assertEquals(1 << 20, faults.bytesOnDiskAtFault(), "a partial temp file was on disk");
      assertUntouched(config);
    }

    @Test
    void over_quota_says_disk_full() throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.afterWriting(100_000, "Disk quota exceeded");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, true));
      assertTrue(e.getMessage().endsWith(": disk full"), e.getMessage());
      assertUntouched(config);
    }

    @Test
    void while_saving_the_backup_leaves_config_and_old_backup_as_they_were() throws Exception {
      Path config = config();
      FileFaults faults =
          FileFaults.afterWriting(512 * 1024, "No space left on device")
              .onlyFor(".config.bak.tmp-");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, true));
      assertEquals("cannot back up " + config + ": disk full", e.getMessage());
      assertEquals(512 * 1024, faults.bytesOnDiskAtFault());
      assertUntouched(config);
    }

    @Test
    void after_the_backup_leaves_the_config_as_it_was() throws Exception {
      Path config = config();
      FileFaults faults =
          FileFaults.at(Step.FORCE, "No space left on device").onlyFor(".config.tmp-");
      assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, true));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(folder.resolve("config.bak")));
      assertEquals(List.of("config", "config.bak", "config.lock"), names());
    }

    @Test
    void for_a_new_file_creates_nothing_but_the_lock_file() throws Exception {
      Path config = folder.resolve("config");
      FileFaults faults = FileFaults.afterWriting(1000, "No space left on device");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, true));
      assertEquals("cannot write " + config + ": disk full", e.getMessage());
      assertEquals(List.of("config.lock"), names());
    }
  }

  @Nested
  class ReadOnlyFileSystem {
    @ParameterizedTest
    @EnumSource(
        value = Step.class,
        names = {"CREATE", "MOVE"})
    void keeps_the_original_and_says_so(Step step) throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.at(step, "Read-only file system");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, true));
      assertEquals("cannot back up " + config + ": read-only file system", e.getMessage());
      assertUntouched(config);
    }

    @Test
    void without_a_backup_names_the_write() throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.at(Step.CREATE, "Read-only file system");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, false));
      assertEquals("cannot write " + config + ": read-only file system", e.getMessage());
      assertUntouched(config);
    }
  }

  @Nested
  class HalfWay {
    @Test
    void an_input_output_error_keeps_the_original_and_gives_the_reason() throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.afterWriting(1_500_000, "Input/output error");
      Failure e = assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, false));
      assertEquals("cannot write " + config + ": Input/output error", e.getMessage());
      assertUntouched(config);
    }

    @Test
    void the_next_write_succeeds_completely() throws Exception {
      Path config = config();
      FileFaults faults = FileFaults.afterWriting(1 << 20, "No space left on device");
      assertFailure(Kind.FILE, () -> store(config, faults).write(NEW, true));
      new ConfigFileStore(config).write(NEW, true);
      assertArrayEquals(NEW, Files.readAllBytes(config));
      assertArrayEquals(ORIGINAL, Files.readAllBytes(folder.resolve("config.bak")));
      assertEquals(List.of("config", "config.bak", "config.lock"), names());
    }
  }
}

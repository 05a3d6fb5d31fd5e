package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Failure.Kind;
import dev.ssoconfig.testing.ChildJvm;
import dev.ssoconfig.testing.FakeTime;
import dev.ssoconfig.testing.Fifos;
import dev.ssoconfig.testing.OnWindows;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class LockTest {
  private static final byte[] ORIGINAL =
      "[default]\nregion = eu-west-1\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW = "[profile p]\nk = v\n".getBytes(StandardCharsets.UTF_8);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path home;

  private Path config() {
    return home.resolve(".aws").resolve("config");
  }

  private String heldMessage(long pid) {
    return "cannot lock "
        + config()
        + ": another run (pid "
        + pid
        + ") holds the lock "
        + config()
        + ".lock; try again when it has finished";
  }

  @Nested
  class Taking {
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void creates_the_lock_file_beside_the_config_for_its_owner_only_naming_this_process()
        throws Exception {
      ConfigFileStore store = new ConfigFileStore(config());
      try (ConfigLock lock = store.lock(TIMEOUT)) {
        assertTrue(lock.isHeld());
        assertEquals(config().resolveSibling("config.lock"), lock.path());
        assertEquals(store.lockPath(), lock.path());
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock.path())));
        assertEquals(
            "rwx------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(config().getParent())));
        String owner = Files.readString(lock.path());
        assertTrue(owner.startsWith("pid=" + PID + "\nhost="), owner);
      }
    }

    @Test
    void leaves_the_lock_file_in_place_and_can_be_taken_again_at_once() throws Exception {
      FakeTime time = new FakeTime();
      ConfigFileStore store = new ConfigFileStore(config(), time, time);
      ConfigLock first = store.lock(TIMEOUT);
      first.close();
      assertFalse(first.isHeld());
      assertTrue(Files.exists(store.lockPath()));
      try (ConfigLock second = store.lock(TIMEOUT)) {
        assertTrue(second.isHeld());
      }
      assertEquals(List.of(), time.sleeps());
    }

    @Test
    void closing_twice_is_harmless() throws Exception {
      ConfigLock lock = new ConfigFileStore(config()).lock(TIMEOUT);
      lock.close();
      lock.close();
      assertFalse(lock.isHeld());
    }

    @Test
    void the_same_store_cannot_take_it_twice() throws Exception {
      ConfigFileStore store = new ConfigFileStore(config());
      try (ConfigLock lock = store.lock(TIMEOUT)) {
        assertThrows(IllegalStateException.class, () -> store.lock(TIMEOUT));
        assertTrue(lock.isHeld());
      }
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void for_a_linked_config_sits_beside_the_link() throws Exception {
      Path real = home.resolve("dotfiles").resolve("aws-config");
      Files.createDirectories(real.getParent());
      Files.write(real, ORIGINAL);
      Files.createDirectories(config().getParent());
      Files.createSymbolicLink(config(), real);
      try (ConfigLock lock = new ConfigFileStore(config()).lock(TIMEOUT)) {
        assertEquals(config().resolveSibling("config.lock"), lock.path());
        assertTrue(Files.exists(lock.path()));
        assertFalse(Files.exists(real.resolveSibling("aws-config.lock")));
      }
    }

    @Test
    void fails_like_check_writable_on_a_folder_at_the_config_path() throws Exception {
      Files.createDirectories(config());
      Failure e = assertFailure(Kind.FILE, () -> new ConfigFileStore(config()).lock(TIMEOUT));
      assertEquals("cannot write " + config() + ": is a directory", e.getMessage());
    }
  }

  /**
   * A lock file that cannot be used is named with its reason, by the check before sign-in and by
   * every way of taking the lock, and never reported as held by another run.
   */
  @Nested
  class Problems {
    private Path lockFile() {
      return config().resolveSibling("config.lock");
    }

    /** Every operation that needs the lock file fails with exactly this message, at once. */
    private void assertEveryOperationSays(ConfigFileStore store, String message) {
      List<Executable> operations =
          List.of(
              store::checkWritable,
              store::tryLock,
              () -> store.lock(Duration.ZERO),
              () -> store.lock(TIMEOUT),
              () -> store.write(NEW, false));
      for (Executable operation : operations) {
        Failure e = assertFailure(Kind.FILE, operation);
        assertEquals(message, e.getMessage());
      }
    }

    @Test
    void a_folder_at_the_lock_path() throws Exception {
      Files.createDirectories(lockFile());
      FakeTime time = new FakeTime();
      assertEveryOperationSays(
          new ConfigFileStore(config(), time, time),
          "cannot use the lock file " + lockFile() + ": it is a folder; remove it");
      assertEquals(List.of(), time.sleeps(), "no waiting for a run that does not exist");
      assertFalse(Files.exists(config()));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_SYMBOLIC_LINKS)
    @Test
    void a_symbolic_link_at_the_lock_path_creates_nothing_at_its_target() throws Exception {
      Files.createDirectories(config().getParent());
      Path elsewhere = home.resolve("elsewhere.lock");
      Files.createSymbolicLink(lockFile(), elsewhere);
      FakeTime time = new FakeTime();
      assertEveryOperationSays(
          new ConfigFileStore(config(), time, time),
          "cannot use the lock file "
              + lockFile()
              + ": it is a symbolic link; remove it (each run creates the lock file itself)");
      assertFalse(Files.exists(elsewhere));
      assertEquals(List.of(), time.sleeps());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_FIFOS)
    @Test
    void a_fifo_at_the_lock_path() throws Exception {
      Files.createDirectories(config().getParent());
      Fifos.make(lockFile());
      FakeTime time = new FakeTime();
      assertEveryOperationSays(
          new ConfigFileStore(config(), time, time),
          "cannot use the lock file "
              + lockFile()
              + ": it is a FIFO (named pipe), not a regular file; remove it");
      assertEquals(List.of(), time.sleeps());
    }

    @Test
    void a_lock_file_that_cannot_be_opened_names_the_reason_not_another_run() throws Exception {
      Files.createDirectories(config().getParent());
      FakeTime time = new FakeTime();
      ConfigFileStore store =
          new ConfigFileStore(
              config(), time, time, LockFaults.failing(new AccessDeniedException("x")));
      assertEveryOperationSays(
          store, "cannot use the lock file " + lockFile() + ": permission denied");
      assertEquals(List.of(), time.sleeps());
    }

    @Test
    void a_lock_file_that_cannot_be_created_on_a_read_only_file_system() throws Exception {
      Files.createDirectories(config().getParent());
      ConfigFileStore store =
          new ConfigFileStore(
              config(),
              new FakeTime(),
              Sleeper.SYSTEM,
              LockFaults.failing(
                  new FileSystemException(lockFile().toString(), null, "Read-only file system")));
      assertEveryOperationSays(
          store, "cannot use the lock file " + lockFile() + ": read-only file system");
      assertFalse(Files.exists(lockFile()));
    }

    @Test
    void the_check_before_sign_in_leaves_a_lock_file_another_run_holds_alone() throws Exception {
      try (ConfigLock held = new ConfigFileStore(config()).lock(Duration.ZERO)) {
        ConfigFileStore other = new ConfigFileStore(config());
        other.checkWritable();
        assertTrue(held.isHeld());
        assertEquals(Optional.empty(), other.tryLock());
        assertTrue(held.isHeld());
      }
    }

    @Test
    void only_a_lock_held_by_another_run_makes_try_lock_empty() throws Exception {
      ConfigFileStore store = new ConfigFileStore(config());
      Optional<ConfigLock> free = store.tryLock();
      assertTrue(free.isPresent());
      try (ConfigLock lock = free.get()) {
        assertEquals(Optional.empty(), new ConfigFileStore(config()).tryLock());
      }
    }
  }

  @Nested
  class Waiting {
    @Test
    void gives_up_after_the_timeout_naming_the_holder_and_the_lock_file() throws Exception {
      try (ConfigLock held = new ConfigFileStore(config()).lock(Duration.ZERO)) {
        FakeTime time = new FakeTime();
        ConfigFileStore waiting = new ConfigFileStore(config(), time, time);
        Failure e = assertFailure(Kind.FILE, () -> waiting.lock(TIMEOUT));
        assertEquals(heldMessage(PID), e.getMessage());
        assertEquals(TIMEOUT, time.slept());
        assertTrue(
            time.sleeps().stream().allMatch(d -> d.compareTo(ConfigLock.POLL_INTERVAL) <= 0),
            time.sleeps().toString());
        assertTrue(held.isHeld());
      }
    }

    @Test
    void a_lock_on_the_file_taken_elsewhere_in_this_jvm_counts_as_held() throws Exception {
      Files.createDirectories(config().getParent());
      Path lockFile = config().resolveSibling("config.lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock foreign = channel.lock()) {
        FakeTime time = new FakeTime();
        Failure e =
            assertFailure(
                Kind.FILE,
                () -> new ConfigFileStore(config(), time, time).lock(Duration.ofSeconds(1)));
        assertEquals(
            "cannot lock "
                + config()
                + ": another run holds the lock "
                + lockFile
                + "; try again when it has finished",
            e.getMessage());
        assertEquals(Duration.ofSeconds(1), time.slept());
        assertTrue(foreign.isValid());
      }
    }

    @Test
    void tries_once_with_a_zero_timeout() throws Exception {
      try (ConfigLock held = new ConfigFileStore(config()).lock(Duration.ZERO)) {
        FakeTime time = new FakeTime();
        ConfigFileStore waiting = new ConfigFileStore(config(), time, time);
        assertFailure(Kind.FILE, () -> waiting.lock(Duration.ZERO));
        assertEquals(List.of(), time.sleeps());
        assertTrue(held.isHeld());
      }
    }

    @Test
    void goes_ahead_as_soon_as_the_holder_releases() throws Exception {
      ConfigLock held = new ConfigFileStore(config()).lock(Duration.ZERO);
      FakeTime time =
          new FakeTime(
              n -> {
                if (n == 3) {
                  held.close();
                }
              });
      try (ConfigLock lock = new ConfigFileStore(config(), time, time).lock(TIMEOUT)) {
        assertTrue(lock.isHeld());
      }
      assertEquals(3, time.sleeps().size());
    }

    @Test
    void stops_when_interrupted_and_keeps_the_interrupt() throws Exception {
      try (ConfigLock held = new ConfigFileStore(config()).lock(Duration.ZERO)) {
        FakeTime time =
            new FakeTime(
                n -> {
                  throw new InterruptedException();
                });
        ConfigFileStore waiting = new ConfigFileStore(config(), time, time);
        Failure e = assertFailure(Kind.INTERRUPTED, () -> waiting.lock(TIMEOUT));
        assertTrue(Thread.interrupted(), "interrupt flag restored");
        assertEquals(
            "cannot lock "
                + config()
                + ": interrupted while waiting for the lock "
                + config()
                + ".lock",
            e.getMessage());
        assertTrue(held.isHeld());
      }
    }

    @Test
    void a_write_without_the_lock_waits_for_the_holder_then_gives_up_leaving_the_file()
        throws Exception {
      Files.createDirectories(config().getParent());
      Files.write(config(), ORIGINAL);
      try (ConfigLock held = new ConfigFileStore(config()).lock(Duration.ZERO)) {
        FakeTime time = new FakeTime();
        ConfigFileStore waiting = new ConfigFileStore(config(), time, time);
        Failure e = assertFailure(Kind.FILE, () -> waiting.write(NEW, true));
        assertEquals(heldMessage(PID), e.getMessage());
        assertEquals(ConfigFileStore.DEFAULT_LOCK_TIMEOUT, time.slept());
        assertTrue(held.isHeld());
      }
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config()));
      assertFalse(Files.exists(config().resolveSibling("config.bak")));
    }

    @Test
    void a_write_under_the_lock_of_its_store_neither_waits_nor_releases_it() throws Exception {
      FakeTime time = new FakeTime();
      ConfigFileStore store = new ConfigFileStore(config(), time, time);
      try (ConfigLock lock = store.lock(TIMEOUT)) {
        store.write(NEW, true);
        store.write(ORIGINAL, true);
        assertTrue(lock.isHeld());
      }
      assertEquals(List.of(), time.sleeps());
      assertArrayEquals(ORIGINAL, Files.readAllBytes(config()));
    }
  }

  @Nested
  class Holder {
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.MANDATORY_LOCKS)
    @Test
    void is_named_by_pid_and_by_host_only_when_it_is_another_host() throws Exception {
      assertEquals(
          " (pid 1234 on host elsewhere)", ConfigLock.describe("pid=1234\nhost=elsewhere\n"));
      try (ConfigLock lock = new ConfigFileStore(config()).lock(TIMEOUT)) {
        String ours = Files.readString(lock.path()).replace("pid=" + PID, "pid=1234");
        assertEquals(" (pid 1234)", ConfigLock.describe(ours));
      }
    }

    @Test
    void is_not_named_before_it_wrote_its_pid() {
      assertEquals("", ConfigLock.describe(""));
      assertEquals("", ConfigLock.describe("pid="));
    }
  }

  @Nested
  class AcrossProcesses {
    @DisabledOnOs(
        value = OS.WINDOWS,
        disabledReason =
            "the message names the holder's pid from its lock file, which Windows does not let"
                + " another process read while it is locked (mandatory locks)")
    @Test
    @Timeout(60)
    void another_process_holding_it_is_named_and_once_it_releases_this_run_goes_ahead()
        throws Exception {
      try (ChildJvm holder =
          ChildJvm.start(LockHolder.class, home.resolve("stderr.txt"), config().toString())) {
        assertEquals(LockHolder.LOCKED, holder.awaitLine());

        FakeTime gaveUp = new FakeTime();
        Failure e =
            assertFailure(
                Kind.FILE,
                () -> new ConfigFileStore(config(), gaveUp, gaveUp).lock(Duration.ofSeconds(1)));
        assertEquals(heldMessage(holder.process().pid()), e.getMessage());

        FakeTime released =
            new FakeTime(
                n -> {
                  if (n == 1) {
                    holder.process().getOutputStream().close();
                    assertEquals(LockHolder.RELEASED, holder.awaitLine());
                  }
                });
        try (ConfigLock lock = new ConfigFileStore(config(), released, released).lock(TIMEOUT)) {
          assertTrue(lock.isHeld());
          assertEquals(1, released.sleeps().size());
        }
      }
    }

    @Test
    @Timeout(60)
    void a_killed_holder_never_blocks_the_next_run() throws Exception {
      try (ChildJvm holder =
          ChildJvm.start(LockHolder.class, home.resolve("stderr.txt"), config().toString())) {
        assertEquals(LockHolder.LOCKED, holder.awaitLine());
        holder.kill();
      }
      FakeTime time = new FakeTime();
      try (ConfigLock lock = new ConfigFileStore(config(), time, time).lock(Duration.ZERO)) {
        assertTrue(lock.isHeld());
      }
    }
  }

  @Nested
  class HostNameProgram {
    @Test
    void gives_the_first_line_it_prints() throws IOException {
      Path proc = Path.of("/proc/sys/kernel/hostname");
      assumeTrue(Files.isReadable(proc), "this system has /proc");
      assertEquals(Optional.of(Files.readString(proc).strip()), ConfigLock.printedBy("hostname"));
    }

    @Test
    void gives_nothing_for_a_program_that_is_not_there() {
      assertEquals(
          Optional.empty(), ConfigLock.printedBy("no-such-program-aws-sso-config-generator"));
    }
  }
}

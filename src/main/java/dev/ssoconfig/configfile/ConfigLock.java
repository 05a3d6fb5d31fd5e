package dev.ssoconfig.configfile;

import dev.ssoconfig.Failure;
import dev.ssoconfig.io.AtomicFile;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.text.SafeText;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exclusive lock that serialises runs editing the same config file, held from {@link
 * ConfigFileStore#lock} until {@link #close()}.
 *
 * <p>The lock is an operating-system lock ({@link FileChannel#tryLock()}: {@code fcntl} on Linux
 * and macOS, {@code LockFileEx} on Windows) on a lock file beside the config file, e.g. {@code
 * ~/.aws/config.lock}, created with mode 0600 and never through a symbolic link ({@link
 * AtomicFile#openOwnerOnly}). The operating system releases it when the holding process ends in any
 * way, even killed with SIGKILL, so a crashed run never blocks the next one. The holder writes
 * {@code pid=<pid>} and {@code host=<host name>} lines into the file so a run that gives up waiting
 * can say who holds it.
 *
 * <p>The lock file is left in place after use. Deleting it on release would let two runs hold the
 * lock at once: a run waiting on the old file would lock the deleted one while a third run creates
 * and locks a new file at the same path; Java offers no way to check that an open file is still the
 * one at that path. Its presence therefore means nothing; only the operating-system lock counts.
 *
 * <p>Within one JVM operating-system locks do not exclude each other, and closing any channel to
 * the file drops them (POSIX record locks belong to the process). So this class also keeps a
 * JVM-wide table of the lock files it holds: a second attempt in the same JVM waits as if another
 * run held the lock, without opening the file.
 *
 * <p>Only a lock that is held makes a run wait. A lock path that cannot serve as a lock file is
 * reported at once as what it is, {@code cannot use the lock file PATH: REASON}: a folder, a
 * symbolic link (never followed: it could make the run create or lock a file elsewhere), a special
 * file such as a FIFO, or a file that cannot be created or opened ({@code permission denied},
 * {@code read-only file system}). {@link #checkUsable} finds these before anyone signs in.
 */
public final class ConfigLock implements AutoCloseable {
  /** How often a waiting run tries again. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private static final Pattern PID = Pattern.compile("(?m)^pid=(\\d+)$");
  private static final Pattern HOST = Pattern.compile("(?m)^host=(.+)$");

  /** Lock files held in this JVM (absolute, normalised) and the owner text written into them. */
  private static final Map<Path, String> HELD = new HashMap<>();

  private final Path path;
  private final Path key;
  private final FileChannel channel;
  private final FileLock fileLock;
  private boolean held = true;

  private ConfigLock(Path path, Path key, FileChannel channel, FileLock fileLock) {
    this.path = path;
    this.key = key;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /**
   * Takes the lock, trying every {@link #POLL_INTERVAL} until {@code timeout} has passed.
   *
   * @param lockFile the lock file; its folder must exist
   * @param configFile the config file path as configured, for messages
   * @param timeout how long to wait for another run to finish; zero tries once
   * @param clock measures the wait
   * @param sleeper waits between tries
   * @param files opens the lock file
   * @throws Failure of kind {@link Failure.Kind#FILE} if another run still holds the lock after
   *     {@code timeout} (the message names its pid when known, the lock file and what to do), or at
   *     once, without waiting, if the lock file cannot be used (see {@link #checkUsable}); of kind
   *     {@link Failure.Kind#INTERRUPTED} if the thread is interrupted while waiting
   */
  static ConfigLock acquire(
      Path lockFile,
      Path configFile,
      Duration timeout,
      Clock clock,
      Sleeper sleeper,
      AtomicFile files) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    Path key = key(lockFile);
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      ConfigLock lock = tryAcquire(lockFile, key, files);
      if (lock != null) {
        return lock;
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw Failure.file(
            "lock",
            configFile,
            "another run"
                + holderOf(lockFile, key)
                + " holds the lock "
                + lockFile
                + "; try again when it has finished",
            null);
      }
      try {
        sleeper.sleep(left.compareTo(POLL_INTERVAL) < 0 ? left : POLL_INTERVAL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Failure.interrupted(
            "cannot lock " + configFile + ": interrupted while waiting for the lock " + lockFile,
            e);
      }
    }
  }

  /**
   * Takes the lock if no other run holds it, without waiting.
   *
   * @param lockFile the lock file; its folder must exist
   * @param files opens the lock file
   * @return the lock, or empty if another run (or another store in this JVM) holds it
   * @throws Failure of kind {@link Failure.Kind#FILE} if the lock file cannot be used (see {@link
   *     #checkUsable}): a problem that waiting would not solve
   */
  static Optional<ConfigLock> tryAcquire(Path lockFile, AtomicFile files) {
    return Optional.ofNullable(tryAcquire(lockFile, key(lockFile), files));
  }

  /**
   * Checks, before anyone signs in, that the lock file can be used: it is not a folder, a symbolic
   * link or a special file, and, when its folder exists, it can be opened for reading and writing
   * (it is created then, mode 0600, and left in place like every lock file). Takes no lock, and
   * opens nothing while this JVM holds the lock, since closing a file drops the process's locks on
   * it.
   *
   * @param lockFile the lock file
   * @param files opens the lock file
   * @throws Failure of kind {@link Failure.Kind#FILE}, worded {@code cannot use the lock file PATH:
   *     REASON}, e.g. {@code it is a folder; remove it} or {@code permission denied}
   */
  static void checkUsable(Path lockFile, AtomicFile files) {
    Path key = key(lockFile);
    synchronized (HELD) {
      refuseUnusableKind(lockFile);
      if (HELD.containsKey(key) || !Files.isDirectory(lockFile.toAbsolutePath().getParent())) {
        return;
      }
      try {
        files.openOwnerOnly(lockFile).close();
      } catch (IOException e) {
        throw unusable(lockFile, IoReasons.describe(e), e);
      }
    }
  }

  /** Takes the lock if it is free; {@code null} if another run (or this JVM) holds it. */
  private static ConfigLock tryAcquire(Path lockFile, Path key, AtomicFile files) {
    synchronized (HELD) {
      if (HELD.containsKey(key)) {
        return null;
      }
      refuseUnusableKind(lockFile);
      FileChannel channel = null;
      try {
        channel = files.openOwnerOnly(lockFile);
        FileLock fileLock;
        try {
          fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          fileLock = null; // locked through a channel this class did not open: held all the same
        }
        if (fileLock == null) {
          return null;
        }
        String owner = "pid=" + ProcessHandle.current().pid() + "\nhost=" + LocalHost.NAME + "\n";
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          channel.write(buffer, buffer.position());
        }
        HELD.put(key, owner);
        ConfigLock lock = new ConfigLock(lockFile, key, channel, fileLock);
        channel = null;
        return lock;
      } catch (IOException e) {
        throw unusable(lockFile, IoReasons.describe(e), e);
      } finally {
        if (channel != null) {
          closeQuietly(channel);
        }
      }
    }
  }

  /**
   * Refuses a lock path that is a symbolic link (opening it would create or lock a file elsewhere),
   * a folder or a special file; a missing or regular file passes.
   */
  private static void refuseUnusableKind(Path lockFile) {
    if (Files.isSymbolicLink(lockFile)) {
      throw unusable(
          lockFile,
          "it is a symbolic link; remove it (each run creates the lock file itself)",
          null);
    }
    if (Files.isDirectory(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      throw unusable(lockFile, "it is a folder; remove it", null);
    }
    if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      throw unusable(
          lockFile,
          "it is " + SpecialFiles.kind(lockFile) + ", not a regular file; remove it",
          null);
    }
  }

  private static Failure unusable(Path lockFile, String reason, Throwable cause) {
    return Failure.file("use the lock file", lockFile, reason, cause);
  }

  private static Path key(Path lockFile) {
    return lockFile.toAbsolutePath().normalize();
  }

  /** What {@link #describe} says about the run holding {@code lockFile}. */
  private static String holderOf(Path lockFile, Path key) {
    String owner;
    synchronized (HELD) {
      owner = HELD.get(key);
      if (owner == null) {
        // Safe only while this JVM holds no lock on the file, which the monitor ensures: closing
        // the file would drop such a lock.
        try {
          owner = Files.readString(lockFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
          return ""; // e.g. Windows refuses to read a locked file
        }
      }
    }
    return describe(owner);
  }

  /**
   * The holder as named in a message, from the content of its lock file.
   *
   * @return {@code " (pid 1234)"}, {@code " (pid 1234 on host h)"} if the host is not this one, or
   *     empty if the content names no pid (e.g. the holder has not written it yet)
   */
  static String describe(String lockFileContent) {
    Matcher pid = PID.matcher(lockFileContent);
    if (!pid.find()) {
      return "";
    }
    Matcher host = HOST.matcher(lockFileContent);
    boolean elsewhere = host.find() && !host.group(1).equals(LocalHost.NAME);
    return " (pid "
        + pid.group(1)
        + (elsewhere ? " on host " + SafeText.line(host.group(1)) : "")
        + ")";
  }

  /** The lock file, as configured. */
  public Path path() {
    return path;
  }

  /** Whether this lock is still held, i.e. {@link #close()} has not been called. */
  public synchronized boolean isHeld() {
    return held;
  }

  /**
   * Releases the lock so a waiting run may go ahead; the lock file stays (see the class
   * description). Calling it again does nothing. Never throws: if releasing fails, the operating
   * system releases the lock when this process ends.
   */
  @Override
  public synchronized void close() {
    if (!held) {
      return;
    }
    held = false;
    synchronized (HELD) {
      try {
        fileLock.release();
      } catch (IOException e) {
        // closing the channel below releases it too
      }
      closeQuietly(channel);
      HELD.remove(key);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written that matters; the operating system releases the lock at exit
    }
  }

  /** The name of this host, looked up once, without a DNS query where the platform allows. */
  private static final class LocalHost {
    static final String NAME = lookUp();

    private static String lookUp() {
      String windows = System.getenv("COMPUTERNAME");
      if (windows != null && !windows.isBlank()) {
        return windows.strip();
      }
      try {
        String linux = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        if (!linux.isEmpty()) {
          return linux;
        }
      } catch (IOException | RuntimeException e) {
        // not Linux
      }
      // macOS and the BSDs: the hostname program prints gethostname(3) with no name lookup, where
      // InetAddress.getLocalHost() resolves the name and can stall for seconds on a Mac whose
      // name no DNS or mDNS answers
      return printedBy("hostname").orElse("unknown");
    }
  }

  /**
   * The first line a program prints, for a host name that needs no name lookup.
   *
   * @param command the program and its arguments, e.g. {@code hostname}
   * @return the first line of its output, stripped; empty when it cannot be started, prints
   *     nothing, exits with a status other than 0, or has not exited 2 seconds after closing its
   *     output
   */
  static Optional<String> printedBy(String... command) {
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readNBytes(256), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String first = output.strip().lines().findFirst().orElse("").strip();
      return process.exitValue() == 0 && !first.isEmpty() ? Optional.of(first) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}

package dev.ssoconfig.configfile;

import dev.ssoconfig.Failure;
import dev.ssoconfig.Sleeper;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exclusive lock that serialises runs editing the same config file, held from {@link
 * ConfigFileStore#lock} until {@link #close()}.
 *
 * <p>The lock is an operating-system lock ({@link FileChannel#tryLock()}: {@code fcntl} on Linux
 * and macOS, {@code LockFileEx} on Windows) on a lock file beside the config file, e.g. {@code
 * ~/.aws/config.lock}, created with mode 0600. The operating system releases it when the holding
 * process ends in any way, even killed with SIGKILL, so a crashed run never blocks the next one.
 * The holder writes {@code pid=<pid>} and {@code host=<host name>} lines into the file so a run
 * that gives up waiting can say who holds it.
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
   * @throws Failure of kind {@link Failure.Kind#FILE} if another run still holds the lock after
   *     {@code timeout} (the message names its pid when known, the lock file and what to do) or the
   *     lock file cannot be created or opened; of kind {@link Failure.Kind#INTERRUPTED} if the
   *     thread is interrupted while waiting
   */
  static ConfigLock acquire(
      Path lockFile, Path configFile, Duration timeout, Clock clock, Sleeper sleeper) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    Path key = lockFile.toAbsolutePath().normalize();
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      ConfigLock lock = tryAcquire(lockFile, key, configFile);
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

  /** Takes the lock if it is free; {@code null} if another run (or this JVM) holds it. */
  private static ConfigLock tryAcquire(Path lockFile, Path key, Path configFile) {
    synchronized (HELD) {
      if (HELD.containsKey(key)) {
        return null;
      }
      FileChannel channel = null;
      try {
        channel = open(lockFile);
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
        throw Failure.file("lock", configFile, IoReasons.describe(e), e);
      } finally {
        if (channel != null) {
          closeQuietly(channel);
        }
      }
    }
  }

  private static FileChannel open(Path lockFile) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    Path folder = lockFile.toAbsolutePath().getParent();
    if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null) {
      return FileChannel.open(lockFile, options);
    }
    FileAttribute<?> ownerOnly =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    return FileChannel.open(lockFile, options, ownerOnly);
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
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}

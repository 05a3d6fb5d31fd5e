package dev.ssoconfig.configfile;

import dev.ssoconfig.Failure;
import dev.ssoconfig.io.AtomicFile;
import dev.ssoconfig.io.FileOps;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.time.Sleeper;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and safely replaces the AWS config file.
 *
 * <p>{@link #write} never leaves a half-written file: through {@link AtomicFile} it writes a temp
 * file in the same folder, flushes it to disk (fsync), renames it over the config file atomically,
 * then flushes the folder where the platform allows. The file keeps its POSIX permissions (a new
 * file gets 0600, a new folder 0700) and, where the process may set them, its owner and group. If
 * the configured path is a symbolic link, the link target is replaced and the link kept. On any
 * failure the temp file is deleted and the original is untouched; temp files left by a run that was
 * killed are deleted by the next write.
 *
 * <p>Three files sit beside the configured path (a symbolic link is not followed for them, so they
 * stay next to where a person looks, and out of a dotfiles repository the link may point into):
 *
 * <ul>
 *   <li>{@link #backupPath()}, {@code config.bak}: the previous content, kept by {@link #write}
 *       when asked to (a symbolic link there is written through, as {@link AtomicFile} does);
 *   <li>{@link #lockPath()}, {@code config.lock}: the lock file of {@link #lock}, left in place
 *       (see {@link ConfigLock});
 *   <li>temp files named {@code .config.tmp-<16 hex digits>} (and {@code .config.bak.tmp-...}),
 *       which exist only during a write; the config file's temp file is beside the link target.
 * </ul>
 *
 * <p>Only a regular file, or a path where one can be created, is read or written. Refused before
 * anything is read or created: a folder, a device ({@code /dev/null}, {@code /dev/full}), a FIFO or
 * a socket; anything in {@code /proc} or {@code /sys}, also through a symbolic link (such a link is
 * not followed any further); a symbolic link whose target does not exist. The only folder ever
 * created is the config file's own (e.g. {@code ~/.aws} on a fresh machine), and only inside a
 * folder that exists.
 *
 * <p>Two runs that reach the same file through different paths (a link and its target) use
 * different lock files and are not serialised. An instance is meant for one run on one thread.
 *
 * <p>Every failure is a {@link Failure} of kind {@link Failure.Kind#FILE} with a one-line message
 * naming the configured path and a reason, {@code cannot ACTION PATH: REASON}, or for the lock file
 * {@code cannot use the lock file PATH: REASON} (kind {@link Failure.Kind#INTERRUPTED} if waiting
 * for the lock is interrupted).
 */
public final class ConfigFileStore {
  /** How long {@link #write} waits for another run when the caller does not hold the lock. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

  private static final int MAX_LINKS = 40;

  /** File systems the kernel makes up, whose files are no files to edit (Linux). */
  private static final List<Path> NO_FILES = List.of(Path.of("/proc"), Path.of("/sys"));

  private final Path configFile;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicFile files;
  private ConfigLock lock;

  /**
   * A store on the real clock that waits for the lock with {@link Sleeper#SYSTEM}.
   *
   * @param configFile the config file, e.g. {@code ~/.aws/config} or {@code AWS_CONFIG_FILE}; it
   *     and its folder need not exist
   */
  public ConfigFileStore(Path configFile) {
    this(configFile, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /**
   * @param configFile the config file; it and its folder need not exist
   * @param clock measures how long {@link #lock} has waited
   * @param sleeper waits between attempts to take the lock
   */
  public ConfigFileStore(Path configFile, Clock clock, Sleeper sleeper) {
    this(configFile, clock, sleeper, FileOps.NIO);
  }

  ConfigFileStore(Path configFile, Clock clock, Sleeper sleeper, FileOps fileOps) {
    this.configFile = Objects.requireNonNull(configFile, "configFile");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.files = new AtomicFile(fileOps);
  }

  /** The config file path as configured. */
  public Path path() {
    return configFile;
  }

  /** Where {@link #write} keeps the previous content: the configured path plus {@code .bak}. */
  public Path backupPath() {
    return sibling(".bak");
  }

  /** The lock file of {@link #lock}: the configured path plus {@code .lock}. */
  public Path lockPath() {
    return sibling(".lock");
  }

  /**
   * Reads the whole file, following symbolic links.
   *
   * @return the bytes; an empty array if the file (or its folder) does not exist
   * @throws Failure if the path is not one this store reads (see {@link #checkPath}) or the file
   *     cannot be read
   */
  public byte[] read() {
    try {
      return Files.readAllBytes(target("read"));
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw failure("read", IoReasons.describe(e), e);
    }
  }

  /**
   * Reads the file as a document, refusing one the AWS CLI cannot read: such a file is never edited
   * (see {@link ConfigProblem} for the rules).
   *
   * @return the document; an empty one if the file (or its folder) does not exist
   * @throws Failure of kind {@link Failure.Kind#FILE} if the file cannot be read ({@link #read}),
   *     or if the AWS CLI would refuse it: {@code cannot edit PATH: line N: WHAT; FIX; the AWS CLI
   *     cannot read this file either}, naming the first problem
   */
  public ConfigDocument readDocument() {
    ConfigDocument document = ConfigDocument.parse(read());
    if (!document.problems().isEmpty()) {
      throw Failure.file(
          "cannot edit " + configFile + ": " + document.problems().get(0).describe(), null);
    }
    return document;
  }

  /**
   * Checks, without changing anything, that the configured path names a file this store may read
   * and replace (see the class description): meant to run before login, also for a dry run.
   *
   * @throws Failure if the path is a folder, a special file, in {@code /proc} or {@code /sys}, a
   *     symbolic link whose target does not exist, or in a folder that does not exist and cannot be
   *     created because its own folder does not exist either
   */
  public void checkPath() {
    try {
      checkTarget(target("write"), false);
    } catch (IOException e) {
      throw failure("write", IoReasons.describe(e), e);
    }
  }

  /**
   * Checks that {@link #write} can succeed as far as can be known in advance; meant to run before
   * login so a person does not sign in for nothing. Changes nothing, except that the lock file is
   * created (mode 0600) when the config file's folder exists: opening it is the one way to know it
   * can be opened, and lock files stay in place anyway (see {@link ConfigLock}).
   *
   * @throws Failure for everything {@link #checkPath} refuses; if the file exists but is not
   *     writable, or its folder or the configured path's folder (they differ for a symbolic link)
   *     or, if missing, that folder's parent, is not a writable folder; or, worded {@code cannot
   *     use the lock file PATH: REASON}, if the lock file is a folder, a symbolic link or a special
   *     file, or cannot be opened
   */
  public void checkWritable() {
    try {
      checkTarget(target("write"), true);
    } catch (IOException e) {
      throw failure("write", IoReasons.describe(e), e);
    }
    ConfigLock.checkUsable(lockPath(), files);
  }

  /**
   * Takes the lock that serialises runs editing this config file (see {@link ConfigLock}); hold it
   * from reading the file until after {@link #write}, so no other run's changes are lost. Creates
   * the configured path's folder (mode 0700) and the lock file (mode 0600) if missing.
   *
   * @param timeout how long to wait for another run to release it; the command uses 30 seconds
   * @return the lock, to be closed when the run has written the file
   * @throws Failure if {@link #checkWritable} fails (at once, without waiting), or another run
   *     still holds the lock after {@code timeout} ({@code another run (pid 1234) holds the lock
   *     ...; try again when it has finished})
   * @throws IllegalStateException if this store holds the lock already
   */
  public ConfigLock lock(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    prepareLock();
    lock = ConfigLock.acquire(lockPath(), configFile, timeout, clock, sleeper, files);
    return lock;
  }

  /**
   * Takes the lock if no other run holds it, without waiting; as {@link #lock} otherwise.
   *
   * @return the lock, or empty only when another run (or another store in this JVM) holds it
   * @throws Failure if {@link #checkWritable} fails: a problem that waiting would not solve
   * @throws IllegalStateException if this store holds the lock already
   */
  public Optional<ConfigLock> tryLock() {
    prepareLock();
    Optional<ConfigLock> taken = ConfigLock.tryAcquire(lockPath(), files);
    taken.ifPresent(held -> lock = held);
    return taken;
  }

  /** Checks the paths and creates the configured path's folder, so the lock file can be made. */
  private void prepareLock() {
    if (holdsLock()) {
      throw new IllegalStateException("this store holds the lock " + lockPath() + " already");
    }
    try {
      checkTarget(target("write"), true);
    } catch (IOException e) {
      throw failure("write", IoReasons.describe(e), e);
    }
    try {
      files.createFolder(configFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw failure("lock", IoReasons.describe(e), e);
    }
  }

  /**
   * Replaces the file's content atomically (see the class description).
   *
   * <p>Runs under the lock: if this store does not hold it (see {@link #lock}), takes it for the
   * duration of the write, waiting up to {@link #DEFAULT_LOCK_TIMEOUT}. Then, in order: deletes
   * temp files left by an earlier run that was killed; does nothing more if the file already holds
   * exactly {@code content}; if {@code backup} and the file exists, replaces {@link #backupPath()}
   * atomically with the current content, with the file's permissions; replaces the file. No backup
   * is made when the file did not exist.
   *
   * @param content the complete new content
   * @param backup whether to keep the current content as {@link #backupPath()}
   * @throws Failure if any step fails ({@code cannot back up ...} if the backup could not be
   *     written); the config file is then unchanged and no temp file is left behind
   */
  public void write(byte[] content, boolean backup) {
    Objects.requireNonNull(content, "content");
    if (holdsLock()) {
      writeLocked(content, backup);
      return;
    }
    ConfigLock own = lock(DEFAULT_LOCK_TIMEOUT);
    try {
      writeLocked(content, backup);
    } finally {
      own.close();
    }
  }

  private boolean holdsLock() {
    return lock != null && lock.isHeld();
  }

  private void writeLocked(byte[] content, boolean backup) {
    Path backupFile = backupPath().toAbsolutePath();
    try {
      Path target = target("write");
      checkTarget(target, true);
      Path folder = target.getParent();
      files.createFolder(folder);
      // also when the content is unchanged below
      files.deleteLeftovers(target);
      files.deleteLeftovers(backupFile);

      byte[] current = readIfExists(target);
      if (current != null && Arrays.equals(current, content)) {
        return;
      }
      boolean posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
      PosixFileAttributes existing =
          posix && current != null ? Files.readAttributes(target, PosixFileAttributes.class) : null;
      if (backup && current != null) {
        try {
          files.replace(backupFile, current, existing);
        } catch (IOException e) {
          throw failure("back up", IoReasons.describe(e), e);
        }
      }
      files.replace(target, content, existing);
    } catch (IOException e) {
      throw failure("write", IoReasons.describe(e), e);
    }
  }

  /**
   * The file to read and replace: the configured path with symbolic links followed, refused (see
   * the class description) when it is not a regular file or a path where one can be created.
   *
   * @param action the word for a refusal's message, {@code read} or {@code write}
   */
  private Path target(String action) throws IOException {
    Path path = configFile.toAbsolutePath();
    for (int hops = 0; ; hops++) {
      refuseFileSystemWithoutFiles(path, hops > 0, action);
      if (!Files.isSymbolicLink(path)) {
        break;
      }
      if (hops == MAX_LINKS) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      path = path.resolveSibling(Files.readSymbolicLink(path));
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      if (!path.equals(configFile.toAbsolutePath())) {
        throw failure(
            action,
            "it is a symbolic link to "
                + path
                + ", which does not exist; create "
                + path
                + " or remove the link",
            null);
      }
      return path;
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw failure(action, "is a directory", null);
    }
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw failure(
          action,
          "it is "
              + SpecialFiles.kind(path)
              + ", not a regular file; give the path of a regular file",
          null);
    }
    return path;
  }

  /**
   * Refuses a path in {@code /proc} or {@code /sys} (file systems the kernel makes up, whose files
   * are no files to edit), by its name or by the real path of its folder, before a link there is
   * read or followed.
   *
   * @param linked whether {@code path} is where a symbolic link of the configured path led
   */
  private void refuseFileSystemWithoutFiles(Path path, boolean linked, String action) {
    Path root = fileSystemWithoutFiles(path);
    if (root == null) {
      root = fileSystemWithoutFiles(realFolder(path.getParent()));
    }
    if (root != null) {
      String where = linked ? "a symbolic link into " + root + " (" + path + ")" : "in " + root;
      throw failure(
          action,
          "it is " + where + ", which holds no files to edit; give the path of a regular file",
          null);
    }
  }

  /** {@code /proc} or {@code /sys} if {@code path} is in it, else {@code null}. */
  private static Path fileSystemWithoutFiles(Path path) {
    if (path == null) {
      return null;
    }
    for (Path root : NO_FILES) {
      if (path.startsWith(root)) {
        return root;
      }
    }
    return null;
  }

  /** The real path of {@code folder} or of its nearest existing parent; {@code null} if none. */
  private static Path realFolder(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        try {
          return p.toRealPath();
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * Checks the folders {@link #write} needs: the target's and the configured path's (they differ
   * for a symbolic link), and, with {@code writable}, that the file and those folders can be
   * written.
   */
  private void checkTarget(Path target, boolean writable) throws IOException {
    if (writable && Files.exists(target) && !Files.isWritable(target)) {
      throw failure("write", "permission denied", null);
    }
    checkFolder(target.getParent(), writable);
    Path configured = configFile.toAbsolutePath().getParent();
    if (!configured.equals(target.getParent())) {
      checkFolder(configured, writable);
    }
  }

  /**
   * Checks that {@code folder} is a folder, or is missing but can be created: its parent is a
   * folder (nothing above the config file's own folder is ever created); with {@code writable},
   * that the one to write in is writable.
   */
  private void checkFolder(Path folder, boolean writable) throws IOException {
    Path existing = folder;
    if (!Files.exists(folder)) {
      existing = folder.getParent();
      if (existing == null || !Files.exists(existing)) {
        throw failure(
            "write",
            "the folder "
                + existing
                + " does not exist; create it, or choose a config file in an existing folder",
            null);
      }
    }
    if (!Files.isDirectory(existing)) {
      throw failure("write", existing + " is not a folder", null);
    }
    if (writable && !Files.isWritable(existing)) {
      String reason =
          Files.getFileStore(existing).isReadOnly()
              ? "read-only file system"
              : "permission denied on folder " + existing;
      throw failure("write", reason, null);
    }
  }

  private static byte[] readIfExists(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private Path sibling(String extension) {
    return configFile.resolveSibling(configFile.getFileName() + extension);
  }

  private Failure failure(String action, String reason, Throwable cause) {
    return Failure.file(action, configFile, reason, cause);
  }
}

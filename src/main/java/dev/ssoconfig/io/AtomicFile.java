package dev.ssoconfig.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Crash-safe files: replaces a file's content atomically, and creates files and folders for the
 * owner only. The config store, the token cache and the config lock write through it.
 *
 * <h2>{@link #replace}: what is atomic, what is durable</h2>
 *
 * <p>The content goes into a temp file in the destination's folder, named {@code .NAME.tmp-<16 hex
 * digits>} for a destination {@code NAME} (hidden, and naming the file it will replace), then:
 *
 * <ol>
 *   <li>the temp file is created with mode 0600 ({@code O_CREAT|O_EXCL}, never through a symbolic
 *       link) and locked ({@link FileChannel#lock()}), then given its final mode (0600, or the mode
 *       of the file it replaces) before any byte is written: it is never readable by more people
 *       than the file it becomes;
 *   <li>the content is written and flushed to disk ({@code fsync});
 *   <li>the temp file is renamed over the destination in one step ({@code rename(2)});
 *   <li>the folder is flushed to disk ({@code fsync} of the folder), so the rename survives a power
 *       loss.
 * </ol>
 *
 * <p>Atomic: a reader, and the destination after a crash at any moment (a killed process, a full
 * disk, a power loss once the rename is on disk), sees the complete old content or the complete new
 * one, never a mix, a truncated file or an empty one. Durable: when {@link #replace} returns, the
 * new content and the rename are on disk where the platform allows a folder to be flushed.
 *
 * <p>A symbolic link at the destination is followed (as the AWS CLI's own writes follow it): the
 * file it finally leads to is replaced, its temp file sits beside that file, and the link stays.
 *
 * <h2>What a killed process leaves, and who cleans it up</h2>
 *
 * <p>A process killed during {@link #replace} (or a failed one that could not delete it) leaves at
 * most one temp file beside the destination, with the destination's future mode (0600 unless it
 * keeps the mode of an existing file), never a damaged destination. Every {@link #replace} first
 * deletes the temp files its destination's name shows are left over ({@link #deleteLeftovers}), so
 * the next write of the same file, by any run, cleans up. This is safe while other processes write
 * the same file: a writer holds an operating-system lock on its temp file from creation until the
 * rename, released by the system when the process dies, and only temp files that can be locked are
 * deleted; temp files this JVM is writing are not even opened (closing a file would drop this
 * process's locks on it). On a file system without locks (some network file systems) leftovers are
 * left in place.
 *
 * <h2>Owner-only files and folders</h2>
 *
 * <p>On file systems with POSIX permissions, new files are created 0600 and new folders 0700
 * through the {@code open(2)}/{@code mkdir(2)} mode, never created wider and narrowed afterwards.
 * {@link #openOwnerOnly} opens a file such as a lock file that way without following a symbolic
 * link.
 *
 * <h2>Windows</h2>
 *
 * <p>There are no POSIX permissions: new files and folders get the access control list they inherit
 * from their folder, and a replaced file gets the one of its temp file. The rename is {@code
 * MoveFileEx} with {@code MOVEFILE_REPLACE_EXISTING}, atomic on NTFS in practice although Microsoft
 * documents no guarantee; the temp file stays open (and locked) across the rename, which Windows
 * allows since Java opens files with {@code FILE_SHARE_DELETE}. A folder cannot be opened to be
 * flushed, so that step is skipped and the rename is as durable as NTFS's metadata journal makes
 * it. Where a file system cannot rename atomically at all ({@link
 * java.nio.file.AtomicMoveNotSupportedException}), a plain replacing move is used.
 *
 * <p>Failures are {@link IOException}s for the caller to word ({@link IoReasons}); on a failure the
 * destination is untouched and the temp file deleted. Instances are thread-safe.
 */
public final class AtomicFile {
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final int MAX_LINKS = 40;
  private static final int CHUNK = 1 << 20;
  private static final String TEMP_MARK = ".tmp-";
  private static final int SUFFIX_BYTES = 8;
  private static final int MAX_CREATE_ATTEMPTS = 3;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Names of the temp files this JVM is writing now (the random suffix makes them unique). */
  private static final Set<String> WRITING = ConcurrentHashMap.newKeySet();

  private final FileOps ops;

  /** Atomic files on the real file system. */
  public AtomicFile() {
    this(FileOps.NIO);
  }

  /**
   * @param ops the file-system steps that can fail; tests pass one that fails on purpose
   */
  public AtomicFile(FileOps ops) {
    this.ops = Objects.requireNonNull(ops, "ops");
  }

  /**
   * Replaces the content of {@code destination} (or creates it) atomically, mode 0600 whatever the
   * mode of the file it replaces; see the class description.
   *
   * @param destination the file; its folder must exist; a symbolic link is followed
   * @param content the complete new content
   * @throws IOException if any step fails; {@code destination} is then untouched and no temp file
   *     is left behind (unless even deleting it failed)
   */
  public void replace(Path destination, byte[] content) throws IOException {
    replace(destination, content, null);
  }

  /**
   * Replaces the content of {@code destination} (or creates it) atomically, with the permissions of
   * {@code like} and, where this process may set them, its owner and group; see the class
   * description.
   *
   * @param destination the file; its folder must exist; a symbolic link is followed
   * @param content the complete new content
   * @param like the attributes to give the new file, normally the replaced file's own; {@code null}
   *     for mode 0600 and this process's owner and group. Ignored without POSIX permissions.
   * @throws IOException if any step fails; {@code destination} is then untouched and no temp file
   *     is left behind (unless even deleting it failed)
   */
  public void replace(Path destination, byte[] content, PosixFileAttributes like)
      throws IOException {
    Objects.requireNonNull(content, "content");
    Path target = target(destination);
    deleteLeftovers(target);
    boolean posix = isPosix(target);
    boolean moved = false;
    Temp temp = createTemp(target, posix);
    try {
      if (posix) {
        Files.setPosixFilePermissions(
            temp.path, like != null ? like.permissions() : OWNER_ONLY_FILE);
        if (like != null) {
          keepOwnership(temp.path, like);
        }
      }
      // Slices bound the direct buffer the JDK copies a heap buffer into.
      for (int offset = 0; offset < content.length; offset += CHUNK) {
        ByteBuffer buffer =
            ByteBuffer.wrap(content, offset, Math.min(CHUNK, content.length - offset));
        while (buffer.hasRemaining()) {
          temp.channel.write(buffer);
        }
      }
      temp.channel.force(true);
      ops.moveAtomically(temp.path, target);
      moved = true;
    } finally {
      if (!moved) {
        deleteQuietly(temp.path);
      }
      temp.close();
    }
    syncFolder(target.getParent());
  }

  /**
   * Deletes the temp files of {@code destination} that a killed process left (see the class
   * description): regular files beside it named {@code .NAME.tmp-<16 hex digits>} that no process
   * is writing. {@link #replace} calls it first; call it directly to clean up without writing. Best
   * effort: what cannot be listed, locked or deleted is left for the next call.
   *
   * @param destination the file whose temp files to delete; a symbolic link is followed
   */
  public void deleteLeftovers(Path destination) {
    Path target;
    try {
      target = target(destination);
    } catch (IOException e) {
      return; // a link that cannot be read: nothing of ours to find
    }
    Pattern ours =
        Pattern.compile(Pattern.quote(tempPrefix(target)) + "[0-9a-f]{" + 2 * SUFFIX_BYTES + "}");
    DirectoryStream.Filter<Path> filter = p -> ours.matcher(p.getFileName().toString()).matches();
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), filter)) {
      for (Path leftover : leftovers) {
        deleteIfAbandoned(leftover);
      }
    } catch (IOException | DirectoryIteratorException e) {
      // the folder cannot be listed: the next call tries again
    }
  }

  /**
   * Opens {@code file} for reading and writing, creating it with mode 0600 if missing (on file
   * systems with POSIX permissions), never through a symbolic link; an existing file keeps its
   * mode. For files that are opened in place rather than replaced, such as a lock file.
   *
   * @param file the file; its folder must exist
   * @return the open channel, to be closed by the caller
   * @throws IOException if it cannot be opened or created, e.g. {@link
   *     java.nio.file.AccessDeniedException}; a symbolic link at {@code file} fails ({@code ELOOP})
   */
  public FileChannel openOwnerOnly(Path file) throws IOException {
    return ops.openOrCreate(file, ownerOnly(isPosix(file), OWNER_ONLY_FILE));
  }

  /**
   * Creates {@code folder} with mode 0700 (on file systems with POSIX permissions) if it is
   * missing; its parent must exist. A folder that exists, or that another process creates
   * meanwhile, is left as it is.
   *
   * @throws IOException if it cannot be created, e.g. {@link FileAlreadyExistsException} when a
   *     file that is no folder has its name
   */
  public void createFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    boolean posix = isPosix(folder);
    try {
      ops.createDirectory(folder, ownerOnly(posix, OWNER_ONLY_FOLDER));
    } catch (FileAlreadyExistsException e) {
      if (Files.isDirectory(folder)) {
        return; // created meanwhile by someone else: leave its permissions alone
      }
      throw e;
    }
    if (posix) {
      // exactly 0700 whatever the umask took away; never wider than it was created
      Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
    }
  }

  /**
   * Creates {@code folder} and every missing folder above it, each as {@link #createFolder} does
   * (mode 0700).
   *
   * @throws IOException if one cannot be created
   */
  public void createFolders(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      return;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createFolders(parent);
    }
    createFolder(absolute);
  }

  /**
   * Checks that files can be created in {@code folder}, changing nothing a person would see:
   * creates it and every missing folder above it (mode 0700, as {@link #createFolders}), then
   * creates a probe file there, named {@code .write-check-<16 hex digits>.tmp}, with mode 0600 from
   * the start, and deletes it.
   *
   * @param folder the folder files will be written in
   * @throws IOException if a folder or the probe file cannot be created, e.g. {@link
   *     java.nio.file.AccessDeniedException} or a {@link FileSystemException} with reason {@code
   *     Read-only file system}, or the probe cannot be deleted
   */
  public void checkCanCreateIn(Path folder) throws IOException {
    createFolders(folder);
    Path probe = folder.resolve(".write-check-" + randomSuffix() + ".tmp");
    try {
      ops.createNew(probe, ownerOnly(isPosix(folder), OWNER_ONLY_FILE)).close();
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** A temp file being written: created, locked and known to this JVM until closed. */
  private static final class Temp implements AutoCloseable {
    final Path path;
    final FileChannel channel;

    Temp(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    /** Closes the channel, which releases the lock. */
    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // the file is renamed or deleted already; the system releases the lock at exit
      } finally {
        WRITING.remove(path.getFileName().toString());
      }
    }
  }

  /**
   * Creates and locks a new temp file for {@code target}. A cleaner in another process may lock and
   * delete a file between its creation and the lock; the file is then gone when the lock is
   * obtained, and another name is tried.
   */
  private Temp createTemp(Path target, boolean posix) throws IOException {
    FileAttribute<?>[] attributes = ownerOnly(posix, OWNER_ONLY_FILE);
    for (int attempt = 1; ; attempt++) {
      Path path = target.resolveSibling(tempPrefix(target) + randomSuffix());
      String name = path.getFileName().toString();
      WRITING.add(name);
      FileChannel channel = null;
      try {
        channel = ops.createNew(path, attributes);
        lockIfPossible(channel);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          Temp temp = new Temp(path, channel);
          channel = null;
          name = null;
          return temp;
        }
      } finally {
        if (channel != null) {
          closeQuietly(channel);
        }
        if (name != null) {
          WRITING.remove(name);
        }
      }
      if (attempt == MAX_CREATE_ATTEMPTS) {
        throw new FileSystemException(
            path.toString(), null, "another process deleted the temp file as it was created");
      }
    }
  }

  /**
   * Takes the lock that keeps cleaners away; waits only while a cleaner holds it for a moment. A
   * file system without locks leaves the temp file unlocked, and its cleaners cannot lock it
   * either.
   */
  private static void lockIfPossible(FileChannel channel) {
    try {
      channel.lock();
    } catch (IOException | UnsupportedOperationException e) {
      // no locks here (e.g. NFS without a lock manager): cleaners leave unlockable files alone
    }
  }

  /**
   * Deletes {@code leftover} if no process is writing it: this JVM does not, and it can be locked.
   */
  private static void deleteIfAbandoned(Path leftover) {
    if (WRITING.contains(leftover.getFileName().toString())) {
      return;
    }
    try (FileChannel channel =
        FileChannel.open(leftover, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return; // locked in this JVM through another path
      }
      if (lock != null) {
        Files.deleteIfExists(leftover); // the lock goes with the channel
      }
    } catch (IOException e) {
      // not a regular file of ours, or no locks on this file system: left alone
    }
  }

  /**
   * {@code destination} with symbolic links followed: the file it finally leads to, which need not
   * exist.
   */
  private static Path target(Path destination) throws IOException {
    Path path = destination.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(path); hops++) {
      if (hops == MAX_LINKS) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      path = path.resolveSibling(Files.readSymbolicLink(path));
    }
    return path;
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly(boolean posix, Set<PosixFilePermission> mode) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
        : new FileAttribute<?>[0];
  }

  /**
   * Gives the temp file the original's owner and group where this process may; else keeps its own.
   */
  private static void keepOwnership(Path temp, PosixFileAttributes original) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      PosixFileAttributes now = view.readAttributes();
      if (!now.group().equals(original.group())) {
        view.setGroup(original.group());
      }
      if (!now.owner().equals(original.owner())) {
        view.setOwner(original.owner());
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Only a privileged process may give a file away; the file then belongs to the one writing
      // it.
    }
  }

  /** Makes the rename durable; folders cannot be opened for this on every platform (Windows). */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The file is in place; only durability across a power loss is not guaranteed here.
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Nothing more can be done; the next replace of the destination deletes it.
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written through it
    }
  }

  /** {@code .config.tmp-} for {@code config}: hidden, and naming the file it will replace. */
  private static String tempPrefix(Path destination) {
    return "." + destination.getFileName() + TEMP_MARK;
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[SUFFIX_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

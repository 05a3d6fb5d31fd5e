package dev.ssoconfig.configfile;

import dev.ssoconfig.IoReasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and safely replaces the AWS config file.
 *
 * <p>{@link #write} never leaves a half-written file: it writes a temp file in the same folder,
 * flushes it to disk (fsync), renames it over the config file atomically, then flushes the folder
 * where the platform allows. The file keeps its POSIX permissions (a new file gets 0600, a new
 * folder 0700) and, where the process may set them, its owner and group. If the configured path is
 * a symbolic link, the link target is replaced and the link kept. On any failure the temp file is
 * deleted and the original is untouched.
 *
 * <p>Every failure is a {@link ConfigFileException} with a one-line message naming the configured
 * path and a reason.
 */
public final class ConfigFileStore {
  private static final Set<PosixFilePermission> NEW_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> NEW_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final int MAX_LINKS = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Puts a finished temp file in place of the target. */
  @FunctionalInterface
  interface Replacer {
    void replace(Path source, Path target) throws IOException;
  }

  private final Path configFile;
  private final Replacer replacer;

  /**
   * @param configFile the config file, e.g. {@code ~/.aws/config} or {@code AWS_CONFIG_FILE}; it
   *     and its folder need not exist
   */
  public ConfigFileStore(Path configFile) {
    this(configFile, ConfigFileStore::moveAtomically);
  }

  ConfigFileStore(Path configFile, Replacer replacer) {
    this.configFile = Objects.requireNonNull(configFile, "configFile");
    this.replacer = Objects.requireNonNull(replacer, "replacer");
  }

  /** The config file path as configured. */
  public Path path() {
    return configFile;
  }

  /**
   * Reads the whole file, following symbolic links.
   *
   * @return the bytes; an empty array if the file (or its folder) does not exist
   * @throws ConfigFileException if the path is a folder or the file cannot be read
   */
  public byte[] read() throws ConfigFileException {
    try {
      Path target = target();
      if (Files.isDirectory(target)) {
        throw failure("read", "is a directory", null);
      }
      return Files.readAllBytes(target);
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw failure("read", IoReasons.describe(e), e);
    }
  }

  /**
   * Checks, without changing anything, that {@link #write} can succeed as far as can be known in
   * advance; meant to run before login so a person does not sign in for nothing.
   *
   * @throws ConfigFileException if the path is a folder, the file exists but is not writable, or
   *     the folder (or, if missing, its nearest existing parent) is not a writable folder
   */
  public void checkWritable() throws ConfigFileException {
    try {
      checkTarget(target());
    } catch (IOException e) {
      throw failure("write", IoReasons.describe(e), e);
    }
  }

  /**
   * Replaces the file's content atomically (see the class description).
   *
   * @param content the complete new content
   * @throws ConfigFileException if any step fails; the original file is then unchanged and no temp
   *     file is left behind
   */
  public void write(byte[] content) throws ConfigFileException {
    Objects.requireNonNull(content, "content");
    Path temp = null;
    try {
      Path target = target();
      checkTarget(target);
      Path folder = target.getParent();
      createFolders(folder);
      boolean posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
      PosixFileAttributes existing =
          posix && Files.exists(target)
              ? Files.readAttributes(target, PosixFileAttributes.class)
              : null;

      temp = folder.resolve("." + target.getFileName() + ".tmp-" + randomSuffix());
      writeAndSync(temp, content, posix);
      if (posix) {
        Files.setPosixFilePermissions(temp, existing != null ? existing.permissions() : NEW_FILE);
        if (existing != null) {
          keepOwnership(temp, existing);
        }
      }
      replacer.replace(temp, target);
      temp = null;
      syncFolder(folder);
    } catch (IOException e) {
      throw failure("write", IoReasons.describe(e), e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  /** The file to read and replace: the configured path with symbolic links followed. */
  private Path target() throws IOException {
    Path path = configFile.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(path); hops++) {
      if (hops == MAX_LINKS) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      path = path.resolveSibling(Files.readSymbolicLink(path));
    }
    return path;
  }

  private void checkTarget(Path target) throws IOException, ConfigFileException {
    if (Files.isDirectory(target)) {
      throw failure("write", "is a directory", null);
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw failure("write", "permission denied", null);
    }
    Path folder = target.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    if (folder == null) {
      throw failure("write", "no folder on its path exists", null);
    }
    if (!Files.isDirectory(folder)) {
      throw failure("write", folder + " is not a folder", null);
    }
    if (!Files.isWritable(folder)) {
      String reason =
          Files.getFileStore(folder).isReadOnly()
              ? "read-only file system"
              : "permission denied on folder " + folder;
      throw failure("write", reason, null);
    }
  }

  private static void createFolders(Path folder) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = folder; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      try {
        Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        if (Files.isDirectory(p)) {
          continue; // created meanwhile by someone else: leave its permissions alone
        }
        throw e;
      }
      if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(p, NEW_FOLDER);
      }
    }
  }

  private static void writeAndSync(Path temp, byte[] content, boolean posix) throws IOException {
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(NEW_FILE)}
            : new FileAttribute<?>[0];
    try (FileChannel channel =
        FileChannel.open(
            temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
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

  private static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename durable; folders cannot be opened for this on every platform (Windows). */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // The file is in place; only durability across a crash is not guaranteed here.
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Nothing more can be done; the name starts with a dot and says what it is.
    }
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private ConfigFileException failure(String action, String reason, Throwable cause) {
    return new ConfigFileException(action, configFile, reason, cause);
  }
}

package dev.ssoconfig.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * The file-system steps of {@link AtomicFile} that a full disk, a read-only file system or a file
 * owned by someone else makes fail: creating (then writing and flushing) a temp file, renaming it
 * into place, opening a file such as a lock file, and creating a folder. Everything else goes
 * straight to {@link Files}. Every method does the real step; tests override the step they make
 * fail. {@link #NIO} is the real implementation.
 */
public interface FileOps {

  /** The real steps, through {@link FileChannel} and {@link Files}. */
  FileOps NIO = new FileOps() {};

  /**
   * Creates {@code file}, which must not exist yet ({@code O_CREAT|O_EXCL}, which never follows a
   * symbolic link), and opens it for writing.
   *
   * @param attributes set atomically on creation (e.g. POSIX permissions)
   * @throws IOException e.g. {@link java.nio.file.FileAlreadyExistsException}, or a {@link
   *     java.nio.file.FileSystemException} with reason {@code Read-only file system}
   */
  default FileChannel createNew(Path file, FileAttribute<?>... attributes) throws IOException {
    return FileChannel.open(
        file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
  }

  /**
   * Renames {@code source} over {@code target} in one step ({@code rename(2)}; {@code MoveFileEx}
   * on Windows), replacing a file there; falls back to a plain replacing move only where the file
   * system cannot do it atomically ({@link AtomicMoveNotSupportedException}).
   */
  default void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Opens {@code file} for reading and writing, creating it with {@code attributes} if missing,
   * without following a symbolic link ({@code O_NOFOLLOW}).
   *
   * @throws IOException e.g. {@link java.nio.file.AccessDeniedException}, or a {@link
   *     java.nio.file.FileSystemException} with reason {@code Read-only file system}
   */
  default FileChannel openOrCreate(Path file, FileAttribute<?>... attributes) throws IOException {
    return FileChannel.open(
        file,
        Set.of(
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS),
        attributes);
  }

  /**
   * Creates the folder {@code folder} ({@code mkdir(2)}), whose parent must exist.
   *
   * @param attributes set atomically on creation (e.g. POSIX permissions)
   * @throws IOException e.g. {@link java.nio.file.FileAlreadyExistsException}
   */
  default void createDirectory(Path folder, FileAttribute<?>... attributes) throws IOException {
    Files.createDirectory(folder, attributes);
  }
}

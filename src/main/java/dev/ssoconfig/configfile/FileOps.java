package dev.ssoconfig.configfile;

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
 * The file-system steps of {@link ConfigFileStore} that a full disk, a read-only file system or a
 * file owned by someone else makes fail: creating (then writing and flushing) a temp file, renaming
 * it into place, and opening the lock file. Everything else the store does goes straight to {@link
 * Files}. Tests substitute an implementation that fails at a chosen step; {@link #NIO} is the real
 * one.
 */
interface FileOps {

  /** The real steps, through {@link FileChannel} and {@link Files#move}. */
  FileOps NIO =
      new FileOps() {
        @Override
        public FileChannel createNew(Path file, FileAttribute<?>... attributes) throws IOException {
          return FileChannel.open(
              file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        }

        @Override
        public void moveAtomically(Path source, Path target) throws IOException {
          try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      };

  /**
   * Creates {@code file}, which must not exist yet, and opens it for writing.
   *
   * @param attributes set atomically on creation (e.g. POSIX permissions)
   * @throws IOException e.g. {@link java.nio.file.FileAlreadyExistsException}, or a {@link
   *     java.nio.file.FileSystemException} with reason {@code Read-only file system}
   */
  FileChannel createNew(Path file, FileAttribute<?>... attributes) throws IOException;

  /**
   * Renames {@code source} over {@code target} in one step ({@code rename(2)}), replacing a file
   * there; falls back to a plain replacing move only where the file system cannot do it atomically.
   */
  void moveAtomically(Path source, Path target) throws IOException;

  /**
   * Opens the lock file for reading and writing, creating it with {@code attributes} if missing,
   * without following a symbolic link ({@code O_NOFOLLOW}), for {@link ConfigLock}.
   *
   * @throws IOException e.g. {@link java.nio.file.AccessDeniedException}, or a {@link
   *     java.nio.file.FileSystemException} with reason {@code Read-only file system}
   */
  default FileChannel openLockFile(Path file, FileAttribute<?>... attributes) throws IOException {
    return FileChannel.open(
        file,
        Set.of(
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS),
        attributes);
  }
}

package dev.ssoconfig.configfile;

import dev.ssoconfig.io.FileOps;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;

/**
 * The real {@link FileOps}, except that opening the lock file fails as given: what a lock file
 * owned by someone else, an unwritable folder or a read-only file system does to a process that is
 * not root (the tests run as root, where file modes are not enforced).
 */
final class LockFaults implements FileOps {
  private final IOException failure;

  private LockFaults(IOException failure) {
    this.failure = failure;
  }

  /** Opening the lock file throws {@code failure}; nothing is created. */
  static LockFaults failing(IOException failure) {
    return new LockFaults(failure);
  }

  @Override
  public FileChannel openOrCreate(Path file, FileAttribute<?>... attributes) throws IOException {
    throw failure;
  }
}

package dev.ssoconfig.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.function.Predicate;

/**
 * The real {@link FileOps}, made to fail the way a full disk or a read-only file system does, at
 * one chosen step, for the temp files whose name a predicate accepts. Writes go to the real file
 * system in chunks of at most 64 KiB until the fault, so a failure half-way leaves a real partial
 * temp file for {@link AtomicFile} to clean up. A watcher may look at the temp file at each step.
 */
public final class FileFaults implements FileOps {
  /** Where the fault strikes. */
  public enum Step {
    CREATE,
    WRITE,
    FORCE,
    MOVE
  }

  /**
   * Looks at the temp file at a step: after it was created, before a write, a flush or the move.
   */
  @FunctionalInterface
  public interface Watcher {
    void at(Step step, Path temp) throws IOException;
  }

  private static final int MAX_WRITE = 64 * 1024;

  private final Step step;
  private final String reason;
  private final long bytesBeforeFault;
  private final Predicate<Path> affected;
  private final Watcher watcher;
  private long bytesOnDiskAtFault = -1;

  private FileFaults(
      Step step, String reason, long bytesBeforeFault, Predicate<Path> affected, Watcher watcher) {
    this.step = step;
    this.reason = reason;
    this.bytesBeforeFault = bytesBeforeFault;
    this.affected = affected;
    this.watcher = watcher;
  }

  private FileFaults(Step step, String reason, long bytesBeforeFault, Predicate<Path> affected) {
    this(step, reason, bytesBeforeFault, affected, (s, temp) -> {});
  }

  /** No fault: the real steps, each shown to {@code watcher} first. */
  public static FileFaults watching(Watcher watcher) {
    return new FileFaults(null, null, 0, p -> true, watcher);
  }

  /** Fails {@code step} with a {@link FileSystemException} carrying {@code reason}. */
  public static FileFaults at(Step step, String reason) {
    return new FileFaults(step, reason, 0, p -> true);
  }

  /** Fails a write once {@code bytes} have reached the temp file. */
  public static FileFaults afterWriting(long bytes, String reason) {
    return new FileFaults(Step.WRITE, reason, bytes, p -> true);
  }

  /** The same fault, only for temp files whose name starts with {@code prefix}. */
  public FileFaults onlyFor(String prefix) {
    return new FileFaults(
        step, reason, bytesBeforeFault, p -> p.getFileName().toString().startsWith(prefix));
  }

  /** The size of the temp file on disk when the fault struck; -1 if it did not strike. */
  public long bytesOnDiskAtFault() {
    return bytesOnDiskAtFault;
  }

  @Override
  public FileChannel createNew(Path file, FileAttribute<?>... attributes) throws IOException {
    if (!affected.test(file)) {
      return FileOps.NIO.createNew(file, attributes);
    }
    if (step == Step.CREATE) {
      throw fault(file);
    }
    Faulty channel = new Faulty(file, FileOps.NIO.createNew(file, attributes));
    watcher.at(Step.CREATE, file);
    return channel;
  }

  @Override
  public void moveAtomically(Path source, Path target) throws IOException {
    if (affected.test(source)) {
      watcher.at(Step.MOVE, source);
    }
    if (step == Step.MOVE && affected.test(source)) {
      throw fault(source);
    }
    FileOps.NIO.moveAtomically(source, target);
  }

  private FileSystemException fault(Path file) throws IOException {
    bytesOnDiskAtFault = Files.exists(file) ? Files.size(file) : 0;
    return new FileSystemException(file.toString(), null, reason);
  }

  /** A real channel that fails at the chosen step. */
  private final class Faulty extends FileChannel {
    private final Path file;
    private final FileChannel real;
    private long written;

    Faulty(Path file, FileChannel real) {
      this.file = file;
      this.real = real;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      watcher.at(Step.WRITE, file);
      if (step == Step.WRITE && written >= bytesBeforeFault) {
        throw fault(file);
      }
      long allowed = step == Step.WRITE ? bytesBeforeFault - written : Long.MAX_VALUE;
      int count = (int) Math.min(Math.min(src.remaining(), MAX_WRITE), allowed);
      ByteBuffer part = src.slice();
      part.limit(count);
      int n = real.write(part);
      src.position(src.position() + n);
      written += n;
      return n;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      watcher.at(Step.FORCE, file);
      if (step == Step.FORCE) {
        throw fault(file);
      }
      real.force(metaData);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      real.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      real.truncate(size);
      return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      real.close();
    }
  }
}

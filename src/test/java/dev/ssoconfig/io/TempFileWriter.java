package dev.ssoconfig.io;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as a separate JVM by {@link AtomicFileTest}: stands for a process in the middle of {@link
 * AtomicFile#replace}. Creates the given temp file, locks it as a writer does, prints {@link
 * #WRITING}, and holds it until its stdin is closed or it is killed.
 *
 * <p>Argument: the temp file path.
 */
public final class TempFileWriter {
  static final String WRITING = "writing";

  private TempFileWriter() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel =
        FileChannel.open(
            Path.of(args[0]), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.lock();
      System.out.println(WRITING);
      System.out.flush();
      while (System.in.read() != -1) {
        // hold the lock until the test closes stdin
      }
    }
  }
}

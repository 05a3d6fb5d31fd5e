package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Named pipes (FIFOs) for tests of paths that are not regular files. */
public final class Fifos {
  private Fifos() {}

  /**
   * Makes a FIFO at {@code path} with {@code mkfifo} (Java cannot); the calling test is skipped
   * where there is no {@code mkfifo}.
   *
   * @param path where the FIFO goes; must not exist
   */
  public static void make(Path path) throws IOException, InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo on this system");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(path), "mkfifo made no FIFO at " + path);
  }
}

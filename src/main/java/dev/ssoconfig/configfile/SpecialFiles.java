package dev.ssoconfig.configfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Names the kind of a file that is neither a regular file, a folder nor a symbolic link, for
 * messages: a FIFO, a device, a socket. Reads the {@code st_mode} file type bits ({@code S_IFMT} of
 * POSIX {@code <sys/stat.h>}) through the JDK's {@code unix:mode} attribute where the platform has
 * it.
 */
final class SpecialFiles {
  private static final int TYPE_MASK = 0170000;
  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private SpecialFiles() {}

  /**
   * @param path a file that is not regular, not a folder and not a symbolic link (not followed)
   * @return {@code a FIFO (named pipe)}, {@code a character device}, {@code a block device}, {@code
   *     a socket}, or {@code a special file} when the kind cannot be told
   */
  static String kind(Path path) {
    try {
      Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      if (mode instanceof Integer bits) {
        switch (bits & TYPE_MASK) {
          case FIFO:
            return "a FIFO (named pipe)";
          case CHARACTER_DEVICE:
            return "a character device";
          case BLOCK_DEVICE:
            return "a block device";
          case SOCKET:
            return "a socket";
          default:
            break;
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no unix attribute view (Windows): say no more than what is certain
    }
    return "a special file";
  }
}

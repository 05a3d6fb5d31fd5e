package dev.ssoconfig.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a file descriptor of this process is a terminal, without native code and without
 * starting a process (so it costs about a millisecond at start-up).
 *
 * <ul>
 *   <li>Linux: the target of {@code /proc/self/fd/N} names a terminal: {@code /dev/pts/…}, {@code
 *       /dev/tty…} or {@code /dev/console}. A pipe ({@code pipe:[…]}), a file or {@code /dev/null}
 *       is not one.
 *   <li>Other Unix systems (macOS, the BSDs), which have no {@code /proc}: {@code /dev/fd/N} is a
 *       character device other than {@code /dev/null} (on those systems {@code /dev/fd/N} stands
 *       for the open file itself).
 *   <li>Anything else (Windows), or a path that cannot be read: not a terminal.
 * </ul>
 *
 * <p>{@link System#console()} is not used: on JDK 17 it tells whether stdin and stdout are
 * terminals, nothing about stderr, and it costs about 14 ms at start-up (more on JDK 22 and later,
 * where it loads the JDK's own line editor).
 */
final class TtyProbe {
  /** The file descriptor of standard output. */
  static final int STDOUT = 1;

  /** The file descriptor of standard error. */
  static final int STDERR = 2;

  /** This process's file descriptors. */
  static final TtyProbe SYSTEM =
      new TtyProbe(Path.of("/proc/self/fd"), Path.of("/dev/fd"), Path.of("/dev/null"));

  /**
   * {@code S_IFMT} and {@code S_IFCHR} of {@code stat(2)}: the file type bits, a character device.
   */
  private static final int TYPE_BITS = 0170000;

  private static final int CHARACTER_DEVICE = 0020000;

  private final Path procFd;
  private final Path devFd;
  private final Path devNull;

  /**
   * @param procFd Linux's folder of links to the open files, {@code /proc/self/fd}
   * @param devFd the folder that stands for the open files elsewhere, {@code /dev/fd}
   * @param devNull the null device, {@code /dev/null}
   */
  TtyProbe(Path procFd, Path devFd, Path devNull) {
    this.procFd = procFd;
    this.devFd = devFd;
    this.devNull = devNull;
  }

  /**
   * @param fd a file descriptor, e.g. {@link #STDERR}
   * @return whether it is open on a terminal, by the rules of the class comment; {@code false} when
   *     that cannot be told
   */
  boolean isTerminal(int fd) {
    String name = Integer.toString(fd);
    try {
      if (Files.isDirectory(procFd)) {
        return isTerminalName(Files.readSymbolicLink(procFd.resolve(name)).toString());
      }
      Path open = devFd.resolve(name);
      if (!Files.exists(open)) {
        return false;
      }
      int mode = (Integer) Files.getAttribute(open, "unix:mode");
      return (mode & TYPE_BITS) == CHARACTER_DEVICE && !Files.isSameFile(open, devNull);
    } catch (IOException | RuntimeException cannotTell) {
      // no such descriptor, no "unix" attribute view (Windows), not a link: not a terminal
      return false;
    }
  }

  /**
   * @param target what {@code /proc/self/fd/N} links to
   * @return whether that names a terminal device
   */
  static boolean isTerminalName(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }
}

package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * File modes for tests that also run where files have none (Windows, whose files carry access
 * control lists instead). A test whose subject is the mode is {@code @DisabledOnOs(WINDOWS)}; a
 * test that only sets a mode on the way, or checks the mode beside its real subject (the content,
 * the leftovers), uses these and checks the rest everywhere.
 */
public final class PosixModes {
  private PosixModes() {}

  /** Whether the file system of {@code path} has POSIX permissions. */
  public static boolean supported(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Gives {@code path} the mode {@code mode} (e.g. {@code rw-r-----}) where the file system has
   * POSIX permissions; elsewhere leaves it as it is.
   */
  public static void set(Path path, String mode) throws IOException {
    if (supported(path)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
  }

  /**
   * Asserts that {@code path} has the mode {@code expected} where the file system has POSIX
   * permissions; elsewhere there is no mode to check.
   */
  public static void assertMode(String expected, Path path, String message) throws IOException {
    if (supported(path)) {
      assertEquals(
          expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), message);
    }
  }

  /** As {@link #assertMode(String, Path, String)}, with the path as the message. */
  public static void assertMode(String expected, Path path) throws IOException {
    assertMode(expected, path, path.toString());
  }
}

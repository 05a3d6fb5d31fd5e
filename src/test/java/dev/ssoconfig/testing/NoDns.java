package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test JVMs resolve host names from {@code src/test/hosts} alone: Surefire and Failsafe start
 * them with {@code -Djdk.net.hosts.file=src/test/hosts} (the JDK's documented networking property:
 * {@link java.net.InetAddress} then reads that file instead of asking the system's resolver), so a
 * name not in the file fails at once with {@link java.net.UnknownHostException} and no test can
 * send a DNS query.
 */
public final class NoDns {
  /** The JDK's system property naming the hosts file that replaces the system resolver. */
  public static final String HOSTS_FILE_PROPERTY = "jdk.net.hosts.file";

  private NoDns() {}

  /**
   * For a test that resolves a name on purpose (e.g. one that must not resolve): fails unless this
   * JVM resolves names from a hosts file, so that the test cannot reach a DNS server.
   */
  public static void assertActive() {
    String file = System.getProperty(HOSTS_FILE_PROPERTY);
    assertNotNull(
        file,
        "this test resolves a host name; run it with -D"
            + HOSTS_FILE_PROPERTY
            + "=src/test/hosts (as Maven does) so that it makes no DNS lookup");
    assertTrue(
        Files.isRegularFile(Path.of(file)), HOSTS_FILE_PROPERTY + "=" + file + " is no file");
  }
}

package dev.ssoconfig.configfile;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run as a separate JVM by {@link LockTest}: takes the lock of a config file, prints {@link
 * #LOCKED}, holds the lock until its stdin is closed, then releases it and prints {@link
 * #RELEASED}.
 *
 * <p>Argument: the config file path.
 */
public final class LockHolder {
  static final String LOCKED = "locked";
  static final String RELEASED = "released";

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    ConfigFileStore store = new ConfigFileStore(Path.of(args[0]));
    ConfigLock lock = store.lock(Duration.ZERO);
    System.out.println(LOCKED);
    System.out.flush();
    while (System.in.read() != -1) {
      // hold the lock until the test closes stdin
    }
    lock.close();
    System.out.println(RELEASED);
    System.out.flush();
  }
}

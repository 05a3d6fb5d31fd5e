package dev.ssoconfig.configfile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run as a separate JVM by {@link CrashSafetyTest}: writes two large contents alternately through
 * {@link ConfigFileStore#write} (with a backup) in an endless loop, to be killed at a random
 * moment. Prints {@link #READY} once before the first write.
 *
 * <p>Arguments: the config file path, and the size of each content in bytes.
 */
public final class CrashWriter {
  /** The line printed when the writes are under way. */
  static final String READY = "writing";

  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    byte[][] contents = {content(0, size), content(1, size)};
    ConfigFileStore store = new ConfigFileStore(config);
    store.write(contents[0], true);
    System.out.println(READY);
    System.out.flush();
    for (long i = 1; ; i++) {
      store.write(contents[(int) (i % 2)], true);
    }
  }

  /**
   * A config of at least {@code size} bytes, a different one for each {@code variant}; every line
   * names the variant, so a mix of two contents never equals either.
   */
  static byte[] content(int variant, int size) {
    StringBuilder text = new StringBuilder(size + 200);
    for (int n = 0; text.length() < size; n++) {
      text.append("[profile crash-")
          .append(variant)
          .append('-')
          .append(n)
          .append("]\nsso_session = crash-")
          .append(variant)
          .append("\nsso_account_id = ")
          .append(100_000_000_000L + n)
          .append("\nsso_role_name = Role")
          .append(variant)
          .append("\n\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}

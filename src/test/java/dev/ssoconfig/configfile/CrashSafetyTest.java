package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.RandomKills;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is writing a large config (SIGKILL) at random moments: the file must always be
 * the old or the new content, byte for byte, and the next run must leave no temp file behind.
 */
class CrashSafetyTest {
  private static final int KILLS = 50;
  private static final int SIZE = 4 << 20;
  private static final int MAX_DELAY_MILLIS = 150;

  @TempDir Path folder;

  @Test
  @Timeout(180)
  void a_killed_write_leaves_the_old_or_the_new_file_and_the_next_run_cleans_up() throws Exception {
    byte[][] contents = {CrashWriter.content(0, SIZE), CrashWriter.content(1, SIZE)};
    Path config = folder.resolve("config");
    Files.write(config, contents[0]);
    int[] killedMidWrite = {0};
    RandomKills kills = new RandomKills(KILLS, MAX_DELAY_MILLIS);

    kills.run(
        CrashWriter.class,
        CrashWriter.READY,
        folder.resolve("stderr.txt"),
        where -> {
          byte[] now = Files.readAllBytes(config);
          int which = indexOf(contents, now);
          assertTrue(
              which >= 0, where + ": the config is neither content (" + now.length + " bytes)");
          Path backup = folder.resolve("config.bak");
          if (Files.exists(backup)) {
            assertTrue(indexOf(contents, Files.readAllBytes(backup)) >= 0, where + ": backup");
          }
          if (!temps().isEmpty()) {
            killedMidWrite[0]++;
          }

          new ConfigFileStore(config).write(contents[1 - which], true);
          assertEquals(List.of(), temps(), where + ": temp files after the next run");
          assertArrayEquals(contents[1 - which], Files.readAllBytes(config), where);
          assertArrayEquals(contents[which], Files.readAllBytes(backup), where);
        },
        config.toString(),
        String.valueOf(SIZE));
    assertTrue(
        killedMidWrite[0] > 0,
        "no kill struck while a temp file existed (seed " + kills.seed() + ")");
  }

  private static int indexOf(byte[][] contents, byte[] content) {
    for (int i = 0; i < contents.length; i++) {
      if (Arrays.equals(contents[i], content)) {
        return i;
      }
    }
    return -1;
  }

  private List<String> temps() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-")).toList();
    }
  }
}

package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

/**
 * Kills a writing JVM at random moments, again and again, for crash tests of files: each round
 * starts a fresh {@link ChildJvm} that writes in an endless loop, waits for the line saying its
 * loop is under way, lets it run for a random time, kills it (SIGKILL), then runs the test's check
 * of what it left behind. The seed is in every message, so a failure can be replayed.
 */
public final class RandomKills {
  /** What a test checks after each kill. */
  @FunctionalInterface
  public interface Check {
    /**
     * @param where {@code kill N of M (seed S)}, for assertion messages
     */
    void afterKill(String where) throws Exception;
  }

  private final int kills;
  private final int maxDelayMillis;
  private final long seed = System.nanoTime();

  /**
   * @param kills how many writers to start and kill
   * @param maxDelayMillis the longest a writer runs after its ready line; the delay is uniform
   */
  public RandomKills(int kills, int maxDelayMillis) {
    this.kills = kills;
    this.maxDelayMillis = maxDelayMillis;
  }

  /** The seed of the random delays, for messages. */
  public long seed() {
    return seed;
  }

  /**
   * Runs the rounds.
   *
   * @param writer a {@code main} class of the test classpath that prints {@code ready} once its
   *     writes are under way and then writes until it is killed
   * @param ready the line {@code writer} prints first
   * @param stderr file for the writer's stderr, shown if it ends by itself
   * @param check run after each kill
   * @param args the writer's arguments
   */
  public void run(Class<?> writer, String ready, Path stderr, Check check, String... args)
      throws Exception {
    Random random = new Random(seed);
    for (int kill = 1; kill <= kills; kill++) {
      String where = "kill " + kill + " of " + kills + " (seed " + seed + ")";
      try (ChildJvm child = ChildJvm.start(writer, stderr, args)) {
        assertEquals(ready, child.awaitLine(), where);
        // Not synchronisation: the random moment of the kill is what these tests vary.
        Thread.sleep(random.nextInt(maxDelayMillis));
        assertTrue(child.process().isAlive(), where + ": the writer ended by itself");
        child.kill();
      }
      check.afterKill(where);
    }
  }
}

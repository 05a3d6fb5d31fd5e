package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.testing.PosixModes;
import dev.ssoconfig.testing.RandomKills;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is rewriting a token file (SIGKILL) at random moments: the file must always be
 * the old or the new token, complete JSON that the AWS CLI can read, mode 0600, and the next write
 * must leave no temp file behind.
 */
class TokenCacheCrashTest {
  private static final int KILLS = 50;
  private static final int MAX_DELAY_MILLIS = 100;

  @TempDir Path home;

  @Test
  @Timeout(180)
  void a_killed_write_leaves_the_old_or_the_new_token_and_the_next_write_cleans_up()
      throws Exception {
    Path cacheDir = home.resolve(".aws/sso/cache");
    TokenCache cache = new TokenCache(cacheDir, Clock.systemUTC());
    CachedToken[] tokens = {TokenCacheCrashWriter.token(0), TokenCacheCrashWriter.token(1)};
    byte[][] files = {written(tokens[0]), written(tokens[1])};
    Path tokenFile = cache.tokenFile(TokenCacheCrashWriter.SESSION);
    cache.writeToken(TokenCacheCrashWriter.SESSION, tokens[0]);
    int[] killedMidWrite = {0};
    RandomKills kills = new RandomKills(KILLS, MAX_DELAY_MILLIS);

    kills.run(
        TokenCacheCrashWriter.class,
        TokenCacheCrashWriter.READY,
        home.resolve("stderr.txt"),
        where -> {
          byte[] now = Files.readAllBytes(tokenFile);
          int which = indexOf(files, now);
          assertTrue(which >= 0, where + ": the token file is neither token: " + now.length);
          JsonNode json = new ObjectMapper().readTree(now);
          for (String field : List.of("startUrl", "accessToken", "expiresAt", "refreshToken")) {
            assertTrue(json.path(field).isTextual(), where + ": " + field);
          }
          assertEquals(Optional.of(tokens[which]), cache.readToken(TokenCacheCrashWriter.SESSION));
          PosixModes.assertMode("rw-------", tokenFile, where);
          List<Path> temps = temps(cacheDir);
          for (Path temp : temps) {
            PosixModes.assertMode("rw-------", temp, where + ": a temp file holds secrets");
          }
          if (!temps.isEmpty()) {
            killedMidWrite[0]++;
          }

          cache.writeToken(TokenCacheCrashWriter.SESSION, tokens[1 - which]);
          assertEquals(List.of(), temps(cacheDir), where + ": temp files after the next write");
          assertArrayEquals(files[1 - which], Files.readAllBytes(tokenFile), where);
        },
        cacheDir.toString());
    assertTrue(
        killedMidWrite[0] > 0,
        "no kill struck while a temp file existed (seed " + kills.seed() + ")");
  }

  /** The bytes of {@code token}'s file, written in a folder of its own. */
  private byte[] written(CachedToken token) throws IOException {
    TokenCache reference = new TokenCache(home.resolve("reference"), Clock.systemUTC());
    reference.writeToken("reference", token);
    return Files.readAllBytes(reference.tokenFile("reference"));
  }

  private static int indexOf(byte[][] contents, byte[] content) {
    for (int i = 0; i < contents.length; i++) {
      if (Arrays.equals(contents[i], content)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Path> temps(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().contains(".tmp-")).sorted().toList();
    }
  }
}

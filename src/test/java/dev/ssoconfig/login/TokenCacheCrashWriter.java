package dev.ssoconfig.login;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Run as a separate JVM by {@link TokenCacheCrashTest}: writes two tokens alternately through
 * {@link TokenCache#writeToken} in an endless loop, to be killed at a random moment. Prints {@link
 * #READY} once before the second write.
 *
 * <p>Argument: the cache folder.
 */
public final class TokenCacheCrashWriter {
  /** The line printed when the writes are under way. */
  static final String READY = "writing";

  /** The sso-session name the token file is named after. */
  static final String SESSION = "crash";

  private TokenCacheCrashWriter() {}

  public static void main(String[] args) throws Exception {
    TokenCache cache = new TokenCache(Path.of(args[0]), Clock.systemUTC());
    CachedToken[] tokens = {token(0), token(1)};
    cache.writeToken(SESSION, tokens[0]);
    System.out.println(READY);
    System.out.flush();
    for (long i = 1; ; i++) {
      cache.writeToken(SESSION, tokens[(int) (i % 2)]);
    }
  }

  /**
   * A token with every field the AWS CLI reads, a different one for each {@code variant}, with
   * tokens as long as Identity Center's (about a kilobyte).
   */
  static CachedToken token(int variant) {
    return new CachedToken(
        "https://crash-" + variant + ".awsapps.com/start",
        "eu-west-" + (variant + 1),
        "aoa" + String.valueOf((char) ('A' + variant)).repeat(1024),
        Instant.parse("2030-01-01T00:00:00Z").plusSeconds(variant),
        "client-" + variant,
        "secret-" + String.valueOf((char) ('a' + variant)).repeat(64),
        Instant.parse("2030-03-01T00:00:00Z").plusSeconds(variant),
        "aor" + String.valueOf((char) ('A' + variant)).repeat(1024));
  }
}

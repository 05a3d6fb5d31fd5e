package dev.ssoconfig.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of one PKCE authorization request (RFC 7636) and its {@code state} (RFC 6749 section
 * 10.12).
 *
 * @param codeVerifier 64 characters of the unreserved set {@code [A-Za-z0-9-._~]} (RFC 7636 section
 *     4.1 allows 43 to 128); a secret
 * @param codeChallenge {@code BASE64URL(SHA-256(ASCII(code_verifier)))} without padding (section
 *     4.2, method {@code S256})
 * @param state 32 random bytes, base64url without padding: unguessable, checked on the callback
 */
public record Pkce(String codeVerifier, String codeChallenge, String state) {
  /** Length of the generated code verifier. */
  public static final int VERIFIER_LENGTH = 64;

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /**
   * @param random the source of randomness, a {@link SecureRandom}
   * @return a fresh verifier, its challenge and a fresh state
   */
  public static Pkce generate(SecureRandom random) {
    StringBuilder verifier = new StringBuilder(VERIFIER_LENGTH);
    for (int i = 0; i < VERIFIER_LENGTH; i++) {
      verifier.append(UNRESERVED.charAt(random.nextInt(UNRESERVED.length())));
    }
    byte[] state = new byte[32];
    random.nextBytes(state);
    String v = verifier.toString();
    return new Pkce(v, challengeOf(v), BASE64URL.encodeToString(state));
  }

  /**
   * @param codeVerifier a code verifier
   * @return its S256 code challenge: base64url of its SHA-256 digest, no padding (RFC 7636 4.2)
   */
  public static String challengeOf(String codeVerifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /**
   * @return a description with the challenge only; verifier and state are redacted
   */
  @Override
  public String toString() {
    return "Pkce[codeVerifier=<redacted>, codeChallenge=" + codeChallenge + ", state=<redacted>]";
  }
}

package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {
  /** RFC 7636 appendix B: the example verifier and its S256 challenge. */
  @Test
  void challenge_matches_rfc_7636_appendix_b() {
    assertEquals(
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void verifier_is_64_unreserved_characters_and_challenge_is_its_s256() {
    Pkce pkce = Pkce.generate(new SecureRandom());

    assertTrue(pkce.codeVerifier().matches("[A-Za-z0-9._~-]{64}"), pkce.codeVerifier());
    assertEquals(Pkce.challengeOf(pkce.codeVerifier()), pkce.codeChallenge());
    assertTrue(pkce.codeChallenge().matches("[A-Za-z0-9_-]{43}"), "base64url without padding");
  }

  @Test
  void state_is_32_random_bytes_in_base64url() {
    SecureRandom random = new SecureRandom();
    Pkce a = Pkce.generate(random);
    Pkce b = Pkce.generate(random);

    assertTrue(a.state().matches("[A-Za-z0-9_-]{43}"), a.state());
    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.codeVerifier(), b.codeVerifier());
  }

  @Test
  void to_string_hides_verifier_and_state() {
    Pkce pkce = Pkce.generate(new SecureRandom());

    assertFalse(pkce.toString().contains(pkce.codeVerifier()));
    assertFalse(pkce.toString().contains(pkce.state()));
  }
}

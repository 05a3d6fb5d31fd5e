package dev.ssoconfig.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InlineCommentTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"#x", ";x", "a #b", "a ;b", "a\t#b", "a\u000b;b", "a\u00a0#b", "a\u3000;b"})
  void is_a_hash_or_semicolon_at_the_start_or_after_java_or_python_whitespace(String value) {
    assertTrue(InlineComment.in(value), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a#b", "a;b", "a=b;c", "https://x/#/start", "x#", "p\u200b#q"})
  void is_not_a_hash_or_semicolon_after_anything_else(String value) {
    assertFalse(InlineComment.in(value), value);
  }
}

package dev.ssoconfig.profiles;

/**
 * A shell-style glob: {@code *} matches any run of characters (also none), {@code ?} exactly one
 * character, every other character itself. Case-sensitive. Characters are Unicode code points, so
 * {@code ?} matches one accented letter or emoji whatever its UTF-16 length. There are no character
 * classes and no escapes: {@code [} and {@code \} are literal.
 */
final class Glob {
  private final String pattern;
  private final int[] codePoints;

  Glob(String pattern) {
    this.pattern = pattern;
    this.codePoints = pattern.codePoints().toArray();
  }

  /**
   * @param text the text to test, e.g. an account name
   * @return whether the whole of {@code text} matches
   */
  boolean matches(String text) {
    int[] s = text.codePoints().toArray();
    int[] p = codePoints;
    int pi = 0;
    int si = 0;
    int star = -1;
    int resume = 0;
    while (si < s.length) {
      if (pi < p.length && p[pi] == '*') {
        star = pi++;
        resume = si;
      } else if (pi < p.length && (p[pi] == '?' || p[pi] == s[si])) {
        pi++;
        si++;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++resume;
      } else {
        return false;
      }
    }
    while (pi < p.length && p[pi] == '*') {
      pi++;
    }
    return pi == p.length;
  }

  @Override
  public String toString() {
    return pattern;
  }
}

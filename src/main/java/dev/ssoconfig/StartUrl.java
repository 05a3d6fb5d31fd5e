package dev.ssoconfig;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normal form of an IAM Identity Center start URL, so that the forms people paste ({@code
 * https://d-1234567890.awsapps.com/start/#}, {@code …/start/#/}, {@code
 * HTTPS://ACME.awsapps.com/start/}) and {@code …/start} name the same sso-session, token cache
 * entry and config values, and so that a start URL an older run wrote in another form still
 * matches:
 *
 * <ul>
 *   <li>surrounding whitespace is trimmed;
 *   <li>scheme and host are lower-cased (RFC 3986 section 6.2.2.1); a host in another script is
 *       converted to its ASCII (punycode) form with {@link IDN#toASCII(String)} (RFC 3490), which
 *       looks nothing up in DNS;
 *   <li>the default port {@code :443} and an empty port are dropped (RFC 3986 section 6.2.3);
 *   <li>the query ({@code ?…}) and the fragment ({@code #…}) are dropped: the portal routes on the
 *       fragment in the browser, the start URL is what comes before it;
 *   <li>trailing {@code /} are dropped; the path keeps its case.
 * </ul>
 *
 * A URL with a user name or password ({@code https://user:pass@host/…}) has no normal form.
 */
public final class StartUrl {

  /** Why a text has no normal form. */
  public enum Problem {
    /** It has a user name or password before the host. */
    USER_INFO,
    /** It is no absolute {@code https} URL with a host. */
    NOT_ABSOLUTE_HTTPS,
    /** Its port is no number from 1 to 65535. */
    INVALID_PORT,
    /** Its host is no valid host name. */
    INVALID_HOST,
    /** It is no valid URL otherwise. */
    INVALID
  }

  /** RFC 3986 section 3.1: a scheme and its {@code :}. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  /**
   * RFC 3986 appendix B, for URLs with an authority: scheme, authority, path, then the query and
   * fragment, which are dropped.
   */
  private static final Pattern URL_PARTS =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?[^#]*)?(?:#.*)?", Pattern.DOTALL);

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

  private StartUrl() {}

  /**
   * The normal form of a start URL, or why it has none.
   *
   * @param text what the person typed or a config file holds; may be {@code null}
   * @return {@code https://HOST[:PORT][PATH]}, or the problem
   */
  public static Normalised normalise(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (hasUserInfo(trimmed)) {
      return Normalised.problem(Problem.USER_INFO);
    }
    Matcher url = URL_PARTS.matcher(trimmed);
    if (!url.matches() || !url.group(1).equalsIgnoreCase("https") || url.group(2).isEmpty()) {
      return Normalised.problem(Problem.NOT_ABSOLUTE_HTTPS);
    }
    String host = url.group(2);
    String port = "";
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && colon > host.lastIndexOf(']')) {
      port = host.substring(colon + 1);
      host = host.substring(0, colon);
      if (!port.isEmpty()) {
        int number = DIGITS.matcher(port).matches() ? Integer.parseInt(port) : 0;
        if (number < 1 || number > 65535) {
          return Normalised.problem(Problem.INVALID_PORT);
        }
        port = number == 443 ? "" : Integer.toString(number);
      }
    }
    String asciiHost;
    try {
      asciiHost = (host.startsWith("[") ? host : IDN.toASCII(host)).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Normalised.problem(Problem.INVALID_HOST);
    }
    String normal =
        "https://"
            + asciiHost
            + (port.isEmpty() ? "" : ":" + port)
            + withoutTrailingSlashes(url.group(3));
    try {
      if (new URI(normal).getHost() == null) {
        return Normalised.problem(Problem.INVALID_HOST);
      }
    } catch (URISyntaxException e) {
      return Normalised.problem(Problem.INVALID);
    }
    return new Normalised(Optional.of(normal), Optional.empty());
  }

  /**
   * Whether two start URLs name the same Identity Center: their normal forms are equal, or, when
   * either has none, they are equal but for trailing {@code /}.
   *
   * @param one a start URL, e.g. from a config file or the token cache; may be {@code null}
   * @param other another; may be {@code null}
   */
  public static boolean same(String one, String other) {
    if (one == null || other == null) {
      return one == other;
    }
    Optional<String> a = normalise(one).normal();
    Optional<String> b = normalise(other).normal();
    if (a.isPresent() && b.isPresent()) {
      return a.get().equals(b.get());
    }
    return withoutTrailingSlashes(one.trim()).equals(withoutTrailingSlashes(other.trim()));
  }

  /**
   * A normal form, or the reason there is none; exactly one is present.
   *
   * @param normal the normal form
   * @param problem why there is none
   */
  public record Normalised(Optional<String> normal, Optional<Problem> problem) {
    public Normalised {
      Objects.requireNonNull(normal, "normal");
      Objects.requireNonNull(problem, "problem");
      if (normal.isPresent() == problem.isPresent()) {
        throw new IllegalArgumentException("exactly one of normal and problem");
      }
    }

    static Normalised problem(Problem problem) {
      return new Normalised(Optional.empty(), Optional.of(problem));
    }
  }

  /**
   * Whether the text has a user name or password, found without parsing it as a URL (a URL that
   * does not parse may still carry one): an {@code @} in what would be its authority, the text
   * after the scheme's {@code :} and an optional {@code //} up to the first {@code /}, {@code \},
   * {@code ?} or {@code #}.
   */
  private static boolean hasUserInfo(String text) {
    Matcher scheme = SCHEME.matcher(text);
    String rest = scheme.lookingAt() ? text.substring(scheme.end()) : text;
    if (rest.startsWith("//")) {
      rest = rest.substring(2);
    }
    int end = 0;
    while (end < rest.length() && "/\\?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    return rest.substring(0, end).indexOf('@') >= 0;
  }

  private static String withoutTrailingSlashes(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '/') {
      end--;
    }
    return url.substring(0, end);
  }
}

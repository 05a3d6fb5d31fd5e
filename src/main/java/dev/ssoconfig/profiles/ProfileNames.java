package dev.ssoconfig.profiles;

import java.net.IDN;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns free text (account names, role names, host names) into names every AWS SDK accepts for a
 * profile or sso-session: {@code [A-Za-z0-9_.@:+/%-]+}, the character set of the AWS SDKs' shared
 * config-file specification.
 */
public final class ProfileNames {

  /** What {@link #sanitize(String)} returns when nothing usable is left of its input. */
  public static final String EMPTY_NAME = "unnamed";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.@:+/%-]+");

  /**
   * A run of characters that are not allowed, together with any hyphens touching it, so that {@code
   * "Prod - EU"} becomes {@code "Prod-EU"} rather than {@code "Prod---EU"}.
   */
  private static final Pattern INVALID_RUN =
      Pattern.compile("[^A-Za-z0-9_.@:+/%]*[^A-Za-z0-9_.@:+/%\\-][^A-Za-z0-9_.@:+/%]*");

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

  /** Latin letters that Unicode compatibility decomposition (NFKD) leaves alone. */
  private static final Map<Character, String> LATIN_EXTRAS =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('ẞ', "SS"),
          Map.entry('Æ', "AE"),
          Map.entry('æ', "ae"),
          Map.entry('Œ', "OE"),
          Map.entry('œ', "oe"),
          Map.entry('Ø', "O"),
          Map.entry('ø', "o"),
          Map.entry('Ł', "L"),
          Map.entry('ł', "l"),
          Map.entry('Đ', "D"),
          Map.entry('đ', "d"),
          Map.entry('Ð', "D"),
          Map.entry('ð', "d"),
          Map.entry('Þ', "TH"),
          Map.entry('þ', "th"),
          Map.entry('Ħ', "H"),
          Map.entry('ħ', "h"),
          Map.entry('Ŧ', "T"),
          Map.entry('ŧ', "t"),
          Map.entry('ı', "i"),
          Map.entry('ĸ', "k"));

  private ProfileNames() {}

  /**
   * Makes {@code raw} usable as (part of) a profile or sso-session name.
   *
   * <ol>
   *   <li>Accents are removed (NFKD, then combining marks dropped: {@code "Ünïcode"} → {@code
   *       "Unicode"}), compatibility forms folded ({@code "ﬁ"} → {@code "fi"}, full-width letters →
   *       ASCII) and Latin letters without a decomposition spelled out ({@code ß} → {@code ss},
   *       {@code Æ} → {@code AE}, {@code Ø} → {@code O}, {@code Ł} → {@code L}, …).
   *   <li>Every run of characters outside {@code [A-Za-z0-9_.@:+/%-]}, together with hyphens
   *       touching it, becomes one {@code -}. Allowed characters, including {@code /} and {@code
   *       .}, are kept; case is kept.
   *   <li>Leading and trailing hyphens are removed.
   *   <li>If nothing is left (e.g. a name written only in a non-Latin script), the result is {@link
   *       #EMPTY_NAME}.
   * </ol>
   *
   * @param raw any text, e.g. an account name from {@code ListAccounts}
   * @return a non-empty string matching {@code [A-Za-z0-9_.@:+/%-]+} that neither starts nor ends
   *     with {@code -}
   */
  public static String sanitize(String raw) {
    Objects.requireNonNull(raw, "raw");
    String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
    String unaccented = spellOutLatinExtras(COMBINING_MARKS.matcher(decomposed).replaceAll(""));
    String replaced = INVALID_RUN.matcher(unaccented).replaceAll("-");
    String trimmed = EDGE_HYPHENS.matcher(replaced).replaceAll("");
    return trimmed.isEmpty() ? EMPTY_NAME : trimmed;
  }

  /**
   * Whether a name may be used as is for a profile, an sso-session or a property key: the one
   * character set every AWS SDK's shared config-file parser accepts for all three.
   *
   * @param name a candidate name, e.g. an {@code --sso-session} value or a {@code --set} key
   * @return true when {@code name} matches {@code [A-Za-z0-9_.@:+/%-]+}
   */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * The default sso-session name for a start URL: the first DNS label of its host, lower-cased and
   * sanitised — {@code acme} for {@code https://acme.awsapps.com/start}, {@code d-1234567890} for
   * {@code https://d-1234567890.awsapps.com/start}. An IP address is kept whole ({@code 10.0.0.5},
   * {@code fd00::5}), as its first part alone would say nothing. Hosts Java does not parse
   * (underscores, non-ASCII letters) are read from the URL's authority. A label in its ASCII
   * (punycode) form is read in its own script first ({@link IDN#toUnicode(String)}), so {@code
   * https://xn--ncode-cta3g.example.com} and {@code https://ünïcode.example.com} both give {@code
   * unicode}.
   *
   * @param startUrl the IAM Identity Center start URL
   * @return a name matching {@code [A-Za-z0-9_.@:+/%-]+}
   * @throws IllegalArgumentException when the URL has no host
   */
  public static String sessionNameFor(URI startUrl) {
    Objects.requireNonNull(startUrl, "startUrl");
    String host = hostOf(startUrl);
    if (host.isEmpty()) {
      throw new IllegalArgumentException("the start URL has no host: " + startUrl);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      return sanitize(host.substring(1, host.length() - 1));
    }
    if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return host;
    }
    for (String label : host.split("\\.")) {
      if (!label.isEmpty()) {
        return sanitize(IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED));
      }
    }
    return sanitize(host);
  }

  private static String hostOf(URI uri) {
    if (uri.getHost() != null) {
      return uri.getHost();
    }
    String authority = uri.getAuthority();
    if (authority == null) {
      return "";
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String spellOutLatinExtras(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = LATIN_EXTRAS.get(c);
      if (replacement == null) {
        out.append(c);
      } else {
        out.append(replacement);
      }
    }
    return out.toString();
  }
}

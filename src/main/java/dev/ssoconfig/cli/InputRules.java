package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.Regions;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.profiles.ProfileNames;
import java.io.IOException;
import dev.ssoconfig.text.SafeText;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation of the values a person types, done before any network call. Every method throws a
 * {@link Failure} of kind {@link Failure.Kind#USAGE} with a one-line message naming the option.
 */
public final class InputRules {

  private static final Pattern SIMPLE_DURATION =
      Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private static final long MAX_OPTION_FILE_BYTES = 1 << 20;

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

  private InputRules() {}

  /**
   * Checks an IAM Identity Center start URL and brings it to one normal form, so that the forms
   * people paste ({@code https://d-1234567890.awsapps.com/start/#}, {@code …/start/#/}, {@code
   * HTTPS://ACME.awsapps.com/start/}) and {@code …/start} name the same sso-session, token cache
   * entry and config values:
   *
   * <ul>
   *   <li>surrounding whitespace is trimmed;
   *   <li>scheme and host are lower-cased (RFC 3986 section 6.2.2.1); a host in another script is
   *       converted to its ASCII (punycode) form with {@link IDN#toASCII(String)} (RFC 3490),
   *       which looks nothing up in DNS;
   *   <li>the default port {@code :443} and an empty port are dropped (RFC 3986 section 6.2.3);
   *   <li>the query ({@code ?…}) and the fragment ({@code #…}) are dropped: the portal routes on
   *       the fragment in the browser, the start URL is what comes before it;
   *   <li>trailing {@code /} are dropped; the path keeps its case.
   * </ul>
   *
   * <p>A URL with a user name or password ({@code https://user:pass@host/…}) is refused, and no
   * message ever shows any part of such a URL. Other refused URLs are echoed with {@link
   * SafeText#quote}.
   *
   * @param option the option name for the message, e.g. {@code --start-url}
   * @param value what the person typed
   * @return the normal form: {@code https://HOST[:PORT][PATH]}
   * @throws Failure of kind usage unless it is an absolute {@code https} URL with a valid host and
   *     no user name or password
   */
  public static String startUrl(String option, String value) {
    String text = value == null ? "" : value.trim();
    if (hasUserInfo(text)) {
      throw Failure.usage(
          option
              + " must not contain a user name or password (NAME:PASSWORD@ before the host); give"
              + " the start URL alone, e.g. https://acme.awsapps.com/start");
    }
    Matcher url = URL_PARTS.matcher(text);
    if (!url.matches() || !url.group(1).equalsIgnoreCase("https") || url.group(2).isEmpty()) {
      throw invalidStartUrl(option, text, "must be an absolute https URL with a host");
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
          throw invalidStartUrl(option, text, "has an invalid port");
        }
        port = number == 443 ? "" : Integer.toString(number);
      }
    }
    String asciiHost;
    try {
      asciiHost = (host.startsWith("[") ? host : IDN.toASCII(host)).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw invalidStartUrl(option, text, "has an invalid host name");
    }
    String path = url.group(3);
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    String normal =
        "https://" + asciiHost + (port.isEmpty() ? "" : ":" + port) + path.substring(0, end);
    try {
      if (new URI(normal).getHost() == null) {
        throw invalidStartUrl(option, text, "has an invalid host name");
      }
    } catch (URISyntaxException e) {
      throw invalidStartUrl(option, text, "is not a valid URL");
    }
    return normal;
  }

  /**
   * Whether the text has a user name or password, found without parsing it as a URL (a URL that
   * does not parse may still carry one): an {@code @} in what would be its authority, the text after
   * the scheme's {@code :} and an optional {@code //} up to the first {@code /}, {@code \}, {@code
   * ?} or {@code #}.
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

  private static Failure invalidStartUrl(String option, String text, String problem) {
    return Failure.usage(
        option
            + " "
            + SafeText.quote(text)
            + " "
            + problem
            + "; expected e.g. https://acme.awsapps.com/start");
  }

  /**
   * Checks a region name against the SDK's regions and partition patterns ({@link
   * Regions#isRegion}), so a region opened after this release still works.
   *
   * @param option the option name for the message, e.g. {@code --region}
   * @param value what the person typed
   * @return the region, trimmed
   * @throws Failure of kind usage unless it is a region; the message suggests a known region that
   *     is a few edits away ("did you mean us-east-1?")
   */
  public static String region(String option, String value) {
    String trimmed = value == null ? "" : value.trim();
    if (!Regions.isRegion(trimmed)) {
      throw Failure.usage(
          option
              + " '"
              + trimmed
              + "' is not an AWS region name"
              + Regions.closestKnown(trimmed)
                  .map(known -> "; did you mean " + known + "?")
                  .orElse(", e.g. us-east-1 or eu-central-1"));
    }
    return trimmed;
  }

  /**
   * Checks an sso-session name.
   *
   * @throws Failure unless it matches {@code [A-Za-z0-9_.@:+/%-]+}
   */
  public static String sessionName(String option, String value) {
    if (!ProfileNames.isValid(value)) {
      throw Failure.usage(
          option + " '" + value + "' may only contain letters, digits and _.@:+/%-");
    }
    return value;
  }

  /**
   * Parses a duration: {@code 90s}, {@code 10m}, {@code 1h}, {@code 500ms}, a bare number of
   * seconds, or ISO-8601 ({@code PT10M}).
   *
   * @return a positive duration
   * @throws Failure when it cannot be parsed or is not positive
   */
  public static Duration duration(String option, String value) {
    String text = value == null ? "" : value.trim();
    Duration result;
    Matcher m = SIMPLE_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
      result =
          switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
          };
    } else {
      try {
        result = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw Failure.usage(option + " '" + text + "' is not a duration; use e.g. 90s, 10m or 1h");
      }
    }
    if (result.isNegative() || result.isZero()) {
      throw Failure.usage(option + " must be longer than zero");
    }
    return result;
  }

  /**
   * Reads a small text file named by an option (UTF-8).
   *
   * @param option the option name for the message, e.g. {@code --template}
   * @param file the file the person named
   * @return its content
   * @throws Failure when it is missing, a folder, unreadable or larger than 1 MiB
   */
  public static String readTextFile(String option, Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw Failure.usage(option + " " + file + " is a folder, not a file");
      }
      if (Files.size(file) > MAX_OPTION_FILE_BYTES) {
        throw Failure.usage(option + " " + file + " is larger than 1 MiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw Failure.usage(option + " " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw Failure.usage(option + " " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw Failure.usage("cannot read " + option + " " + file + ": " + IoReasons.describe(e));
    }
  }

  /**
   * Checks that a config file path names a file at all, before anything else looks at it.
   *
   * @param source where the path came from, for the message: an option ({@code --config-file}; it
   *     starts with {@code -}) or an environment variable ({@code AWS_CONFIG_FILE})
   * @param path the path as given
   * @return {@code path}
   * @throws Failure of kind {@link Failure.Kind#FILE} for an empty path (an empty {@code
   *     AWS_CONFIG_FILE} makes botocore read no config file at all) or {@code -}, which names no
   *     file here and is not standard output
   */
  public static Path configFile(String source, Path path) {
    String text = path.toString();
    if (text.isEmpty()) {
      throw Failure.file(
          source.startsWith("-")
              ? source + " is empty; give the path of the config file, e.g. ~/.aws/config"
              : source
                  + " is set but empty, so the AWS CLI reads no config file; unset it or set it to"
                  + " the path of the config file",
          null);
    }
    if (text.equals("-")) {
      throw Failure.file(
          source
              + " \"-\": the config file cannot be standard output; give the path of a file, or"
              + " use --dry-run to print the changes",
          null);
    }
    return path;
  }

  /**
   * Checks a concurrency bound.
   *
   * @throws Failure unless {@code 1 <= value <= 64}
   */
  public static int concurrency(String option, int value) {
    if (value < 1 || value > 64) {
      throw Failure.usage(option + " must be between 1 and 64, got " + value);
    }
    return value;
  }
}

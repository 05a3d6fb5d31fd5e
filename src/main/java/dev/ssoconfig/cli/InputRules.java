package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.StartUrl;
import dev.ssoconfig.aws.Regions;
import dev.ssoconfig.aws.SdkClients;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.profiles.ProfileNames;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
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

  /** The longest {@code --timeout} or {@code --listing-timeout}. */
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  private static final Pattern SIMPLE_DURATION =
      Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private static final long MAX_OPTION_FILE_BYTES = 1 << 20;

  private InputRules() {}

  /**
   * Checks an IAM Identity Center start URL and brings it to its normal form ({@link StartUrl}).
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
    StartUrl.Normalised normalised = StartUrl.normalise(text);
    if (normalised.normal().isPresent()) {
      return normalised.normal().get();
    }
    throw switch (normalised.problem().orElseThrow()) {
      case USER_INFO ->
          Failure.usage(
              option
                  + " must not contain a user name or password (NAME:PASSWORD@ before the host);"
                  + " give the start URL alone, e.g. https://acme.awsapps.com/start");
      case NOT_ABSOLUTE_HTTPS ->
          invalidStartUrl(option, text, "must be an absolute https URL with a host");
      case INVALID_PORT -> invalidStartUrl(option, text, "has an invalid port");
      case INVALID_HOST -> invalidStartUrl(option, text, "has an invalid host name");
      case INVALID -> invalidStartUrl(option, text, "is not a valid URL");
    };
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
              + SafeText.line(trimmed)
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
   * @return a positive duration of at most {@link #MAX_DURATION}
   * @throws Failure when it cannot be parsed, is not positive or is longer than {@link
   *     #MAX_DURATION} (a longer one would overflow the deadlines it becomes)
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
      } catch (DateTimeParseException | ArithmeticException e) {
        throw Failure.usage(option + " '" + text + "' is not a duration; use e.g. 90s, 10m or 1h");
      }
    }
    if (result.isNegative() || result.isZero()) {
      throw Failure.usage(option + " must be longer than zero");
    }
    if (result.compareTo(MAX_DURATION) > 0) {
      throw Failure.usage(option + " '" + text + "' is longer than 24h, the most it may be");
    }
    return result;
  }

  /**
   * Reads a small text file named by an option (UTF-8).
   *
   * @param option the option name for the message, e.g. {@code --template}
   * @param file the file the person named
   * @return its content
   * @throws Failure when it is missing, a folder or another file that is not a regular file (a
   *     FIFO, a device), unreadable or larger than 1 MiB; the path is shown made safe ({@link
   *     SafeText#line})
   */
  public static String readTextFile(String option, Path file) {
    String shown = SafeText.line(file.toString());
    try {
      if (Files.isDirectory(file)) {
        throw Failure.usage(option + " " + shown + " is a folder, not a file");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        // a FIFO would block the read, a device would never end
        throw Failure.usage(option + " " + shown + " is not a regular file");
      }
      if (Files.size(file) > MAX_OPTION_FILE_BYTES) {
        throw Failure.usage(option + " " + shown + " is larger than 1 MiB");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw Failure.usage(option + " " + shown + " does not exist");
    } catch (CharacterCodingException e) {
      throw Failure.usage(option + " " + shown + " is not UTF-8 text");
    } catch (IOException e) {
      throw Failure.usage("cannot read " + option + " " + shown + ": " + IoReasons.describe(e));
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
   * @throws Failure unless {@code 1 <= value <=} {@link SdkClients#MAX_CONNECTIONS} (64), the
   *     connections kept open per host
   */
  public static int concurrency(String option, int value) {
    if (value < 1 || value > SdkClients.MAX_CONNECTIONS) {
      throw Failure.usage(
          option + " must be between 1 and " + SdkClients.MAX_CONNECTIONS + ", got " + value);
    }
    return value;
  }
}

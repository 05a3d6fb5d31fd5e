package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.aws.Regions;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.profiles.ProfileNames;
import java.io.IOException;
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

  private InputRules() {}

  /**
   * Checks an IAM Identity Center start URL.
   *
   * @param option the option name for the message, e.g. {@code --start-url}
   * @param value what the person typed
   * @return the start URL, trimmed
   * @throws Failure unless it is an absolute {@code https} URL with a host
   */
  public static String startUrl(String option, String value) {
    String trimmed = value == null ? "" : value.trim();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw Failure.usage(
          option + " '" + trimmed + "' is not a valid URL; expected e.g. https://acme.awsapps.com/start");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw Failure.usage(
          option
              + " '"
              + trimmed
              + "' must be an absolute https URL with a host, e.g. https://acme.awsapps.com/start");
    }
    return trimmed;
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

package dev.ssoconfig.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text that is about to reach a person: messages of AWS SDK exceptions, the
 * service's {@code error_description}, stack traces printed under {@code --verbose}.
 *
 * <p>Two rules, applied in this order:
 *
 * <ol>
 *   <li><b>Known values.</b> Each secret value the caller holds (access token, refresh token,
 *       client secret, authorization code, code verifier, device code) is replaced wherever it
 *       occurs, also in its URL-encoded form.
 *   <li><b>Labelled values.</b> Whatever follows a label that names a secret is replaced, whether
 *       the text is JSON ({@code "accessToken": "…"}), a query or form string ({@code
 *       code=…&state=…}), or a header or log line ({@code x-amz-sso_bearer_token: …}, {@code Bearer
 *       …}). The labels, matched without regard to case and with or without {@code _} or {@code -}:
 *       {@code accessToken}, {@code refreshToken}, {@code idToken}, {@code clientSecret}, {@code
 *       codeVerifier}, {@code deviceCode}, {@code x-amz-sso_bearer_token}, {@code
 *       [aws_]secret_access_key}, {@code [aws_]session_token} (role credentials, e.g. a {@code
 *       --set} value) and {@code code}. A bare {@code code} counts only before {@code =} or as a
 *       quoted JSON key, so that {@code Status Code: 400} in SDK messages survives; {@code
 *       user_code}, {@code code_challenge} and {@code errorCode} are not secrets and are kept.
 * </ol>
 *
 * <p>Each secret becomes {@value #REDACTED}. The text is otherwise unchanged (line breaks
 * included), so callers still make it one line themselves.
 */
public final class SecretScrubber {
  /** What a secret is replaced with. */
  public static final String REDACTED = "<redacted>";

  private static final String SECRET_LABELS =
      "access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|code[_-]?verifier"
          + "|device[_-]?code|x-amz-sso[_-]bearer[_-]token"
          + "|(?:aws[_-]?)?secret[_-]?access[_-]?key|(?:aws[_-]?)?session[_-]?token";

  /** A value: a quoted string (its closing quote may be missing: cut-off bodies) or a token. */
  private static final String VALUE = "(?:\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?|[^\\s&\"',;)}\\]]+)";

  /** {@code "label": value} in JSON, any label including the bare {@code code}. */
  private static final Pattern QUOTED_LABEL =
      Pattern.compile(
          "([\"'](?:" + SECRET_LABELS + "|code)[\"']\\s*:\\s*)" + VALUE, Pattern.CASE_INSENSITIVE);

  /** {@code label=value} or {@code label: value} outside JSON; a word of its own. */
  private static final Pattern PLAIN_LABEL =
      Pattern.compile(
          "((?<![A-Za-z0-9_-])(?:" + SECRET_LABELS + ")\\s*[=:]\\s*)" + VALUE,
          Pattern.CASE_INSENSITIVE);

  /** {@code code=value} as in a query string or form body; not {@code code: 400}. */
  private static final Pattern CODE_PARAMETER =
      Pattern.compile("((?<![A-Za-z0-9_-])code\\s*=\\s*)" + VALUE, Pattern.CASE_INSENSITIVE);

  /** {@code Bearer value} as in an {@code Authorization} header (RFC 6750 section 2.1). */
  private static final Pattern BEARER =
      Pattern.compile("(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);

  private static final String KEEP_LABEL = "$1" + REDACTED;

  private SecretScrubber() {}

  /**
   * Replaces the known secret values and every labelled value in a text.
   *
   * @param text any text, may be {@code null}
   * @param knownSecrets secret values to replace wherever they occur; {@code null} and empty
   *     entries are ignored
   * @return the text without secrets; empty for {@code null}
   */
  public static String scrub(String text, String... knownSecrets) {
    if (text == null) {
      return "";
    }
    String scrubbed = text;
    String[] longestFirst =
        Arrays.stream(knownSecrets)
            .filter(Objects::nonNull)
            .filter(s -> !s.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toArray(String[]::new);
    for (String secret : longestFirst) {
      scrubbed = scrubbed.replace(secret, REDACTED);
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      if (!encoded.equals(secret)) {
        scrubbed = scrubbed.replace(encoded, REDACTED);
      }
    }
    scrubbed = QUOTED_LABEL.matcher(scrubbed).replaceAll(KEEP_LABEL);
    scrubbed = PLAIN_LABEL.matcher(scrubbed).replaceAll(KEEP_LABEL);
    scrubbed = CODE_PARAMETER.matcher(scrubbed).replaceAll(KEEP_LABEL);
    return BEARER.matcher(scrubbed).replaceAll(KEEP_LABEL);
  }
}

package dev.ssoconfig.login;

import dev.ssoconfig.Failure;
import dev.ssoconfig.io.AtomicFile;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.login.CacheJson.Fields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The SSO token cache folder, {@code ~/.aws/sso/cache}, shared with the AWS CLI and the SDKs.
 *
 * <p>Two kinds of file live there:
 *
 * <ul>
 *   <li>Token files, named {@code <sha1 hex of the sso-session name>.json} (legacy profiles: {@code
 *       <sha1 hex of the start URL>.json}), as botocore's {@code SSOTokenLoader} names them, with
 *       {@code startUrl}, {@code region}, {@code accessToken}, {@code expiresAt}, {@code clientId},
 *       {@code clientSecret}, {@code registrationExpiresAt} and {@code refreshToken}. With these
 *       fields the AWS CLI and SDKs refresh the token by themselves.
 *   <li>Client registration files of this tool, named by the SHA-1 hex of a JSON of the tool name,
 *       start URL, SSO region, scopes and flow (PKCE and device code registrations differ in grant
 *       types and redirect URIs), with {@code clientId}, {@code clientSecret}, {@code expiresAt}
 *       and {@code scopes}. The tool name keeps them apart from botocore's own.
 * </ul>
 *
 * <p>Times are written as {@code yyyy-MM-ddTHH:mm:ssZ} in UTC. Files are compact JSON ({@link
 * CacheJson}), replaced atomically through {@link AtomicFile} (a temp file in the same folder,
 * flushed to disk, renamed over the old one, then the folder flushed; a temp file a killed run left
 * is deleted by the next write of that file) with mode 0600, whatever the mode of the file
 * replaced; a missing folder, and any missing folder above it, is created with mode 0700 (on file
 * systems with POSIX permissions).
 */
public final class TokenCache {
  /** Registrations are used until this long before they expire. */
  public static final Duration REGISTRATION_MARGIN = Duration.ofMinutes(15);

  private static final String TOOL = "aws-sso-config-generator";
  private static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter COMPACT_OFFSET_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSS][.SSS]XX", Locale.ROOT);

  private final Path cacheDir;
  private final Clock clock;
  private final AtomicFile files = new AtomicFile();

  /**
   * @param cacheDir the cache folder, normally {@code ~/.aws/sso/cache}; created when first needed
   * @param clock the clock that decides whether a client registration is still usable
   */
  public TokenCache(Path cacheDir, Clock clock) {
    this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @return the cache folder
   */
  public Path cacheDir() {
    return cacheDir;
  }

  /**
   * Checks, before any sign-in, that the folder exists or can be created and that a file can be
   * written in it, so a person is not sent through the browser for nothing.
   *
   * @throws IOException with a one-line message naming the folder if it cannot be written
   */
  public void checkWritable() throws IOException {
    try {
      files.checkCanCreateIn(cacheDir);
    } catch (IOException e) {
      throw new IOException(
          "cannot write the SSO token cache folder " + cacheDir + ": " + IoReasons.describe(e), e);
    }
  }

  /**
   * @param keySource the sso-session name, or the start URL for a legacy profile
   * @return the token file for it: {@code <cacheDir>/<sha1 hex of keySource>.json}
   */
  public Path tokenFile(String keySource) {
    return cacheDir.resolve(sha1Hex(keySource) + ".json");
  }

  /**
   * Reads a token file. A file that is missing, unreadable, not JSON, or lacks {@code startUrl},
   * {@code accessToken} or a parsable {@code expiresAt} counts as no token: a sign-in replaces it.
   * {@code expiresAt} is accepted as ISO-8601 with {@code Z}, an offset, or the {@code UTC} suffix
   * of old AWS CLI versions.
   *
   * @param keySource the sso-session name, or the start URL for a legacy profile
   * @return the cached token, if there is a usable file
   */
  public Optional<CachedToken> readToken(String keySource) {
    Optional<Fields> fields = readJson(tokenFile(keySource));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Fields n = fields.get();
    String startUrl = n.text("startUrl");
    String accessToken = n.text("accessToken");
    Optional<Instant> expiresAt = parseTime(n.text("expiresAt"));
    if (startUrl == null || accessToken == null || expiresAt.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CachedToken(
            startUrl,
            n.text("region"),
            accessToken,
            expiresAt.get(),
            n.text("clientId"),
            n.text("clientSecret"),
            parseTime(n.text("registrationExpiresAt")).orElse(null),
            n.text("refreshToken")));
  }

  /**
   * As {@link #writeToken}, for the sign-in flows: a failure is a {@link Failure} of kind {@link
   * Failure.Kind#FILE} naming the file.
   *
   * @param keySource the sso-session name, or the start URL for a legacy profile
   * @param token the token to store
   * @throws Failure of kind {@link Failure.Kind#FILE} if the folder or file cannot be written
   */
  public void storeToken(String keySource, CachedToken token) {
    try {
      writeToken(keySource, token);
    } catch (IOException e) {
      throw Failure.file(
          "cannot write the SSO token cache file "
              + tokenFile(keySource)
              + ": "
              + IoReasons.describe(e),
          e);
    }
  }

  /**
   * Writes (replaces) a token file atomically, mode 0600. Null fields are left out.
   *
   * @param keySource the sso-session name, or the start URL for a legacy profile
   * @param token the token to store
   * @throws IOException if the folder or file cannot be written
   */
  public void writeToken(String keySource, CachedToken token) throws IOException {
    byte[] content =
        CacheJson.object(
            json -> {
              json.writeStringField("startUrl", token.startUrl());
              CacheJson.fieldIfPresent(json, "region", token.region());
              json.writeStringField("accessToken", token.accessToken());
              json.writeStringField("expiresAt", formatTime(token.expiresAt()));
              CacheJson.fieldIfPresent(json, "clientId", token.clientId());
              CacheJson.fieldIfPresent(json, "clientSecret", token.clientSecret());
              if (token.registrationExpiresAt() != null) {
                json.writeStringField(
                    "registrationExpiresAt", formatTime(token.registrationExpiresAt()));
              }
              CacheJson.fieldIfPresent(json, "refreshToken", token.refreshToken());
            });
    writeAtomically(tokenFile(keySource), content);
  }

  /**
   * Reads a cached client registration that is still usable: it expires more than {@link
   * #REGISTRATION_MARGIN} after the clock's now and was made for the same scopes.
   *
   * @param startUrl the start URL (the registration's issuer URL)
   * @param ssoRegion the SSO region
   * @param scopes the scopes the registration must have
   * @param flow the flow the registration is for
   * @return the registration, if one is cached and usable
   */
  public Optional<ClientRegistration> readRegistration(
      String startUrl, String ssoRegion, List<String> scopes, LoginFlow flow) {
    Optional<Fields> fields = readJson(registrationFile(startUrl, ssoRegion, scopes, flow));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Fields n = fields.get();
    String clientId = n.text("clientId");
    String clientSecret = n.text("clientSecret");
    Optional<Instant> expiresAt = parseTime(n.text("expiresAt"));
    List<String> cachedScopes = n.stringArrays().getOrDefault("scopes", List.of());
    if (clientId == null
        || clientSecret == null
        || expiresAt.isEmpty()
        || !expiresAt.get().isAfter(clock.instant().plus(REGISTRATION_MARGIN))
        || !cachedScopes.equals(scopes)) {
      return Optional.empty();
    }
    return Optional.of(new ClientRegistration(clientId, clientSecret, expiresAt.get(), scopes));
  }

  /**
   * Stores a client registration atomically, mode 0600.
   *
   * @throws IOException if the folder or file cannot be written
   */
  public void writeRegistration(
      String startUrl, String ssoRegion, LoginFlow flow, ClientRegistration registration)
      throws IOException {
    byte[] content =
        CacheJson.object(
            json -> {
              json.writeStringField("clientId", registration.clientId());
              json.writeStringField("clientSecret", registration.clientSecret());
              json.writeStringField("expiresAt", formatTime(registration.expiresAt()));
              CacheJson.stringArray(json, "scopes", registration.scopes());
            });
    writeAtomically(registrationFile(startUrl, ssoRegion, registration.scopes(), flow), content);
  }

  /**
   * Forgets a cached client registration, e.g. after the service rejected it.
   *
   * @throws IOException if the file exists and cannot be deleted
   */
  public void deleteRegistration(
      String startUrl, String ssoRegion, List<String> scopes, LoginFlow flow) throws IOException {
    Files.deleteIfExists(registrationFile(startUrl, ssoRegion, scopes, flow));
  }

  /**
   * @return the registration file: {@code <cacheDir>/<sha1 hex of {"flow":…,"region":…,
   *     "scopes":[…],"startUrl":…,"tool":"aws-sso-config-generator"}>.json}
   */
  public Path registrationFile(
      String startUrl, String ssoRegion, List<String> scopes, LoginFlow flow) {
    String key =
        CacheJson.objectText(
            json -> {
              json.writeStringField("flow", flow.name().toLowerCase(Locale.ROOT));
              json.writeStringField("region", ssoRegion);
              CacheJson.stringArray(json, "scopes", scopes);
              json.writeStringField("startUrl", startUrl);
              json.writeStringField("tool", TOOL);
            });
    return cacheDir.resolve(sha1Hex(key) + ".json");
  }

  /**
   * @param text any text
   * @return the lowercase hex SHA-1 of its UTF-8 bytes, the cache file naming rule of botocore
   */
  public static String sha1Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
    }
  }

  /**
   * @param instant a time
   * @return it as {@code yyyy-MM-ddTHH:mm:ssZ} in UTC, fractions of a second dropped
   */
  public static String formatTime(Instant instant) {
    return TIME_FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static Optional<Instant> parseTime(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.endsWith("UTC")) {
      t = t.substring(0, t.length() - 3).strip() + "Z";
    }
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(t, COMPACT_OFFSET_FORMAT).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Fields> readJson(Path file) {
    try {
      return CacheJson.read(Files.readAllBytes(file));
    } catch (IOException missingOrUnreadable) {
      return Optional.empty();
    }
  }

  private void writeAtomically(Path target, byte[] content) throws IOException {
    files.createFolders(cacheDir);
    files.replace(target, content);
  }
}

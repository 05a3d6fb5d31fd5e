package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssoconfig.testing.OnWindows;
import dev.ssoconfig.testing.PosixModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final String START_URL = "https://acme.awsapps.com/start";
  private static final List<String> SCOPES = List.of("sso:account:access");

  @TempDir Path home;
  private Path cacheDir;
  private TokenCache cache;

  @BeforeEach
  void setUp() {
    cacheDir = home.resolve(".aws/sso/cache");
    cache = new TokenCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static CachedToken token(String refreshToken) {
    return new CachedToken(
        START_URL,
        "us-east-1",
        "aoa-access",
        Instant.parse("2025-06-01T20:00:00.123Z"),
        "client-1",
        "secret-1",
        Instant.parse("2025-08-30T12:00:00Z"),
        refreshToken);
  }

  @Nested
  class TokenFiles {
    @Test
    void file_name_is_the_sha1_hex_of_the_session_name() {
      assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", TokenCache.sha1Hex("abc"));
      assertEquals(cacheDir.resolve(TokenCache.sha1Hex("acme") + ".json"), cache.tokenFile("acme"));
    }

    @Test
    void writes_the_fields_the_aws_cli_reads_with_utc_seconds() throws IOException {
      cache.writeToken("acme", token("aor-refresh"));

      JsonNode json = new ObjectMapper().readTree(cache.tokenFile("acme").toFile());
      assertEquals(
          List.of(
              "startUrl",
              "region",
              "accessToken",
              "expiresAt",
              "clientId",
              "clientSecret",
              "registrationExpiresAt",
              "refreshToken"),
          fieldNames(json));
      assertEquals(START_URL, json.get("startUrl").asText());
      assertEquals("us-east-1", json.get("region").asText());
      assertEquals("aoa-access", json.get("accessToken").asText());
      assertEquals("2025-06-01T20:00:00Z", json.get("expiresAt").asText());
      assertEquals("2025-08-30T12:00:00Z", json.get("registrationExpiresAt").asText());
      assertEquals("aor-refresh", json.get("refreshToken").asText());
    }

    @Test
    void leaves_out_a_refresh_token_that_was_not_issued() throws IOException {
      cache.writeToken("acme", token(null));

      JsonNode json = new ObjectMapper().readTree(cache.tokenFile("acme").toFile());
      assertFalse(json.has("refreshToken"));
    }

    @Test
    void reads_back_what_it_wrote() throws IOException {
      cache.writeToken("acme", token("aor-refresh"));

      CachedToken read = cache.readToken("acme").orElseThrow();
      assertEquals(Instant.parse("2025-06-01T20:00:00Z"), read.expiresAt());
      assertEquals("aor-refresh", read.refreshToken());
      assertEquals("secret-1", read.clientSecret());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_POSIX_MODES)
    @Test
    void file_is_0600_and_new_folder_0700() throws IOException {
      cache.writeToken("acme", token("r"));

      assertEquals("rw-------", perms(cache.tokenFile("acme")));
      assertEquals("rwx------", perms(cacheDir));
      assertEquals("rwx------", perms(cacheDir.getParent()));
    }

    @Test
    void replaces_an_existing_file_atomically_leaving_no_temporary_file() throws IOException {
      Files.createDirectories(cacheDir);
      Path file = cache.tokenFile("acme");
      Files.writeString(file, "{\"old\":true}");
      PosixModes.set(file, "rw-r--r--");

      cache.writeToken("acme", token("r"));

      PosixModes.assertMode("rw-------", file);
      assertTrue(Files.readString(file).contains("\"accessToken\":\"aoa-access\""));
      try (Stream<Path> files = Files.list(cacheDir)) {
        assertEquals(List.of(file.getFileName().toString()), names(files));
      }
    }

    @Test
    void reads_a_token_left_by_the_aws_cli_with_other_time_forms() throws IOException {
      Files.createDirectories(cacheDir);
      Files.writeString(
          cache.tokenFile("old"),
          "{\"startUrl\": \""
              + START_URL
              + "\", \"region\": \"us-east-1\","
              + " \"accessToken\": \"aoa\", \"expiresAt\": \"2025-06-01T13:00:00UTC\"}");
      Files.writeString(
          cache.tokenFile("offset"),
          "{\"startUrl\": \""
              + START_URL
              + "\", \"accessToken\": \"aoa\","
              + " \"expiresAt\": \"2025-06-01T14:00:00+0000\", \"extra\": 1}");

      assertEquals(
          Instant.parse("2025-06-01T13:00:00Z"), cache.readToken("old").orElseThrow().expiresAt());
      CachedToken offset = cache.readToken("offset").orElseThrow();
      assertEquals(Instant.parse("2025-06-01T14:00:00Z"), offset.expiresAt());
      assertEquals(null, offset.region());
      assertFalse(offset.canRefresh(NOW));
    }

    @Test
    void treats_a_missing_or_damaged_file_as_no_token() throws IOException {
      assertEquals(Optional.empty(), cache.readToken("missing"));
      Files.createDirectories(cacheDir);
      Files.writeString(cache.tokenFile("junk"), "not json");
      Files.writeString(cache.tokenFile("partial"), "{\"startUrl\":\"x\",\"expiresAt\":\"soon\"}");

      assertEquals(Optional.empty(), cache.readToken("junk"));
      assertEquals(Optional.empty(), cache.readToken("partial"));
    }
  }

  @Nested
  class Registrations {
    private final ClientRegistration registration =
        new ClientRegistration("client-1", "secret-1", NOW.plus(Duration.ofDays(90)), SCOPES);

    @Test
    void round_trips_with_expiry_and_scopes() throws IOException {
      cache.writeRegistration(START_URL, "us-east-1", LoginFlow.PKCE, registration);

      assertEquals(
          Optional.of(registration),
          cache.readRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE));
      JsonNode json =
          new ObjectMapper()
              .readTree(
                  cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE).toFile());
      assertEquals(List.of("clientId", "clientSecret", "expiresAt", "scopes"), fieldNames(json));
      PosixModes.assertMode(
          "rw-------", cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE));
    }

    @Test
    void keeps_pkce_and_device_code_registrations_apart() throws IOException {
      cache.writeRegistration(START_URL, "us-east-1", LoginFlow.PKCE, registration);

      assertNotEquals(
          cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE),
          cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.DEVICE_CODE));
      assertEquals(
          Optional.empty(),
          cache.readRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.DEVICE_CODE));
      assertEquals(
          Optional.empty(), cache.readRegistration(START_URL, "eu-west-1", SCOPES, LoginFlow.PKCE));
    }

    @Test
    void ignores_a_registration_with_15_minutes_or_less_left() throws IOException {
      cache.writeRegistration(
          START_URL,
          "us-east-1",
          LoginFlow.PKCE,
          new ClientRegistration("c", "s", NOW.plus(Duration.ofMinutes(15)), SCOPES));

      assertEquals(
          Optional.empty(), cache.readRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE));
    }

    @Test
    void deletes_a_registration() throws IOException {
      cache.writeRegistration(START_URL, "us-east-1", LoginFlow.PKCE, registration);

      cache.deleteRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE);

      assertEquals(
          Optional.empty(), cache.readRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE));
    }
  }

  /**
   * The file format stays what the data-binding {@code ObjectMapper} wrote before the cache moved
   * to Jackson's streaming API, and what the AWS CLI v2 writes is read.
   */
  @Nested
  class FileFormat {
    private final Path awsCliFiles =
        Path.of(System.getProperty("basedir", "."), "src/test/resources/login/awscli-v2");

    @Test
    void writes_a_token_byte_for_byte_as_before() throws IOException {
      cache.writeToken("acme", token("aor-refresh"));
      cache.writeToken(
          "odd",
          new CachedToken(
              "https://\u00fcmlaut.example/start?q=\"x\"\\y\u0001\u2028/\u00e9",
              null,
              "a\tb\n",
              Instant.parse("2025-06-01T20:00:00Z"),
              null,
              null,
              null,
              null));

      assertEquals(
          "{\"startUrl\":\"https://acme.awsapps.com/start\",\"region\":\"us-east-1\","
              + "\"accessToken\":\"aoa-access\",\"expiresAt\":\"2025-06-01T20:00:00Z\","
              + "\"clientId\":\"client-1\",\"clientSecret\":\"secret-1\","
              + "\"registrationExpiresAt\":\"2025-08-30T12:00:00Z\",\"refreshToken\":\"aor-refresh\"}",
          Files.readString(cache.tokenFile("acme")));
      assertEquals(
          "{\"startUrl\":\"https://\u00fcmlaut.example/start?q=\\\"x\\\"\\\\y\\u0001\u2028/\u00e9\","
              + "\"accessToken\":\"a\\tb\\n\",\"expiresAt\":\"2025-06-01T20:00:00Z\"}",
          Files.readString(cache.tokenFile("odd")));
    }

    @Test
    void writes_a_registration_byte_for_byte_as_before_under_the_same_name() throws IOException {
      cache.writeRegistration(
          START_URL,
          "us-east-1",
          LoginFlow.PKCE,
          new ClientRegistration(
              "client-1", "secret-1", Instant.parse("2025-08-30T12:00:00Z"), SCOPES));

      Path file = cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE);
      assertEquals("a90e28fc6ee17694c5493b550daef121c0605e9c.json", file.getFileName().toString());
      assertEquals(
          "{\"clientId\":\"client-1\",\"clientSecret\":\"secret-1\","
              + "\"expiresAt\":\"2025-08-30T12:00:00Z\",\"scopes\":[\"sso:account:access\"]}",
          Files.readString(file));
      assertEquals(
          "5314730963d9f78666366b48473471afea75898c.json",
          cache
              .registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.DEVICE_CODE)
              .getFileName()
              .toString());
      assertEquals(
          "138616a824ef846ec441a1d6e337941000fe6126.json",
          cache
              .registrationFile(
                  "https://\u00fcmlaut.example/start?q=\"x\"\\y\u0001\u2028/\u00e9",
                  "eu-west-1",
                  List.of("sso:account:access", "b"),
                  LoginFlow.DEVICE_CODE)
              .getFileName()
              .toString());
    }

    @Test
    void reads_the_tokens_the_aws_cli_v2_wrote_and_writes_them_back_with_the_same_fields()
        throws IOException {
      Files.createDirectories(cacheDir);
      String legacyStartUrl = "https://d-1234567890.awsapps.com/start/#/caf\u00e9";
      Files.copy(awsCliFiles.resolve("token-sso-session-acme.json"), cache.tokenFile("acme"));
      Files.copy(awsCliFiles.resolve("token-legacy-cafe.json"), cache.tokenFile(legacyStartUrl));
      ObjectMapper mapper = new ObjectMapper();

      for (String key : List.of("acme", legacyStartUrl)) {
        JsonNode written = mapper.readTree(cache.tokenFile(key).toFile());
        CachedToken read = cache.readToken(key).orElseThrow();

        cache.writeToken(key, read);

        JsonNode rewritten = mapper.readTree(cache.tokenFile(key).toFile());
        assertEquals(written, rewritten, key);
        assertEquals(fieldNames(written), fieldNames(rewritten), key);
        assertEquals(Optional.of(read), cache.readToken(key), key);
      }
      CachedToken session = cache.readToken("acme").orElseThrow();
      assertEquals("https://d-1234567890.awsapps.com/start", session.startUrl());
      assertEquals(Instant.parse("2026-11-30T06:07:53Z"), session.expiresAt());
      assertTrue(session.canRefresh(NOW));
      CachedToken legacy = cache.readToken(legacyStartUrl).orElseThrow();
      assertEquals(legacyStartUrl, legacy.startUrl());
      assertEquals(null, legacy.refreshToken());
    }

    @Test
    void reads_the_fields_of_a_registration_the_aws_cli_v2_wrote() throws IOException {
      Files.createDirectories(cacheDir);
      Path file = cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.DEVICE_CODE);
      Files.copy(awsCliFiles.resolve("registration-sso-session-acme.json"), file);

      assertEquals(
          Optional.of(
              new ClientRegistration(
                  "client-ch6pw8amr8fh2urp",
                  "secret-x6jtiovdvrjfft4yjdnghjq9nvqdj9lp",
                  Instant.parse("2027-02-27T22:07:53Z"),
                  SCOPES)),
          cache.readRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.DEVICE_CODE));
    }

    @Test
    void skips_values_that_are_not_strings_and_takes_the_last_of_a_repeated_field()
        throws IOException {
      Files.createDirectories(cacheDir);
      Files.writeString(
          cache.tokenFile("acme"),
          "{\"startUrl\": \"https://old.example/start\", \"nested\": {\"accessToken\": \"no\","
              + " \"list\": [1, {\"a\": [2]}]}, \"region\": null, \"clientId\": 7,"
              + " \"accessToken\": \"aoa\", \"expiresAt\": \"2025-06-01T13:00:00Z\","
              + " \"startUrl\": \""
              + START_URL
              + "\"} trailing text");

      CachedToken read = cache.readToken("acme").orElseThrow();
      assertEquals(START_URL, read.startUrl());
      assertEquals("aoa", read.accessToken());
      assertEquals(null, read.region());
      assertEquals(null, read.clientId());
    }

    @Test
    void a_truncated_or_non_object_file_is_no_token_and_odd_scopes_no_registration()
        throws IOException {
      Files.createDirectories(cacheDir);
      String whole =
          "{\"startUrl\":\""
              + START_URL
              + "\",\"accessToken\":\"aoa\","
              + "\"expiresAt\":\"2025-06-01T13:00:00Z\",\"list\":[\"a\"]}";
      for (int cut : new int[] {whole.length() - 1, whole.length() - 3, 0}) {
        Files.writeString(cache.tokenFile("cut"), whole.substring(0, cut));
        assertEquals(Optional.empty(), cache.readToken("cut"), whole.substring(0, cut));
      }
      Files.writeString(cache.tokenFile("array"), "[" + whole + "]");
      assertEquals(Optional.empty(), cache.readToken("array"));
      Files.writeString(cache.tokenFile("whole"), whole);
      assertTrue(cache.readToken("whole").isPresent());

      Path registration = cache.registrationFile(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE);
      for (String scopes : List.of("[\"sso:account:access\", 1]", "\"sso:account:access\"", "[]")) {
        Files.writeString(
            registration,
            "{\"clientId\":\"c\",\"clientSecret\":\"s\",\"expiresAt\":\"2026-01-01T00:00:00Z\","
                + "\"scopes\":"
                + scopes
                + "}");
        assertEquals(
            Optional.empty(),
            cache.readRegistration(START_URL, "us-east-1", SCOPES, LoginFlow.PKCE),
            scopes);
      }
    }
  }

  @Nested
  class CheckWritable {
    @Test
    void creates_the_folder_and_leaves_nothing_behind() throws IOException {
      cache.checkWritable();

      assertTrue(Files.isDirectory(cacheDir));
      try (Stream<Path> files = Files.list(cacheDir)) {
        assertEquals(0, files.count());
      }
    }

    @Test
    void fails_with_a_message_naming_the_folder_when_it_cannot_be_created() throws IOException {
      Path file = Files.writeString(home.resolve("not-a-folder"), "");
      TokenCache blocked = new TokenCache(file.resolve("cache"), Clock.systemUTC());

      IOException e = assertThrows(IOException.class, blocked::checkWritable);
      assertTrue(e.getMessage().contains(file.resolve("cache").toString()), e.getMessage());
    }
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> names(Stream<Path> files) {
    return files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
  }

  private static String perms(Path path) throws IOException {
    Set<java.nio.file.attribute.PosixFilePermission> permissions =
        Files.getPosixFilePermissions(path);
    return PosixFilePermissions.toString(permissions);
  }
}

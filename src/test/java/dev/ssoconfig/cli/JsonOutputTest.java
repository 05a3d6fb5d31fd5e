package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.login.TokenCache;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json}: the whole command in process against the fake Identity Center, its stdout
 * validated against {@code docs/output.schema.json} with a JSON Schema (draft 2020-12) validator,
 * format assertions on, and read back for its content.
 */
class JsonOutputTest {
  private static final Path SCHEMA = Path.of("docs/output.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path home;

  @RegisterExtension
  final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withAccounts(
              List.of(
                  FakeAccount.of("111111111111", "Prod Account", "AdministratorAccess", "ReadOnly"),
                  FakeAccount.of("222222222222", "Ünïcode Dev", "Developer")));

  private CliHarness cli;

  @BeforeEach
  void start() {
    cli = new CliHarness(home, fake);
  }

  /**
   * The schema, read from docs/, with {@code format} asserted (draft 2020-12 only annotates it).
   */
  private static Schema schema() throws IOException {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    return registry.getSchema(Files.readString(SCHEMA), InputFormat.JSON);
  }

  private static List<String> violations(String document) throws IOException {
    return schema().validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** Runs with {@code --json}; stdout must be exactly one document that the schema accepts. */
  private JsonNode json(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of(extra));
    args.add("--json");
    Result result = cli.generate(args.toArray(String[]::new));
    assertEquals(0, result.code(), result.err());
    assertEquals(List.of(), violations(result.out()), result.out());
    assertTrue(result.out().endsWith("}\n"), "one document and a newline: " + result.out());
    try (var parser = MAPPER.createParser(result.out())) {
      JsonNode document = MAPPER.readTree(parser);
      assertEquals(null, parser.nextToken(), "nothing after the document");
      return document;
    }
  }

  /** Profile name to action. */
  private static Map<String, String> actions(JsonNode document) {
    Map<String, String> actions = new LinkedHashMap<>();
    document
        .get("profiles")
        .forEach(p -> actions.put(p.get("name").asText(), p.get("action").asText()));
    return actions;
  }

  private void writeConfig(String text) throws IOException {
    Files.createDirectories(cli.config().getParent());
    Files.writeString(cli.config(), text);
  }

  @Nested
  class Document {
    @Test
    void a_first_run_reports_every_profile_added_with_its_account_and_role() throws IOException {
      JsonNode document = json();

      assertEquals(1, document.get("formatVersion").asInt());
      assertFalse(document.get("dryRun").asBoolean());
      assertTrue(document.get("changed").asBoolean());
      assertEquals(cli.config().toAbsolutePath().toString(), document.get("configFile").asText());
      assertEquals("acme", document.at("/ssoSession/name").asText());
      assertEquals("added", document.at("/ssoSession/action").asText());
      assertEquals(
          Map.of(
              "Prod-Account.AdministratorAccess", "added",
              "Prod-Account.ReadOnly", "added",
              "Unicode-Dev.Developer", "added"),
          actions(document));
      JsonNode dev = document.get("profiles").get(2);
      assertEquals("222222222222", dev.get("accountId").asText());
      assertEquals("Ünïcode Dev", dev.get("accountName").asText());
      assertEquals("Developer", dev.get("roleName").asText());
      String accessToken =
          MAPPER
              .readTree(
                  home.resolve(".aws/sso/cache")
                      .resolve(TokenCache.sha1Hex("acme") + ".json")
                      .toFile())
              .get("accessToken")
              .asText();
      assertFalse(document.toString().contains(accessToken), "no secret");
      assertEquals(
          MAPPER.readTree(
              "{\"added\":3,\"updated\":0,\"unchanged\":0,\"stale\":0,\"removed\":0,\"skipped\":0}"),
          document.get("counts"));
    }

    @Test
    void the_token_expiry_is_the_cached_tokens() throws IOException {
      JsonNode document = json();

      Path cached = home.resolve(".aws/sso/cache").resolve(TokenCache.sha1Hex("acme") + ".json");
      assertEquals(
          MAPPER.readTree(cached.toFile()).get("expiresAt").asText(),
          document.get("tokenExpiresAt").asText());
    }

    @Test
    void a_second_run_with_the_cached_token_reports_everything_unchanged() throws IOException {
      json();
      byte[] before = Files.readAllBytes(cli.config());

      JsonNode again = json();

      assertFalse(again.get("changed").asBoolean());
      assertEquals("unchanged", again.at("/ssoSession/action").asText());
      assertEquals(3, again.at("/counts/unchanged").asInt());
      assertArrayEquals(before, Files.readAllBytes(cli.config()));
    }

    @Test
    void stdout_is_plain_ascii_with_other_characters_escaped() throws IOException {
      Result result = cli.generate("--json");

      assertTrue(
          result.out().chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\n'), result.out());
      assertTrue(result.out().contains("\\u00DCn\\u00EFcode Dev"), result.out());
    }

    @Test
    void stale_removed_and_skipped_profiles_are_reported_with_what_the_file_held()
        throws IOException {
      writeConfig(
          "[profile Prod-Account.ReadOnly]\n"
              + "region = us-west-2\n"
              + "\n"
              + "[profile Old.Role]\n"
              + "sso_session = acme\n"
              + "sso_account_id = 111111111111\n"
              + "sso_role_name = Retired\n"
              + "managed_by = aws-sso-config-generator\n"
              + "\n"
              + "[profile Gone.Role]\n"
              + "sso_session = acme\n"
              + "sso_account_id = 999999999999\n"
              + "sso_role_name = Gone\n"
              + "managed_by = aws-sso-config-generator\n");

      JsonNode kept = json("--dry-run");

      assertEquals("skipped", actions(kept).get("Prod-Account.ReadOnly"));
      assertEquals("stale", actions(kept).get("Old.Role"));
      JsonNode old = kept.get("profiles").get(1); // sorted by name
      assertEquals("Old.Role", old.get("name").asText());
      assertEquals("111111111111", old.get("accountId").asText());
      assertEquals("Prod Account", old.get("accountName").asText(), "the account is still listed");
      assertEquals("Retired", old.get("roleName").asText());
      JsonNode gone = kept.get("profiles").get(0);
      assertEquals("Gone.Role", gone.get("name").asText());
      assertTrue(gone.get("accountName").isNull(), "an account no longer listed has no name");

      JsonNode pruned = json("--prune");

      assertEquals("removed", actions(pruned).get("Old.Role"));
      assertEquals("removed", actions(pruned).get("Gone.Role"));
      assertEquals(2, pruned.at("/counts/removed").asInt());
      assertEquals(1, pruned.at("/counts/skipped").asInt());
      assertEquals(0, pruned.at("/counts/stale").asInt());
    }

    @Test
    void a_re_run_with_no_other_flag_reports_the_recorded_sso_session() throws IOException {
      json();

      Result again = cli.run("--json");

      assertEquals(0, again.code(), again.err());
      assertEquals(List.of(), violations(again.out()), again.out());
      JsonNode document = MAPPER.readTree(again.out());
      assertEquals("acme", document.at("/ssoSession/name").asText());
      assertEquals(3, document.at("/counts/unchanged").asInt());
    }

    @Test
    void legacy_form_has_no_sso_session() throws IOException {
      JsonNode document = json("--legacy");

      assertTrue(document.get("ssoSession").isNull());
      assertEquals(3, document.at("/counts/added").asInt());
    }
  }

  @Nested
  class DryRun {
    @Test
    void says_it_was_a_dry_run_prints_no_diff_and_writes_nothing() throws IOException {
      writeConfig("[default]\nregion = eu-west-1\n");
      byte[] before = Files.readAllBytes(cli.config());

      JsonNode document = json("--dry-run");

      assertTrue(document.get("dryRun").asBoolean());
      assertTrue(document.get("changed").asBoolean(), "would change");
      assertEquals(3, document.at("/counts/added").asInt());
      assertArrayEquals(before, Files.readAllBytes(cli.config()));
    }
  }

  @Nested
  class Failure {
    @Test
    void leaves_stdout_empty_and_says_why_on_stderr_with_the_exit_code() {
      fake.denyAuthorization("no thanks");

      Result result = cli.generate("--json");

      assertEquals(ExitCode.SIGN_IN, result.code());
      assertEquals("", result.out());
      assertEquals(1, result.errorLines().size(), result.err());
    }

    @Test
    void a_usage_error_leaves_stdout_empty() {
      Result result = cli.generate("--json", "--concurrency", "0");

      assertEquals(ExitCode.USAGE, result.code());
      assertEquals("", result.out());
    }
  }

  @Nested
  class TheSchema {
    @Test
    void rejects_a_document_that_breaks_it() throws IOException {
      Result result = cli.generate("--json");
      ObjectNode document = (ObjectNode) MAPPER.readTree(result.out());
      assertEquals(List.of(), violations(document.toString()));

      ObjectNode badAction = document.deepCopy();
      ((ObjectNode) badAction.get("profiles").get(0)).put("action", "renamed");
      ObjectNode badTime = document.deepCopy();
      badTime.put("tokenExpiresAt", "tomorrow");
      ObjectNode missingCount = document.deepCopy();
      ((ObjectNode) missingCount.get("counts")).remove("skipped");
      ObjectNode extraField = document.deepCopy();
      extraField.put("accessToken", "x");
      ObjectNode unnamedAccount = document.deepCopy();
      ((ObjectNode) unnamedAccount.get("profiles").get(0)).putNull("accountName");

      for (ObjectNode bad : List.of(badAction, badTime, missingCount, extraField, unnamedAccount)) {
        assertNotEquals(List.of(), violations(bad.toString()), bad.toString());
      }
    }

    @Test
    void accepts_the_example_in_the_usage_guide() throws IOException {
      String usage = Files.readString(Path.of("docs/usage.md"), StandardCharsets.UTF_8);
      int start = usage.indexOf("```json\n", usage.indexOf("## For scripts"));
      assertTrue(start >= 0, "docs/usage.md has a ```json example");
      String example = usage.substring(start + 8, usage.indexOf("```", start + 8));

      assertEquals(List.of(), violations(example), example);
    }

    @Test
    void is_valid_against_the_draft_2020_12_meta_schema() throws IOException {
      String schema = Files.readString(SCHEMA, StandardCharsets.UTF_8);
      assertEquals(
          "https://json-schema.org/draft/2020-12/schema",
          MAPPER.readTree(schema).get("$schema").asText());
      Schema meta =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

      assertEquals(
          List.of(),
          meta.validate(schema, InputFormat.JSON).stream().map(Error::toString).toList());
      assertNotEquals(
          List.of(),
          meta.validate("{\"type\": \"strin\"}", InputFormat.JSON),
          "the meta-schema is applied");
    }
  }
}

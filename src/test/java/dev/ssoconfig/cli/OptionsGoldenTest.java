package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.profiles.RecordEncoding;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.GoldenArgs;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Golden files for every option that shapes the config file: the whole command runs in process
 * against the fake Identity Center on {@code src/test/resources/cli/golden/start.config} with the
 * arguments of {@code CASE.args} ({@link GoldenArgs}), and the written file must equal {@code
 * CASE.config} byte for byte and parse in the SDK's {@link ProfileFile} with every generated
 * profile complete; a dry run's output must equal {@code CASE.diff}. Regenerate after an intended
 * change with {@code -Dcli.golden.update=true} and review the diff.
 */
class OptionsGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/cli/golden");
  private static final boolean UPDATE = Boolean.getBoolean("cli.golden.update");

  @TempDir Path home;

  @RegisterExtension
  final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withAccounts(
              List.of(
                  FakeAccount.of("111111111111", "Prod Account", "AdministratorAccess", "ReadOnly"),
                  FakeAccount.of("222222222222", "Dev", "AdministratorAccess", "Billing"),
                  FakeAccount.of("333333333333", "Shared", "ReadOnly"),
                  FakeAccount.of("444444444444", "Shared", "ReadOnly")));

  private CliHarness cli;

  @BeforeEach
  void start() throws IOException {
    cli = new CliHarness(home, fake);
    Files.createDirectories(cli.config().getParent());
    Files.copy(GOLDEN.resolve("start.config"), cli.config());
  }

  /** The cases that write a config file: each {@code CASE.args} with a {@code CASE.config}. */
  static Stream<String> cases() {
    List<String> cases =
        GoldenArgs.cases(GOLDEN).stream()
            .filter(name -> Files.exists(GOLDEN.resolve(name + ".config")))
            .toList();
    assertTrue(cases.size() >= 9, "golden cases found in " + GOLDEN);
    return cases.stream();
  }

  private static String[] args(String name) {
    return GoldenArgs.read(GOLDEN, name).toArray(String[]::new);
  }

  @Test
  void every_case_has_its_arguments_and_one_expected_file() throws IOException {
    List<String> expected;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      expected =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".config") || f.endsWith(".diff"))
              .filter(f -> !f.equals("start.config"))
              .map(f -> f.substring(0, f.lastIndexOf('.')))
              .sorted()
              .toList();
    }
    assertEquals(GoldenArgs.cases(GOLDEN), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writes_the_golden_config(String name) throws IOException {
    String[] args = args(name);
    CliHarness.Result result = cli.generate(args);
    assertEquals(0, result.code(), result.err());

    byte[] written = Files.readAllBytes(cli.config());
    assertGolden(name + ".config", goldenFolderAsVariable(written));
    assertParsesWithCompleteProfiles(written);
    assertArrayEquals(
        Files.readAllBytes(GOLDEN.resolve("start.config")),
        Files.readAllBytes(Path.of(cli.config() + ".bak")),
        "the previous version is kept as config.bak");

    CliHarness.Result again = cli.generate(args);
    assertEquals(0, again.code(), again.err());
    assertArrayEquals(written, Files.readAllBytes(cli.config()), "a second run changes nothing");
  }

  @Test
  void set_with_an_empty_value_writes_key_equals_which_both_readers_read_as_empty()
      throws IOException {
    CliHarness.Result result = cli.generate("--set", "cli_pager=", "--set", "output=json");
    assertEquals(0, result.code(), result.err());

    byte[] written = Files.readAllBytes(cli.config());
    String text = new String(written, StandardCharsets.UTF_8);
    assertTrue(text.contains("region = eu-west-1\ncli_pager =\noutput = json\nmanaged_by ="), text);
    ProfileFile sdk =
        ProfileFile.builder()
            .content(new ByteArrayInputStream(written))
            .type(ProfileFile.Type.CONFIGURATION)
            .build();
    Map<String, Object> botocore =
        ConfigDocument.parse(written).asReadByAwsCli().profiles().get("Dev.Billing");
    assertEquals(Optional.of(""), sdk.profile("Dev.Billing").orElseThrow().property("cli_pager"));
    assertEquals("", botocore.get("cli_pager"));
    assertEquals("json", botocore.get("output"));
  }

  @Test
  void stale_profiles_are_listed_but_kept_without_prune() {
    CliHarness.Result result = cli.generate();
    assertTrue(result.out().contains("1 stale"), result.out());
    assertTrue(result.out().contains("Old-Account.Gone"), result.out());
    assertFalse(
        result.out().contains("Other.Gone"), "another sso-session's profile is never stale");
  }

  @Test
  void dry_run_prints_the_diff_and_leaves_the_folder_exactly_as_it_was() throws IOException {
    List<String> before = listing(home);
    byte[] config = Files.readAllBytes(cli.config());

    CliHarness.Result result = cli.generate(args("dry_run"));

    assertEquals(0, result.code(), result.err());
    // the same bytes on every OS: the path as written on Linux, the summary's line breaks as \n
    String out =
        result
            .out()
            .replace(cli.config().toString(), "$HOME/.aws/config")
            .replace(System.lineSeparator(), "\n");
    assertGolden("dry_run.diff", out.getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(config, Files.readAllBytes(cli.config()));
    List<String> after = listing(home);
    after.removeIf(p -> p.startsWith(".aws/sso/"));
    before.removeIf(p -> p.startsWith(".aws/sso/"));
    assertEquals(before, after, "no new file beside the config (the token cache aside)");
  }

  @Test
  void dry_run_with_a_cached_token_leaves_every_file_under_home_byte_identical()
      throws IOException {
    assertEquals(0, cli.generate().code());
    Map<String, byte[]> before = contents(home);

    CliHarness.Result result = cli.generate("--dry-run", "--prune", "--include", "Prod*/*");

    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().contains("-[profile Dev.Billing]"), result.out());
    Map<String, byte[]> after = contents(home);
    assertEquals(before.keySet(), after.keySet(), "same files");
    before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file));
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    for (String file : listing(root)) {
      all.put(file, Files.readAllBytes(root.resolve(file)));
    }
    return all;
  }

  @Test
  void dry_run_with_nothing_to_change_says_so() {
    assertEquals(0, cli.generate().code());
    CliHarness.Result result = cli.generate("--dry-run");
    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().startsWith("No change to "), result.out());
  }

  @Test
  void config_file_option_wins_over_AWS_CONFIG_FILE() throws IOException {
    Path elsewhere = home.resolve("elsewhere/config");
    cli.env.put("AWS_CONFIG_FILE", home.resolve("ignored").toString());
    for (String option : List.of("--config-file", "--out", "-o")) {
      CliHarness.Result result = cli.generate(option, elsewhere.toString());
      assertEquals(0, result.code(), result.err());
      assertTrue(Files.exists(elsewhere), option);
      Files.delete(elsewhere);
    }
    assertFalse(Files.exists(home.resolve("ignored")));
  }

  @Test
  void no_backup_keeps_no_bak_file() {
    assertEquals(0, cli.generate("--no-backup").code());
    assertFalse(Files.exists(Path.of(cli.config() + ".bak")));
  }

  @Test
  void legacy_caches_the_token_under_the_start_url() {
    assertEquals(0, cli.generate("--legacy").code());
    assertTrue(
        Files.exists(
            home.resolve(".aws/sso/cache")
                .resolve(dev.ssoconfig.login.TokenCache.sha1Hex(CliHarness.START_URL) + ".json")));
  }

  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      List<String> all = new ArrayList<>();
      files
          .filter(Files::isRegularFile)
          .forEach(p -> all.add(root.relativize(p).toString().replace(File.separatorChar, '/')));
      all.sort(null);
      return all;
    }
  }

  /**
   * The config with the golden folder's absolute path, which a run records for {@code --template
   * $GOLDEN/renames.json}, written as {@code $GOLDEN/}, so the expected files hold no checkout's
   * path (and the same bytes where the path separator is {@code \}).
   */
  private static byte[] goldenFolderAsVariable(byte[] config) {
    String folder =
        new String(
            RecordEncoding.encode(GOLDEN.toAbsolutePath().normalize() + File.separator)
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);
    return new String(config, StandardCharsets.ISO_8859_1)
        .replace(folder, "$GOLDEN/")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void assertGolden(String file, byte[] actual) throws IOException {
    Path expected = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.write(expected, actual);
    }
    assertEquals(
        Files.readString(expected, StandardCharsets.ISO_8859_1),
        new String(actual, StandardCharsets.ISO_8859_1),
        file);
  }

  /**
   * Every generated profile has what the SDKs need to use it. {@code Old-Account.Gone} of the start
   * file is left out: it points at an sso-session the start file lacks, and runs that do not prune
   * keep it as it is.
   */
  private static void assertParsesWithCompleteProfiles(byte[] config) {
    ProfileFile file =
        ProfileFile.builder()
            .content(new ByteArrayInputStream(config))
            .type(ProfileFile.Type.CONFIGURATION)
            .build();
    assertEquals(
        Optional.of("eu-north-1"), file.profile("default").orElseThrow().property("region"));
    for (Profile profile : file.profiles().values()) {
      if (profile.property("managed_by").isEmpty() || profile.name().equals("Old-Account.Gone")) {
        continue;
      }
      assertTrue(profile.property("sso_account_id").isPresent(), profile.name());
      assertTrue(profile.property("sso_role_name").isPresent(), profile.name());
      Optional<String> session = profile.property("sso_session");
      if (session.isPresent()) {
        assertTrue(file.getSection("sso-session", session.get()).isPresent(), profile.name());
      } else {
        assertTrue(profile.property("sso_start_url").isPresent(), profile.name());
        assertTrue(profile.property("sso_region").isPresent(), profile.name());
      }
    }
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.configfile.ConfigDocument;
import dev.ssoconfig.testing.AwsCliAssertions;
import dev.ssoconfig.testing.BotocoreCorpus;
import dev.ssoconfig.testing.FakeAccount;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole command, in process, on every input of the conformance corpus ({@link BotocoreCorpus},
 * as written and with CRLF line endings) as the config file: for an input the AWS CLI reads, exit 0
 * with the profiles added, every section that was there read by the AWS CLI as before, the output
 * read by the AWS CLI too, and a second run that leaves the file byte for byte; for one the AWS CLI
 * refuses, exit 5 with one line naming the file and the line, before any request, and the folder as
 * it was. Never exit 1.
 *
 * <p>One fake Identity Center and one home folder serve every case: the first run signs in, the
 * others use the cached access token, so each case costs a listing and a write.
 */
class CorpusEndToEndTest {
  private static final String SESSION = "corpus-check";
  private static final List<String> PROFILES =
      List.of("Corpus-Check-A.Role", "Corpus-Check-B.Role", "Corpus-Check-B.Other");

  @TempDir static Path home;

  @RegisterExtension
  static final FakeIdentityCenter fake =
      new FakeIdentityCenter()
          .withAccounts(
              List.of(
                  FakeAccount.of("111111111111", "Corpus Check A", "Role"),
                  FakeAccount.of("222222222222", "Corpus Check B", "Role", "Other")));

  private static CliHarness cli;
  private int folder;

  @BeforeAll
  static void start() {
    cli = new CliHarness(home, fake);
  }

  @TestFactory
  Stream<DynamicTest> adds_its_profiles_or_refuses_every_corpus_input() {
    return BotocoreCorpus.all().stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private void check(BotocoreCorpus.Case corpusCase) throws IOException {
    Path dir = Files.createDirectories(home.resolve("cases").resolve(String.valueOf(folder++)));
    Path config = dir.resolve("config");
    Files.write(config, corpusCase.bytes());
    int requests = fake.totalRequests();

    Result first = run(config);

    if (!corpusCase.readable()) {
      assertEquals(ExitCode.FILE, first.code(), first::all);
      List<String> errors = first.errorLines();
      assertEquals(1, errors.size(), first::err);
      assertTrue(
          errors.get(0).startsWith(Main.NAME + ": cannot edit " + config + ": line "),
          errors::toString);
      assertTrue(
          errors.get(0).endsWith("the AWS CLI cannot read this file either"), errors::toString);
      assertEquals(requests, fake.totalRequests(), "no request before the refusal");
      assertArrayEquals(corpusCase.bytes(), Files.readAllBytes(config), "the file is untouched");
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(config), files.toList(), "nothing else in the folder");
      }
      return;
    }
    assertEquals(ExitCode.OK, first.code(), first::all);
    byte[] written = Files.readAllBytes(config);
    ConfigDocument before = ConfigDocument.parse(corpusCase.bytes());
    ConfigDocument after = ConfigDocument.parse(written);
    AwsCliAssertions.assertOthersReadAsBefore(before, after, SESSION);
    Map<String, Map<String, Object>> profiles = after.asReadByAwsCli().profiles();
    for (String name : PROFILES) {
      assertTrue(
          profiles.containsKey(name) || before.asReadByAwsCli().profiles().containsKey(name),
          "profile " + name);
    }
    assertTrue(after.asReadByAwsCli().ssoSessions().containsKey(SESSION), "the sso-session");

    Result second = run(config);
    assertEquals(ExitCode.OK, second.code(), second::all);
    assertArrayEquals(written, Files.readAllBytes(config), "a second run changes nothing");
  }

  private Result run(Path config) {
    return cli.generate(
        "--config-file", config.toString(), "--sso-session", SESSION, "--no-backup");
  }
}

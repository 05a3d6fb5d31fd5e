package dev.ssoconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "must not" column of DESIGN.md's package table, checked on the imports of the main sources:
 * each stage keeps to its job, and data moves forward only.
 */
class PackageRulesTest {
  private static final Path MAIN =
      Path.of(System.getProperty("basedir", "."), "src/main/java/dev/ssoconfig");

  @ParameterizedTest(name = "{0} imports nothing of {1}")
  @CsvSource({
    "cli, software.amazon.awssdk", // talk to AWS
    "login, dev.ssoconfig.profiles", // know about profiles
    "login, dev.ssoconfig.configfile",
    "portal, dev.ssoconfig.configfile", // know about files
    "portal, java.nio.file",
    "profiles, java.nio.file", // do I/O
    "profiles, software.amazon.awssdk",
    "profiles, dev.ssoconfig.configfile",
    "profiles, dev.ssoconfig.login",
    "configfile, software.amazon.awssdk", // know about OAuth or the SDK clients
    "configfile, dev.ssoconfig.login",
    "configfile, dev.ssoconfig.portal",
    "io, dev.ssoconfig.cli", // shared code serves the stages, never the other way round
    "io, dev.ssoconfig.login",
    "io, dev.ssoconfig.portal",
    "io, dev.ssoconfig.profiles",
    "io, dev.ssoconfig.configfile",
    "io, software.amazon.awssdk"
  })
  void a_stage_keeps_to_its_job(String stage, String forbidden) throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.list(MAIN.resolve(stage))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertFalse(sources.isEmpty(), "sources of " + stage);
    List<String> offending =
        sources.stream()
            .filter(source -> imports(source, forbidden))
            .map(source -> source.getFileName().toString())
            .toList();
    assertEquals(List.of(), offending, stage + " must not import " + forbidden);
  }

  private static boolean imports(Path source, String prefix) {
    try (Stream<String> lines = Files.lines(source)) {
      return lines.anyMatch(
          line ->
              line.startsWith("import " + prefix + ".")
                  || line.startsWith("import static " + prefix + "."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

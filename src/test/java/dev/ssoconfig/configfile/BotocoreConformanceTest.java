package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.configfile.ConfigProblem.Kind;
import dev.ssoconfig.testing.BotocoreCorpus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ConfigDocument} reads every input of the conformance corpus ({@link BotocoreCorpus}) as
 * botocore 1.43 did when it was recorded: the same verdict (read or refused); for a file botocore
 * reads, the same {@code load_config} result ({@link ConfigDocument#asReadByAwsCli()}); for one it
 * refuses, a problem of the matching rule on the line botocore named, and nothing later reported
 * first. Run with {@code -Dconfigfile.corpus.extra=DIR} to check a further corpus folder.
 */
class BotocoreConformanceTest {

  /** The problems that correspond to each error botocore raises. */
  private static final Map<String, Set<Kind>> MATCHING =
      Map.of(
          "UnicodeDecodeError", Set.of(Kind.NOT_UTF8),
          "MissingSectionHeaderError", Set.of(Kind.OUTSIDE_SECTION, Kind.BYTE_ORDER_MARK),
          "ParsingError",
              Set.of(Kind.UNCLOSED_HEADER, Kind.EMPTY_HEADER, Kind.NOT_A_PROPERTY, Kind.EMPTY_KEY),
          "DuplicateSectionError", Set.of(Kind.DUPLICATE_SECTION),
          "DuplicateOptionError", Set.of(Kind.DUPLICATE_KEY),
          "ValueError", Set.of(Kind.SUB_PROPERTY_WITHOUT_EQUALS));

  @TestFactory
  Stream<DynamicTest> reads_every_corpus_input_as_botocore_does() {
    List<BotocoreCorpus.Case> cases = BotocoreCorpus.all();
    assertTrue(cases.size() >= 250, "corpus cases found: " + cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(BotocoreCorpus.Case corpusCase) {
    ConfigDocument document = ConfigDocument.parse(corpusCase.bytes());
    List<ConfigProblem> problems = document.problems();
    if (corpusCase.readable()) {
      assertEquals(List.of(), problems, "botocore reads it");
      assertEquals(corpusCase.config(), document.asReadByAwsCli().asLoadConfigResult());
      return;
    }
    assertFalse(problems.isEmpty(), "botocore refuses it (" + corpusCase.errorType() + ")");
    Set<Kind> matching = MATCHING.get(corpusCase.errorType());
    assertTrue(matching != null, "a known botocore error: " + corpusCase.errorType());
    assertTrue(
        problems.stream()
            .anyMatch(p -> matching.contains(p.kind()) && p.line() == corpusCase.errorLine()),
        () ->
            "a "
                + matching
                + " problem on line "
                + corpusCase.errorLine()
                + " as botocore's "
                + corpusCase.errorType()
                + "; found "
                + problems);
    if (problems.get(0).kind() != Kind.NOT_UTF8) {
      assertTrue(
          problems.get(0).line() <= corpusCase.errorLine(),
          () -> "the first problem reported comes no later than botocore's: " + problems);
    }
  }
}

package dev.ssoconfig.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one convention of the golden suites ({@code cli/golden}, {@code configfile/golden}): each
 * case {@code CASE} keeps its arguments beside its files, in {@code CASE.args}, one argument per
 * line (UTF-8, every line one argument as written, a blank line an empty argument); an empty file
 * means no arguments. {@code $GOLDEN} in an argument stands for the folder of the case, so an
 * argument can name a file beside it.
 */
public final class GoldenArgs {
  /** The extension of the arguments file. */
  public static final String EXTENSION = ".args";

  private GoldenArgs() {}

  /**
   * @param folder the golden folder
   * @return the names of the cases in {@code folder}: every {@code CASE.args}, sorted
   */
  public static List<String> cases(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(EXTENSION))
          .map(f -> f.substring(0, f.length() - EXTENSION.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param folder the golden folder
   * @param caseName the case
   * @return the arguments of {@code folder/CASE.args}, {@code $GOLDEN} replaced by {@code folder}
   * @throws UncheckedIOException if the file cannot be read, e.g. a case without one
   */
  public static List<String> read(Path folder, String caseName) {
    try {
      return Files.readAllLines(folder.resolve(caseName + EXTENSION), StandardCharsets.UTF_8)
          .stream()
          .map(arg -> arg.replace("$GOLDEN", folder.toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("golden case " + caseName + " has no readable arguments", e);
    }
  }
}

package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.testing.TestBrowser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The usage help ({@code --help}): how it wraps, and what it ends with. */
class HelpTextTest {
  /** Every documented exit code ({@link ExitCode}), for the tests of where they are listed. */
  static final int[] EVERY_EXIT_CODE = {
    ExitCode.OK,
    ExitCode.UNEXPECTED,
    ExitCode.USAGE,
    ExitCode.SIGN_IN,
    ExitCode.AWS_CALL,
    ExitCode.FILE,
    ExitCode.INTERRUPTED
  };

  private static final Pattern URL = Pattern.compile("https?://[^\\s'\")]+[^\\s'\").,;]");

  /** The command as {@link Main#run} runs it. */
  static CommandLine command() {
    return new Main(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            new Environment(Map.of(), Path.of("/nonexistent-home").toString()),
            Clock.systemUTC(),
            TestBrowser.visiting())
        .commandLine();
  }

  /**
   * @return the usage help of {@code commandLine} at {@code width} columns, lines ending in {@code
   *     \n} (picocli ends them with the platform's line separator, CRLF on Windows)
   */
  static String usage(CommandLine commandLine, int width) {
    commandLine.getCommandSpec().usageMessage().autoWidth(false);
    commandLine.setUsageHelpWidth(width);
    StringWriter text = new StringWriter();
    commandLine.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  /** Every text of a command that the help wraps: descriptions, header, exit codes, footer. */
  private static List<String> texts(CommandSpec spec) {
    List<String> texts = new ArrayList<>();
    texts.addAll(Arrays.asList(spec.usageMessage().header()));
    texts.addAll(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(spec.usageMessage().exitCodeList().values());
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    for (OptionSpec option : spec.options()) {
      texts.addAll(Arrays.asList(option.description()));
    }
    spec.positionalParameters().forEach(p -> texts.addAll(Arrays.asList(p.description())));
    return texts;
  }

  /** The top command and each subcommand. */
  static List<CommandLine> commands() {
    CommandLine top = command();
    List<CommandLine> all = new ArrayList<>(List.of(top));
    all.addAll(top.getSubcommands().values());
    return all;
  }

  static IntStream widths() {
    return IntStream.of(80, 120);
  }

  @Nested
  class Wrapping {
    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {55, 80, 100, 120, 200})
    void never_splits_a_url_or_an_eg_or_any_other_word(int width) {
      for (CommandLine commandLine : commands()) {
        String help = usage(commandLine, width);
        List<String> lines = help.lines().toList();
        String context = commandLine.getCommandName() + " at " + width + ":\n" + help;
        int urls = 0;
        for (String text : texts(commandLine.getCommandSpec())) {
          Matcher url = URL.matcher(text);
          while (url.find()) {
            urls++;
            String found = url.group();
            assertTrue(lines.stream().anyMatch(l -> l.contains(found)), found + " in " + context);
          }
          for (String word : text.replace("${DEFAULT-VALUE}", "").split("\\s+")) {
            if (!word.isEmpty() && !word.contains("%")) {
              assertTrue(help.contains(word), "'" + word + "' whole in " + context);
            }
          }
        }
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).stripTrailing();
          assertFalse(
              line.endsWith("e.g.") || line.endsWith("i.e."),
              "'e.g.' and its example on one line: " + line + " in " + context);
          boolean oneWord = !line.strip().replace("e.g. ", "e.g.-").contains(" ");
          assertTrue(line.length() <= width || oneWord, "fits in " + width + ": " + line);
        }
        if (commandLine.getParent() == null) {
          assertTrue(urls > 0, "the help shows a start URL");
        }
      }
    }

    @Test
    void keeps_an_option_description_in_its_column() {
      String help = usage(command(), 80);
      assertTrue(
          help.contains(
              "      --start-url=URL        The IAM Identity Center start URL,\n"
                  + "                               e.g. https://acme.awsapps.com/start."),
          help);
    }

    @Test
    void wraps_a_long_line_at_spaces_and_leaves_an_overlong_word_whole() {
      assertEquals("aa bb\n  cc", HelpLayout.wrapLine("aa bb cc", 6, 0, 2));
      assertEquals(
          "aa\n  https://example.com/x\n  bb",
          HelpLayout.wrapLine("aa https://example.com/x bb", 10, 0, 2));
      assertEquals("see\n  e.g. x", HelpLayout.wrapLine("see e.g. x", 8, 0, 2));
      assertEquals("fits", HelpLayout.wrapLine("fits", 4, 0, 0));
    }
  }

  @Nested
  class Sections {
    @ParameterizedTest(name = "{0} columns")
    @MethodSource("dev.ssoconfig.cli.HelpTextTest#widths")
    void ends_with_exit_codes_then_examples(int width) {
      String help = usage(command(), width);
      int exitCodes = help.indexOf("\nExit codes:\n");
      int examples = help.indexOf("\nExamples:\n");
      assertTrue(exitCodes > 0 && examples > exitCodes, help);
      String codes = help.substring(exitCodes, examples);
      for (int code : EVERY_EXIT_CODE) {
        assertTrue(
            Pattern.compile("(?m)^  " + code + " +\\S").matcher(codes).find(),
            code + " in " + codes);
      }
      assertTrue(help.substring(examples).contains("--start-url https://acme.awsapps.com/start"));
    }

    @Test
    void lists_the_completion_command() {
      assertTrue(usage(command(), 80).contains("\nCommands:\n  completion"));
    }
  }
}

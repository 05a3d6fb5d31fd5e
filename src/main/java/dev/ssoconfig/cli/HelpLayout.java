package dev.ssoconfig.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Wraps the usage help only at spaces, so that a URL, a path, an option name or an "e.g." is never
 * split across lines.
 *
 * <p>picocli wraps text with the JDK's line {@link java.text.BreakIterator}, which also breaks
 * after {@code :}, {@code /}, {@code .} and {@code -}: {@code https:} / {@code
 * //acme.awsapps.com/start}, {@code e.} / {@code g.}. So each section that picocli wraps is
 * rendered by picocli's own renderer as if the terminal were {@link #UNWRAPPED} columns wide (every
 * paragraph and every option's description is then one line, in picocli's columns), and each line
 * longer than the real width is then wrapped at its spaces here: continuation lines start at the
 * line's text column (after the option names, the exit code, or the leading spaces), indented two
 * more for option and parameter descriptions as picocli does. A space right after "e.g." or "i.e."
 * is never a break. A word longer than the room it has stays whole on a line of its own. The footer
 * (the examples, written to fit the narrowest width picocli allows, 55) is left alone.
 */
final class HelpLayout {
  /** The width picocli renders at before the lines are wrapped here: no text is that long. */
  static final int UNWRAPPED = 10_000;

  private static final List<String> PARAGRAPHS =
      List.of(
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER,
          UsageMessageSpec.SECTION_KEY_DESCRIPTION);
  private static final List<String> COLUMNS =
      List.of(
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
          UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);

  private HelpLayout() {}

  /**
   * Replaces the renderers of the sections picocli wraps, on {@code commandLine} and its
   * subcommands.
   *
   * @param commandLine a command with picocli's default help sections
   */
  static void install(CommandLine commandLine) {
    Map<String, IHelpSectionRenderer> sections = new HashMap<>(commandLine.getHelpSectionMap());
    for (String key : PARAGRAPHS) {
      sections.computeIfPresent(key, (k, renderer) -> unwrapped(renderer, Kind.PARAGRAPH));
    }
    for (String key : COLUMNS) {
      sections.computeIfPresent(
          key,
          (k, renderer) ->
              unwrapped(
                  renderer,
                  k.equals(UsageMessageSpec.SECTION_KEY_OPTION_LIST)
                          || k.equals(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST)
                      ? Kind.DESCRIBED
                      : Kind.TABLE));
    }
    sections.computeIfPresent(
        UsageMessageSpec.SECTION_KEY_SYNOPSIS, (k, renderer) -> unwrapped(renderer, Kind.SYNOPSIS));
    commandLine.getCommandSpec().usageMessage().sectionMap(sections);
    commandLine.getSubcommands().values().forEach(HelpLayout::install);
  }

  /** How continuation lines of a section are indented. */
  private enum Kind {
    /** At the line's own indent. */
    PARAGRAPH,
    /** At the text column (after the first run of two or more spaces), plus two. */
    DESCRIBED,
    /** At the text column. */
    TABLE,
    /** After the command name, as picocli aligns the synopsis. */
    SYNOPSIS
  }

  private static IHelpSectionRenderer unwrapped(IHelpSectionRenderer renderer, Kind kind) {
    return help -> {
      UsageMessageSpec usage = help.commandSpec().usageMessage();
      int width = usage.width();
      boolean autoWidth = usage.autoWidth();
      String text;
      usage.autoWidth(false);
      usage.width(UNWRAPPED);
      try {
        text = renderer.render(help);
      } finally {
        usage.width(width);
        usage.autoWidth(autoWidth);
      }
      int firstLineOffset = 0;
      int synopsisIndent = 0;
      if (kind == Kind.SYNOPSIS) {
        // the heading ("Usage: ") is printed before the synopsis, on its first line
        String heading = help.synopsisHeading().replaceAll("^[\\r\\n]+", "");
        firstLineOffset = heading.length();
        synopsisIndent = firstLineOffset + help.commandSpec().qualifiedName().length() + 1;
      }
      return wrap(text, width, kind, firstLineOffset, synopsisIndent);
    };
  }

  private static String wrap(
      String text, int width, Kind kind, int firstLineOffset, int synopsisIndent) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (String line : text.split("\n", -1)) {
      if (!first) {
        out.append('\n');
      }
      String bare = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      int offset = first ? firstLineOffset : 0;
      first = false;
      int indent =
          switch (kind) {
            case PARAGRAPH -> leadingSpaces(bare);
            case DESCRIBED -> textColumn(bare) + 2;
            case TABLE -> textColumn(bare);
            case SYNOPSIS -> synopsisIndent;
          };
      out.append(wrapLine(bare.stripTrailing(), width, offset, indent));
      if (bare.length() < line.length()) {
        out.append('\r');
      }
    }
    return out.toString();
  }

  /**
   * @param line one line without its line break
   * @param width the most columns a line may take
   * @param offset columns already taken on the first line by text printed before it
   * @param indent the spaces continuation lines start with
   * @return the line wrapped at spaces (lines joined by {@code \n}), or the line itself if it fits
   */
  static String wrapLine(String line, int width, int offset, int indent) {
    if (offset + line.length() <= width) {
      return line;
    }
    int start = leadingSpaces(line);
    List<String> words = words(line.substring(start));
    StringBuilder out = new StringBuilder(line.substring(0, start));
    int column = offset + start;
    boolean lineEmpty = true;
    for (String word : words) {
      if (!lineEmpty && column + 1 + word.length() > width) {
        out.append('\n').append(" ".repeat(indent));
        column = indent;
        lineEmpty = true;
      }
      if (!lineEmpty) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      lineEmpty = false;
    }
    return out.toString();
  }

  /**
   * The words of a text: runs without spaces, where "e.g." and "i.e." stay with the word after
   * them. Runs of several spaces inside the text (the gap between picocli's columns) stay in the
   * word before them, so the columns keep their alignment on the first line.
   */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != ' ') {
        word.append(c);
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && text.charAt(end) == ' ') {
        end++;
      }
      String spaces = text.substring(i, end);
      String sofar = word.toString();
      boolean keepTogether =
          spaces.length() > 1 || sofar.endsWith("e.g.") || sofar.endsWith("i.e.");
      if (keepTogether && end < text.length()) {
        word.append(spaces);
      } else if (end < text.length()) {
        words.add(sofar);
        word.setLength(0);
      }
      i = end;
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static int leadingSpaces(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The column after the first run of two or more spaces that follows text, else the indent. */
  private static int textColumn(String line) {
    int start = leadingSpaces(line);
    int gap = line.indexOf("  ", start);
    if (gap < 0) {
      return start;
    }
    return leadingSpaces(line.substring(gap)) + gap;
  }
}

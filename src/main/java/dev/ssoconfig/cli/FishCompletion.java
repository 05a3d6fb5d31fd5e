package dev.ssoconfig.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A completion script for the fish shell, made from the picocli model of a command: one {@code
 * complete} line per option name, subcommand and positional value list (fish's {@code complete}
 * builtin, see fish-shell's {@code doc_src/cmds/complete.rst}). Options of the top command are
 * offered before a subcommand is typed, a subcommand's options after it.
 */
final class FishCompletion {
  /** A full stop and a space that end a sentence: not the ones of "e.g." and "i.e.". */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<!e\\.g|i\\.e)\\. ");

  private FishCompletion() {}

  /**
   * @param spec the top command, with its subcommands
   * @return the script, lines ending in {@code \n}
   */
  static String script(CommandSpec spec) {
    String name = spec.name();
    StringBuilder script = new StringBuilder();
    script
        .append("# fish completion for ")
        .append(name)
        .append(", made by `")
        .append(name)
        .append(" completion fish`\n");
    script.append("complete -c ").append(name).append(" -f\n");
    List<String> subcommands = new ArrayList<>(spec.subcommands().keySet());
    String atTop = "__fish_use_subcommand";
    for (OptionSpec option : spec.options()) {
      appendOption(script, name, atTop, option);
    }
    for (String subcommand : subcommands) {
      CommandSpec sub = spec.subcommands().get(subcommand).getCommandSpec();
      if (sub.usageMessage().hidden()) {
        continue;
      }
      script
          .append("complete -c ")
          .append(name)
          .append(" -n ")
          .append(quote(atTop))
          .append(" -a ")
          .append(quote(subcommand))
          .append(" -d ")
          .append(quote(firstSentence(sub.usageMessage().description())))
          .append('\n');
      String within = "__fish_seen_subcommand_from " + subcommand;
      for (OptionSpec option : sub.options()) {
        appendOption(script, name, within, option);
      }
      for (PositionalParamSpec positional : sub.positionalParameters()) {
        List<String> values = candidates(positional);
        if (!values.isEmpty()) {
          script
              .append("complete -c ")
              .append(name)
              .append(" -n ")
              .append(quote(within))
              .append(" -a ")
              .append(quote(String.join(" ", values)))
              .append('\n');
        }
      }
    }
    return script.toString();
  }

  private static void appendOption(
      StringBuilder script, String command, String condition, OptionSpec option) {
    if (option.hidden()) {
      return;
    }
    script.append("complete -c ").append(command).append(" -n ").append(quote(condition));
    for (String optionName : option.names()) {
      if (optionName.startsWith("--")) {
        script.append(" -l ").append(optionName.substring(2));
      } else if (optionName.length() == 2) {
        script.append(" -s ").append(optionName.substring(1));
      } else {
        script.append(" -o ").append(optionName.substring(1));
      }
    }
    if (option.arity().max() > 0) {
      List<String> values = candidates(option);
      if (!values.isEmpty()) {
        script.append(" -x -a ").append(quote(String.join(" ", values)));
      } else if (isPath(option)) {
        script.append(" -r -F");
      } else {
        script.append(" -x");
      }
    }
    script.append(" -d ").append(quote(firstSentence(option.description()))).append('\n');
  }

  private static List<String> candidates(ArgSpec arg) {
    List<String> values = new ArrayList<>();
    if (arg.completionCandidates() != null) {
      arg.completionCandidates().forEach(values::add);
    }
    return values;
  }

  private static boolean isPath(OptionSpec option) {
    Class<?> type = option.type();
    return Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type);
  }

  /** The text up to the end of its first sentence, on one line, without picocli variables. */
  private static String firstSentence(String[] description) {
    String text =
        List.of(description).stream().collect(Collectors.joining(" ")).replaceAll("\\s+", " ");
    text = text.replaceAll(" ?\\(default: \\$\\{DEFAULT-VALUE}\\)", "").strip();
    Matcher end = SENTENCE_END.matcher(text);
    if (end.find()) {
      text = text.substring(0, end.start() + 1);
    }
    if (text.endsWith(".") && !text.endsWith("e.g.")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  /**
   * @return {@code text} in fish's single quotes, where only {@code \\} and {@code '} are special
   */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}

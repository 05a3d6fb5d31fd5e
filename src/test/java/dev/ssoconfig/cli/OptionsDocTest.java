package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/options.md against the command's picocli model, so the reference cannot fall behind: every
 * option name of the command and of each subcommand, and every subcommand, is in it as code ({@code
 * `--name`} or {@code `--name VALUE`}).
 */
class OptionsDocTest {
  private static final Path OPTIONS = Path.of("docs/options.md");

  @Test
  void names_every_option_and_command_of_the_command() throws IOException {
    String doc = Files.readString(OPTIONS, StandardCharsets.UTF_8);
    CommandLine top = HelpTextTest.command();
    List<CommandLine> commands = new ArrayList<>(List.of(top));
    commands.addAll(top.getSubcommands().values());
    List<String> missing = new ArrayList<>();
    for (CommandLine command : commands) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        for (String name : option.names()) {
          if (!Pattern.compile("`" + Pattern.quote(name) + "[ `=]").matcher(doc).find()) {
            missing.add(command.getCommandName() + " " + name);
          }
        }
      }
    }
    for (String subcommand : top.getSubcommands().keySet()) {
      if (!doc.contains("### `" + subcommand)) {
        missing.add("the command " + subcommand + " (a ### heading)");
      }
    }
    assertTrue(missing.isEmpty(), "missing from " + OPTIONS + ": " + missing);
  }
}

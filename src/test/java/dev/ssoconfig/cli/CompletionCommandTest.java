package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.cli.CliHarness.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code completion bash|zsh|fish}: the scripts, made from the command's model. */
@Timeout(60)
class CompletionCommandTest {
  @TempDir Path home;
  private CliHarness cli;

  @BeforeEach
  void harness() {
    cli = new CliHarness(home, java.net.URI.create("http://127.0.0.1:9"));
  }

  private String script(String shell) {
    Result result = cli.run("completion", shell);
    assertEquals(0, result.code(), result.err());
    assertEquals("", result.err());
    return result.out();
  }

  /** Every option name of the command and its subcommands. */
  private static List<String> optionNames() {
    CommandSpec top = HelpTextTest.command().getCommandSpec();
    List<String> names = new ArrayList<>();
    List<CommandSpec> specs = new ArrayList<>(List.of(top));
    top.subcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
    for (CommandSpec spec : specs) {
      for (OptionSpec option : spec.options()) {
        names.addAll(List.of(option.names()));
      }
    }
    return names;
  }

  static boolean bashIsInstalled() {
    return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
  }

  @Nested
  @EnabledIf(
      value = "dev.ssoconfig.cli.CompletionCommandTest#bashIsInstalled",
      disabledReason = "no bash at /bin/bash or /usr/bin/bash to load the script in")
  class Bash {
    /**
     * Loads the script in a bash without start-up files and calls its completion function as bash
     * would for the words typed so far; prints COMPREPLY one per line, then what loading wrote to
     * stderr after a marker line.
     */
    private List<String> complete(String script, String... words) throws Exception {
      Path file = home.resolve("completion.bash");
      Files.writeString(file, script);
      StringBuilder array = new StringBuilder();
      for (String word : words) {
        array.append(" '").append(word).append('\'');
      }
      String line = String.join(" ", words);
      String program =
          "source \"$1\" 2>\"$2\" || exit 9\n"
              + "COMP_WORDS=("
              + array
              + ")\n"
              + "COMP_CWORD="
              + (words.length - 1)
              + "\nCOMP_LINE='"
              + line
              + "'\nCOMP_POINT=${#COMP_LINE}\n"
              + "_complete_aws-sso-config-generator aws-sso-config-generator '"
              + words[words.length - 1]
              + "' '"
              + words[words.length - 2]
              + "' 2>/dev/null\n"
              + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
      Path loadErrors = home.resolve("load-errors");
      Process bash =
          new ProcessBuilder(
                  bashPath(),
                  "--norc",
                  "--noprofile",
                  "-c",
                  program,
                  "bash",
                  file.toString(),
                  loadErrors.toString())
              .directory(home.toFile())
              .redirectErrorStream(false)
              .start();
      bash.getOutputStream().close();
      String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, bash.exitValue(), out + err);
      assertEquals("", Files.readString(loadErrors), "bash printed while loading the script");
      return out.lines().toList();
    }

    private static String bashPath() {
      return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/usr/bin/bash";
    }

    @Test
    void loads_without_error_and_completes_an_option() throws Exception {
      List<String> replies = complete(script("bash"), "aws-sso-config-generator", "--re");
      assertTrue(replies.contains("--region"), replies.toString());
    }

    @Test
    void completes_every_option_of_the_command() throws Exception {
      List<String> replies = complete(script("bash"), "aws-sso-config-generator", "--");
      for (String name : optionNames()) {
        if (name.startsWith("--")
            && HelpTextTest.command().getCommandSpec().findOption(name) != null) {
          assertTrue(replies.contains(name), name + " in " + replies);
        }
      }
    }

    @Test
    void completes_the_subcommand_and_its_shells() throws Exception {
      assertTrue(
          complete(script("bash"), "aws-sso-config-generator", "compl").contains("completion"));
      List<String> shells = complete(script("bash"), "aws-sso-config-generator", "completion", "");
      assertTrue(shells.containsAll(List.of("bash", "zsh", "fish")), shells.toString());
    }

    @Test
    void zsh_gets_the_same_script_which_turns_on_bashcompinit_itself() throws Exception {
      String zsh = script("zsh");
      assertEquals(script("bash"), zsh);
      assertTrue(zsh.contains("bashcompinit"), zsh);
    }
  }

  @Nested
  class Fish {
    @Test
    void has_a_complete_line_for_every_option_and_subcommand() {
      String fish = script("fish");
      CommandLine top = HelpTextTest.command();
      for (OptionSpec option : top.getCommandSpec().options()) {
        String name = option.longestName();
        assertTrue(
            fish.contains(" -l " + name.substring(2)) || fish.contains(" -s " + name.substring(1)),
            name + " in\n" + fish);
      }
      for (String subcommand : top.getSubcommands().keySet()) {
        assertTrue(fish.contains(" -a '" + subcommand + "'"), subcommand + " in\n" + fish);
      }
      assertTrue(fish.contains("-l region -x -d 'Region written into each profile"), fish);
      assertTrue(fish.contains("-l config-file -l out -s o -r -F"), fish);
      assertTrue(fish.contains("-a 'bash zsh fish'"), fish);
    }

    @Test
    void quotes_descriptions_as_fish_reads_them() {
      assertEquals("'it\\'s a \\\\ b'", FishCompletion.quote("it's a \\ b"));
      assertTrue(
          script("fish")
              .contains(
                  "-d 'The IAM Identity Center start URL, e.g. https://acme.awsapps.com/start'"));
    }
  }

  @Test
  void an_unknown_shell_is_a_usage_error() {
    Result result = cli.run("completion", "powershell");
    assertEquals(ExitCode.USAGE, result.code());
    assertTrue(result.err().contains("powershell"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void needs_no_start_url_or_region() throws IOException {
    assertTrue(script("bash").contains("complete -F _complete_aws-sso-config-generator"));
  }
}

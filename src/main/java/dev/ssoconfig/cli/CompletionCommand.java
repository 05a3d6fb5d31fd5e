package dev.ssoconfig.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso-config-generator completion bash|zsh|fish}: prints a shell completion script for
 * the command, made at run time from the picocli model of the command, so every option and
 * subcommand the command has is completed.
 *
 * <p>bash and zsh get picocli's {@link AutoComplete#bash} script: bash loads it as it is; zsh loads
 * it through {@code bashcompinit}, which the script turns on by itself when it runs in zsh. fish
 * gets the script of {@link FishCompletion}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = {
      "Print a completion script for bash, zsh or fish on stdout.",
      "bash, zsh: source <(aws-sso-config-generator completion bash), or save it in your"
          + " shell's completion folder (for bash: ~/.local/share/bash-completion/completions/"
          + "aws-sso-config-generator).",
      "fish: aws-sso-config-generator completion fish > ~/.config/fish/completions/"
          + "aws-sso-config-generator.fish"
    })
final class CompletionCommand implements Callable<Integer> {

  /** The shells a script is made for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  Shell shell;

  /**
   * Prints the script of {@link #shell} for the top command (the one this is a subcommand of) on
   * the command's stdout.
   *
   * @return {@link ExitCode#OK}
   */
  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script =
        switch (shell) {
          case bash, zsh -> AutoComplete.bash(root.getCommandName(), root);
          case fish -> FishCompletion.script(root.getCommandSpec());
        };
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}

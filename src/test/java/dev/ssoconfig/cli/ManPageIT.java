package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages the build writes into {@code target/man} (picocli's ManPageGenerator, then
 * Asciidoctor's manpage converter; see pom.xml): roff that names every option of the command, the
 * exit codes and the examples.
 */
class ManPageIT {
  private static final Path MAN = LauncherProcess.BUILT.resolveSibling("man");

  /**
   * The page's text with lines ending in {@code \n}: Asciidoctor writes it through Ruby's text
   * mode, which on Windows may end lines with CRLF.
   */
  private static String page(String name) throws IOException {
    return Files.readString(MAN.resolve(name), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  /**
   * @return {@code text} as roff writes it: every {@code -} escaped
   */
  private static String roff(String text) {
    return text.replace("-", "\\-");
  }

  @Test
  void the_command_page_is_roff_with_the_sections_of_a_man_page() throws IOException {
    String page = page("aws-sso-config-generator.1");
    assertTrue(page.contains(".TH \"AWS\\-SSO\\-CONFIG\\-GENERATOR\" \"1\""), page);
    for (String section :
        new String[] {
          "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "EXAMPLES"
        }) {
      assertTrue(page.contains(".SH \"" + section + "\"\n"), section + " in\n" + page);
    }
  }

  @Test
  void names_every_option_and_subcommand() throws IOException {
    String page = page("aws-sso-config-generator.1");
    CommandLine command = HelpTextTest.command();
    for (OptionSpec option : command.getCommandSpec().options()) {
      for (String name : option.names()) {
        assertTrue(page.contains(roff(name)), name);
      }
    }
    for (String subcommand : command.getSubcommands().keySet()) {
      assertTrue(page.contains(subcommand), subcommand);
      assertTrue(
          Files.exists(MAN.resolve("aws-sso-config-generator-" + subcommand + ".1")), subcommand);
    }
  }

  @Test
  void lists_the_exit_codes_after_their_heading() throws IOException {
    String page = page("aws-sso-config-generator.1");
    String status =
        page.substring(page.indexOf(".SH \"EXIT STATUS\""), page.indexOf(".SH \"EXAMPLES\""));
    for (int code : HelpTextTest.EVERY_EXIT_CODE) {
      assertTrue(
          Pattern.compile("\\\\fB" + code + "\\\\fP").matcher(status).find(),
          code + " in\n" + status);
    }
  }
}

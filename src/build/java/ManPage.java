import dev.ssoconfig.cli.CredentialsCommand;
import dev.ssoconfig.cli.Environment;
import dev.ssoconfig.cli.GenerateCommand;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (maven-antrun-plugin, prepare-package): writes the AsciiDoc source of the man pages of
 * the command and its subcommands with picocli's {@link ManPageGenerator}, from the same picocli
 * model as {@code --help}; asciidoctor-maven-plugin then turns them into roff in {@code
 * target/man}.
 *
 * <p>Arguments: the folder to write {@code aws-sso-config-generator.adoc} (and one {@code
 * aws-sso-config-generator-SUBCOMMAND.adoc} per subcommand) into.
 */
public final class ManPage {
  private ManPage() {}

  public static void main(String[] args) throws Exception {
    File folder = new File(args[0]);
    if (!folder.isDirectory() && !folder.mkdirs()) {
      throw new IllegalStateException("cannot create " + folder);
    }
    // the command as Main builds it; nothing runs, so no environment, clock or browser is used
    CommandLine command =
        new CommandLine(
            new GenerateCommand(new Environment(Map.of(), "/"), Clock.systemUTC(), uri -> {}));
    command.addSubcommand(
        new CredentialsCommand(new Environment(Map.of(), "/"), Clock.systemUTC()));
    int exit =
        ManPageGenerator.generateManPage(
            folder, null, new boolean[0], true, command.getCommandSpec());
    if (exit != 0) {
      throw new IllegalStateException("ManPageGenerator exited with " + exit);
    }
    // section titles as man pages have them: the usage help's "Exit codes:" heading becomes
    // "Exit status" (man-pages(7)), and no title ends with a colon
    for (File page : folder.listFiles((dir, name) -> name.endsWith(".adoc"))) {
      Path path = page.toPath();
      String text = Files.readString(path, StandardCharsets.UTF_8);
      text =
          text.replaceAll("(?m)^==\\s+Exit codes:?\\s*$", "== Exit status")
              .replaceAll("(?m)^==\\s+(.*?):\\s*$", "== $1")
              .replaceAll("(?m)^:manmanual: .*$", ":manmanual: aws-sso-config-generator manual");
      Files.writeString(path, text, StandardCharsets.UTF_8);
    }
  }
}

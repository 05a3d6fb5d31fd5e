package dev.ssoconfig.profiles;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.InlineComment;
import dev.ssoconfig.text.PyText;
import java.util.Objects;

/**
 * The {@code credential_process} key written into each generated profile with {@code
 * --credential-process}: {@code credential_process = COMMAND --profile NAME}, where {@code COMMAND}
 * starts this tool's {@code credentials} subcommand (already quoted for the platform's shell, see
 * {@code configfile.ShellWords}). Profile names need no quoting: {@code [A-Za-z0-9_.@:+/%-]} are
 * plain characters for {@code shlex.split}, {@code sh} and {@code cmd.exe} alike.
 *
 * @param command the command before {@code --profile}, e.g. {@code '/opt/my
 *     tools/aws-sso-config-generator' credentials}
 */
public record CredentialProcess(String command) {

  /** The key, as botocore and the AWS SDKs read it. */
  public static final String KEY = "credential_process";

  /**
   * @throws Failure of kind {@link Failure.Kind#USAGE} if the command cannot be written as a value
   *     that every reader gets back unchanged: a control character or line break, whitespace at
   *     either end, or a {@code #} or {@code ;} after whitespace (the AWS SDK for Java reads it as
   *     the start of a comment)
   */
  public CredentialProcess {
    Objects.requireNonNull(command, "command");
    String problem = problem(command);
    if (problem != null) {
      throw Failure.usage(
          "--credential-process: the command that starts this tool cannot be written into the"
              + " config file ("
              + problem
              + "); move the tool to a folder whose path has no such characters, or set"
              + " AWS_SSO_CONFIG_GENERATOR_LAUNCHER");
    }
  }

  /**
   * @param profile a generated profile's name
   * @return {@code credential_process = COMMAND --profile NAME}
   */
  public Property property(String profile) {
    return new Property(KEY, command + " --profile " + profile);
  }

  private static String problem(String command) {
    if (command.isEmpty() || !PyText.strip(command).equals(command)) {
      return "it is empty or starts or ends with whitespace";
    }
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return "a control character or line break";
      }
    }
    if (InlineComment.in(command)) {
      return "a # or ; after a space";
    }
    return null;
  }
}

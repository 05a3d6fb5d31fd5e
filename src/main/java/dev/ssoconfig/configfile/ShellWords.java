package dev.ssoconfig.configfile;

import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Joins words into the text of a {@code credential_process} value so that each reader splits it
 * back into the same words.
 *
 * <ul>
 *   <li>POSIX: botocore splits the value with Python's {@code shlex.split} ({@code
 *       compat_shell_split}) and the AWS SDK for Java runs it with {@code sh -c}. A word is quoted
 *       as Python's {@code shlex.quote} does: left alone if it is made of {@code
 *       [A-Za-z0-9_@%+=:,./-]} only, else put in single quotes, each {@code '} in it written as
 *       {@code '"'"'}. Both readers give back the word.
 *   <li>Windows: botocore splits the value by the C runtime's rules ({@code _windows_shell_split})
 *       and the AWS SDK for Java runs it with {@code cmd.exe /C}. A word with a space or tab, or an
 *       empty word, is put in double quotes; a word with {@code "} cannot be quoted for both and is
 *       refused (no Windows path holds one).
 * </ul>
 */
public final class ShellWords {
  private static final Pattern POSIX_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  /**
   * @param word any text
   * @return the word as Python's {@code shlex.quote} writes it
   */
  public static String posixQuote(String word) {
    if (POSIX_SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }

  /**
   * @param word any text without {@code "}
   * @return the word, in double quotes when it is empty or holds a space or tab
   * @throws IllegalArgumentException if the word holds {@code "}
   */
  public static String windowsQuote(String word) {
    if (word.indexOf('"') >= 0) {
      throw new IllegalArgumentException("a word with \" cannot be quoted for cmd.exe: " + word);
    }
    return word.isEmpty() || word.indexOf(' ') >= 0 || word.indexOf('\t') >= 0
        ? "\"" + word + "\""
        : word;
  }

  /**
   * @param words the words of a command
   * @param windows whether the command runs on Windows
   * @return the words, each quoted for the platform, separated by single spaces
   * @throws IllegalArgumentException on Windows, if a word holds {@code "}
   */
  public static String join(List<String> words, boolean windows) {
    StringJoiner text = new StringJoiner(" ");
    for (String word : words) {
      text.add(windows ? windowsQuote(word) : posixQuote(word));
    }
    return text.toString();
  }
}

package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  private static final List<String> WORDS =
      List.of(
          "/usr/local/bin/aws-sso-config-generator",
          "/home/me/my tools/aws-sso-config-generator",
          "/opt/it's here/x",
          "C:\\Program Files\\tool.exe",
          "",
          "a\"b",
          "$HOME",
          "`id`",
          "a\\b",
          "Prod-Account.AdministratorAccess@eu-west-1:x+y/%z");

  @Nested
  class Posix {
    @Test
    void splits_back_into_the_same_words_as_botocores_shlex_split() {
      String joined = ShellWords.join(WORDS, false);

      assertEquals(Optional.of(WORDS), Shlex.split(joined));
    }

    @Test
    void quotes_as_pythons_shlex_quote() {
      assertEquals("/usr/bin/x", ShellWords.posixQuote("/usr/bin/x"));
      assertEquals("'/my tools/x'", ShellWords.posixQuote("/my tools/x"));
      assertEquals("'it'\"'\"'s'", ShellWords.posixQuote("it's"));
      assertEquals("''", ShellWords.posixQuote(""));
      assertEquals("'$HOME'", ShellWords.posixQuote("$HOME"));
    }
  }

  @Nested
  class Windows {
    @Test
    void puts_words_with_spaces_in_double_quotes() {
      assertEquals(
          "\"C:\\Program Files\\tool.exe\" credentials",
          ShellWords.join(List.of("C:\\Program Files\\tool.exe", "credentials"), true));
    }

    @Test
    void refuses_a_word_with_a_double_quote() {
      assertThrows(IllegalArgumentException.class, () -> ShellWords.windowsQuote("a\"b"));
    }
  }
}

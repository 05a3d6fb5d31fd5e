package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.Failure;
import dev.ssoconfig.testing.FailureAssert;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private static final Path JAVA_HOME = Path.of("/opt/jdk 17");

  @Nested
  class Words {
    @Test
    void the_launcher_script_is_its_own_command_even_in_a_folder_with_spaces() {
      URI launcher = Path.of("/home/me/my tools/aws-sso-config-generator").toUri();

      assertEquals(
          List.of("/home/me/my tools/aws-sso-config-generator"),
          Launcher.words(Optional.empty(), launcher, JAVA_HOME, false));
    }

    @Test
    void a_jar_runs_with_this_jvms_java() {
      URI jar = Path.of("/opt/x/aws-sso-config-generator.jar").toUri();

      assertEquals(
          List.of("/opt/jdk 17/bin/java", "-jar", "/opt/x/aws-sso-config-generator.jar"),
          Launcher.words(Optional.empty(), jar, JAVA_HOME, false));
    }

    @Test
    void a_native_executable_is_its_own_command() {
      assertEquals(
          List.of("/usr/local/bin/aws-sso-config-generator"),
          Launcher.words(
              Optional.of(Path.of("/usr/local/bin/aws-sso-config-generator")),
              null,
              JAVA_HOME,
              false));
    }

    @Test
    void a_classes_folder_asks_for_the_variable() {
      Failure failure =
          FailureAssert.assertFailure(
              Failure.Kind.USAGE,
              () ->
                  Launcher.words(
                      Optional.empty(),
                      URI.create("file:/work/target/classes/"),
                      JAVA_HOME,
                      false));

      assertTrue(failure.getMessage().contains(Launcher.VARIABLE), failure.getMessage());
    }
  }

  @Nested
  class Command {
    @Test
    void the_variable_is_written_as_given_and_the_default_config_is_not_named() {
      Environment environment =
          new Environment(Map.of("HOME", "/home/me", Launcher.VARIABLE, " my-wrapper "), null);

      assertEquals(
          "my-wrapper credentials",
          Launcher.credentialProcess(environment, Path.of("/home/me/.aws/config")).command());
    }

    @Test
    void a_launcher_command_with_a_comment_character_after_a_space_is_refused() {
      Environment environment =
          new Environment(Map.of("HOME", "/home/me", Launcher.VARIABLE, "'/a ;b/x'"), null);

      FailureAssert.assertFailure(
          Failure.Kind.USAGE,
          () -> Launcher.credentialProcess(environment, Path.of("/home/me/.aws/config")));
    }
  }
}

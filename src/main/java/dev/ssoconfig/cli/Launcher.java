package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.configfile.ShellWords;
import dev.ssoconfig.profiles.CredentialProcess;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the command that starts this tool, for the {@code credential_process} key that {@code
 * --credential-process} writes: absolute, so that it works whatever the {@code PATH} and working
 * folder of the program that runs it.
 *
 * <ul>
 *   <li>{@value #VARIABLE}, when set, is taken as it is (already quoted for the shell): for wrapper
 *       scripts and packages that start the jar their own way.
 *   <li>A native executable: the executable itself.
 *   <li>The launcher {@code aws-sso-config-generator} (a shell script followed by the jar, which
 *       runs {@code java -jar} on itself): the launcher's path, which is the JVM's code source.
 *   <li>A jar ({@code *.jar}): this JVM's {@code java} with {@code -jar} and the jar's path.
 *   <li>A classes folder (a build or an IDE): no command can be told; a usage failure asks for
 *       {@value #VARIABLE}.
 * </ul>
 *
 * The words are quoted with {@link ShellWords} for the platform: a path with spaces works with
 * botocore ({@code shlex.split}) and the AWS SDK for Java ({@code sh -c}, {@code cmd.exe /C}).
 */
final class Launcher {
  /** Overrides the detected command; its value is written as it is. */
  static final String VARIABLE = "AWS_SSO_CONFIG_GENERATOR_LAUNCHER";

  private Launcher() {}

  /**
   * @param environment the environment ({@value #VARIABLE}, the home folder)
   * @param configFile the config file being written; named with {@code --config-file} in the
   *     command unless it is the default {@code ~/.aws/config}
   * @return the {@code credential_process} command of this run, before {@code --profile}
   * @throws Failure of kind {@link Failure.Kind#USAGE} when the command cannot be told or written
   */
  static CredentialProcess credentialProcess(Environment environment, Path configFile) {
    boolean windows = environment.windows();
    String given = environment.get(VARIABLE);
    String launcher =
        given != null
            ? given.strip()
            : join(
                words(
                    nativeExecutable(),
                    codeSource(),
                    Path.of(System.getProperty("java.home")),
                    windows),
                windows);
    List<String> rest = new ArrayList<>(List.of("credentials"));
    Path config = configFile.toAbsolutePath().normalize();
    if (!config.equals(environment.defaultConfigFile().toAbsolutePath().normalize())) {
      rest.add("--config-file");
      rest.add(config.toString());
    }
    return new CredentialProcess(launcher + " " + join(rest, windows));
  }

  /**
   * @param nativeExecutable the executable of a native image, or empty on a JVM
   * @param codeSource where this tool's classes were loaded from, or {@code null} if unknown
   * @param javaHome this JVM's home folder
   * @param windows whether the platform is Windows
   * @return the words of the command that starts this tool
   * @throws Failure of kind {@link Failure.Kind#USAGE} for a classes folder or an unknown source
   */
  static List<String> words(
      Optional<Path> nativeExecutable, URI codeSource, Path javaHome, boolean windows) {
    if (nativeExecutable.isPresent()) {
      return List.of(nativeExecutable.get().toAbsolutePath().toString());
    }
    if (codeSource == null
        || !"file".equals(codeSource.getScheme())
        || codeSource.getPath() == null
        || codeSource.getPath().endsWith("/")) {
      throw Failure.usage(
          "--credential-process: cannot tell the command that starts this tool (it runs from "
              + (codeSource == null ? "an unknown place" : codeSource)
              + "); set "
              + VARIABLE
              + " to that command");
    }
    Path code = Path.of(codeSource).toAbsolutePath().normalize();
    if (!code.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
      return List.of(code.toString()); // the launcher: a shell script with the jar appended
    }
    String java = javaHome.resolve("bin").resolve(windows ? "java.exe" : "java").toString();
    return List.of(java, "-jar", code.toString());
  }

  private static String join(List<String> words, boolean windows) {
    try {
      return ShellWords.join(words, windows);
    } catch (IllegalArgumentException e) {
      throw Failure.usage(
          "--credential-process: a path holds a \" and cannot be quoted for cmd.exe; set "
              + VARIABLE);
    }
  }

  private static Optional<Path> nativeExecutable() {
    if (System.getProperty("org.graalvm.nativeimage.imagecode") == null) {
      return Optional.empty();
    }
    return ProcessHandle.current().info().command().map(Path::of);
  }

  private static URI codeSource() {
    CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return source.getLocation().toURI();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}

package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The process environment the command depends on, injected so tests run against a temp dir, a fake
 * Identity Center and the operating system they choose. Pure computation: nothing here touches the
 * disk, except {@code procVersion} of {@link #system()}, which reads {@code /proc/version} when
 * {@link #wsl()} needs it.
 *
 * @param variables the environment variables (usually {@link System#getenv()}); on Windows, whose
 *     variable names ignore case, the names are taken upper-cased (as Python's {@code os.environ}
 *     does there, so the AWS CLI reads {@code aws_config_file} as {@code AWS_CONFIG_FILE}, and as
 *     {@code System.getenv(name)}, which the SDKs call, finds it)
 * @param userHome the {@code user.home} system property, the last fallback for the home folder
 * @param osName the {@code os.name} system property, e.g. {@code Linux}, {@code Mac OS X}, {@code
 *     Windows 11}
 * @param procVersion gives the text of {@code /proc/version} (Linux), or {@code ""} when it cannot
 *     be read; asked only by {@link #wsl()}
 */
public record Environment(
    Map<String, String> variables, String userHome, String osName, Supplier<String> procVersion) {

  public Environment {
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(procVersion, "procVersion");
    variables = Map.copyOf(isWindows(osName) ? upperCaseNames(variables) : variables);
  }

  private static boolean isWindows(String osName) {
    return osName.toLowerCase(Locale.ROOT).startsWith("windows");
  }

  /** The variables with upper-cased names; of names that differ only in case, one is kept. */
  private static Map<String, String> upperCaseNames(Map<String, String> variables) {
    Map<String, String> upper = new HashMap<>();
    variables.forEach((name, value) -> upper.putIfAbsent(name.toUpperCase(Locale.ROOT), value));
    return upper;
  }

  /**
   * An environment on this JVM's operating system ({@code os.name}) whose {@code /proc/version}
   * says nothing (so only the variables tell WSL).
   */
  public Environment(Map<String, String> variables, String userHome) {
    this(variables, userHome, System.getProperty("os.name", ""), () -> "");
  }

  /** The environment of this process. */
  public static Environment system() {
    return new Environment(
        System.getenv(),
        System.getProperty("user.home"),
        System.getProperty("os.name", ""),
        Environment::readProcVersion);
  }

  /**
   * @return whether {@link #osName} is macOS
   */
  public boolean macOs() {
    String os = osName.toLowerCase(Locale.ROOT);
    return os.startsWith("mac") || os.startsWith("darwin");
  }

  /**
   * @return whether {@link #osName} is Windows
   */
  public boolean windows() {
    return isWindows(osName);
  }

  /**
   * Whether this is Linux under the Windows Subsystem for Linux, where the Windows browser can be
   * opened ({@code wslview}, {@code cmd.exe}) without a display: {@code WSL_DISTRO_NAME} or {@code
   * WSL_INTEROP} is set (WSL sets both in its sessions), or {@code /proc/version} contains {@code
   * microsoft} in any case (the WSL kernel's name, also when the variables were cleared, e.g. by
   * {@code sudo}).
   */
  public boolean wsl() {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return false;
    }
    if (get("WSL_DISTRO_NAME") != null || get("WSL_INTEROP") != null) {
      return true;
    }
    return procVersion.get().toLowerCase(Locale.ROOT).contains("microsoft");
  }

  private static String readProcVersion() {
    try {
      return Files.readString(Path.of("/proc/version"), StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * The home folder as the AWS SDKs find it: {@code HOME}, then {@code USERPROFILE}, then {@code
   * HOMEDRIVE}+{@code HOMEPATH}, then {@code user.home} (the rule of the SDKs' shared config-file
   * spec; Java's {@code user.home} alone ignores {@code HOME}).
   *
   * @return an absolute or relative path as given; never {@code null}
   * @throws Failure of kind {@link Failure.Kind#USAGE} if no home folder can be found at all
   */
  public Path home() {
    String home = get("HOME");
    if (home == null) {
      home = get("USERPROFILE");
    }
    if (home == null && get("HOMEDRIVE") != null && get("HOMEPATH") != null) {
      home = get("HOMEDRIVE") + get("HOMEPATH");
    }
    if (home == null) {
      home = userHome;
    }
    if (home == null || home.isBlank()) {
      throw Failure.usage("cannot find the home folder: set HOME or AWS_CONFIG_FILE");
    }
    return Path.of(home);
  }

  /**
   * The AWS config file: {@code AWS_CONFIG_FILE} if set (a leading {@code ~/} expanded to the home
   * folder, as the AWS CLI does), else {@code ~/.aws/config}. A variable that is set but empty
   * gives the empty path, not the default: botocore then reads no config file at all, so the
   * command refuses it ({@link InputRules#configFile}).
   */
  public Path configFile() {
    String explicit = variables.get("AWS_CONFIG_FILE");
    if (explicit != null) {
      return explicit.isEmpty() ? Path.of("") : expandTilde(explicit);
    }
    return defaultConfigFile();
  }

  /**
   * @return {@code ~/.aws/config}: the config file when {@code AWS_CONFIG_FILE} is unset
   */
  public Path defaultConfigFile() {
    return home().resolve(".aws").resolve("config");
  }

  /** The SSO cache folder shared with the AWS CLI and SDKs: {@code ~/.aws/sso/cache}. */
  public Path ssoCacheDir() {
    return home().resolve(".aws").resolve("sso").resolve("cache");
  }

  /**
   * The endpoint override for the IAM Identity Center OIDC service: {@code
   * AWS_ENDPOINT_URL_SSO_OIDC}, else {@code AWS_ENDPOINT_URL} (the SDKs' service-specific endpoint
   * rule).
   *
   * @throws Failure of kind {@link Failure.Kind#USAGE} if the variable is set but is not an
   *     absolute URL
   */
  public Optional<URI> oidcEndpoint() {
    return endpoint("AWS_ENDPOINT_URL_SSO_OIDC");
  }

  /**
   * The endpoint override for the AWS SSO portal API: {@code AWS_ENDPOINT_URL_SSO}, else {@code
   * AWS_ENDPOINT_URL}.
   *
   * @throws Failure of kind {@link Failure.Kind#USAGE} if the variable is set but is not an
   *     absolute URL
   */
  public Optional<URI> portalEndpoint() {
    return endpoint("AWS_ENDPOINT_URL_SSO");
  }

  /** The value of a variable, or {@code null} when unset or empty. */
  public String get(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** An {@code @} in the authority: {@code scheme://NAME[:PASSWORD]@host}. */
  private static final Pattern USER_INFO = Pattern.compile("^[^/?#]*//[^/?#]*@");

  private Optional<URI> endpoint(String specific) {
    String name = get(specific) != null ? specific : "AWS_ENDPOINT_URL";
    String value = get(name);
    if (value == null) {
      return Optional.empty();
    }
    // a user name or password before the host would be printed wherever the endpoint is named
    if (USER_INFO.matcher(value).find()) {
      throw Failure.usage(
          name
              + " must not contain a user name or password (NAME:PASSWORD@ before the host); give"
              + " the endpoint URL alone");
    }
    try {
      URI uri = new URI(value.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an absolute URL");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw Failure.usage(name + " is not an absolute URL: " + SafeText.line(value));
    }
  }

  private Path expandTilde(String path) {
    if (path.equals("~")) {
      return home();
    }
    if (path.startsWith("~/") || path.startsWith("~\\")) {
      return home().resolve(path.substring(2));
    }
    return Path.of(path);
  }
}

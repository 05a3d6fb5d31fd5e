package dev.ssoconfig.configfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The config file could not be read or written. The message is one line for a person, e.g. {@code
 * cannot write /home/me/.aws/config: permission denied}; it names the path and the reason and never
 * holds a stack trace. The command maps this to exit code 5.
 */
public class ConfigFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path path;
  private final String reason;

  /**
   * @param action what was attempted, e.g. {@code read} or {@code write}
   * @param path the config file path as configured
   * @param reason why it failed, lower case, e.g. {@code permission denied}
   * @param cause the underlying failure, kept for {@code --verbose}; may be {@code null}
   */
  public ConfigFileException(String action, Path path, String reason, Throwable cause) {
    super("cannot " + action + " " + path + ": " + reason, cause);
    this.path = Objects.requireNonNull(path, "path");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The config file path as configured (a symbolic link is not resolved). */
  public Path path() {
    return path;
  }

  /** Why it failed, e.g. {@code permission denied}, {@code disk full}. */
  public String reason() {
    return reason;
  }
}

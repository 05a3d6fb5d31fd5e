package dev.ssoconfig.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into {@code version.properties}; used by {@code --version}. */
public final class VersionProvider implements IVersionProvider {

  /**
   * @return one line: the tool's name and version, e.g. {@code aws-sso-config-generator 0.1.0}
   */
  @Override
  public String[] getVersion() {
    return new String[] {"aws-sso-config-generator " + version()};
  }

  /**
   * @return the project version, or {@code unknown} when run from a build without resources
   */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}

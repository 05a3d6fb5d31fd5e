package dev.ssoconfig.login;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens a URL in the person's browser by starting a command, the way the AWS CLI does through
 * Python's {@code webbrowser} module.
 *
 * <p>The command is chosen as follows:
 *
 * <ol>
 *   <li>{@code $BROWSER} when set and not blank: its first non-empty entry (entries are separated
 *       by the path separator, {@code :} or {@code ;} on Windows, as in Python's {@code
 *       webbrowser}), split into words honouring single and double quotes; every {@code %s} in the
 *       words is replaced by the URL, and if there is none the URL is appended as the last
 *       argument;
 *   <li>else {@code open URL} on macOS, {@code rundll32 url.dll,FileProtocolHandler URL} on
 *       Windows, and {@code xdg-open URL} on Linux, the BSDs and anything else.
 * </ol>
 *
 * <p>The process is started with its input closed and its output discarded; it is never waited for,
 * so a browser that stays in the foreground does not hold up the sign-in.
 */
public final class SystemBrowserOpener implements BrowserOpener {
  private final Map<String, String> env;
  private final String osName;

  /**
   * @param env the environment to read {@code BROWSER} from, usually {@code System.getenv()}
   * @param osName the operating system name, usually {@code System.getProperty("os.name")}
   */
  public SystemBrowserOpener(Map<String, String> env, String osName) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.osName = Objects.requireNonNull(osName, "osName");
  }

  /**
   * Starts the browser command for {@code uri} and returns without waiting for it.
   *
   * @throws IOException if the command could not be started (not installed, not executable)
   */
  @Override
  public void open(URI uri) throws IOException {
    start(uri);
  }

  /** Starts the command; package-private so a test can wait for a harmless stand-in to finish. */
  Process start(URI uri) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command(uri))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /**
   * @param uri the URL to show
   * @return the command line that {@link #open(URI)} runs for {@code uri}, program first
   */
  public List<String> command(URI uri) {
    String url = uri.toString();
    String browser = firstBrowserEntry();
    if (browser != null) {
      List<String> words = splitWords(browser);
      List<String> command = new ArrayList<>();
      boolean substituted = false;
      for (String word : words) {
        if (word.contains("%s")) {
          command.add(word.replace("%s", url));
          substituted = true;
        } else {
          command.add(word);
        }
      }
      if (!substituted) {
        command.add(url);
      }
      return List.copyOf(command);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return List.of("open", url);
    }
    if (os.startsWith("windows")) {
      return List.of("rundll32", "url.dll,FileProtocolHandler", url);
    }
    return List.of("xdg-open", url);
  }

  private String firstBrowserEntry() {
    String value = env.get("BROWSER");
    if (value == null) {
      return null;
    }
    String separator = osName.toLowerCase(Locale.ROOT).startsWith("windows") ? ";" : ":";
    for (String entry : value.split(Pattern.quote(separator))) {
      if (!splitWords(entry).isEmpty()) {
        return entry;
      }
    }
    return null;
  }

  /** Splits a command line into words on blanks, honouring '…' and "…" quoting (no escapes). */
  static List<String> splitWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}

package dev.ssoconfig.login;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a URL in the person's browser by starting a command, the way the AWS CLI does through
 * Python's {@code webbrowser} module: the commands of {@code $BROWSER} first, then the platform's
 * opener, each tried in turn until one works.
 *
 * <p>The commands, in order ({@link #commands(URI)}):
 *
 * <ol>
 *   <li>each non-blank entry of {@code $BROWSER}: entries are separated by the path separator,
 *       {@code :} ({@code ;} on Windows), as in Python's {@code webbrowser}. An entry is split into
 *       words honouring single and double quotes; every {@code %s} in the words is replaced by the
 *       URL, and if there is none the URL is appended as the last argument. A last word {@code &}
 *       marks a command that is only started: its exit status is not looked at (Python's {@code
 *       BackgroundBrowser}). Unlike Python, an entry without {@code %s} is split into words too, so
 *       {@code BROWSER='firefox --new-window'} works; quote a program path that holds blanks.
 *   <li>then the platform's opener: {@code open URL} on macOS; {@code rundll32
 *       url.dll,FileProtocolHandler URL} on Windows; on WSL (see {@code cli.Environment#wsl})
 *       {@code wslview URL}, then {@code cmd.exe /c start URL} (with {@code cmd}'s special
 *       characters escaped by {@code ^}), then {@code xdg-open URL}; {@code xdg-open URL} on Linux,
 *       the BSDs and anything else.
 * </ol>
 *
 * <p>A command counts as having failed when it cannot be started (not installed, not executable) or
 * when it exits with a non-zero status within {@link #DEFAULT_EXIT_WAIT} (as Python's {@code
 * GenericBrowser} does, but without waiting longer: {@code xdg-open} that found no way to show a
 * page exits at once with code 3, while one that starts a browser in the foreground may run as long
 * as the browser does). A command still running after that wait, or one that exited with status 0,
 * counts as having opened the page, and the next ones are not tried. Each process is started with
 * its input closed and its output discarded.
 */
public final class SystemBrowserOpener implements BrowserOpener {

  /** The errno in the JDK's message: {@code error=2, TEXT} (JDK 17) or {@code error: 2 (TEXT)}. */
  private static final Pattern ERRNO =
      Pattern.compile("error(?:=(\\d+), (.*)|: (\\d+) \\((.*)\\))");

  /**
   * How long a started command has to report failure before it counts as having opened the page.
   */
  public static final Duration DEFAULT_EXIT_WAIT = Duration.ofSeconds(3);

  /** {@code cmd.exe} reads these in its command line; {@code ^} makes each literal. */
  private static final Pattern CMD_SPECIAL = Pattern.compile("([\\^&|<>()])");

  private final Map<String, String> env;
  private final String osName;
  private final BooleanSupplier wsl;
  private final Duration exitWait;
  private final Starter starter;

  /** Starts a command; tests give one that runs stand-ins instead of the real programs. */
  @FunctionalInterface
  interface Starter {
    /**
     * @param command the program and its arguments
     * @return the started process
     * @throws IOException if it cannot be started
     */
    Process start(List<String> command) throws IOException;
  }

  /**
   * @param env the environment to read {@code BROWSER} from, usually {@code System.getenv()}
   * @param osName the operating system name, usually {@code System.getProperty("os.name")}
   * @param wsl whether this is Linux under the Windows Subsystem for Linux; asked only when the
   *     platform's opener is needed
   */
  public SystemBrowserOpener(Map<String, String> env, String osName, BooleanSupplier wsl) {
    this(env, osName, wsl, DEFAULT_EXIT_WAIT, SystemBrowserOpener::start);
  }

  /**
   * As {@link #SystemBrowserOpener(Map, String, BooleanSupplier)}, with the wait for a command's
   * failure and what starts a command.
   */
  SystemBrowserOpener(
      Map<String, String> env,
      String osName,
      BooleanSupplier wsl,
      Duration exitWait,
      Starter starter) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.osName = Objects.requireNonNull(osName, "osName");
    this.wsl = Objects.requireNonNull(wsl, "wsl");
    this.exitWait = Objects.requireNonNull(exitWait, "exitWait");
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  /**
   * Tries the commands for {@code uri} in order (see the class comment) and returns as soon as one
   * has opened the page; waits at most {@link #DEFAULT_EXIT_WAIT} per command started.
   *
   * @throws IOException if every command failed; the message names each program and how it failed,
   *     e.g. {@code xdg-open exited with code 3}, {@code wslview: not found}
   */
  @Override
  public void open(URI uri) throws IOException {
    List<String> failures = new ArrayList<>();
    for (BrowserCommand command : commands(uri)) {
      String program = command.words().get(0);
      Process process;
      try {
        process = starter.start(command.words());
      } catch (IOException e) {
        failures.add(program + ": " + startFailure(e));
        continue;
      }
      if (command.background()) {
        return;
      }
      try {
        if (!process.waitFor(exitWait.toMillis(), TimeUnit.MILLISECONDS)
            || process.exitValue() == 0) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      failures.add(program + " exited with code " + process.exitValue());
    }
    throw new IOException(
        failures.isEmpty() ? "no command to open a browser" : String.join("; ", failures));
  }

  /** Starts {@code command} with its input closed and its output discarded. */
  static Process start(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    return process;
  }

  /**
   * Why a program could not be started, in words. The JDK's message carries the errno: {@code
   * error=2, No such file or directory} on JDK 17, {@code Exec failed, error: 2 (No such file or
   * directory)} on JDK 25.
   */
  private static String startFailure(IOException e) {
    String message = String.valueOf(e.getMessage());
    Matcher errno = ERRNO.matcher(message);
    if (!errno.find()) {
      return "cannot be started (" + message.strip() + ")";
    }
    String number = errno.group(1) != null ? errno.group(1) : errno.group(3);
    String reason = (errno.group(1) != null ? errno.group(2) : errno.group(4)).strip();
    return switch (number) {
      case "2" -> "not found";
      case "13" -> "permission denied";
      default -> "cannot be started (" + reason + ")";
    };
  }

  /**
   * One command to try.
   *
   * @param words the program and its arguments
   * @param background only start it; its exit status does not tell whether it worked
   */
  public record BrowserCommand(List<String> words, boolean background) {
    public BrowserCommand {
      words = List.copyOf(words);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("a command needs a program");
      }
    }
  }

  /**
   * @param uri the URL to show
   * @return the commands {@link #open(URI)} tries for {@code uri}, in order
   */
  public List<BrowserCommand> commands(URI uri) {
    String url = uri.toString();
    List<BrowserCommand> commands = new ArrayList<>();
    for (String entry : browserEntries()) {
      commands.add(fromBrowserEntry(entry, url));
    }
    commands.addAll(platformCommands(url));
    return List.copyOf(commands);
  }

  private List<BrowserCommand> platformCommands(String url) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return List.of(new BrowserCommand(List.of("open", url), false));
    }
    if (os.startsWith("windows")) {
      return List.of(
          new BrowserCommand(List.of("rundll32", "url.dll,FileProtocolHandler", url), false));
    }
    BrowserCommand xdgOpen = new BrowserCommand(List.of("xdg-open", url), false);
    if (os.startsWith("linux") && wsl.getAsBoolean()) {
      return List.of(
          new BrowserCommand(List.of("wslview", url), false),
          new BrowserCommand(List.of("cmd.exe", "/c", "start", cmdEscape(url)), false),
          xdgOpen);
    }
    return List.of(xdgOpen);
  }

  /** Escapes {@code cmd.exe}'s special characters with {@code ^}, so {@code &} stays in the URL. */
  static String cmdEscape(String text) {
    return CMD_SPECIAL.matcher(text).replaceAll("^$1");
  }

  private static BrowserCommand fromBrowserEntry(String entry, String url) {
    List<String> words = new ArrayList<>(splitWords(entry));
    boolean background = words.size() > 1 && words.get(words.size() - 1).equals("&");
    if (background) {
      words.remove(words.size() - 1);
    }
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
    return new BrowserCommand(command, background);
  }

  private List<String> browserEntries() {
    String value = env.get("BROWSER");
    if (value == null) {
      return List.of();
    }
    String separator = osName.toLowerCase(Locale.ROOT).startsWith("windows") ? ";" : ":";
    List<String> entries = new ArrayList<>();
    for (String entry : value.split(Pattern.quote(separator))) {
      if (!splitWords(entry).isEmpty()) {
        entries.add(entry);
      }
    }
    return entries;
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

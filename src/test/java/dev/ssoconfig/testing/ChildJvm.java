package dev.ssoconfig.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code main} class of the test classpath run in a separate JVM, tuned to start fast; its stdout
 * is read line by line, its stderr goes to a file for failure messages. Closing it kills the
 * process (SIGKILL) if it still runs.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader stdout;
  private final Path stderr;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stderr = stderr;
  }

  /**
   * Starts {@code main} with the running JVM's java and classpath.
   *
   * @param stderr file the child's stderr is written to
   */
  public static ChildJvm start(Class<?> main, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String hosts = System.getProperty(NoDns.HOSTS_FILE_PROPERTY);
    if (hosts != null) {
      // the child resolves names as this JVM does: from the hosts file, never by a DNS query
      // (ConfigLock looks up the host name on macOS, and names a holder on another host)
      command.add("-D" + NoDns.HOSTS_FILE_PROPERTY + "=" + hosts);
    }
    command.addAll(
        List.of(
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            main.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
            .start();
    return new ChildJvm(process, stderr);
  }

  /** The next line the child printed; fails with its stderr if it ended first. */
  public String awaitLine() throws IOException {
    String line = stdout.readLine();
    if (line == null) {
      throw new IllegalStateException(
          "child JVM ended without output: " + Files.readString(stderr).strip());
    }
    return line;
  }

  public Process process() {
    return process;
  }

  /**
   * Kills the child with SIGKILL ({@link Process#destroyForcibly()}) and waits until it is gone.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stdout.close();
  }
}

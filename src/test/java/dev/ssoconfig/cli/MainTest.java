package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ssoconfig.cli.CliHarness.Result;
import dev.ssoconfig.testing.FakeIdentityCenter;
import dev.ssoconfig.testing.TestBrowser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How a run ends when it is interrupted or cannot write its output. */
@Timeout(60)
class MainTest {
  private static final byte[] MINE =
      "[default]\r\nregion = eu-west-1\r\n# mine".getBytes(StandardCharsets.UTF_8);

  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();
  private CliHarness cli;

  @BeforeEach
  void startFake() throws IOException {
    cli = new CliHarness(home, fake);
    Files.createDirectories(cli.config().getParent());
    Files.write(cli.config(), MINE);
  }

  /** A stdout that fails like one on a full disk. */
  private static final class FullDisk extends Writer {
    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void close() {}
  }

  @Nested
  class Interrupted {
    @Test
    void an_interrupted_wait_for_the_sign_in_exits_130_with_one_line_and_keeps_the_config()
        throws Exception {
      cli.browser = TestBrowser.recording();
      AtomicReference<Result> result = new AtomicReference<>();
      Thread run = new Thread(() -> result.set(cli.generate("--timeout", "5m")));
      run.start();

      cli.browser.awaitFirstOpened();
      run.interrupt();
      run.join(30_000);

      assertFalse(run.isAlive());
      assertEquals(130, result.get().code(), result.get().err());
      assertEquals(List.of(Main.NAME + ": Interrupted"), result.get().errorLines());
      assertArrayEquals(MINE, Files.readAllBytes(cli.config()));
    }

    @Test
    void the_shutdown_hook_reports_a_run_that_has_not_finished() {
      StringWriter err = new StringWriter();
      Main main = main(new StringWriter(), err);

      main.reportIfInterrupted();
      main.reportIfInterrupted();

      assertEquals(Main.NAME + ": Interrupted" + System.lineSeparator(), err.toString());
    }

    @Test
    void the_shutdown_hook_is_silent_after_the_run_finished() {
      StringWriter err = new StringWriter();
      Main main = main(new StringWriter(), err);

      assertEquals(0, main.run("--version"));
      main.reportIfInterrupted();

      assertEquals("", err.toString());
    }
  }

  @Nested
  class UnwritableOutput {
    @Test
    void version_on_a_full_stdout_exits_5_with_one_line() {
      StringWriter err = new StringWriter();

      int code = main(new FullDisk(), err).run("--version");

      assertEquals(ExitCode.FILE, code);
      assertEquals(
          List.of(Main.NAME + ": cannot write to standard output; the output is incomplete"),
          err.toString().lines().toList());
    }

    @Test
    void a_dry_run_on_a_full_stdout_exits_5_and_writes_nothing() throws IOException {
      Result result = cli.run(new FullDisk(), CliHarness.generateArgs("--dry-run"));

      assertEquals(ExitCode.FILE, result.code(), result.err());
      assertEquals(
          List.of(Main.NAME + ": cannot write to standard output; the output is incomplete"),
          result.errorLines());
      assertArrayEquals(MINE, Files.readAllBytes(cli.config()));
    }

    @Test
    void a_failed_run_keeps_its_own_exit_code() {
      Result result =
          cli.run(new FullDisk(), "--start-url", "http://plain", "--region", "us-east-1");

      assertEquals(ExitCode.USAGE, result.code(), result.err());
    }
  }

  private Main main(Writer out, StringWriter err) {
    return new Main(
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        new Environment(Map.of("HOME", home.toString()), home.toString()),
        Clock.systemUTC(),
        uri -> {});
  }
}

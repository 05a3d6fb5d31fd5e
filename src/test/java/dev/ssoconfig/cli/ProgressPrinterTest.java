package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.portal.PaceSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private static final PaceSnapshot CALM = new PaceSnapshot(38, false, 120, 0);
  private static final PaceSnapshot THROTTLED = new PaceSnapshot(19.6, true, 240, 7);

  private final StringWriter sent = new StringWriter();
  private long nanos;

  @Nested
  class OnATerminal {
    private final StatusLine status = new StatusLine(sent, 100);
    private final PrintWriter err = new PrintWriter(status, true);

    private ProgressPrinter printer(boolean colour) {
      return new ProgressPrinter(err, new Display(status, colour), Verbosity.NORMAL, () -> nanos);
    }

    private String shown() {
      List<String> screen = TerminalScreen.render(sent.toString());
      return screen.get(screen.size() - 1);
    }

    @Test
    void shows_one_live_line_with_accounts_roles_and_pace() {
      ProgressPrinter printer = printer(false);
      printer.started();
      assertEquals("Listing accounts…", shown());

      printer.accountsListed(1000);
      nanos += ProgressPrinter.REDRAW_NANOS;
      printer.rolesListed(412, 1000, 1236, CALM);

      assertEquals("Listing: accounts 412/1000, roles 1236, 38 calls/s", shown());
      assertEquals(1, TerminalScreen.render(sent.toString()).size(), "one line only");
    }

    @Test
    void says_when_the_portal_throttles() {
      ProgressPrinter printer = printer(false);
      printer.accountsListed(10);
      nanos += ProgressPrinter.REDRAW_NANOS;

      printer.rolesListed(3, 10, 9, THROTTLED);

      assertEquals("Listing: accounts 3/10, roles 9, 20 calls/s, throttled, slowing down", shown());
    }

    @Test
    void redraws_at_most_ten_times_a_second_but_always_for_the_last_account() {
      ProgressPrinter printer = printer(false);
      printer.accountsListed(3);
      nanos += ProgressPrinter.REDRAW_NANOS;
      printer.rolesListed(1, 3, 1, CALM);
      nanos += ProgressPrinter.REDRAW_NANOS - 1;
      printer.rolesListed(2, 3, 2, CALM);
      assertEquals("Listing: accounts 1/3, roles 1, 38 calls/s", shown());

      printer.rolesListed(3, 3, 5, CALM);
      assertEquals("Listing: accounts 3/3, roles 5, 38 calls/s", shown());
    }

    @Test
    void the_result_replaces_the_live_line_in_green() {
      ProgressPrinter printer = printer(true);
      printer.accountsListed(2);
      printer.rolesListed(2, 2, 3, CALM);
      printer.finished(CALM);

      printer.summary(3, 1_600_000_000L);

      assertEquals(
          List.of("Listed 3 roles of 2 accounts in 1.6 s (120 calls).", ""),
          TerminalScreen.render(sent.toString()));
      assertTrue(
          sent.toString()
              .contains("\033[32mListed 3 roles of 2 accounts in 1.6 s (120 calls).\033[39m"),
          sent.toString());
    }

    @Test
    void quiet_shows_nothing_at_all() {
      ProgressPrinter printer =
          new ProgressPrinter(err, new Display(status, true), Verbosity.QUIET, () -> nanos);
      printer.started();
      printer.accountsListed(2);
      printer.rolesListed(2, 2, 3, CALM);
      printer.summary(3, 1);

      assertEquals("", sent.toString());
    }
  }

  @Nested
  class NotATerminal {
    private final PrintWriter err = new PrintWriter(sent, true);

    private ProgressPrinter printer(Verbosity verbosity) {
      return new ProgressPrinter(err, Display.plain(), verbosity, () -> nanos);
    }

    @Test
    void prints_sparse_lines_at_every_tenth_and_the_result() {
      ProgressPrinter printer = printer(Verbosity.NORMAL);
      printer.started();
      printer.accountsListed(20);
      for (int done = 1; done <= 20; done++) {
        printer.rolesListed(done, 20, done, done == 6 ? THROTTLED : CALM);
      }
      printer.finished(THROTTLED);
      printer.summary(20, 2_000_000_000L);

      List<String> lines = sent.toString().lines().toList();
      assertEquals("Found 20 accounts; listing roles…", lines.get(0));
      assertEquals("Listed roles of 1/20 accounts (38 calls/s)", lines.get(1));
      assertTrue(
          lines.contains(
              "Listed roles of 6/20 accounts (20 calls/s, throttled by the portal: slowing down)"),
          sent.toString());
      assertEquals(
          "Listed 20 roles of 20 accounts in 2.0 s (240 calls, 7 throttled and tried again).",
          lines.get(lines.size() - 1));
      assertEquals(13, lines.size(), sent.toString());
      // a line break is the platform's (CRLF on Windows); no other carriage return
      String text = sent.toString().replace(System.lineSeparator(), "\n");
      assertFalse(text.contains("\r") || text.contains("\033"), text);
    }

    @Test
    void verbose_prints_a_line_per_account() {
      ProgressPrinter printer = printer(Verbosity.VERBOSE);
      printer.accountsListed(3);
      for (int done = 1; done <= 3; done++) {
        printer.rolesListed(done, 3, done, CALM);
      }

      assertEquals(4, sent.toString().lines().count(), sent.toString());
    }

    @Test
    void quiet_prints_nothing() {
      ProgressPrinter printer = printer(Verbosity.QUIET);
      printer.accountsListed(3);
      printer.rolesListed(3, 3, 3, CALM);
      printer.summary(3, 1);

      assertEquals("", sent.toString());
    }
  }
}

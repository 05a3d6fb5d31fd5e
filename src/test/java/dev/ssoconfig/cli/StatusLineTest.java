package dev.ssoconfig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private final StringWriter sent = new StringWriter();
  private final StatusLine status = new StatusLine(sent, 30);
  private final PrintWriter err = new PrintWriter(status, true);

  private List<String> screen() {
    return TerminalScreen.render(sent.toString());
  }

  @Nested
  class Show {
    @Test
    void draws_the_line_in_place_with_carriage_return_and_erase_line() {
      status.show("accounts 1/3");
      status.show("accounts 2/3");

      assertEquals("\raccounts 1/3\033[K\raccounts 2/3\033[K", sent.toString());
      assertEquals(List.of("accounts 2/3"), screen());
    }

    @Test
    void a_shorter_text_leaves_nothing_of_a_longer_one() {
      status.show("Listing accounts…");
      status.show("done");

      assertEquals(List.of("done"), screen());
    }

    @Test
    void does_not_draw_the_same_text_twice() {
      status.show("same");
      status.show("same");

      assertEquals("\rsame\033[K", sent.toString());
    }

    @Test
    void cuts_the_text_to_one_column_less_than_the_width_so_it_never_wraps() {
      status.show("x".repeat(100));

      assertEquals(List.of("x".repeat(29)), screen());
    }

    @Test
    void waits_for_the_end_of_a_line_another_writer_began() {
      err.print("Enter: ");
      err.flush();
      status.show("live");
      assertEquals("Enter: ", sent.toString());

      err.println("yes");
      status.show("live");
      assertEquals(List.of("Enter: yes", "live"), screen());
    }

    @Test
    void a_line_that_is_not_live_draws_nothing() {
      StatusLine off = StatusLine.off();
      off.show("anything");

      assertFalse(off.live());
      assertTrue(status.live());
    }
  }

  @Nested
  class OtherOutput {
    @Test
    void a_message_clears_the_live_line_first_and_lands_on_a_clean_line() {
      status.show("Listing: accounts 412/1000");
      err.println("aws-sso-config-generator: boom");

      assertEquals(List.of("aws-sso-config-generator: boom", ""), screen());
    }

    @Test
    void the_live_line_is_drawn_again_below_the_message() {
      status.show("accounts 1/3");
      err.println("warning: something");
      status.show("accounts 2/3");

      assertEquals(List.of("warning: something", "accounts 2/3"), screen());
    }
  }

  @Nested
  class ClearAndEnd {
    @Test
    void clear_removes_the_line_and_leaves_the_cursor_at_its_start() {
      status.show("Waiting: 9:58 left");
      status.clear();
      status.clear();

      assertEquals("\rWaiting: 9:58 left\033[K\r\033[K", sent.toString());
      assertEquals(List.of(""), screen());
    }

    @Test
    void after_end_nothing_is_drawn_again() {
      status.show("Waiting: 9:58 left");
      status.end();
      status.show("Waiting: 9:57 left");
      err.println("aws-sso-config-generator: Interrupted");

      assertEquals(List.of("aws-sso-config-generator: Interrupted", ""), screen());
    }
  }
}

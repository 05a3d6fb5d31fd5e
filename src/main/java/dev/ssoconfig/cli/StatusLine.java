package dev.ssoconfig.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * One live line at the bottom of a terminal (a countdown, the listing's progress), redrawn in
 * place, that never corrupts other output: it sits between stderr's {@link java.io.PrintWriter} and
 * the stream, and every other text written to stderr first clears it.
 *
 * <ul>
 *   <li>{@link #show} draws the line as {@code \r TEXT ESC[K}: back to the start of the line, the
 *       text (cut to the terminal's width less one column, so it never wraps), then erase what a
 *       longer earlier text left. The same text is not drawn twice.
 *   <li>Any other write while the line is shown starts with {@code \r ESC[K}, so a message lands on
 *       a clean line and the live line is gone; the next {@link #show} draws it again below.
 *   <li>The line is drawn only at the start of a line: after text that did not end with a line
 *       break it waits for the break.
 *   <li>{@link #clear} removes the line; {@link #end} removes it for good (a shutdown hook that
 *       prints the last line of the run, Ctrl-C).
 * </ul>
 *
 * <p>All of it is synchronised on this writer, which is the lock of the {@link java.io.PrintWriter}
 * built on it: a {@code println} from one thread and a redraw from another never interleave. A
 * status line that is not {@linkplain #live() live} (not a terminal) draws nothing.
 */
final class StatusLine extends Writer {
  /** Back to the start of the line. */
  private static final String CARRIAGE_RETURN = "\r";

  /** ECMA-48 EL 0: erases from the cursor to the end of the line. */
  private static final String ERASE_TO_END_OF_LINE = "\033[K";

  /** Back to the start of the line and erase it: what removes a status line. */
  static final String CLEAR_LINE = CARRIAGE_RETURN + ERASE_TO_END_OF_LINE;

  private final Writer out;
  private final int width;
  private final boolean live;
  private String shown;
  private boolean atLineStart = true;
  private boolean ended;

  /**
   * @param out where stderr's text goes
   * @param width the terminal's width in columns
   */
  StatusLine(Writer out, int width) {
    this(out, width, true);
  }

  private StatusLine(Writer out, int width, boolean live) {
    this.out = out;
    this.width = width;
    this.live = live;
  }

  /** A status line for a stream that is not a terminal: it never draws anything. */
  static StatusLine off() {
    return new StatusLine(Writer.nullWriter(), Terminal.DEFAULT_WIDTH, false);
  }

  /**
   * @return whether this line is drawn at all (stderr is an interactive terminal)
   */
  boolean live() {
    return live;
  }

  /**
   * Draws {@code text} as the live line, replacing the one shown; nothing if this line is not live,
   * has ended, or the cursor is not at the start of a line.
   *
   * @param text one line of plain text, no line break
   */
  void show(String text) {
    synchronized (lock) {
      if (!live || ended || !atLineStart) {
        return;
      }
      String line = text.length() < width ? text : text.substring(0, width - 1);
      if (line.equals(shown)) {
        return;
      }
      try {
        out.write(CARRIAGE_RETURN + line + ERASE_TO_END_OF_LINE);
        out.flush();
      } catch (IOException e) {
        // stderr is gone; nothing to show it on
      }
      shown = line;
    }
  }

  /** Removes the live line, if one is shown, leaving the cursor at the start of an empty line. */
  void clear() {
    synchronized (lock) {
      if (shown == null) {
        return;
      }
      shown = null;
      try {
        out.write(CLEAR_LINE);
        out.flush();
      } catch (IOException e) {
        // stderr is gone; nothing to clear
      }
    }
  }

  /** Removes the live line and draws none from now on. */
  void end() {
    synchronized (lock) {
      clear();
      ended = true;
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    synchronized (lock) {
      if (shown != null) {
        shown = null;
        out.write(CLEAR_LINE);
      }
      out.write(chars, offset, length);
      atLineStart = chars[offset + length - 1] == '\n';
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Removes the live line and closes the stream below. */
  @Override
  public void close() throws IOException {
    end();
    out.close();
  }
}

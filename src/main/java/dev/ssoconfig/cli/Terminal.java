package dev.ssoconfig.cli;

/**
 * What the process's standard streams are shown on, decided once per run by {@link Main#main} and
 * injected from there, so that tests can run "as on a terminal" in process.
 *
 * @param interactive stderr is a terminal that takes cursor control: a live status line (a
 *     countdown, the listing's progress) may be drawn and redrawn on it
 * @param colour colour may be used on stderr: {@code interactive}, and {@code NO_COLOR} is not set
 *     (or is empty)
 * @param width the terminal's width in columns, at least 20: a status line is cut to one column
 *     less, so it never wraps
 * @param colourOnStdout colour may be used on stdout, i.e. in the usage help: stdout is a terminal
 *     with cursor control and {@code NO_COLOR} is not set (or is empty)
 */
record Terminal(boolean interactive, boolean colour, int width, boolean colourOnStdout) {
  /** The width assumed when {@code COLUMNS} does not give one. */
  static final int DEFAULT_WIDTH = 80;

  /** Not a terminal at all: plain lines, no colour; what a pipe or a file gets. */
  static final Terminal NONE = new Terminal(false, false, DEFAULT_WIDTH, false);

  /**
   * @throws IllegalArgumentException if colour is asked for without a terminal, or the width is
   *     below 20
   */
  Terminal {
    if (colour && !interactive) {
      throw new IllegalArgumentException("colour on stderr needs an interactive terminal");
    }
    if (width < 20) {
      throw new IllegalArgumentException("width below 20: " + width);
    }
  }

  /**
   * A terminal on stderr and stdout, e.g. for tests.
   *
   * @param colour whether colour may be used on both
   * @param width the width in columns, at least 20
   */
  static Terminal interactive(boolean colour, int width) {
    return new Terminal(true, colour, width, colour);
  }

  /**
   * Decides what the streams are shown on.
   *
   * <ul>
   *   <li>Cursor control (a live line, colour) only on a terminal whose {@code TERM} is set and is
   *       not {@code dumb}: a dumb terminal (an editor's shell buffer) shows {@code \r} and escape
   *       sequences as text.
   *   <li>Colour never when {@code NO_COLOR} is set to a value that is not empty (no-color.org).
   *   <li>The width from {@code COLUMNS} when it is a whole number of at least 20 (shells set it,
   *       not always for child processes), else {@value #DEFAULT_WIDTH}.
   * </ul>
   *
   * @param environment the environment variables
   * @param probe tells whether a file descriptor is a terminal
   * @return the decision for this run
   */
  static Terminal detect(Environment environment, TtyProbe probe) {
    String term = environment.get("TERM");
    boolean cursorControl = term != null && !term.equals("dumb");
    if (!cursorControl) {
      return NONE;
    }
    boolean colourAllowed = environment.get("NO_COLOR") == null;
    boolean err = probe.isTerminal(TtyProbe.STDERR);
    boolean out = probe.isTerminal(TtyProbe.STDOUT);
    return new Terminal(
        err, err && colourAllowed, width(environment.get("COLUMNS")), out && colourAllowed);
  }

  private static int width(String columns) {
    if (columns != null && columns.length() <= 5 && columns.chars().allMatch(Character::isDigit)) {
      int width = Integer.parseInt(columns);
      if (width >= 20) {
        return width;
      }
    }
    return DEFAULT_WIDTH;
  }
}

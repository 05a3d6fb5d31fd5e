package dev.ssoconfig.cli;

/**
 * How one run shows things on stderr, built by {@link Main} from the {@link Terminal} decision: the
 * live status line, and whether text is painted.
 *
 * <p>Colour is two foreground colours of ECMA-48 SGR, red (31) and green (32), each reset with SGR
 * 39 (the terminal's own foreground): the only escape sequences the tool writes besides the status
 * line's carriage return and erase-line ({@link StatusLine}).
 *
 * @param status the live status line (one that draws nothing when stderr is not a terminal)
 * @param colour whether to paint the error prefix and the listing's result: {@link
 *     Terminal#colour()}
 */
record Display(StatusLine status, boolean colour) {
  private static final String RED = "\033[31m";
  private static final String GREEN = "\033[32m";
  private static final String DEFAULT_COLOUR = "\033[39m";

  /** Not a terminal: no live line, no colour. */
  static Display plain() {
    return new Display(StatusLine.off(), false);
  }

  /**
   * @return whether a live status line is drawn
   */
  boolean live() {
    return status.live();
  }

  /**
   * @return {@code text} in red when colour is on, for the error prefix; else {@code text}
   */
  String error(String text) {
    return paint(RED, text);
  }

  /**
   * @return {@code text} in green when colour is on, for the listing's result; else {@code text}
   */
  String success(String text) {
    return paint(GREEN, text);
  }

  private String paint(String colourCode, String text) {
    return colour ? colourCode + text + DEFAULT_COLOUR : text;
  }
}

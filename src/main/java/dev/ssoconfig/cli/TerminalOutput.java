package dev.ssoconfig.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writers for the process's stdout and stderr in the terminal's encoding.
 *
 * <p>Since JDK 18 {@link Charset#defaultCharset()} is UTF-8 whatever the locale, so it cannot tell
 * whether the terminal shows UTF-8. The encoding of the locale is {@code stdout.encoding} / {@code
 * stderr.encoding} (JDK 19 and later: the console's encoding, else the locale's), {@code
 * sun.stdout.encoding} / {@code sun.stderr.encoding} (JDK 17 and 18 on Windows: the console's code
 * page, e.g. {@code cp437}, when the stream is a console) or {@code native.encoding} (JDK 17 and
 * later: the locale's, from {@code LANG} / {@code LC_ALL}; on Windows the ANSI code page, e.g.
 * {@code Cp1252}, which is not the console's), in that order, then the default charset.
 *
 * <p>When that encoding cannot show a character of the tool's own messages, a plain ASCII stand-in
 * is written instead of the encoder's {@code ?}: {@code ...} for {@code …}, quotes and dashes as
 * their ASCII forms, caret notation ({@code ^M}) for the control pictures of a dry run's diff
 * ({@code ␍}), {@code ?} for U+FFFD. Other characters (an account name's {@code é} under {@code
 * LANG=C}) become the encoder's {@code ?}.
 */
final class TerminalOutput {
  private TerminalOutput() {}

  /**
   * @param properties the system properties, e.g. {@code System::getProperty}
   * @param streamProperty {@code stdout.encoding} or {@code stderr.encoding}
   * @return the first of {@code streamProperty}, {@code sun.}{@code streamProperty} and {@code
   *     native.encoding} that names a charset this runtime supports, else {@link
   *     Charset#defaultCharset()}
   */
  static Charset charset(UnaryOperator<String> properties, String streamProperty) {
    for (String property : List.of(streamProperty, "sun." + streamProperty, "native.encoding")) {
      String name = properties.apply(property);
      if (name != null && !name.isBlank()) {
        try {
          return Charset.forName(name.strip());
        } catch (IllegalArgumentException unsupported) {
          // try the next one
        }
      }
    }
    return Charset.defaultCharset();
  }

  /**
   * @param stream where the bytes go, e.g. {@code new FileOutputStream(FileDescriptor.out)}: not
   *     {@link System#out}, which would hide write errors from {@link PrintWriter#checkError()}
   * @param charset the terminal's encoding, from {@link #charset}
   * @return a writer that flushes on every line and writes ASCII stand-ins where {@code charset}
   *     cannot encode a character (see the class comment)
   */
  static PrintWriter writer(OutputStream stream, Charset charset) {
    Writer encoded = new OutputStreamWriter(stream, charset);
    boolean unicode = charset.name().startsWith("UTF-");
    return new PrintWriter(unicode ? encoded : new StandIns(encoded, charset.newEncoder()), true);
  }

  /**
   * @param c a character
   * @return its ASCII stand-in, or {@code null} if it has none
   */
  static String standIn(char c) {
    return switch (c) {
      case '\u2026' -> "...";
      case '\u2018', '\u2019', '\u201A' -> "'";
      case '\u201C', '\u201D', '\u201E' -> "\"";
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> "-";
      case '\u2014' -> "--";
      case '\u2192' -> "->";
      case '\u00A0', '\u202F' -> " ";
      case '\uFFFD' -> "?";
      case '\u2421' -> "^?"; // SYMBOL FOR DELETE
      default -> c >= '\u2400' && c <= '\u241F' ? "^" + (char) ('@' + (c - '\u2400')) : null;
    };
  }

  /** Replaces the characters the encoding cannot show by their stand-ins. */
  private static final class StandIns extends FilterWriter {
    private final CharsetEncoder encoder;

    StandIns(Writer out, CharsetEncoder encoder) {
      super(out);
      this.encoder = encoder;
    }

    @Override
    public void write(int c) throws IOException {
      write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      write(text.toCharArray(), offset, length);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      synchronized (lock) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
          char c = chars[i];
          if (c < 0x80 || Character.isSurrogate(c) || encoder.canEncode(c)) {
            continue;
          }
          String standIn = standIn(c);
          if (standIn != null) {
            out.write(chars, start, i - start);
            out.write(standIn);
            start = i + 1;
          }
        }
        out.write(chars, start, offset + length - start);
      }
    }
  }
}

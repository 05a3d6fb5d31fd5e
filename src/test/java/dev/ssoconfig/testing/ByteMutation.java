package dev.ssoconfig.testing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One change to a byte array, for mutation fuzzing. {@code at} and {@code span} are fractions (in
 * ten-thousandths) of the array's length, so a mutation fits an array of any length: the change
 * starts at {@code at * length / 10000} and covers up to a quarter of the bytes after that point.
 *
 * @param kind what the mutation does
 * @param at where it starts, 0 to 10,000
 * @param span how much it covers, 0 to 10,000 (for {@link Kind#FLIP_BIT}, {@code span % 8} is the
 *     bit)
 * @param insert the bytes {@link Kind#INSERT_BYTE}, {@link Kind#INSERT_TOKEN} and {@link
 *     Kind#SPLICE} insert; empty for the others
 */
public record ByteMutation(Kind kind, int at, int span, byte[] insert) {
  /** The kinds of mutation. */
  public enum Kind {
    /** Deletes a range. */
    DELETE,
    /** Inserts one random byte. */
    INSERT_BYTE,
    /** Inserts a token of the format. */
    INSERT_TOKEN,
    /** Inserts a piece of a real config: whole lines or any range of bytes. */
    SPLICE,
    /** Repeats a range right after itself. */
    DUPLICATE,
    /** Flips one bit of one byte. */
    FLIP_BIT,
    /** Cuts the rest off. */
    TRUNCATE
  }

  public ByteMutation {
    insert = insert.clone();
  }

  /** The mutated copy of {@code bytes}; {@code bytes} is not changed. */
  public byte[] applyTo(byte[] bytes) {
    int n = bytes.length;
    int from = (int) ((long) at * n / 10_000);
    int length = (int) ((long) span * (n - from) / 10_000 / 4);
    ByteArrayOutputStream out = new ByteArrayOutputStream(n + insert.length + length);
    switch (kind) {
      case DELETE -> {
        out.write(bytes, 0, from);
        out.write(bytes, from + length, n - from - length);
      }
      case INSERT_BYTE, INSERT_TOKEN, SPLICE -> {
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, from, n - from);
      }
      case DUPLICATE -> {
        out.write(bytes, 0, from + length);
        out.write(bytes, from, n - from);
      }
      case FLIP_BIT -> {
        byte[] flipped = bytes.clone();
        if (from < n) {
          flipped[from] = (byte) (flipped[from] ^ (1 << (span % 8)));
        }
        return flipped;
      }
      case TRUNCATE -> out.write(bytes, 0, from);
    }
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteMutation m
        && kind == m.kind
        && at == m.at
        && span == m.span
        && Arrays.equals(insert, m.insert);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * kind.hashCode() + at) + span) + Arrays.hashCode(insert);
  }

  @Override
  public String toString() {
    String where = kind + " at " + at + "/10000 span " + span;
    return insert.length == 0 ? where : where + " of \"" + Escaped.of(insert) + "\"";
  }
}

package dev.ssoconfig.configfile;

import java.util.Objects;

/**
 * Something in a config file that makes the AWS CLI refuse the whole file: botocore, the AWS CLI's
 * config reader, raises {@code ConfigParseError} for it, so no profile in that file works with any
 * AWS CLI command. This tool refuses such a file too, before sign-in, and never edits it.
 *
 * <p>The rules, each after what botocore 1.43 does with Python's {@code
 * configparser.RawConfigParser} and {@code botocore.configloader} (see {@link Grammar} for how
 * lines are read):
 *
 * <ol>
 *   <li>{@link Kind#NOT_UTF8}: the file must be UTF-8; botocore decodes it with the locale's
 *       encoding, which is UTF-8 on current systems, and stops at the first invalid byte.
 *   <li>{@link Kind#BYTE_ORDER_MARK}: no UTF-8 byte-order mark; Python keeps it as a character, so
 *       the first line is no section header ({@code MissingSectionHeaderError}).
 *   <li>{@link Kind#OUTSIDE_SECTION}: nothing but blank and comment lines before the first section
 *       header ({@code MissingSectionHeaderError}).
 *   <li>{@link Kind#UNCLOSED_HEADER}, {@link Kind#EMPTY_HEADER}, {@link Kind#NOT_A_PROPERTY},
 *       {@link Kind#EMPTY_KEY}: every other line is a section header {@code [NAME]}, a {@code KEY =
 *       VALUE} or {@code KEY : VALUE} line with a key, or the continuation of a value ({@code
 *       ParsingError}).
 *   <li>{@link Kind#DUPLICATE_SECTION}: no section header twice with the same text between the
 *       brackets ({@code DuplicateSectionError}); {@code [DEFAULT]} may repeat.
 *   <li>{@link Kind#DUPLICATE_KEY}: no key twice in one section, compared after Python's {@code
 *       lower()} ({@code DuplicateOptionError}); the {@code [DEFAULT]} sections count as one.
 *   <li>{@link Kind#SUB_PROPERTY_WITHOUT_EQUALS}: a value that starts on the next line ({@code s3
 *       =} then indented lines) is a block of sub-properties, each non-blank line of which needs an
 *       {@code =} ({@code ValueError} in {@code _parse_nested}).
 * </ol>
 *
 * @param line the 1-based line number
 * @param kind which rule the line breaks
 * @param detail the section header, key or byte the message names, made short; may be empty. It
 *     never holds a value, which could be a secret
 * @param firstLine for duplicates, the 1-based line of the first occurrence; else 0
 */
public record ConfigProblem(int line, Kind kind, String detail, int firstLine) {

  /** The rules; each knows what to tell a person. */
  public enum Kind {
    /** An invalid UTF-8 byte. */
    NOT_UTF8,
    /** A UTF-8 byte-order mark at the start of the file. */
    BYTE_ORDER_MARK,
    /** A line other than a blank or comment line before the first section header. */
    OUTSIDE_SECTION,
    /** A line that starts with {@code [} but has no {@code ]} after a name. */
    UNCLOSED_HEADER,
    /** {@code []}: a section header without a name. */
    EMPTY_HEADER,
    /** A line in a section that is neither header, comment, property nor continuation. */
    NOT_A_PROPERTY,
    /** A property line that starts with its {@code =} or {@code :}. */
    EMPTY_KEY,
    /** A section header whose text was already used for a section. */
    DUPLICATE_SECTION,
    /** A key defined twice in one section. */
    DUPLICATE_KEY,
    /** A line of a sub-property block without {@code =}. */
    SUB_PROPERTY_WITHOUT_EQUALS
  }

  public ConfigProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * One line for a person: the line number, what is wrong and how to fix it, e.g. {@code line 1:
   * the file starts with a byte-order mark; remove the byte-order mark; the AWS CLI cannot read
   * this file either}. Callers prefix the file name and make the text safe to print (it may hold a
   * section header or key from the file).
   */
  public String describe() {
    return "line "
        + line
        + ": "
        + what()
        + "; "
        + fix()
        + "; the AWS CLI cannot read this file either";
  }

  private String what() {
    return switch (kind) {
      case NOT_UTF8 -> "the file is not UTF-8 text (byte " + detail + ")";
      case BYTE_ORDER_MARK -> "the file starts with a byte-order mark";
      case OUTSIDE_SECTION ->
          (detail.isEmpty() ? "a line" : "the key " + detail)
              + " comes before the first section header";
      case UNCLOSED_HEADER -> "the section header " + detail + " has no closing ]";
      case EMPTY_HEADER -> "the section header [] has no name";
      case NOT_A_PROPERTY -> "the line is neither a section header, a comment nor KEY = VALUE";
      case EMPTY_KEY -> "the line has a value but no key before its = or :";
      case DUPLICATE_SECTION ->
          "the section " + detail + " appears a second time (first on line " + firstLine + ")";
      case DUPLICATE_KEY ->
          "the key "
              + detail
              + " appears a second time in its section (first on line "
              + firstLine
              + "; keys are compared ignoring case)";
      case SUB_PROPERTY_WITHOUT_EQUALS -> "a sub-property line of " + detail + " has no =";
    };
  }

  private String fix() {
    return switch (kind) {
      case NOT_UTF8 -> "save the file as UTF-8";
      case BYTE_ORDER_MARK -> "remove the byte-order mark";
      case OUTSIDE_SECTION -> "move it under a section header such as [default], or delete it";
      case UNCLOSED_HEADER -> "add the ]";
      case EMPTY_HEADER -> "name the section or delete the line";
      case NOT_A_PROPERTY ->
          "write it as KEY = VALUE, start it with # to make it a comment, or delete it";
      case EMPTY_KEY -> "add the key or delete the line";
      case DUPLICATE_SECTION -> "merge the two sections into one";
      case DUPLICATE_KEY -> "keep only one of them";
      case SUB_PROPERTY_WITHOUT_EQUALS -> "write each sub-property as NAME = VALUE";
    };
  }
}

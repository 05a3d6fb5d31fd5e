package dev.ssoconfig.configfile;

import dev.ssoconfig.text.PyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines of a config file in one pass, as Python's {@code configparser} does for botocore
 * ({@code RawConfigParser._read}), into sections, property definitions and the problems that make
 * the AWS CLI refuse the file (see {@link Grammar} and {@link ConfigProblem}).
 *
 * <p>State, as in {@code configparser}: the section being read; the key whose value a continuation
 * extends ({@code optname}: set by a property line, cleared by a header); and the indentation of
 * the last header or property line ({@code indent_level}). A blank line adds an empty line to the
 * open value; a comment changes nothing. A line that breaks a rule is reported, and otherwise read
 * as {@code configparser} would go on reading it, so that the rest of the file still gets sections.
 */
final class SectionReader {
  /** What a line is, for the editor and for problems. */
  enum LineKind {
    BLANK,
    COMMENT,
    CONTINUATION,
    HEADER,
    PROPERTY,
    /** A line that breaks a rule: outside any section, unclosed header, no separator, no key. */
    INVALID
  }

  /**
   * What {@link #read} found.
   *
   * @param sections the sections in file order
   * @param problems what the AWS CLI refuses, by line
   * @param kinds each line's kind
   * @param indents each line's indentation: the count of whitespace characters it starts with
   * @param openIndents for each line, the indentation of the property whose value a following more
   *     indented line would continue, -1 when none would
   */
  record Result(
      List<Section> sections,
      List<ConfigProblem> problems,
      LineKind[] kinds,
      int[] indents,
      int[] openIndents) {}

  private static final int MAX_DETAIL = 60;

  private final List<String> texts;
  private final LineKind[] kinds;
  private final int[] indents;
  private final int[] openIndents;
  private final List<Section> sections = new ArrayList<>();
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, Integer> headersSeen = new HashMap<>();
  private final Map<String, Map<String, Integer>> keysSeen = new HashMap<>();

  private String header;
  private int headerLine = -1;
  private final List<PropertyEntry> properties = new ArrayList<>();
  private Pending property;
  private int indentLevel;

  private SectionReader(List<String> texts) {
    this.texts = texts;
    this.kinds = new LineKind[texts.size()];
    this.indents = new int[texts.size()];
    this.openIndents = new int[texts.size()];
  }

  /**
   * @param texts each line's text, decoded ({@link Utf8#decode}), without its terminator
   * @return the sections in file order, the problems in line order, and each line's kind and
   *     indentation (the count of leading whitespace characters)
   */
  static Result read(List<String> texts) {
    SectionReader reader = new SectionReader(texts);
    for (int i = 0; i < texts.size(); i++) {
      reader.accept(i, texts.get(i));
      reader.openIndents[i] = reader.property == null ? -1 : reader.indentLevel;
    }
    reader.closeSection(texts.size());
    reader.checkSubProperties();
    List<ConfigProblem> problems = new ArrayList<>(reader.problems);
    problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Result(
        List.copyOf(reader.sections),
        List.copyOf(problems),
        reader.kinds,
        reader.indents,
        reader.openIndents);
  }

  private void accept(int index, String text) {
    int indent = PyText.leadingSpace(text);
    indents[index] = indent;
    if (indent == text.length()) {
      kinds[index] = LineKind.BLANK;
      if (property != null) {
        property.value.append('\n');
      }
      return;
    }
    String stripped = text.substring(indent, PyText.trailingEnd(text));
    if (Grammar.isComment(stripped)) {
      kinds[index] = LineKind.COMMENT;
      return;
    }
    if (property != null && indent > indentLevel) {
      kinds[index] = LineKind.CONTINUATION;
      property.continuations.add(index);
      property.value.append('\n').append(stripped);
      return;
    }
    indentLevel = indent;
    String name = Grammar.headerName(stripped);
    if (name != null) {
      kinds[index] = LineKind.HEADER;
      closeSection(index);
      openSection(index, name);
      return;
    }
    kinds[index] = LineKind.INVALID;
    if (header == null) {
      problem(index, ConfigProblem.Kind.OUTSIDE_SECTION, keyBefore(stripped), 0);
      return;
    }
    int delimiter = Grammar.delimiter(stripped);
    if (delimiter < 0) {
      if (stripped.equals("[]")) {
        problem(index, ConfigProblem.Kind.EMPTY_HEADER, "", 0);
      } else if (stripped.startsWith("[")) {
        problem(index, ConfigProblem.Kind.UNCLOSED_HEADER, stripped, 0);
      } else {
        problem(index, ConfigProblem.Kind.NOT_A_PROPERTY, "", 0);
      }
      return;
    }
    if (delimiter == 0) {
      problem(index, ConfigProblem.Kind.EMPTY_KEY, "", 0);
      closeProperty();
      return;
    }
    kinds[index] = LineKind.PROPERTY;
    closeProperty();
    String key = PyText.lower(PyText.rstrip(stripped.substring(0, delimiter)));
    Integer first = keysSeen.computeIfAbsent(header, h -> new HashMap<>()).putIfAbsent(key, index);
    if (first != null) {
      problem(index, ConfigProblem.Kind.DUPLICATE_KEY, key, first + 1);
    }
    property = new Pending(key, index, PyText.strip(stripped.substring(delimiter + 1)));
  }

  private void openSection(int index, String name) {
    header = name;
    headerLine = index;
    if (!name.equals("DEFAULT")) {
      Integer first = headersSeen.putIfAbsent(name, index);
      if (first != null) {
        problem(index, ConfigProblem.Kind.DUPLICATE_SECTION, "[" + name + "]", first + 1);
      }
    }
  }

  private void closeProperty() {
    if (property != null) {
      properties.add(
          new PropertyEntry(
              property.key,
              property.line,
              property.continuations,
              PyText.rstrip(property.value.toString())));
      property = null;
    }
  }

  private void closeSection(int endLine) {
    closeProperty();
    if (header != null) {
      Grammar.SectionName named = Grammar.classify(header);
      sections.add(
          new Section(named.type(), header, named.name(), headerLine, endLine, properties));
    }
    properties.clear();
  }

  /**
   * botocore reads a value that starts on the next line as sub-properties, each {@code NAME =
   * VALUE}; it does so for each section's own keys and the {@code [DEFAULT]} keys it inherits, and
   * only when the file has a section other than {@code [DEFAULT]}.
   */
  private void checkSubProperties() {
    Map<String, PropertyEntry> defaults = new LinkedHashMap<>();
    boolean anySection = false;
    for (Section section : sections) {
      if (section.type() == SectionType.DEFAULTS) {
        section.properties().forEach(p -> defaults.putIfAbsent(p.key(), p));
      } else {
        anySection = true;
        section.properties().forEach(this::checkSubProperties);
      }
    }
    if (anySection) {
      defaults.values().forEach(this::checkSubProperties);
    }
  }

  private void checkSubProperties(PropertyEntry entry) {
    if (!entry.value().startsWith("\n")) {
      return;
    }
    for (int line : entry.continuations()) {
      String stripped = PyText.strip(texts.get(line));
      for (String piece : PyText.splitLines(stripped)) {
        String part = PyText.strip(piece);
        if (!part.isEmpty() && part.indexOf('=') < 0) {
          problem(line, ConfigProblem.Kind.SUB_PROPERTY_WITHOUT_EQUALS, entry.key(), 0);
          return;
        }
      }
    }
  }

  /** The would-be key of a line outside any section, to name it without its value. */
  private static String keyBefore(String stripped) {
    int delimiter = Grammar.delimiter(stripped);
    return delimiter > 0 ? PyText.rstrip(stripped.substring(0, delimiter)) : "";
  }

  private void problem(int index, ConfigProblem.Kind kind, String detail, int firstLine) {
    problems.add(new ConfigProblem(index + 1, kind, shorten(detail), firstLine));
  }

  private static String shorten(String detail) {
    return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
  }

  /** The property whose value continuation lines extend. */
  private static final class Pending {
    final String key;
    final int line;
    final List<Integer> continuations = new ArrayList<>();
    final StringBuilder value;

    Pending(String key, int line, String value) {
      this.key = key;
      this.line = line;
      this.value = new StringBuilder(value);
    }
  }
}

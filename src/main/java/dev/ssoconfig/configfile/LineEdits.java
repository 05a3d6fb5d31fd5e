package dev.ssoconfig.configfile;

import dev.ssoconfig.text.PyText;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits to a document's lines, collected by line index and applied in one pass, so a plan of any
 * size costs time linear in the file plus the plan.
 */
final class LineEdits {
  private final List<Line> original;
  private final String lineEnding;
  private final Map<Integer, Line> replaced = new HashMap<>();
  private final BitSet removed = new BitSet();
  private final Map<Integer, List<Line>> insertedAfter = new HashMap<>();
  private final List<List<Line>> appended = new ArrayList<>();
  private boolean removedToEnd;

  /**
   * @param original the document's lines
   * @param lineEnding the terminator for new lines and for a last line that needs one
   */
  LineEdits(List<Line> original, String lineEnding) {
    this.original = original;
    this.lineEnding = lineEnding;
  }

  String lineEnding() {
    return lineEnding;
  }

  void replace(int index, String text) {
    replaced.put(index, new Line(text, original.get(index).terminator()));
  }

  void remove(int index) {
    removed.set(index);
  }

  /**
   * Removes the lines of a whole section, {@code from} (inclusive) to {@code to} (exclusive). When
   * they reach the end of the file, the blank line that separated them from what precedes goes too.
   */
  void removeSection(int from, int to) {
    removed.set(from, to);
    if (to == original.size()) {
      removedToEnd = true;
    }
  }

  /** Inserts new lines (given as text) right after line {@code index}. */
  void insertAfter(int index, List<String> texts) {
    List<Line> target = insertedAfter.computeIfAbsent(index, i -> new ArrayList<>());
    for (String text : texts) {
      target.add(new Line(text, lineEnding));
    }
  }

  /** Appends a new section (given as line texts) at the end of the file. */
  void appendSection(List<String> texts) {
    List<Line> section = new ArrayList<>();
    for (String text : texts) {
      section.add(new Line(text, lineEnding));
    }
    appended.add(section);
  }

  boolean isEmpty() {
    return replaced.isEmpty() && removed.isEmpty() && insertedAfter.isEmpty() && appended.isEmpty();
  }

  /**
   * The edited lines. Each appended section is preceded by one blank line unless it starts the file
   * or the file already ends with a blank line. A last line without terminator gets one when a line
   * is placed after it.
   */
  List<Line> apply() {
    Output out = new Output(original.size());
    for (int i = 0; i < original.size(); i++) {
      if (!removed.get(i)) {
        out.add(replaced.getOrDefault(i, original.get(i)));
      }
      List<Line> inserted = insertedAfter.get(i);
      if (inserted != null) {
        inserted.forEach(out::add);
      }
    }
    if (removedToEnd && !out.lines.isEmpty() && isBlank(out.last())) {
      out.lines.remove(out.lines.size() - 1);
    }
    for (List<Line> section : appended) {
      if (!out.lines.isEmpty() && !isBlank(out.last())) {
        out.add(new Line("", lineEnding));
      }
      section.forEach(out::add);
    }
    return out.lines;
  }

  private static boolean isBlank(Line line) {
    return PyText.isBlank(Utf8.decode(line.text()));
  }

  private final class Output {
    final List<Line> lines;

    Output(int expectedSize) {
      lines = new ArrayList<>(expectedSize);
    }

    Line last() {
      return lines.get(lines.size() - 1);
    }

    void add(Line line) {
      if (!lines.isEmpty() && !last().terminated()) {
        lines.set(lines.size() - 1, last().withTerminator(lineEnding));
      }
      lines.add(line);
    }
  }
}

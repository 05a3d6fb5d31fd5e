package dev.ssoconfig.configfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the sections and their property definitions in a list of lines, in one pass.
 *
 * <p>State, as in the SDK's reader: the section being read and the property whose value a
 * continuation line extends. Blank and comment lines change neither (a continuation after a comment
 * still extends the property before it). A header ends the previous section. A line that fits no
 * rule ends the current property and is otherwise ignored; lines before the first header belong to
 * no section.
 */
final class SectionReader {
  private final List<Section> sections = new ArrayList<>();
  private Grammar.Header header;
  private int headerLine = -1;
  private final List<PropertyEntry> properties = new ArrayList<>();
  private PendingProperty property;

  private SectionReader() {}

  /** The sections of {@code lines}, in file order. */
  static List<Section> read(List<Line> lines) {
    SectionReader reader = new SectionReader();
    for (int i = 0; i < lines.size(); i++) {
      reader.accept(i, Grammar.content(i, lines.get(i).text()));
    }
    reader.closeSection(lines.size());
    return List.copyOf(reader.sections);
  }

  private void accept(int index, String text) {
    if (Grammar.isBlank(text) || Grammar.isComment(text)) {
      return;
    }
    if (Grammar.isHeader(text)) {
      closeSection(index);
      header = Grammar.parseHeader(text);
      headerLine = index;
      return;
    }
    if (Grammar.isContinuation(text)) {
      if (property != null) {
        property.continuations.add(index);
        property.value.append('\n').append(text.trim());
      }
      return;
    }
    closeProperty();
    Grammar.PropertyLine parsed = Grammar.parseProperty(text);
    if (parsed != null && header != null) {
      property = new PendingProperty(parsed.key(), index, parsed.value(text));
    }
  }

  private void closeProperty() {
    if (property != null) {
      properties.add(
          new PropertyEntry(
              property.key, property.line, property.continuations, property.value.toString()));
      property = null;
    }
  }

  private void closeSection(int endLine) {
    closeProperty();
    if (header != null) {
      sections.add(new Section(header.type(), header.name(), headerLine, endLine, properties));
    }
    properties.clear();
  }

  private static final class PendingProperty {
    final String key;
    final int line;
    final List<Integer> continuations = new ArrayList<>();
    final StringBuilder value;

    PendingProperty(String key, int line, String value) {
      this.key = key;
      this.line = line;
      this.value = new StringBuilder(value);
    }
  }
}

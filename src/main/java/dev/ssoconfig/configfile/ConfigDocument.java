package dev.ssoconfig.configfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lossless model of an AWS shared config file ({@code ~/.aws/config}): every line with its own
 * bytes and its own line terminator, plus an index of its sections.
 *
 * <p>{@code ConfigDocument.parse(bytes).toBytes()} returns exactly {@code bytes} for any input:
 * invalid UTF-8, a byte order mark, NUL bytes, mixed or missing line terminators and lines that fit
 * no rule of the format are all kept verbatim. Bytes are held one {@code char} per byte
 * (ISO-8859-1); text the tool writes is UTF-8.
 *
 * <p>Lines end at {@code "\n"}, {@code "\r\n"} or a lone {@code "\r"}, the same split {@link
 * java.io.BufferedReader#readLine()} (and so the AWS SDK for Java) makes. Sections and properties
 * are read as described in {@link Grammar}. Instances are immutable.
 */
public final class ConfigDocument {
  private final List<Line> lines;
  private final List<Section> sections;
  private final Map<String, List<Section>> byName = new LinkedHashMap<>();

  private ConfigDocument(List<Line> lines) {
    this.lines = List.copyOf(lines);
    this.sections = SectionReader.read(this.lines);
    for (Section section : sections) {
      if (section.name() != null && section.type() != SectionType.UNKNOWN) {
        byName
            .computeIfAbsent(key(section.type(), section.name()), k -> new ArrayList<>())
            .add(section);
      }
    }
  }

  /**
   * Reads a config file's content. Never throws for any content.
   *
   * @param bytes the file's bytes, possibly empty
   * @return the document
   */
  public static ConfigDocument parse(byte[] bytes) {
    String all = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < all.length()) {
      char c = all.charAt(i);
      if (c == '\n') {
        lines.add(new Line(all.substring(start, i), "\n"));
        start = ++i;
      } else if (c == '\r') {
        boolean crlf = i + 1 < all.length() && all.charAt(i + 1) == '\n';
        lines.add(new Line(all.substring(start, i), crlf ? "\r\n" : "\r"));
        i += crlf ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < all.length()) {
      lines.add(new Line(all.substring(start), ""));
    }
    return new ConfigDocument(lines);
  }

  /** A document made of {@code lines}, indexed afresh. */
  static ConfigDocument of(List<Line> lines) {
    return new ConfigDocument(lines);
  }

  /**
   * The file content: every line's bytes followed by its terminator.
   *
   * @return a new array on each call
   */
  public byte[] toBytes() {
    StringBuilder all = new StringBuilder();
    for (Line line : lines) {
      all.append(line.text()).append(line.terminator());
    }
    return all.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The names of the profiles this tool manages, in file order. A profile is managed when every
   * section of that name ({@code [profile NAME]}, or {@code [default]} for {@code default}) carries
   * {@code managed_by = aws-sso-config-generator}.
   *
   * @return profile names, decoded as UTF-8
   */
  public List<String> managedProfileNames() {
    List<String> names = new ArrayList<>();
    for (List<Section> named : byName.values()) {
      Section first = named.get(0);
      if (first.type() == SectionType.PROFILE && named.stream().allMatch(Section::isManaged)) {
        names.add(Latin1.toUnicode(first.name()));
      }
    }
    return List.copyOf(names);
  }

  List<Line> lines() {
    return lines;
  }

  List<Section> sections() {
    return sections;
  }

  /**
   * The sections of one kind and name, in file order; the SDKs merge them, later keys winning.
   *
   * @param name the name in byte-per-char form
   * @return the sections, empty if there is none
   */
  List<Section> sections(SectionType type, String name) {
    return byName.getOrDefault(key(type, name), List.of());
  }

  private static String key(SectionType type, String name) {
    return type + " " + name;
  }

  /**
   * The line terminator new lines get: {@code "\r\n"} if more lines end with it than with {@code
   * "\n"}, otherwise {@code "\n"}.
   */
  String lineEnding() {
    int crlf = 0;
    int lf = 0;
    for (Line line : lines) {
      if (line.terminator().equals("\r\n")) {
        crlf++;
      } else if (line.terminator().equals("\n")) {
        lf++;
      }
    }
    return crlf > lf ? "\r\n" : "\n";
  }
}

package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ExistingProfile;
import dev.ssoconfig.profiles.ProfilePlan;
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
   * The profiles this tool manages, in the order their names first appear in the file. A profile is
   * managed when every section of that name ({@code [profile NAME]}, or {@code [default]} for
   * {@code default}) carries {@link ProfilePlan#MARKER_KEY} {@code =} {@link
   * ProfilePlan#MARKER_VALUE}, the last definition of the key in each section counting.
   *
   * <p>Each profile's properties are its top-level keys as the AWS SDK for Java's {@code
   * ProfileFile} reads them: sections of the same name are merged in file order, a later definition
   * of a key replacing an earlier one; a value continued on indented lines is the first line's
   * value and each trimmed continuation line joined by {@code "\n"}; keys outside {@code
   * [A-Za-z0-9_.@:+/%-]+} are left out, as the SDK ignores them; and when both {@code [default]}
   * and {@code [profile default]} exist only the latter counts, as in the SDK.
   *
   * @return the managed profiles; names, keys and values decoded as UTF-8 (an invalid byte becomes
   *     U+FFFD); never throws for any content
   */
  public List<ExistingProfile> managedProfiles() {
    List<ExistingProfile> profiles = new ArrayList<>();
    for (List<Section> named : byName.values()) {
      Section first = named.get(0);
      if (first.type() != SectionType.PROFILE || !named.stream().allMatch(Section::isManaged)) {
        continue;
      }
      Map<String, String> properties = new LinkedHashMap<>();
      for (Section section : profileSectionsAsRead(first.name())) {
        for (PropertyEntry entry : section.properties()) {
          if (Grammar.isValidKey(entry.key())) {
            properties.put(Latin1.toUnicode(entry.key()), Latin1.toUnicode(entry.value()));
          }
        }
      }
      profiles.add(new ExistingProfile(Latin1.toUnicode(first.name()), properties));
    }
    return List.copyOf(profiles);
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

  /**
   * The sections of a profile that the AWS SDK reads, in file order: every section of that name,
   * except that for {@code default} a {@code [default]} section is ignored when a {@code [profile
   * default]} section exists (AWS SDK for Java v2 {@code ProfileFile} behaviour).
   *
   * @param name the profile name in byte-per-char form
   */
  List<Section> profileSectionsAsRead(String name) {
    List<Section> named = sections(SectionType.PROFILE, name);
    if (!name.equals("default")) {
      return named;
    }
    List<Section> prefixed = new ArrayList<>();
    for (Section section : named) {
      int header = section.headerLine();
      if (!Grammar.isBareDefault(Grammar.content(header, lines.get(header).text()))) {
        prefixed.add(section);
      }
    }
    return prefixed.isEmpty() ? named : prefixed;
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

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
 * bytes and its own line terminator, an index of its sections as the AWS CLI reads them, and the
 * problems that make the AWS CLI refuse it.
 *
 * <p>{@code ConfigDocument.parse(bytes).toBytes()} returns exactly {@code bytes} for any input:
 * invalid UTF-8, a byte order mark, NUL bytes, mixed or missing line terminators and lines that fit
 * no rule of the format are all kept verbatim. Bytes are held one {@code char} per byte
 * (ISO-8859-1); lines are read as UTF-8 text ({@link Utf8}).
 *
 * <p>Lines end at {@code "\n"}, {@code "\r\n"} or a lone {@code "\r"}, the split Python's universal
 * newlines (and so botocore) make. Sections and properties are read as described in {@link
 * Grammar}; {@link #problems()} lists what the AWS CLI refuses ({@link ConfigProblem}). Instances
 * are immutable.
 */
public final class ConfigDocument {
  private final List<Line> lines;
  private final List<String> texts;
  private final List<Section> sections;
  private final List<ConfigProblem> problems;
  private final SectionReader.LineKind[] kinds;
  private final int[] indents;
  private final int[] openIndents;
  private final Map<String, List<Section>> byName = new LinkedHashMap<>();

  private ConfigDocument(List<Line> lines) {
    this.lines = List.copyOf(lines);
    List<String> decoded = new ArrayList<>(lines.size());
    for (Line line : this.lines) {
      decoded.add(Utf8.decode(line.text()));
    }
    this.texts = List.copyOf(decoded);
    SectionReader.Result read = SectionReader.read(texts);
    this.sections = read.sections();
    this.kinds = read.kinds();
    this.indents = read.indents();
    this.openIndents = read.openIndents();
    this.problems = withEncodingProblems(read.problems());
    for (Section section : sections) {
      if (section.name() != null && section.type() != SectionType.OTHER) {
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
   * What makes the AWS CLI refuse this file, the encoding problems first, then by line.
   *
   * @return empty when the AWS CLI reads the file
   */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /** The file as the AWS CLI reads it (for a file with {@link #problems()}, as far as it can). */
  public AwsCliConfig asReadByAwsCli() {
    return AwsCliConfig.of(sections);
  }

  /**
   * The profiles this tool manages, in the order their names first appear in the file. A profile is
   * managed when every section of that name ({@code [profile NAME]}, also {@code [default]} for
   * {@code default}) carries {@link ProfilePlan#MARKER_KEY} {@code =} {@link
   * ProfilePlan#MARKER_VALUE} among its own keys.
   *
   * <p>Each profile's properties are its keys as the AWS CLI reads them ({@link AwsCliConfig}): the
   * last section of that name counts, with the keys it inherits from {@code [DEFAULT]}; a block of
   * sub-properties is given as its text.
   *
   * @return the managed profiles; never throws for any content
   */
  public List<ExistingProfile> managedProfiles() {
    List<ExistingProfile> profiles = new ArrayList<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    for (Section section : sections) {
      if (section.type() == SectionType.DEFAULTS) {
        section.properties().forEach(p -> defaults.put(p.key(), p.value()));
      }
    }
    for (List<Section> named : byName.values()) {
      Section last = named.get(named.size() - 1);
      if (last.type() != SectionType.PROFILE || !named.stream().allMatch(Section::isManaged)) {
        continue;
      }
      Map<String, String> properties = new LinkedHashMap<>();
      last.properties().forEach(p -> properties.put(p.key(), p.value()));
      defaults.forEach(properties::putIfAbsent);
      profiles.add(new ExistingProfile(last.name(), properties));
    }
    return List.copyOf(profiles);
  }

  List<Line> lines() {
    return lines;
  }

  /** Line {@code index}'s text, decoded as UTF-8 ({@link Utf8#decode}). */
  String text(int index) {
    return texts.get(index);
  }

  List<Section> sections() {
    return sections;
  }

  SectionReader.LineKind kind(int index) {
    return kinds[index];
  }

  /** How many whitespace characters line {@code index} starts with. */
  int indent(int index) {
    return indents[index];
  }

  /**
   * The indentation of the property whose value a more indented line after line {@code index} would
   * continue; -1 when no property is open there (none yet in the section, or after a header).
   */
  int openIndent(int index) {
    return openIndents[index];
  }

  /**
   * The sections of one kind and name, in file order. botocore reads only the last one; the AWS SDK
   * for Java merges them (and for {@code default} prefers {@code [profile default]}).
   *
   * @param name the name as botocore gives it
   * @return the sections, empty if there is none
   */
  List<Section> sections(SectionType type, String name) {
    return byName.getOrDefault(key(type, name), List.of());
  }

  private static String key(SectionType type, String name) {
    return type + " " + name;
  }

  private List<ConfigProblem> withEncodingProblems(List<ConfigProblem> read) {
    List<ConfigProblem> all = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int invalid = Utf8.firstInvalid(lines.get(i).text());
      if (invalid >= 0) {
        String hex = String.format("0x%02X", (int) lines.get(i).text().charAt(invalid));
        all.add(new ConfigProblem(i + 1, ConfigProblem.Kind.NOT_UTF8, hex, 0));
        break;
      }
    }
    if (!lines.isEmpty() && lines.get(0).text().startsWith(Grammar.BOM)) {
      all.add(new ConfigProblem(1, ConfigProblem.Kind.BYTE_ORDER_MARK, "", 0));
    }
    for (ConfigProblem problem : read) {
      boolean bomLine =
          problem.line() == 1
              && problem.kind() == ConfigProblem.Kind.OUTSIDE_SECTION
              && !all.isEmpty()
              && all.get(all.size() - 1).kind() == ConfigProblem.Kind.BYTE_ORDER_MARK;
      if (!bomLine) {
        all.add(problem);
      }
    }
    return List.copyOf(all);
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

package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.Draw.w;

import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.configfile.RandomConfig.GenLine;
import dev.ssoconfig.configfile.RandomConfig.Kind;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.testing.Draw;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded generators of random config files ({@link RandomConfig}) and random plans that share their
 * profile names, so plans meet managed profiles, people's own profiles and sso-sessions of the same
 * names. Every value is drawn from the {@link Random} passed in ({@link Draw}): the same seed gives
 * the same file and plan.
 *
 * <p>About half the files ("clean") keep to what the AWS CLI reads ({@link Grammar}): unique
 * section headers, unique keys per section, UTF-8, no byte order mark, and sometimes every key of a
 * section indented alike. The others add a byte order mark, lines that fit no rule, invalid UTF-8,
 * broken headers, repeated keys and indented lines in odd places. Both kinds mix LF, CRLF and lone
 * CR terminators, may lack a final newline, may be empty, and hold managed and unmanaged profiles
 * of the same names, markers that only look like one (an inline comment is part of the value for
 * the AWS CLI), sso-sessions matching the plan's or not, a services section and unknown sections.
 */
final class ConfigGenerator {
  private static final String MARKER_VALUE = ProfilePlan.MARKER_VALUE;

  /**
   * Profile names in generated files. {@code bad name} is one the AWS SDK for Java ignores, and the
   * AWS CLI too unless quoted ({@code [profile 'bad name']}).
   */
  static final List<String> FILE_NAMES =
      List.of("a", "b", "Prod.Admin", "Dev.ReadOnly", "default", "mine", "bad name");

  /** Profile names in generated plans. */
  static final List<String> PLAN_NAMES =
      List.of("a", "b", "Prod.Admin", "Dev.ReadOnly", "default", "new.one");

  /** Names a plan may prune: any name of a file or a plan, and one never present. */
  static final List<String> PRUNE_NAMES =
      List.of("a", "b", "Prod.Admin", "Dev.ReadOnly", "default", "mine", "bad name", "absent");

  private static final List<String> VALID_KEYS =
      List.of("region", "output", "sso_session", "sso_account_id", "sso_role_name", "note", "x.y");
  private static final List<String> ODD_KEYS = List.of("bad key", "caf\u00c3\u00a9", "\u00ff");
  private static final List<String> SEPARATORS = List.of(" = ", "=", "   =  ", "\t=\t", " =");

  /** Separators the AWS CLI reads and the AWS SDK for Java does not. */
  private static final List<String> COLONS = List.of(" : ", ":");

  private static final List<String> VALUES =
      List.of(
          "",
          "eu-west-1",
          "us-east-1",
          "json",
          "caf\u00c3\u00a9",
          "x # not a comment",
          "y\t; not a comment",
          "z#not-a-comment",
          "k=v",
          "a:b");
  private static final List<String> ODD_VALUES = List.of("\u00ff\u00fe");
  private static final List<String> COMMENTS =
      List.of(
          "#",
          "# note",
          "; note",
          "#caf\u00c3\u00a9",
          "  # indented",
          "# [profile fake]",
          "; managed_by = " + MARKER_VALUE);
  private static final List<String> ODD_COMMENTS = List.of("#caf\u00c3\u00a9 \u00ff");
  private static final List<String> BLANKS = List.of("", "  ", "\t");
  private static final List<String> SUB_PROPERTIES =
      List.of("  addressing_style = path", "\tmax_attempts = 3", "  managed_by = " + MARKER_VALUE);
  private static final List<String> ODD_CONTINUATIONS = List.of("  more", "\t# not a comment");
  private static final List<String> GARBAGE =
      List.of(
          "stray text",
          "\u00ff\u00c3(",
          "\u0000",
          "=no key",
          "]",
          "key without equals",
          "\u00c3",
          "region = repeated");
  private static final List<String> MARKER_LINES =
      List.of(
          "managed_by = " + MARKER_VALUE,
          "managed_by=" + MARKER_VALUE,
          "managed_by   =  " + MARKER_VALUE + "  ",
          "Managed_By : " + MARKER_VALUE,
          "managed_by:" + MARKER_VALUE);

  /** Keys a plan may add to a profile besides the ones it always writes, in a fixed order. */
  private static final List<Property> EXTRAS =
      List.of(
          new Property("cli_pager", ""),
          new Property("note", "caf\u00e9"),
          new Property("output", "json"),
          new Property("x.y", "k=v"));

  private ConfigGenerator() {}

  /** How a generated profile block carries (or fakes) the marker. */
  enum MarkerStyle {
    /** The marker, nothing continuing it: the block is managed. */
    MANAGED,
    /** No {@code managed_by} key. */
    NONE,
    /** {@code managed_by = someone-else}. */
    OTHER_VALUE,
    /** The marker value with {@code ;x} glued on: no inline comment, so another value. */
    GLUED,
    /** The marker followed by an indented line that continues its value. */
    CONTINUED,
    /** The marker, then later {@code managed_by = someone-else}: a repeated key. */
    OVERRIDDEN,
    /** The marker value and an inline comment, which the AWS CLI reads as part of the value. */
    COMMENTED
  }

  /** A random config file; clean (kept to what the AWS SDK accepts) one time in two. */
  static RandomConfig config(Random random) {
    return config(random, random.nextBoolean());
  }

  private static RandomConfig config(Random random, boolean clean) {
    boolean bom = !clean && Draw.frequency(random, w(4, false), w(1, true));
    List<GenLine> preamble =
        Draw.frequencyOf(
            random,
            w(2, List::<GenLine>of),
            w(1, () -> flatten(Draw.listOf(random, 3, () -> item(random, clean, true)))));
    List<Block> blocks = Draw.listOf(random, 10, () -> block(random, clean));
    if (clean) {
      blocks = uniqueHeaders(blocks);
    }
    boolean finalNewline = Draw.frequency(random, w(3, true), w(1, false));
    return assemble(clean, bom, preamble, blocks, finalNewline);
  }

  /**
   * Puts the parts together. A line ending in a lone CR followed by an empty line ending in LF
   * would read as one CRLF line; that empty line ends in CRLF instead, so the generator's lines are
   * the file's lines.
   */
  private static RandomConfig assemble(
      boolean clean,
      boolean bom,
      List<GenLine> preamble,
      List<Block> blocks,
      boolean finalNewline) {
    List<Block> all = new ArrayList<>();
    if (!preamble.isEmpty()) {
      all.add(new Block(Kind.PREAMBLE, null, false, preamble));
    }
    all.addAll(blocks);
    List<Block> fixed = new ArrayList<>();
    String previous = "";
    for (int b = 0; b < all.size(); b++) {
      Block block = all.get(b);
      List<GenLine> lines = new ArrayList<>();
      for (int i = 0; i < block.lines().size(); i++) {
        GenLine line = block.lines().get(i);
        if (previous.equals("\r") && line.text().isEmpty() && line.terminator().equals("\n")) {
          line = new GenLine("", "\r\n");
        }
        boolean lastOfFile = b == all.size() - 1 && i == block.lines().size() - 1;
        if (lastOfFile && !finalNewline && !line.text().isEmpty()) {
          line = new GenLine(line.text(), "");
        }
        lines.add(line);
        previous = line.terminator();
      }
      fixed.add(new Block(block.kind(), block.name(), block.marked(), lines));
    }
    return new RandomConfig(bom, fixed, clean);
  }

  private static Block block(Random random, boolean clean) {
    return Draw.frequencyOf(
        random,
        w(6, () -> profileBlock(random, clean)),
        w(2, () -> sessionBlock(random, clean)),
        w(1, () -> servicesBlock(random, clean)),
        w(1, () -> unknownBlock(random, clean)));
  }

  private static Block profileBlock(Random random, boolean clean) {
    String name = Draw.oneOf(random, FILE_NAMES);
    int variant =
        Draw.frequency(random, w(4, 0), w(3, 1), w(3, 2), w(1, 3), w(3, 4)); // 3: quoted name
    String headerTerminator = terminator(random);
    List<List<GenLine>> body = Draw.listOf(random, 6, () -> item(random, clean, false));
    MarkerStyle style =
        Draw.frequency(
            random,
            w(10, MarkerStyle.MANAGED),
            w(10, MarkerStyle.NONE),
            w(1, MarkerStyle.OTHER_VALUE),
            w(1, MarkerStyle.GLUED),
            w(1, MarkerStyle.CONTINUED),
            w(1, MarkerStyle.OVERRIDDEN),
            w(1, MarkerStyle.COMMENTED));
    if (clean && style == MarkerStyle.OVERRIDDEN) {
      style = MarkerStyle.OTHER_VALUE; // a repeated key: the AWS CLI refuses the file
    }
    String indent = clean ? Draw.frequency(random, w(10, ""), w(1, "  "), w(1, "\t")) : "";
    int at = Draw.between(random, 0, 6);
    String marker = Draw.oneOf(random, MARKER_LINES);
    String terminator = terminator(random);

    int position = Math.min(at, body.size());
    switch (style) {
      case MANAGED -> body.add(position, List.of(new GenLine(marker, terminator)));
      case NONE -> {}
      case OTHER_VALUE ->
          body.add(position, List.of(new GenLine("managed_by = someone-else", terminator)));
      case GLUED ->
          body.add(
              position, List.of(new GenLine("managed_by = " + MARKER_VALUE + ";x", terminator)));
      case CONTINUED ->
          body.add(
              position,
              List.of(new GenLine(marker, terminator), new GenLine("  more", terminator)));
      case OVERRIDDEN -> {
        body.add(position, List.of(new GenLine(marker, terminator)));
        body.add(List.of(new GenLine("managed_by = someone-else", terminator)));
      }
      case COMMENTED ->
          body.add(
              position,
              List.of(new GenLine("managed_by = " + MARKER_VALUE + " # generated", terminator)));
    }
    if (clean) {
      body = uniqueKeys(body);
      position =
          body.indexOf(body.stream().filter(ConfigGenerator::isMarker).findFirst().orElse(null));
    }
    body = indented(body, indent);
    List<GenLine> lines = new ArrayList<>();
    lines.add(new GenLine(profileHeader(name, variant), headerTerminator));
    lines.addAll(
        style == MarkerStyle.MANAGED && position >= 0 ? unattached(body, position) : flatten(body));
    if (name.contains(" ") && variant != 3) {
      return new Block(Kind.UNKNOWN, null, false, lines); // three words: the AWS CLI ignores it
    }
    return new Block(Kind.PROFILE, name, style == MarkerStyle.MANAGED && position >= 0, lines);
  }

  private static boolean isMarker(List<GenLine> item) {
    return item.size() == 1 && MARKER_LINES.contains(item.get(0).text());
  }

  /**
   * The items, each line that is neither blank nor a comment indented by {@code indent} in front of
   * its own indentation, so every key of the section is indented alike and every sub-property
   * deeper.
   */
  private static List<List<GenLine>> indented(List<List<GenLine>> items, String indent) {
    if (indent.isEmpty()) {
      return items;
    }
    List<List<GenLine>> result = new ArrayList<>();
    for (List<GenLine> item : items) {
      List<GenLine> lines = new ArrayList<>();
      for (GenLine line : item) {
        String stripped = line.text().strip();
        boolean plain = stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";");
        lines.add(plain ? line : new GenLine(indent + line.text(), line.terminator()));
      }
      result.add(lines);
    }
    return result;
  }

  /** The items less those whose key (compared as the AWS CLI does, ignoring case) came before. */
  private static List<List<GenLine>> uniqueKeys(List<List<GenLine>> items) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<List<GenLine>> result = new ArrayList<>();
    for (List<GenLine> item : items) {
      String first = item.get(0).text();
      int separator = firstSeparator(first);
      boolean property =
          separator > 0
              && !first.startsWith(" ")
              && !first.startsWith("\t")
              && !first.startsWith("#")
              && !first.startsWith(";");
      if (!property
          || seen.add(first.substring(0, separator).strip().toLowerCase(java.util.Locale.ROOT))) {
        result.add(item);
      }
    }
    return result;
  }

  private static int firstSeparator(String text) {
    int equals = text.indexOf('=');
    int colon = text.indexOf(':');
    return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
  }

  /** The blocks less those whose header text (up to its last {@code ]}) came before. */
  private static List<Block> uniqueHeaders(List<Block> blocks) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Block> result = new ArrayList<>();
    for (Block block : blocks) {
      String header = block.lines().get(0).text();
      if (seen.add(header.substring(0, header.lastIndexOf(']')))) {
        result.add(block);
      }
    }
    return result;
  }

  private static String profileHeader(String name, int variant) {
    if (name.equals("default") && variant < 2) {
      return variant == 0 ? "[default]" : "[default]\t# mine";
    }
    return switch (variant) {
      case 0 -> "[profile " + name + "]";
      case 1 -> "[profile  " + name + "]";
      case 2 -> "[profile " + name + "] # c\u00c3\u00a9";
      case 3 -> "[profile '" + name + "']";
      default -> "[profile " + name + "]\t;x";
    };
  }

  private static Block sessionBlock(Random random, boolean clean) {
    String name = Draw.oneOf(random, List.of("acme", "other"));
    String header = Draw.oneOf(random, List.of("[sso-session %s]", "[sso-session  %s] # mine"));
    String terminator = terminator(random);
    List<List<GenLine>> body = Draw.listOf(random, 4, () -> item(random, clean, false));
    String startUrl =
        Draw.frequency(
            random,
            w(3, StandardPlan.START_URL),
            w(2, StandardPlan.START_URL + "/"),
            w(1, "https://other.awsapps.com/start"),
            w(1, ""));
    boolean scopes = random.nextBoolean();
    int at = Draw.between(random, 0, 4);

    List<GenLine> special = new ArrayList<>();
    if (!startUrl.isEmpty()) {
      special.add(new GenLine("sso_start_url = " + startUrl, terminator));
    }
    special.add(new GenLine("sso_region = " + StandardPlan.SSO_REGION, terminator));
    if (scopes) {
      special.add(new GenLine("sso_registration_scopes = sso:account:access", terminator));
    }
    if (clean) {
      body = uniqueKeys(body);
    }
    int position = Math.min(at, body.size());
    body.add(position, special);
    List<GenLine> lines = new ArrayList<>();
    lines.add(new GenLine(String.format(header, name), terminator));
    lines.addAll(unattached(body, position));
    return new Block(Kind.SSO_SESSION, name, false, lines);
  }

  private static Block servicesBlock(Random random, boolean clean) {
    String terminator = terminator(random);
    List<List<GenLine>> items = Draw.listOf(random, 4, () -> item(random, clean, false));
    if (clean) {
      items = uniqueKeys(items);
    }
    List<GenLine> lines = new ArrayList<>();
    lines.add(new GenLine("[services svc]", terminator));
    lines.add(new GenLine("s3 =", terminator));
    lines.add(new GenLine("  endpoint_url = http://127.0.0.1:9000", terminator));
    lines.addAll(flatten(items));
    return new Block(Kind.SERVICES, "svc", false, lines);
  }

  private static Block unknownBlock(Random random, boolean clean) {
    String header =
        clean
            ? Draw.oneOf(random, List.of("[foo]", "[foo bar]", "[plugins]"))
            : Draw.oneOf(
                random,
                List.of("[foo]", "[profile a", "[profile b] junk", "[", "[]", "[sso-session]"));
    String terminator = terminator(random);
    List<List<GenLine>> items = Draw.listOf(random, 3, () -> item(random, clean, false));
    if (clean) {
      items = uniqueKeys(items);
    }
    List<GenLine> lines = new ArrayList<>();
    lines.add(new GenLine(header, terminator));
    lines.addAll(flatten(items));
    return new Block(Kind.UNKNOWN, null, false, lines);
  }

  /**
   * A body item: a property (perhaps with a sub-property continuing it), a comment or a blank line;
   * outside clean files also a lone indented line or a line that fits no rule. None starts with
   * {@code [} or defines {@code managed_by}. A clean preamble holds only comments and blank lines.
   */
  private static List<GenLine> item(Random random, boolean clean, boolean preamble) {
    Supplier<List<GenLine>> single = () -> List.of(line(random, property(random, clean)));
    Supplier<List<GenLine>> withSub =
        () ->
            List.of(
                line(random, property(random, clean)),
                line(random, Draw.oneOf(random, SUB_PROPERTIES)));
    Supplier<List<GenLine>> comment =
        () ->
            List.of(
                line(
                    random, Draw.oneOf(random, clean ? COMMENTS : concat(COMMENTS, ODD_COMMENTS))));
    Supplier<List<GenLine>> blank = () -> List.of(line(random, Draw.oneOf(random, BLANKS)));
    if (clean && preamble) {
      return Draw.frequencyOf(random, w(1, comment), w(1, blank));
    }
    if (clean) {
      return Draw.frequencyOf(random, w(5, single), w(1, withSub), w(2, comment), w(2, blank));
    }
    Supplier<List<GenLine>> continuation =
        () -> List.of(line(random, Draw.oneOf(random, concat(SUB_PROPERTIES, ODD_CONTINUATIONS))));
    Supplier<List<GenLine>> garbage = () -> List.of(line(random, Draw.oneOf(random, GARBAGE)));
    return Draw.frequencyOf(
        random,
        w(5, single),
        w(1, withSub),
        w(2, comment),
        w(2, blank),
        w(1, continuation),
        w(1, garbage));
  }

  private static String property(Random random, boolean clean) {
    String key = Draw.oneOf(random, clean ? VALID_KEYS : concat(VALID_KEYS, ODD_KEYS));
    return key
        + Draw.frequencyOf(
            random,
            w(30, () -> Draw.oneOf(random, SEPARATORS)),
            w(1, () -> Draw.oneOf(random, COLONS)))
        + Draw.oneOf(random, clean ? VALUES : concat(VALUES, ODD_VALUES));
  }

  private static GenLine line(Random random, String text) {
    return new GenLine(text, terminator(random));
  }

  private static String terminator(Random random) {
    return Draw.frequency(random, w(6, "\n"), w(3, "\r\n"), w(1, "\r"));
  }

  /**
   * The body's lines, less the lines that would continue the value of the last line of the item at
   * {@code special} (the marker or the sso-session's keys) for the AWS CLI — lines indented deeper
   * than it before the next key or header — so its value stays what the generator meant.
   */
  private static List<GenLine> unattached(List<List<GenLine>> body, int special) {
    List<GenLine> lines = new ArrayList<>(flatten(body.subList(0, special + 1)));
    List<GenLine> item = body.get(special);
    int level = indentOf(item.get(item.size() - 1).text());
    boolean attaching = true;
    for (GenLine line : flatten(body.subList(special + 1, body.size()))) {
      String stripped = line.text().strip();
      boolean plain = stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";");
      if (attaching && !plain && indentOf(line.text()) > level) {
        continue;
      }
      if (!plain) {
        attaching = false;
      }
      lines.add(line);
    }
    return lines;
  }

  private static int indentOf(String text) {
    return text.length() - text.stripLeading().length();
  }

  private static List<GenLine> flatten(List<List<GenLine>> items) {
    List<GenLine> lines = new ArrayList<>();
    items.forEach(lines::addAll);
    return lines;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * A random valid plan: the standard sso-session (three times in four) or the legacy form, some of
   * {@link #PLAN_NAMES} with random account IDs, regions and extra keys, and some other names of
   * {@link #PRUNE_NAMES} to prune.
   */
  static ProfilePlan plan(Random random) {
    boolean legacy = Draw.frequency(random, w(3, false), w(1, true));
    List<String> names = Draw.subsetOf(random, PLAN_NAMES).stream().sorted().toList();
    List<ProfileSpec> specs = new ArrayList<>();
    for (String name : names) {
      specs.add(spec(random, name, legacy));
    }
    List<String> prunable = PRUNE_NAMES.stream().filter(n -> !names.contains(n)).toList();
    List<String> prune = Draw.subsetOf(random, prunable).stream().sorted().toList();
    return new ProfilePlan(
        legacy ? Optional.empty() : Optional.of(StandardPlan.session()), specs, prune);
  }

  private static ProfileSpec spec(Random random, String name, boolean legacy) {
    String account = Draw.oneOf(random, List.of("111111111111", "222222222222"));
    String region = Draw.oneOf(random, List.of("us-east-1", "eu-west-1"));
    List<Property> extras = Draw.subsetOf(random, EXTRAS);
    List<Property> properties = new ArrayList<>();
    if (legacy) {
      properties.add(new Property("sso_start_url", StandardPlan.START_URL));
      properties.add(new Property("sso_region", StandardPlan.SSO_REGION));
    } else {
      properties.add(new Property("sso_session", StandardPlan.SESSION));
    }
    properties.add(new Property("sso_account_id", account));
    properties.add(new Property("sso_role_name", "Role"));
    properties.add(new Property("region", region));
    properties.addAll(extras);
    properties.add(new Property(ProfilePlan.MARKER_KEY, MARKER_VALUE));
    return new ProfileSpec(name, properties);
  }
}

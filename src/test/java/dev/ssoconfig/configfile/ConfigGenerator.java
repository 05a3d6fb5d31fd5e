package dev.ssoconfig.configfile;

import static dev.ssoconfig.configfile.Draw.w;

import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.configfile.RandomConfig.GenLine;
import dev.ssoconfig.configfile.RandomConfig.Kind;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
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
 * <p>About half the files keep to what the AWS SDK accepts; the others add a byte order mark, lines
 * that fit no rule, invalid UTF-8, broken headers and indented lines in odd places. Both kinds mix
 * LF, CRLF and lone CR terminators, may lack a final newline, may be empty, and hold managed and
 * unmanaged profiles of the same names, markers that only look like one, sso-sessions matching the
 * plan's or not, a services section and unknown sections.
 */
final class ConfigGenerator {
  private static final String MARKER_VALUE = ProfilePlan.MARKER_VALUE;

  /** Profile names in generated files. {@code bad name} is one the SDK ignores. */
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
  private static final List<String> VALUES =
      List.of(
          "",
          "eu-west-1",
          "us-east-1",
          "json",
          "caf\u00c3\u00a9",
          "\u00ff\u00fe",
          "x # inline comment",
          "y\t; inline comment",
          "z#not-a-comment",
          "k=v");
  private static final List<String> COMMENTS =
      List.of(
          "#",
          "# note",
          "; note",
          "#caf\u00c3\u00a9 \u00ff",
          "# [profile fake]",
          "; managed_by = " + MARKER_VALUE);
  private static final List<String> BLANKS = List.of("", "  ", "\t");
  private static final List<String> SUB_PROPERTIES =
      List.of("  addressing_style = path", "\tmax_attempts = 3", "  managed_by = " + MARKER_VALUE);
  private static final List<String> ODD_CONTINUATIONS = List.of("  more", "\t# not a comment");
  private static final List<String> GARBAGE =
      List.of(
          "stray text", "\u00ff\u00c3(", "\u0000", "=no key", "]", "key without equals", "\u00c3");
  private static final List<String> MARKER_LINES =
      List.of(
          "managed_by = " + MARKER_VALUE,
          "managed_by=" + MARKER_VALUE,
          "managed_by   =  " + MARKER_VALUE + "  # generated",
          "managed_by = " + MARKER_VALUE + "\t; generated");

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
    /** The marker, then later {@code managed_by = someone-else}, which wins. */
    OVERRIDDEN
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
    int variant = Draw.between(random, 0, 3);
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
            w(1, MarkerStyle.OVERRIDDEN));
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
    }
    List<GenLine> lines = new ArrayList<>();
    lines.add(new GenLine(profileHeader(name, variant), headerTerminator));
    lines.addAll(style == MarkerStyle.MANAGED ? unattached(body, position) : flatten(body));
    return new Block(Kind.PROFILE, name, style == MarkerStyle.MANAGED, lines);
  }

  private static String profileHeader(String name, int variant) {
    if (name.equals("default") && variant < 2) {
      return variant == 0 ? "[default]" : "[ default ]\t# mine";
    }
    return switch (variant) {
      case 0 -> "[profile " + name + "]";
      case 1 -> "[ profile  " + name + " ]";
      case 2 -> "[profile " + name + "] # c\u00c3\u00a9";
      default -> "[profile " + name + "]\t;x";
    };
  }

  private static Block sessionBlock(Random random, boolean clean) {
    String name = Draw.oneOf(random, List.of("acme", "other"));
    String header = Draw.oneOf(random, List.of("[sso-session %s]", "[ sso-session  %s ] # mine"));
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
    Supplier<List<GenLine>> comment = () -> List.of(line(random, Draw.oneOf(random, COMMENTS)));
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
    return key + Draw.oneOf(random, SEPARATORS) + Draw.oneOf(random, VALUES);
  }

  private static GenLine line(Random random, String text) {
    return new GenLine(text, terminator(random));
  }

  private static String terminator(Random random) {
    return Draw.frequency(random, w(6, "\n"), w(3, "\r\n"), w(1, "\r"));
  }

  /**
   * The body's lines, less the indented lines that would continue the value of the item at {@code
   * special} (the marker or the sso-session's keys), so its value stays what the generator meant.
   */
  private static List<GenLine> unattached(List<List<GenLine>> body, int special) {
    List<GenLine> lines = new ArrayList<>(flatten(body.subList(0, special + 1)));
    boolean attaching = true;
    for (GenLine line : flatten(body.subList(special + 1, body.size()))) {
      String text = line.text();
      if (attaching && !Grammar.isBlank(text) && Grammar.isContinuation(text)) {
        continue;
      }
      if (!Grammar.isBlank(text) && !Grammar.isComment(text)) {
        attaching = false;
      }
      lines.add(line);
    }
    return lines;
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

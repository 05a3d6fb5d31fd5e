package dev.ssoconfig.configfile;

import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.configfile.RandomConfig.GenLine;
import dev.ssoconfig.configfile.RandomConfig.Kind;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of random config files ({@link RandomConfig}) and random plans that share their
 * profile names, so plans meet managed profiles, people's own profiles and sso-sessions of the same
 * names.
 */
final class ConfigArbitraries {
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

  private ConfigArbitraries() {}

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

  /** Random config files; about half keep to what the AWS SDK accepts. */
  static Arbitrary<RandomConfig> configs() {
    return Arbitraries.of(true, false).flatMap(ConfigArbitraries::configs);
  }

  private static Arbitrary<RandomConfig> configs(boolean clean) {
    Arbitrary<Boolean> bom =
        clean
            ? Arbitraries.just(false)
            : Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
    Arbitrary<List<GenLine>> preamble =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(List.<GenLine>of())),
            Tuple.of(1, items(clean, true).list().ofMaxSize(3).map(ConfigArbitraries::flatten)));
    Arbitrary<List<Block>> blocks = block(clean).list().ofMaxSize(10);
    Arbitrary<Boolean> finalNewline = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));
    return Combinators.combine(bom, preamble, blocks, finalNewline)
        .as((b, p, s, f) -> assemble(clean, b, p, s, f));
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

  private static Arbitrary<Block> block(boolean clean) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, profileBlock(clean)),
        Tuple.of(2, sessionBlock(clean)),
        Tuple.of(1, servicesBlock(clean)),
        Tuple.of(1, unknownBlock(clean)));
  }

  private static Arbitrary<Block> profileBlock(boolean clean) {
    Arbitrary<String> name = Arbitraries.of(FILE_NAMES);
    Arbitrary<MarkerStyle> style =
        Arbitraries.frequency(
            Tuple.of(10, MarkerStyle.MANAGED),
            Tuple.of(10, MarkerStyle.NONE),
            Tuple.of(1, MarkerStyle.OTHER_VALUE),
            Tuple.of(1, MarkerStyle.GLUED),
            Tuple.of(1, MarkerStyle.CONTINUED),
            Tuple.of(1, MarkerStyle.OVERRIDDEN));
    return Combinators.combine(
            name,
            Arbitraries.integers().between(0, 3),
            terminators(),
            items(clean, false).list().ofMaxSize(6),
            style,
            Arbitraries.integers().between(0, 6),
            Arbitraries.of(MARKER_LINES),
            terminators())
        .as(
            (n, variant, header, items, s, at, marker, terminator) -> {
              GenLine headerLine = new GenLine(profileHeader(n, variant), header);
              List<List<GenLine>> body = new ArrayList<>(items);
              int position = Math.min(at, body.size());
              switch (s) {
                case MANAGED -> body.add(position, List.of(new GenLine(marker, terminator)));
                case NONE -> {}
                case OTHER_VALUE ->
                    body.add(
                        position, List.of(new GenLine("managed_by = someone-else", terminator)));
                case GLUED ->
                    body.add(
                        position,
                        List.of(new GenLine("managed_by = " + MARKER_VALUE + ";x", terminator)));
                case CONTINUED ->
                    body.add(
                        position,
                        List.of(
                            new GenLine(marker, terminator), new GenLine("  more", terminator)));
                case OVERRIDDEN -> {
                  body.add(position, List.of(new GenLine(marker, terminator)));
                  body.add(List.of(new GenLine("managed_by = someone-else", terminator)));
                }
              }
              List<GenLine> lines = new ArrayList<>();
              lines.add(headerLine);
              lines.addAll(s == MarkerStyle.MANAGED ? unattached(body, position) : flatten(body));
              return new Block(Kind.PROFILE, n, s == MarkerStyle.MANAGED, lines);
            });
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

  private static Arbitrary<Block> sessionBlock(boolean clean) {
    Arbitrary<String> url =
        Arbitraries.frequency(
            Tuple.of(3, StandardPlan.START_URL),
            Tuple.of(2, StandardPlan.START_URL + "/"),
            Tuple.of(1, "https://other.awsapps.com/start"),
            Tuple.of(1, ""));
    return Combinators.combine(
            Arbitraries.of("acme", "other"),
            Arbitraries.of("[sso-session %s]", "[ sso-session  %s ] # mine"),
            terminators(),
            items(clean, false).list().ofMaxSize(4),
            url,
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 4))
        .as(
            (name, header, terminator, items, startUrl, scopes, at) -> {
              List<GenLine> special = new ArrayList<>();
              if (!startUrl.isEmpty()) {
                special.add(new GenLine("sso_start_url = " + startUrl, terminator));
              }
              special.add(new GenLine("sso_region = " + StandardPlan.SSO_REGION, terminator));
              if (scopes) {
                special.add(
                    new GenLine("sso_registration_scopes = sso:account:access", terminator));
              }
              List<List<GenLine>> body = new ArrayList<>(items);
              int position = Math.min(at, body.size());
              body.add(position, special);
              List<GenLine> lines = new ArrayList<>();
              lines.add(new GenLine(String.format(header, name), terminator));
              lines.addAll(unattached(body, position));
              return new Block(Kind.SSO_SESSION, name, false, lines);
            });
  }

  private static Arbitrary<Block> servicesBlock(boolean clean) {
    return Combinators.combine(terminators(), items(clean, false).list().ofMaxSize(4))
        .as(
            (terminator, items) -> {
              List<GenLine> lines = new ArrayList<>();
              lines.add(new GenLine("[services svc]", terminator));
              lines.add(new GenLine("s3 =", terminator));
              lines.add(new GenLine("  endpoint_url = http://127.0.0.1:9000", terminator));
              lines.addAll(flatten(items));
              return new Block(Kind.SERVICES, "svc", false, lines);
            });
  }

  private static Arbitrary<Block> unknownBlock(boolean clean) {
    Arbitrary<String> header =
        clean
            ? Arbitraries.of("[foo]", "[foo bar]", "[plugins]")
            : Arbitraries.of("[foo]", "[profile a", "[profile b] junk", "[", "[]", "[sso-session]");
    return Combinators.combine(header, terminators(), items(clean, false).list().ofMaxSize(3))
        .as(
            (h, terminator, items) -> {
              List<GenLine> lines = new ArrayList<>();
              lines.add(new GenLine(h, terminator));
              lines.addAll(flatten(items));
              return new Block(Kind.UNKNOWN, null, false, lines);
            });
  }

  /**
   * Body items: a property (perhaps with a sub-property continuing it), a comment or a blank line;
   * outside clean files also lone indented lines and lines that fit no rule. None starts with
   * {@code [} or defines {@code managed_by}.
   */
  private static Arbitrary<List<GenLine>> items(boolean clean, boolean preamble) {
    Arbitrary<String> key =
        clean ? Arbitraries.of(VALID_KEYS) : Arbitraries.of(concat(VALID_KEYS, ODD_KEYS));
    Arbitrary<String> property =
        Combinators.combine(key, Arbitraries.of(SEPARATORS), Arbitraries.of(VALUES))
            .as((k, s, v) -> k + s + v);
    Arbitrary<List<GenLine>> single = line(property).map(List::of);
    Arbitrary<List<GenLine>> withSub =
        Combinators.combine(line(property), line(Arbitraries.of(SUB_PROPERTIES))).as(List::of);
    Arbitrary<List<GenLine>> comment = line(Arbitraries.of(COMMENTS)).map(List::of);
    Arbitrary<List<GenLine>> blank = line(Arbitraries.of(BLANKS)).map(List::of);
    if (clean && preamble) {
      return Arbitraries.oneOf(comment, blank);
    }
    if (clean) {
      return Arbitraries.frequencyOf(
          Tuple.of(5, single), Tuple.of(1, withSub), Tuple.of(2, comment), Tuple.of(2, blank));
    }
    Arbitrary<List<GenLine>> continuation =
        line(Arbitraries.of(concat(SUB_PROPERTIES, ODD_CONTINUATIONS))).map(List::of);
    Arbitrary<List<GenLine>> garbage = line(Arbitraries.of(GARBAGE)).map(List::of);
    return Arbitraries.frequencyOf(
        Tuple.of(5, single),
        Tuple.of(1, withSub),
        Tuple.of(2, comment),
        Tuple.of(2, blank),
        Tuple.of(1, continuation),
        Tuple.of(1, garbage));
  }

  private static Arbitrary<GenLine> line(Arbitrary<String> text) {
    return Combinators.combine(text, terminators()).as(GenLine::new);
  }

  private static Arbitrary<String> terminators() {
    return Arbitraries.frequency(Tuple.of(6, "\n"), Tuple.of(3, "\r\n"), Tuple.of(1, "\r"));
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
   * Random valid plans: the standard sso-session or the legacy form, some of {@link #PLAN_NAMES}
   * with random values and extra keys, and some other names to prune.
   */
  static Arbitrary<ProfilePlan> plans() {
    Arbitrary<Boolean> legacy = Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true));
    return legacy.flatMap(
        isLegacy ->
            Arbitraries.subsetOf(PLAN_NAMES)
                .flatMap(
                    names -> {
                      List<String> sorted = names.stream().sorted().toList();
                      Arbitrary<List<ProfileSpec>> profiles =
                          sorted.isEmpty()
                              ? Arbitraries.just(List.of())
                              : Combinators.combine(
                                      sorted.stream().map(n -> spec(n, isLegacy)).toList())
                                  .as(list -> list);
                      List<String> prunable =
                          PRUNE_NAMES.stream().filter(n -> !names.contains(n)).toList();
                      return Combinators.combine(profiles, Arbitraries.subsetOf(prunable))
                          .as(
                              (specs, prune) ->
                                  new ProfilePlan(
                                      isLegacy
                                          ? Optional.empty()
                                          : Optional.of(StandardPlan.session()),
                                      specs,
                                      prune.stream().sorted().toList()));
                    }));
  }

  private static Arbitrary<ProfileSpec> spec(String name, boolean legacy) {
    Set<Property> extras =
        Set.of(
            new Property("output", "json"),
            new Property("cli_pager", ""),
            new Property("note", "caf\u00e9"),
            new Property("x.y", "k=v"));
    return Combinators.combine(
            Arbitraries.of("111111111111", "222222222222"),
            Arbitraries.of("us-east-1", "eu-west-1"),
            Arbitraries.subsetOf(extras))
        .as(
            (account, region, extra) -> {
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
              extra.stream().sorted((x, y) -> x.key().compareTo(y.key())).forEach(properties::add);
              properties.add(new Property(ProfilePlan.MARKER_KEY, MARKER_VALUE));
              return new ProfileSpec(name, properties);
            });
  }
}

package dev.ssoconfig.configfile;

import dev.ssoconfig.Failure;
import dev.ssoconfig.StartUrl;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.RunRecord;
import dev.ssoconfig.profiles.SsoSessionSpec;
import dev.ssoconfig.text.PyText;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies a {@link ProfilePlan} to a {@link ConfigDocument}, following the project's rules for
 * editing a person's config (DESIGN.md, "Rules for editing the user's config"). Sections and keys
 * are found as the AWS CLI reads them ({@link Grammar}): {@code [profile 'a']} is profile {@code a}
 * and {@code Region : x} is key {@code region}.
 *
 * <ul>
 *   <li>A profile section is managed when it carries {@code managed_by = aws-sso-config-generator}
 *       among its own keys (if a name has several sections, all of them must). In a managed profile
 *       of the plan, each key of the plan gets its value set in place when it differs — only the
 *       value changes on that line, and lines that continued the old value go; keys missing from a
 *       section of that name are inserted after the last line of a plan key, else after the header;
 *       keys a person added stay where they are. Every section of the name gets every key: the AWS
 *       CLI reads only the last one, the AWS SDK for Java merges the ones whose header it reads
 *       alike (and for {@code default} prefers {@code [profile default]}).
 *   <li>A section with a plan profile's name but without the marker is never modified; the name is
 *       reported in {@link EditResult#skipped()}.
 *   <li>The plan's {@code [sso-session NAME]} is appended when missing. An existing one whose
 *       {@code sso_start_url} (compared in its normal form, {@link StartUrl}) and {@code
 *       sso_region}, as the AWS CLI reads them, are the plan's is kept as it is, with only missing
 *       keys added; otherwise a usage {@link Failure}. The exception is the run's record ({@link
 *       SsoSessionSpec#recorded()}, see {@link RunRecord}): keys starting with {@link
 *       RunRecord#PREFIX} belong to this tool whoever wrote the section (the AWS CLI and the SDKs
 *       give them no meaning), and describe the last run that wrote this sso-session. So each of
 *       the plan's recorded keys is set like a managed profile's key (value set in place when it
 *       differs, inserted when missing), and every other key with that prefix, in every section of
 *       that name, is removed with its continuation lines: an option the last run did not give
 *       (back at its default) has no key. The section's other keys, and the person's, stay as they
 *       are.
 *   <li>New sections go at the end of the file in plan order (the sso-session first), each after
 *       one blank line, in the file's dominant line ending. A last line without terminator gets one
 *       when something is appended — the only change allowed outside managed sections.
 *   <li>An inserted line is indented like the next header or key line after it (not at all at the
 *       end of the file), so that it neither continues the value above it nor makes the line below
 *       it continue its own value.
 *   <li>Managed profiles absent from the plan are left as they are, unless named in the plan's
 *       {@code prune} list ({@code --prune}): then every section of that name is removed whole —
 *       header, properties, continuation lines, comments and blank lines up to the next section
 *       header, including keys a person added to it, since the section is the tool's. Comment lines
 *       directly above the next header (no blank line between, not indented) are kept: they
 *       describe that section. When the removed lines reach the end of the file, the one blank line
 *       before them goes too, so no blank lines pile up at the end. A prune name whose sections are
 *       not all managed, or that is absent, is ignored, and so is one whose removal would make the
 *       AWS CLI read the next section header as part of the value above it (a header indented
 *       deeper than that value's key).
 * </ul>
 *
 * <p>Applying the same plan to the result changes nothing. Time is linear in the size of the file
 * plus the plan. The editor is stateless and thread-safe.
 */
public final class ConfigEditor {
  private static final String START_URL = "sso_start_url";
  private static final String REGION = "sso_region";

  /** Creates an editor; it holds no state. */
  public ConfigEditor() {}

  /**
   * Applies {@code plan} to {@code document}.
   *
   * @param document the config file as read
   * @param plan the sso-session and profiles wanted
   * @return the new document and what happened to each profile; the input document itself when
   *     nothing changed
   * @throws Failure of kind USAGE if the file has the plan's sso-session name with another start
   *     URL or SSO region; nothing is edited
   * @throws IllegalArgumentException if the plan holds a name, key or value that cannot be written
   *     and read back unchanged (a bug in the plan's producer), a profile name twice, or a name
   *     both in {@code profiles} and in {@code prune}
   */
  public EditResult apply(ConfigDocument document, ProfilePlan plan) throws Failure {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(plan, "plan");
    PlanValidator.check(plan);
    LineEdits edits = new LineEdits(document.lines(), document.lineEnding());

    SessionChange session = SessionChange.NOT_IN_PLAN;
    if (plan.session().isPresent()) {
      session = applySession(plan.session().get(), document, edits);
    }

    List<String> added = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ProfileSpec spec : plan.profiles()) {
      List<Section> sections = document.sections(SectionType.PROFILE, spec.name());
      if (sections.isEmpty()) {
        edits.appendSection(render("profile " + spec.name(), spec.properties()));
        added.add(spec.name());
      } else if (!sections.stream().allMatch(Section::isManaged)) {
        skipped.add(spec.name());
      } else if (reconcile(sections, spec.properties(), key -> true, document, edits)) {
        updated.add(spec.name());
      } else {
        unchanged.add(spec.name());
      }
    }

    List<String> removed = prune(plan.prune(), document, edits);

    ConfigDocument result = edits.isEmpty() ? document : ConfigDocument.of(edits.apply());
    return new EditResult(result, added, updated, unchanged, skipped, removed, session);
  }

  /**
   * Checks, changing nothing, that {@code session} can go into {@code document}: the file has no
   * {@code [sso-session NAME]} of that name, or one whose start URL and SSO region, as the AWS CLI
   * reads them, are the same (see {@link #apply}). Meant to run before sign-in.
   *
   * @param document the config file as read
   * @param session the plan's sso-session; empty (legacy form) passes
   * @throws Failure of kind {@link Failure.Kind#USAGE} naming the clash and {@code --sso-session}
   */
  public void checkSsoSession(ConfigDocument document, Optional<SsoSessionSpec> session) {
    Objects.requireNonNull(document, "document");
    if (session.isEmpty()) {
      return;
    }
    List<Section> sections = document.sections(SectionType.SSO_SESSION, session.get().name());
    if (!sections.isEmpty()) {
      checkSameStartUrlAndRegion(session.get(), sections, document);
    }
  }

  /** Removes the managed profiles named in {@code names}; returns the names removed. */
  private static List<String> prune(List<String> names, ConfigDocument document, LineEdits edits) {
    Map<String, List<int[]>> candidates = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      List<Section> sections = document.sections(SectionType.PROFILE, name);
      if (!seen.add(name)
          || sections.isEmpty()
          || !sections.stream().allMatch(Section::isManaged)) {
        continue;
      }
      List<int[]> ranges = new ArrayList<>();
      for (Section section : sections) {
        ranges.add(new int[] {section.headerLine(), removalEnd(section, document)});
      }
      candidates.put(name, ranges);
    }
    boolean dropped = true;
    while (dropped) {
      BitSet removed = new BitSet();
      candidates.values().forEach(rs -> rs.forEach(r -> removed.set(r[0], r[1])));
      dropped =
          candidates
              .values()
              .removeIf(rs -> rs.stream().anyMatch(r -> !safeToRemove(r, removed, document)));
    }
    candidates.values().forEach(rs -> rs.forEach(r -> edits.removeSection(r[0], r[1])));
    return List.copyOf(candidates.keySet());
  }

  /**
   * Whether removing lines {@code range[0]} to {@code range[1]} (with the others in {@code
   * removed}) keeps the next kept header a header: the AWS CLI reads a line as the continuation of
   * the value above it when it is indented deeper than that value's key.
   */
  private static boolean safeToRemove(int[] range, BitSet removed, ConfigDocument document) {
    int next = range[1];
    while (next < document.lines().size()
        && (removed.get(next) || !isSignificant(document.kind(next)))) {
      next++;
    }
    if (next == document.lines().size()) {
      return true;
    }
    int previous = range[0] - 1;
    while (previous >= 0 && (removed.get(previous) || !isSignificant(document.kind(previous)))) {
      previous--;
    }
    int open = previous < 0 ? -1 : document.openIndent(previous);
    return open < 0 || document.indent(next) <= open;
  }

  private static boolean isSignificant(SectionReader.LineKind kind) {
    return kind != SectionReader.LineKind.BLANK && kind != SectionReader.LineKind.COMMENT;
  }

  /**
   * Where the lines removed with {@code section} end: its end, less the comment lines directly
   * above the next header. An indented comment line is not kept: the AWS SDK for Java would read it
   * as the continuation of the value above the removed section.
   */
  private static int removalEnd(Section section, ConfigDocument document) {
    int end = section.endLine();
    if (end == document.lines().size()) {
      return end;
    }
    int lastOwn = section.headerLine();
    for (PropertyEntry entry : section.properties()) {
      lastOwn = Math.max(lastOwn, entry.lastLine());
    }
    while (end - 1 > lastOwn
        && document.kind(end - 1) == SectionReader.LineKind.COMMENT
        && !isIndentedComment(end - 1, document)) {
      end--;
    }
    return end;
  }

  private static SessionChange applySession(
      SsoSessionSpec spec, ConfigDocument document, LineEdits edits) throws Failure {
    List<Section> sections = document.sections(SectionType.SSO_SESSION, spec.name());
    List<Property> all = new ArrayList<>(spec.properties());
    all.addAll(spec.recorded());
    if (sections.isEmpty()) {
      edits.appendSection(render("sso-session " + spec.name(), all));
      return SessionChange.ADDED;
    }
    checkSameStartUrlAndRegion(spec, sections, document);
    Set<String> recorded = new HashSet<>();
    spec.recorded().forEach(property -> recorded.add(PyText.lower(property.key())));
    boolean changed = reconcile(sections, all, recorded::contains, document, edits);
    for (Section section : sections) {
      for (PropertyEntry entry : section.properties()) {
        if (RunRecord.isRecordKey(entry.key()) && !recorded.contains(entry.key())) {
          edits.remove(entry.line());
          removeContinuations(entry, document, edits);
          changed = true;
        }
      }
    }
    return changed ? SessionChange.UPDATED : SessionChange.UNCHANGED;
  }

  /** The sections of the plan's sso-session hold its start URL and SSO region, as read. */
  private static void checkSameStartUrlAndRegion(
      SsoSessionSpec spec, List<Section> sections, ConfigDocument document) {
    List<Section> readBySession = new ArrayList<>(sections);
    document.sections().stream()
        .filter(section -> section.type() == SectionType.DEFAULTS)
        .forEach(readBySession::add);
    Map<String, Object> asRead = AwsCliConfig.of(readBySession).ssoSessions().get(spec.name());
    for (Property property : spec.properties()) {
      if (property.key().equals(START_URL) || property.key().equals(REGION)) {
        checkSame(spec.name(), asRead, property);
      }
    }
  }

  private static void checkSame(String sessionName, Map<String, Object> asRead, Property wanted)
      throws Failure {
    String key = wanted.key();
    Object found = asRead == null ? null : asRead.get(key);
    String advice = "; choose another name with --sso-session";
    if (found == null) {
      throw Failure.usage(
          "the config file already has [sso-session " + sessionName + "] without " + key + advice);
    }
    String actual = found instanceof String text ? text : "(sub-properties)";
    boolean same =
        key.equals(START_URL)
            ? StartUrl.same(actual, wanted.value())
            : actual.equals(wanted.value());
    if (!same) {
      throw Failure.usage(
          "the config file already has [sso-session "
              + sessionName
              + "] with "
              + key
              + " "
              + actual.replace('\n', ' ')
              + ", not "
              + wanted.value()
              + advice);
    }
  }

  /**
   * Brings the plan's keys into existing sections of one name.
   *
   * @param owned the keys (lower-cased) whose differing values are set: every key of a profile,
   *     only the recorded keys of an sso-session; the others are left as they are
   * @return whether any line was changed or inserted
   */
  private static boolean reconcile(
      List<Section> sections,
      List<Property> properties,
      Predicate<String> owned,
      ConfigDocument document,
      LineEdits edits) {
    boolean changed = false;
    for (Section target : sections) {
      int anchor = lastJavaContinuation(target.headerLine(), document);
      List<Property> missing = new ArrayList<>();
      for (Property property : properties) {
        String key = PyText.lower(property.key());
        PropertyEntry entry = null;
        for (PropertyEntry candidate : target.properties()) {
          if (candidate.key().equals(key)) {
            entry = candidate;
          }
        }
        if (entry == null) {
          missing.add(property);
        } else {
          anchor = Math.max(anchor, lastJavaContinuation(entry.lastLine(), document));
        }
      }
      if (!missing.isEmpty()) {
        String indent = indentBefore(anchor, document);
        List<String> texts = new ArrayList<>(missing.size());
        for (Property property : missing) {
          texts.add(Utf8.encode(Grammar.propertyText(indent, property.key(), property.value())));
        }
        edits.insertAfter(anchor, texts);
        changed = true;
      }
    }
    for (Property property : properties) {
      String key = PyText.lower(property.key());
      if (owned.test(key)) {
        for (Section section : sections) {
          for (PropertyEntry entry : section.properties()) {
            boolean stale =
                !entry.value().equals(property.value())
                    || !writtenAs(entry, property.key(), document)
                    || lastJavaContinuation(entry.lastLine(), document) > entry.lastLine();
            if (entry.key().equals(key) && stale) {
              setValue(entry, property, document, edits);
              changed = true;
            }
          }
        }
      }
    }
    return changed;
  }

  /**
   * The indentation for lines inserted after line {@code anchor}: that of the next header or key
   * line, none at the end of the file. Deeper, such a line would read as the continuation of the
   * inserted key's value; shallower, an inserted line after a header could not be told from it.
   */
  private static String indentBefore(int anchor, ConfigDocument document) {
    for (int i = anchor + 1; i < document.lines().size(); i++) {
      if (isSignificant(document.kind(i))) {
        return document.text(i).substring(0, document.indent(i));
      }
    }
    return "";
  }

  /**
   * Whether a definition's line spells the key exactly as {@code key} and separates it with {@code
   * =}: the AWS CLI also reads {@code Key : value}, the AWS SDK for Java reads neither a {@code :}
   * separator nor another case of the key.
   */
  private static boolean writtenAs(PropertyEntry entry, String key, ConfigDocument document) {
    String text = document.text(entry.line());
    Grammar.PropertyLine parsed = Grammar.parseProperty(text);
    return text.charAt(parsed.delimiter()) == '='
        && PyText.rstrip(text.substring(PyText.leadingSpace(text), parsed.delimiter())).equals(key);
  }

  /**
   * Sets a definition's value in place and drops the lines that continue the old value for either
   * reader: the AWS CLI's continuation lines, and the indented comment lines among and after them
   * that the AWS SDK for Java reads as continuations too. Only the value changes on the line,
   * unless the key is spelt otherwise or separated by {@code :}; then the line is written anew,
   * indentation kept.
   */
  private static void setValue(
      PropertyEntry entry, Property property, ConfigDocument document, LineEdits edits) {
    String text = document.text(entry.line());
    Grammar.PropertyLine parsed = Grammar.parseProperty(text);
    String line =
        writtenAs(entry, property.key(), document)
            ? Grammar.withValue(text, parsed, property.value())
            : Grammar.propertyText(
                text.substring(0, PyText.leadingSpace(text)), property.key(), property.value());
    edits.replace(entry.line(), Utf8.encode(line));
    removeContinuations(entry, document, edits);
  }

  /**
   * Removes the lines that continue a definition's value for either reader: the AWS CLI's
   * continuation lines, and the indented comment lines among and after them that the AWS SDK for
   * Java reads as continuations too.
   */
  private static void removeContinuations(
      PropertyEntry entry, ConfigDocument document, LineEdits edits) {
    for (int continuation : entry.continuations()) {
      edits.remove(continuation);
    }
    int last = lastJavaContinuation(entry.lastLine(), document);
    for (int i = entry.line() + 1; i <= last; i++) {
      if (isIndentedComment(i, document)) {
        edits.remove(i);
      }
    }
  }

  /**
   * The last of the indented comment lines that follow line {@code line} before the next line the
   * AWS CLI reads (blank and comment lines between): the AWS SDK for Java reads a line that starts
   * with a space or tab as the continuation of the value above, comment or not, so nothing may be
   * inserted above such a line. {@code line} itself when there is none.
   */
  private static int lastJavaContinuation(int line, ConfigDocument document) {
    int last = line;
    for (int i = line + 1; i < document.lines().size() && !isSignificant(document.kind(i)); i++) {
      if (isIndentedComment(i, document)) {
        last = i;
      }
    }
    return last;
  }

  private static boolean isIndentedComment(int line, ConfigDocument document) {
    String text = document.text(line);
    return document.kind(line) == SectionReader.LineKind.COMMENT
        && (text.startsWith(" ") || text.startsWith("\t"));
  }

  private static List<String> render(String header, List<Property> properties) {
    List<String> texts = new ArrayList<>(properties.size() + 1);
    texts.add(Utf8.encode("[" + header + "]"));
    for (Property property : properties) {
      texts.add(Utf8.encode(Grammar.propertyText("", property.key(), property.value())));
    }
    return texts;
  }
}

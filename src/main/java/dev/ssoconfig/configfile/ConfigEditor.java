package dev.ssoconfig.configfile;

import dev.ssoconfig.Failure;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.profiles.ProfileSpec;
import dev.ssoconfig.profiles.Property;
import dev.ssoconfig.profiles.SsoSessionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link ProfilePlan} to a {@link ConfigDocument}, following the project's rules for
 * editing a person's config (DESIGN.md, "Rules for editing the user's config"):
 *
 * <ul>
 *   <li>A profile section is managed when it carries {@code managed_by = aws-sso-config-generator}
 *       (if a name has several sections, all of them must). In a managed profile of the plan, each
 *       key of the plan gets its value set in place when it differs — only the value changes on
 *       that line; keys missing from the section are inserted after the last line of a plan key (or
 *       after the header and any indented lines right below it); keys a person added stay where
 *       they are. For {@code default}, a {@code [default]} section is left alone when a {@code
 *       [profile default]} section exists, since the AWS SDK then ignores it.
 *   <li>A section with a plan profile's name but without the marker is never modified; the name is
 *       reported in {@link EditResult#skipped()}.
 *   <li>The plan's {@code [sso-session NAME]} is appended when missing. An existing one with the
 *       same {@code sso_start_url} (ignoring one trailing {@code /}) and {@code sso_region} is kept
 *       as it is, with only missing keys added; otherwise a usage {@link Failure}.
 *   <li>New sections go at the end of the file in plan order (the sso-session first), each after
 *       one blank line, in the file's dominant line ending. A last line without terminator gets one
 *       when something is appended — the only change allowed outside managed sections.
 *   <li>Managed profiles absent from the plan are left as they are, unless named in the plan's
 *       {@code prune} list ({@code --prune}): then every section of that name is removed whole —
 *       header, properties, continuation lines, comments and blank lines up to the next section
 *       header, including keys a person added to it, since the section is the tool's. Comment lines
 *       directly above the next header (no blank line between) are kept: they describe that
 *       section. When the removed lines reach the end of the file, the one blank line before them
 *       goes too, so no blank lines pile up at the end; a byte order mark on the first line stays.
 *       A prune name whose sections are not all managed, or that is absent, is ignored.
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
  public EditResult apply(ConfigDocument document, ProfilePlan plan)
      throws Failure {
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
      String name = Latin1.fromUnicode(spec.name());
      List<Section> sections = document.sections(SectionType.PROFILE, name);
      if (sections.isEmpty()) {
        edits.appendSection(render("profile " + name, spec.properties()));
        added.add(spec.name());
      } else if (!sections.stream().allMatch(Section::isManaged)) {
        skipped.add(spec.name());
      } else if (reconcile(
          document.profileSectionsAsRead(name), spec.properties(), true, document, edits)) {
        updated.add(spec.name());
      } else {
        unchanged.add(spec.name());
      }
    }

    List<String> removed = prune(plan.prune(), document, edits);

    ConfigDocument result = edits.isEmpty() ? document : ConfigDocument.of(edits.apply());
    return new EditResult(result, added, updated, unchanged, skipped, removed, session);
  }

  /** Removes the managed profiles named in {@code names}; returns the names removed. */
  private static List<String> prune(List<String> names, ConfigDocument document, LineEdits edits) {
    List<String> removed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      List<Section> sections = document.sections(SectionType.PROFILE, Latin1.fromUnicode(name));
      if (!seen.add(name)
          || sections.isEmpty()
          || !sections.stream().allMatch(Section::isManaged)) {
        continue;
      }
      for (Section section : sections) {
        edits.removeSection(section.headerLine(), removalEnd(section, document.lines()));
      }
      removed.add(name);
    }
    return removed;
  }

  /**
   * Where the lines removed with {@code section} end: its end, less the comment lines directly
   * above the next header.
   */
  private static int removalEnd(Section section, List<Line> lines) {
    int end = section.endLine();
    if (end == lines.size()) {
      return end;
    }
    int lastOwn = section.headerLine();
    for (PropertyEntry entry : section.properties()) {
      lastOwn = Math.max(lastOwn, entry.lastLine());
    }
    while (end - 1 > lastOwn && Grammar.isComment(lines.get(end - 1).text())) {
      end--;
    }
    return end;
  }

  private static SessionChange applySession(
      SsoSessionSpec spec, ConfigDocument document, LineEdits edits)
      throws Failure {
    String name = Latin1.fromUnicode(spec.name());
    List<Section> sections = document.sections(SectionType.SSO_SESSION, name);
    if (sections.isEmpty()) {
      edits.appendSection(render("sso-session " + name, spec.properties()));
      return SessionChange.ADDED;
    }
    for (Property property : spec.properties()) {
      if (property.key().equals(START_URL) || property.key().equals(REGION)) {
        checkSame(spec.name(), sections, property);
      }
    }
    return reconcile(sections, spec.properties(), false, document, edits)
        ? SessionChange.UPDATED
        : SessionChange.UNCHANGED;
  }

  private static void checkSame(String sessionName, List<Section> sections, Property wanted)
      throws Failure {
    String key = wanted.key();
    Optional<String> found = Optional.empty();
    for (Section section : sections) {
      Optional<String> value = section.value(key);
      if (value.isPresent()) {
        found = value;
      }
    }
    String advice = "; choose another name with --sso-session";
    if (found.isEmpty()) {
      throw Failure.usage(
          "the config file already has [sso-session " + sessionName + "] without " + key + advice);
    }
    String actual = Latin1.toUnicode(found.get());
    boolean same =
        key.equals(START_URL)
            ? withoutTrailingSlash(actual).equals(withoutTrailingSlash(wanted.value()))
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
   * @param overwrite whether differing values are set (profiles) or left (sso-session)
   * @return whether any line was changed or inserted
   */
  private static boolean reconcile(
      List<Section> sections,
      List<Property> properties,
      boolean overwrite,
      ConfigDocument document,
      LineEdits edits) {
    Section last = sections.get(sections.size() - 1);
    int anchor = afterLeadingContinuations(last, document.lines());
    boolean changed = false;
    List<String> missing = new ArrayList<>();
    for (Property property : properties) {
      String key = Latin1.fromUnicode(property.key());
      String value = Latin1.fromUnicode(property.value());
      boolean found = false;
      for (Section section : sections) {
        for (PropertyEntry entry : section.properties()) {
          if (!entry.key().equals(key)) {
            continue;
          }
          found = true;
          if (section == last) {
            anchor = Math.max(anchor, entry.lastLine());
          }
          if (overwrite && !entry.value().equals(value)) {
            setValue(entry, value, document, edits);
            changed = true;
          }
        }
      }
      if (!found) {
        missing.add(Grammar.propertyText(key, value));
      }
    }
    if (!missing.isEmpty()) {
      edits.insertAfter(anchor, missing);
      changed = true;
    }
    return changed;
  }

  /**
   * The header line of {@code section}, or the last indented line that follows it before any
   * property: a key inserted above such a line would take it as the continuation of its value.
   */
  private static int afterLeadingContinuations(Section section, List<Line> lines) {
    int anchor = section.headerLine();
    for (int i = anchor + 1; i < section.endLine(); i++) {
      String text = lines.get(i).text();
      if (Grammar.isBlank(text) || Grammar.isComment(text)) {
        continue;
      }
      if (!Grammar.isContinuation(text)) {
        break;
      }
      anchor = i;
    }
    return anchor;
  }

  /** Sets a definition's value in place and drops its continuation lines. */
  private static void setValue(
      PropertyEntry entry, String value, ConfigDocument document, LineEdits edits) {
    String text = Grammar.content(entry.line(), document.lines().get(entry.line()).text());
    Grammar.PropertyLine parsed = Grammar.parseProperty(text);
    edits.replace(entry.line(), Grammar.withValue(text, parsed, value));
    for (int continuation : entry.continuations()) {
      edits.remove(continuation);
    }
  }

  private static List<String> render(String header, List<Property> properties) {
    List<String> texts = new ArrayList<>(properties.size() + 1);
    texts.add("[" + header + "]");
    for (Property property : properties) {
      texts.add(
          Grammar.propertyText(
              Latin1.fromUnicode(property.key()), Latin1.fromUnicode(property.value())));
    }
    return texts;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

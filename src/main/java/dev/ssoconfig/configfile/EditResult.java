package dev.ssoconfig.configfile;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link ConfigEditor#apply}: the new document and what happened to each profile of
 * the plan. Each plan profile name appears in exactly one of {@code added}, {@code updated}, {@code
 * unchanged} and {@code skipped}, in plan order.
 *
 * @param document the edited document; the very input document when nothing changed
 * @param added profiles that did not exist and were appended
 * @param updated managed profiles in which a value was set or a missing key inserted
 * @param unchanged managed profiles that already held every key and value of the plan
 * @param skipped plan profiles whose name is taken by a section this tool did not create (no {@code
 *     managed_by} marker); they were left alone and the caller should warn
 * @param removed names of the plan's {@code prune} list whose managed sections were removed, in
 *     prune order; a prune name that is absent or not managed is in none of the lists
 * @param session what happened to the plan's sso-session section
 */
public record EditResult(
    ConfigDocument document,
    List<String> added,
    List<String> updated,
    List<String> unchanged,
    List<String> skipped,
    List<String> removed,
    SessionChange session) {

  public EditResult {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(session, "session");
    added = List.copyOf(added);
    updated = List.copyOf(updated);
    unchanged = List.copyOf(unchanged);
    skipped = List.copyOf(skipped);
    removed = List.copyOf(removed);
  }

  /**
   * Whether the document differs from the input: a profile was added, updated or removed, or the
   * sso-session section was added or completed. When {@code false} the file need not be written.
   */
  public boolean changed() {
    return !added.isEmpty()
        || !updated.isEmpty()
        || !removed.isEmpty()
        || session == SessionChange.ADDED
        || session == SessionChange.UPDATED;
  }
}

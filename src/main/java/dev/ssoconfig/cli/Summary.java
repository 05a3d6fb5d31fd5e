package dev.ssoconfig.cli;

import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.configfile.SessionChange;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.text.SafeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The short report printed on stdout at the end of a successful run. The path and profile names are
 * made safe to print ({@link SafeText}): stale names come from the config file as it was.
 */
final class Summary {
  /** How many stale profile names are shown without {@code --verbose}. */
  static final int STALE_SHOWN = 5;

  private final PrintWriter out;
  private final boolean verbose;

  /**
   * @param out stdout
   * @param verbose whether {@code --verbose} was given: every stale profile is then named
   */
  Summary(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  /**
   * Prints what changed (or would change, in a dry run), where, what happened to the sso-session
   * section, the stale generated profiles left in place (the first {@link #STALE_SHOWN} by name
   * unless verbose), and one command to try.
   *
   * @param configPath the config file
   * @param result what applying the plan did
   * @param plan the plan, for the example profile
   * @param stale generated profiles no longer assigned or now filtered out, not removed
   * @param dryRun whether nothing was written
   */
  void print(
      Path configPath, EditResult result, ProfilePlan plan, List<String> stale, boolean dryRun) {
    String path = SafeText.line(configPath.toString());
    String counts =
        result.added().size()
            + " added, "
            + result.updated().size()
            + " updated, "
            + result.unchanged().size()
            + " unchanged"
            + (result.removed().isEmpty() ? "" : ", " + result.removed().size() + " removed");
    if (dryRun) {
      out.println("Dry run, nothing written to " + path + ": would be " + counts + ".");
    } else if (result.changed()) {
      out.println("Wrote " + path + ": " + counts + ".");
    } else {
      out.println("No change to " + path + ": " + counts + ".");
    }
    plan.session()
        .ifPresent(session -> out.println(sessionLine(session.name(), result.session(), dryRun)));
    if (!result.skipped().isEmpty()) {
      out.println(
          result.skipped().size()
              + " skipped: a section of the same name was not made by this tool.");
    }
    if (!stale.isEmpty()) {
      out.println(
          stale.size()
              + " stale (no longer assigned or filtered out; --prune removes them): "
              + staleNames(stale));
    }
    plan.profiles().stream()
        .map(p -> p.name())
        .filter(name -> !result.skipped().contains(name))
        .findFirst()
        .ifPresentOrElse(
            name ->
                out.println("Try: aws sts get-caller-identity --profile " + SafeText.line(name)),
            () -> out.println("No account or role is assigned to you (or all were filtered out)."));
    out.flush();
  }

  /**
   * E.g. {@code sso-session acme added.}, or in a dry run {@code sso-session acme would be added.}
   */
  private static String sessionLine(String name, SessionChange change, boolean dryRun) {
    String what =
        switch (change) {
          case ADDED -> "added";
          case UPDATED -> "updated";
          default -> "unchanged";
        };
    return "sso-session "
        + SafeText.line(name)
        + (dryRun && change != SessionChange.UNCHANGED ? " would be " : " ")
        + what
        + ".";
  }

  /** All names verbose, else the first {@link #STALE_SHOWN} and how many more. */
  private String staleNames(List<String> stale) {
    boolean all = verbose || stale.size() <= STALE_SHOWN;
    List<String> shown = all ? stale : stale.subList(0, STALE_SHOWN);
    String names = String.join(", ", shown.stream().map(SafeText::line).toList());
    return all
        ? names
        : names + " and " + (stale.size() - STALE_SHOWN) + " more (--verbose lists them all)";
  }
}

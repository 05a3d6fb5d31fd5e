package dev.ssoconfig.cli;

import dev.ssoconfig.configfile.EditResult;
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
  private final PrintWriter out;

  Summary(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints what changed (or would change, in a dry run), where, the stale generated profiles left
   * in place, and one command to try.
   *
   * @param configPath the config file
   * @param result what applying the plan did
   * @param plan the plan, for the example profile
   * @param stale generated profiles no longer assigned or now filtered out, not removed
   * @param dryRun whether nothing was written
   */
  void print(Path configPath, EditResult result, ProfilePlan plan, List<String> stale, boolean dryRun) {
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
    if (!result.skipped().isEmpty()) {
      out.println(
          result.skipped().size()
              + " skipped: a section of the same name was not made by this tool.");
    }
    if (!stale.isEmpty()) {
      out.println(
          stale.size()
              + " stale (no longer assigned or filtered out; --prune removes them): "
              + String.join(", ", stale.stream().map(SafeText::line).toList()));
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
}

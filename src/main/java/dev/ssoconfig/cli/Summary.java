package dev.ssoconfig.cli;

import dev.ssoconfig.configfile.EditResult;
import dev.ssoconfig.profiles.ProfilePlan;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The short report printed on stdout at the end of a successful run. */
final class Summary {
  private final PrintWriter out;

  Summary(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints what changed, where, and one command to try.
   *
   * @param configPath the config file
   * @param result what applying the plan did
   * @param plan the plan, for the example profile
   */
  void print(Path configPath, EditResult result, ProfilePlan plan) {
    int added = result.added().size();
    int updated = result.updated().size();
    int unchanged = result.unchanged().size();
    String counts = added + " added, " + updated + " updated, " + unchanged + " unchanged";
    if (result.changed()) {
      out.println("Wrote " + configPath + ": " + counts + ".");
    } else {
      out.println("No change to " + configPath + ": " + counts + ".");
    }
    if (!result.skipped().isEmpty()) {
      out.println(result.skipped().size() + " skipped: a section of the same name was not made by this tool.");
    }
    plan.profiles().stream()
        .map(p -> p.name())
        .filter(name -> !result.skipped().contains(name))
        .findFirst()
        .ifPresentOrElse(
            name -> out.println("Try: aws sts get-caller-identity --profile " + name),
            () -> out.println("No account or role is assigned to you in IAM Identity Center."));
    out.flush();
  }
}

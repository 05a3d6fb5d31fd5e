package dev.ssoconfig.configfile;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ssoconfig.configfile.RandomConfig.Block;
import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.testing.Escaped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that an edit kept every byte outside the parts the editor may change, judged by the
 * generator's record of the file ({@link RandomConfig}) and not by the editor's own parser, so a
 * parser that misreads a line cannot hide the edit it causes.
 *
 * <p>The input is cut into blocks at the header lines the generator wrote. A block is editable when
 * it is a profile all of whose blocks carry the marker, or the plan's sso-session. Each maximal run
 * of other blocks (with a byte order mark counting as one at the start) must appear in the output
 * byte for byte, in order: at offset 0 when nothing editable precedes it; after that anywhere past
 * the previous run, since the editable blocks between may grow, shrink or vanish. The last run may
 * be followed only by appended sections, after a terminator for a last line without one and at most
 * one blank line. Where only editable blocks follow a run, the run may lose one final blank line:
 * pruning them at the end of the file drops the blank line before them.
 */
final class KeptBytes {
  private static final Pattern APPENDED = Pattern.compile("(?s)((\r\n|\n)?\\[.*)?");

  private KeptBytes() {}

  /** A run of blocks the editor must keep. */
  private record Run(String text, boolean first, boolean last) {}

  static void assertKept(RandomConfig config, ProfilePlan plan, byte[] outputBytes) {
    String output = new String(outputBytes, StandardCharsets.ISO_8859_1);
    int from = 0;
    List<Run> runs = runs(config, plan);
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      if (run.last()) {
        assertAtTheEnd(run, output, from);
        return;
      }
      List<String> candidates = new ArrayList<>(List.of(run.text()));
      if (i == runs.size() - 1) {
        withoutLastBlankLine(run.text()).ifPresent(candidates::add);
      }
      int found = -1;
      String match = null;
      for (String candidate : candidates) {
        int at = run.first() ? startIfAtStart(output, candidate) : output.indexOf(candidate, from);
        if (at >= 0 && (found < 0 || at < found)) {
          found = at;
          match = candidate;
        }
      }
      if (found < 0) {
        fail("kept bytes missing:\n" + show(run.text()) + "\noutput:\n" + show(output));
      }
      from = found + match.length();
    }
  }

  /**
   * Asserts the last run is in the output at or after {@code from}, followed only by appended
   * sections. Its bytes may also occur earlier, inside an editable block, so every occurrence is
   * tried.
   */
  private static void assertAtTheEnd(Run run, String output, int from) {
    String problem = "kept bytes missing:\n" + show(run.text());
    int at = run.first() ? startIfAtStart(output, run.text()) : output.indexOf(run.text(), from);
    while (at >= 0) {
      problem = appendedProblem(run.text(), output.substring(at + run.text().length()));
      if (problem == null) {
        return;
      }
      at = run.first() ? -1 : output.indexOf(run.text(), at + 1);
    }
    fail(problem + "\noutput:\n" + show(output));
  }

  /** Why {@code tail} is not just sections appended after {@code kept}; null if it is. */
  private static String appendedProblem(String kept, String tail) {
    if (tail.isEmpty()) {
      return null;
    }
    if (!terminated(kept)) {
      if (tail.startsWith("\r\n")) {
        tail = tail.substring(2);
      } else if (tail.startsWith("\n")) {
        tail = tail.substring(1);
      } else {
        return "appended after a last line without giving it a terminator";
      }
    }
    return APPENDED.matcher(tail).matches()
        ? null
        : "after the last kept bytes only appended sections may follow:\n" + show(tail);
  }

  private static List<Run> runs(RandomConfig config, ProfilePlan plan) {
    List<Block> blocks = config.blocks();
    List<Run> runs = new ArrayList<>();
    StringBuilder text = new StringBuilder(config.bom() ? Grammar.BOM : "");
    boolean first = true;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (config.editable(block, plan)) {
        if (text.length() > 0) {
          runs.add(new Run(text.toString(), first, false));
          text.setLength(0);
        }
        first = false;
      } else {
        text.append(block.text());
      }
    }
    if (text.length() > 0) {
      runs.add(new Run(text.toString(), first, true));
    }
    return runs;
  }

  /** {@code text} less its last line when that line is blank, split as {@link ConfigDocument}. */
  private static Optional<String> withoutLastBlankLine(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      }
      if (c == '\n' || c == '\r') {
        starts.add(i + 1);
      }
    }
    if (starts.get(starts.size() - 1) == text.length()) {
      starts.remove(starts.size() - 1);
    }
    int lastStart = starts.get(starts.size() - 1);
    String last = text.substring(lastStart).replaceAll("[\r\n]+$", "");
    return last.matches("[ \t]*") ? Optional.of(text.substring(0, lastStart)) : Optional.empty();
  }

  private static int startIfAtStart(String output, String candidate) {
    return output.startsWith(candidate) ? 0 : -1;
  }

  private static boolean terminated(String text) {
    return text.endsWith("\n") || text.endsWith("\r");
  }

  private static String show(String latin1) {
    return Escaped.of(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }
}

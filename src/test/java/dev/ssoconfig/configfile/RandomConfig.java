package dev.ssoconfig.configfile;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.testing.Escaped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A config file built by {@link ConfigGenerator}, with the generator's own record of what each part
 * is. Property tests judge the editor against this record, not against the editor's parser.
 *
 * <p>Text is in byte-per-char form ({@link Latin1}): {@code "\u00c3\u00a9"} is the UTF-8 encoding
 * of é, {@code "\u00ff"} an invalid UTF-8 byte.
 *
 * @param bom whether the file starts with a UTF-8 byte order mark
 * @param blocks the file's parts in order: an optional preamble, then one block per header line
 *     with every line up to the next header
 * @param clean whether the generator kept to what the AWS SDK accepts (no stray lines, broken
 *     headers or byte order mark); the SDK may still reject the file
 */
record RandomConfig(boolean bom, List<RandomConfig.Block> blocks, boolean clean) {

  /** What a block's header declares, as the generator wrote it. */
  enum Kind {
    PREAMBLE,
    PROFILE,
    SSO_SESSION,
    SERVICES,
    UNKNOWN
  }

  /** One line as written: its text and its terminator ({@code ""} only for the file's last). */
  record GenLine(String text, String terminator) {}

  /**
   * A header and the lines up to the next header.
   *
   * @param kind what the header declares
   * @param name the profile ({@code default} for {@code [default]}) or sso-session name, or null
   * @param marked whether the generator gave the block a marker that makes it managed: {@code
   *     managed_by = aws-sso-config-generator} as the last definition of the key, not continued
   * @param lines the block's lines, header first (a preamble has no header)
   */
  record Block(Kind kind, String name, boolean marked, List<GenLine> lines) {
    Block {
      lines = List.copyOf(lines);
    }

    String text() {
      StringBuilder text = new StringBuilder();
      for (GenLine line : lines) {
        text.append(line.text()).append(line.terminator());
      }
      return text.toString();
    }
  }

  RandomConfig {
    blocks = List.copyOf(blocks);
  }

  /** The file's bytes. */
  byte[] bytes() {
    StringBuilder text = new StringBuilder(bom ? Grammar.BOM : "");
    for (Block block : blocks) {
      text.append(block.text());
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether the editor may change {@code block} under {@code plan}: a profile every block of whose
   * name is marked, or the plan's sso-session.
   */
  boolean editable(Block block, ProfilePlan plan) {
    if (block.kind() == Kind.PROFILE) {
      return managed(block.name());
    }
    return block.kind() == Kind.SSO_SESSION
        && plan.session().map(s -> s.name().equals(block.name())).orElse(false);
  }

  /** Whether every block of profile {@code name} is marked (and there is one). */
  boolean managed(String name) {
    boolean any = false;
    for (Block block : blocks) {
      if (block.kind() == Kind.PROFILE && Objects.equals(block.name(), name)) {
        if (!block.marked()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  @Override
  public String toString() {
    return "RandomConfig[clean=" + clean + "]:\n" + Escaped.of(bytes());
  }
}

package dev.ssoconfig.configfile;

import java.util.List;

/**
 * One property definition inside a section.
 *
 * @param key the key, byte-per-char form
 * @param line the index of the {@code key = value} line
 * @param continuations the indexes of the indented lines that continue its value, in order
 * @param value the value as the SDKs read it: the first line's value, then {@code "\n"} and each
 *     trimmed continuation line
 */
record PropertyEntry(String key, int line, List<Integer> continuations, String value) {
  PropertyEntry {
    continuations = List.copyOf(continuations);
  }

  /** The index of the last line this definition occupies. */
  int lastLine() {
    return continuations.isEmpty() ? line : continuations.get(continuations.size() - 1);
  }
}

package dev.ssoconfig.configfile;

import java.util.List;

/**
 * One property definition inside a section.
 *
 * @param key the key as botocore reads it: right-stripped and lower-cased
 * @param line the index of the {@code key = value} line
 * @param continuations the indexes of the lines whose text was appended to the value, in order
 *     (blank lines between them add an empty line to the value but are not listed)
 * @param value the value as botocore reads it: the first line's value, then {@code "\n"} and each
 *     stripped continuation line (an empty one for each blank line between), right-stripped
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

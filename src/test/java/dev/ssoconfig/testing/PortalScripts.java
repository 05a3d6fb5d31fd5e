package dev.ssoconfig.testing;

import dev.ssoconfig.testing.FakeIdentityCenter.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scripted answers of portal calls, per operation and optionally per account; each script's
 * last step repeats. Thread-safe.
 */
final class PortalScripts {
  private record Key(Operation operation, String accountId) {}

  private static final class Script {
    private final List<PortalAnswer> steps;
    private int next;

    Script(List<PortalAnswer> steps) {
      this.steps = steps;
    }

    PortalAnswer take() {
      return steps.get(Math.min(next++, steps.size() - 1));
    }
  }

  private final Map<Key, Script> scripts = new HashMap<>();

  /**
   * @param accountId the account whose calls the script answers, or null for every call of the
   *     operation that no account's script answers
   */
  synchronized void script(Operation operation, String accountId, List<PortalAnswer> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("the script needs at least one answer");
    }
    scripts.put(new Key(operation, accountId), new Script(List.copyOf(steps)));
  }

  /**
   * @return the next scripted answer of a call, or empty when no script answers it
   */
  synchronized Optional<PortalAnswer> next(Operation operation, String accountId) {
    Script script = accountId == null ? null : scripts.get(new Key(operation, accountId));
    if (script == null) {
      script = scripts.get(new Key(operation, null));
    }
    return script == null ? Optional.empty() : Optional.of(script.take());
  }
}

package dev.ssoconfig.profiles;

import dev.ssoconfig.portal.AccountRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Gives every account/role pair a distinct profile name. Names are compared exactly
 * (case-sensitively), as the AWS CLI and SDKs compare profile names.
 *
 * <ol>
 *   <li>Each pair gets the name of the {@link ProfileNamer}.
 *   <li>When two or more pairs share a name, each of them gets {@code .<account ID>} appended, so
 *       no pair silently takes the plain name depending on input order.
 *   <li>Should names still be shared (one account with role names that sanitise alike, such as
 *       {@code Admin Role} and {@code Admin-Role}), each of those gets {@code -1}, {@code -2}, … in
 *       the order of the raw role name, account name, account ID, skipping names already used.
 * </ol>
 *
 * <p>The result depends only on the set of pairs, never on their order.
 */
final class UniqueNames {

  /** The order used to number names in step 3: raw role name, account name, account ID. */
  private static final Comparator<AccountRole> RAW_ORDER =
      Comparator.comparing(AccountRole::roleName)
          .thenComparing(AccountRole::accountName)
          .thenComparing(AccountRole::accountId);

  private UniqueNames() {}

  /**
   * @param roles distinct pairs
   * @param namer names a pair
   * @return a distinct name for every pair in {@code roles}
   */
  static Map<AccountRole, String> assign(
      Collection<AccountRole> roles, Function<AccountRole, String> namer) {
    Map<AccountRole, String> names = new HashMap<>();
    for (AccountRole role : roles) {
      names.put(role, namer.apply(role));
    }
    for (List<AccountRole> shared : sharedNames(names).values()) {
      for (AccountRole role : shared) {
        names.put(role, names.get(role) + "." + ProfileNames.sanitize(role.accountId()));
      }
    }
    numberRemainingDuplicates(names);
    return names;
  }

  private static void numberRemainingDuplicates(Map<AccountRole, String> names) {
    Map<String, List<AccountRole>> shared = sharedNames(names);
    if (shared.isEmpty()) {
      return;
    }
    Set<String> taken = new HashSet<>(names.values());
    taken.removeAll(shared.keySet());
    shared.forEach(
        (name, group) -> {
          int n = 0;
          for (AccountRole role : group) {
            String candidate;
            do {
              candidate = name + "-" + ++n;
            } while (taken.contains(candidate));
            taken.add(candidate);
            names.put(role, candidate);
          }
        });
  }

  /** Names given to more than one pair, in name order, each with its pairs. */
  private static Map<String, List<AccountRole>> sharedNames(Map<AccountRole, String> names) {
    Map<String, List<AccountRole>> byName = new TreeMap<>();
    names.forEach((role, name) -> byName.computeIfAbsent(name, key -> new ArrayList<>()).add(role));
    byName.values().removeIf(group -> group.size() < 2);
    byName.values().forEach(group -> group.sort(RAW_ORDER));
    return byName;
  }
}

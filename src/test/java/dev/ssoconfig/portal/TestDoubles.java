package dev.ssoconfig.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Deterministic stand-ins for randomness and progress of the listing; for time use {@link
 * dev.ssoconfig.testing.FakeTime}.
 */
final class TestDoubles {

  private TestDoubles() {}

  /** Always draws the top of the range, so a jittered delay equals its ceiling. */
  static final class TopOfRange implements RandomGenerator {
    @Override
    public long nextLong() {
      return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }

    @Override
    public long nextLong(long origin, long bound) {
      return bound - 1;
    }
  }

  /** Records progress events as text, e.g. {@code accounts 3}, {@code roles 1/3: 2}. */
  static final class RecordingProgress implements ProgressListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void accountsListed(int accounts) {
      events.add("accounts " + accounts);
    }

    @Override
    public void rolesListed(int accountsDone, int accountsTotal, int roles, PaceSnapshot pace) {
      events.add("roles " + accountsDone + "/" + accountsTotal + ": " + roles);
    }
  }
}

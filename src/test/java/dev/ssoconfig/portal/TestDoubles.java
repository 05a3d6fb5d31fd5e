package dev.ssoconfig.portal;

import dev.ssoconfig.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Deterministic stand-ins for time, randomness and progress. */
final class TestDoubles {

  private TestDoubles() {}

  /** Records every requested delay and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration d) {
      delays.add(d);
    }

    synchronized List<Duration> delays() {
      return List.copyOf(delays);
    }
  }

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

  /** Records progress events as text, e.g. {@code accounts 3}, {@code roles 1/3}. */
  static final class RecordingProgress implements ProgressListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void accountsListed(int accounts) {
      events.add("accounts " + accounts);
    }

    @Override
    public void rolesListed(int accountsDone, int accountsTotal, PaceSnapshot pace) {
      events.add("roles " + accountsDone + "/" + accountsTotal);
    }
  }
}

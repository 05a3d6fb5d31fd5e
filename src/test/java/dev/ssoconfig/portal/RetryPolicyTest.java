package dev.ssoconfig.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.portal.TestDoubles.TopOfRange;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10));

  @Test
  void defaults_are_eight_attempts_from_200_ms_capped_at_10_s() {
    assertEquals(POLICY, RetryPolicy.defaults());
  }

  @Nested
  class Ceiling {

    @Test
    void doubles_from_the_base_delay() {
      assertEquals(Duration.ofMillis(200), POLICY.ceiling(0));
      assertEquals(Duration.ofMillis(400), POLICY.ceiling(1));
      assertEquals(Duration.ofMillis(800), POLICY.ceiling(2));
      assertEquals(Duration.ofMillis(6400), POLICY.ceiling(5));
    }

    @Test
    void stops_at_the_cap() {
      assertEquals(Duration.ofSeconds(10), POLICY.ceiling(6));
      assertEquals(Duration.ofSeconds(10), POLICY.ceiling(62));
      assertEquals(Duration.ofSeconds(10), POLICY.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void rejects_a_negative_retry() {
      assertThrows(IllegalArgumentException.class, () -> POLICY.ceiling(-1));
    }
  }

  @Nested
  class DelayBeforeRetry {

    @Test
    void stays_between_zero_and_the_ceiling() {
      RandomGenerator random = new SplittableRandom(42);
      for (int retry = 0; retry < 12; retry++) {
        for (int draw = 0; draw < 200; draw++) {
          Duration d = POLICY.delayBeforeRetry(retry, random);
          assertFalse(d.isNegative());
          assertTrue(d.compareTo(POLICY.ceiling(retry)) <= 0, d::toString);
        }
      }
    }

    @Test
    void can_reach_the_ceiling_itself() {
      assertEquals(Duration.ofMillis(800), POLICY.delayBeforeRetry(2, new TopOfRange()));
    }

    @Test
    void can_be_zero() {
      RandomGenerator bottom =
          new RandomGenerator() {
            @Override
            public long nextLong() {
              return 0;
            }

            @Override
            public long nextLong(long bound) {
              return 0;
            }
          };
      assertEquals(Duration.ZERO, POLICY.delayBeforeRetry(3, bottom));
    }
  }

  @Test
  void rejects_nonsense() {
    Duration ms = Duration.ofMillis(1);
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, ms, ms));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, ms));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, ms.negated(), ms));
    assertThrows(
        IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ofSeconds(2), ms));
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, ms, Duration.ofDays(2)));
    assertThrows(NullPointerException.class, () -> new RetryPolicy(1, null, ms));
  }
}

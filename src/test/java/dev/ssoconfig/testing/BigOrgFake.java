package dev.ssoconfig.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the fake Identity Center with a large organisation, for the end-to-end benchmark in {@code
 * docs/benchmarks.md}: {@code ACCOUNTS} accounts with three roles each, pages of 100, every portal
 * answer delayed by {@code LATENCY_MS} milliseconds and every {@code THROTTLE_EVERY}th portal
 * request (default 20th; 0 for none) throttled (HTTP 429). Not a test; run by hand.
 *
 * <p>Usage: {@code BigOrgFake PORT ACCOUNTS LATENCY_MS [THROTTLE_EVERY]}
 */
public final class BigOrgFake {
  private BigOrgFake() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    long latency = Long.parseLong(args[2]);
    int throttleEvery = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    List<FakeAccount> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(
          FakeAccount.of(
              String.format("%012d", 100_000_000_000L + i),
              "Account " + i,
              "AdministratorAccess",
              "ReadOnlyAccess",
              "Billing"));
    }
    FakeIdentityCenter fake =
        new FakeIdentityCenter(port)
            .withAccounts(accounts)
            .withPageSize(100)
            .withPortalLatency(Duration.ofMillis(latency))
            .throttleEveryNthPortalRequest(throttleEvery)
            .closeOnExit();
    System.out.println("Fake Identity Center with " + count + " accounts at " + fake.baseUri());
    Thread.currentThread().join();
  }
}

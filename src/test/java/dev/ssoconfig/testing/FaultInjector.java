package dev.ssoconfig.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides, call by call in arrival order, whether a portal call fails with a 500 or a broken
 * connection; seeded, so a test sees the same sequence of draws every run. Thread-safe.
 */
final class FaultInjector {
  private Random random = new Random(0);
  private double serverErrorRate;
  private double cutOffRate;
  private boolean resetNext = true;
  private final Map<String, Integer> injected = new LinkedHashMap<>();

  synchronized void configure(long seed, double serverErrorRate, double cutOffRate) {
    if (serverErrorRate < 0 || cutOffRate < 0 || serverErrorRate + cutOffRate > 1) {
      throw new IllegalArgumentException("rates must be between 0 and 1 and add up to at most 1");
    }
    this.random = new Random(seed);
    this.serverErrorRate = serverErrorRate;
    this.cutOffRate = cutOffRate;
    this.resetNext = true;
    this.injected.clear();
  }

  synchronized Map<String, Integer> injected() {
    return Map.copyOf(injected);
  }

  /**
   * @return the fault to answer this call with, or empty to answer it normally
   */
  synchronized Optional<ResponseDefinition> next() {
    if (serverErrorRate == 0 && cutOffRate == 0) {
      return Optional.empty();
    }
    double draw = random.nextDouble();
    if (draw < serverErrorRate) {
      injected.merge("500", 1, Integer::sum);
      return Optional.of(
          FakeHttp.portalError(500, "InternalServerException", "injected server error"));
    }
    if (draw < serverErrorRate + cutOffRate) {
      Fault fault = resetNext ? Fault.CONNECTION_RESET_BY_PEER : Fault.MALFORMED_RESPONSE_CHUNK;
      resetNext = !resetNext;
      injected.merge(fault.name(), 1, Integer::sum);
      return Optional.of(ResponseDefinitionBuilder.responseDefinition().withFault(fault).build());
    }
    return Optional.empty();
  }
}

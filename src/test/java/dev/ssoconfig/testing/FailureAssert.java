package dev.ssoconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ssoconfig.Failure;
import org.junit.jupiter.api.function.Executable;

/** Asserts that code fails with a {@link Failure} of a given kind. */
public final class FailureAssert {
  private FailureAssert() {}

  /**
   * @param kind the kind expected
   * @param executable the code that must fail
   * @return the failure, for assertions on its message
   */
  public static Failure assertFailure(Failure.Kind kind, Executable executable) {
    Failure failure = assertThrows(Failure.class, executable);
    assertEquals(kind, failure.kind(), failure::getMessage);
    return failure;
  }
}

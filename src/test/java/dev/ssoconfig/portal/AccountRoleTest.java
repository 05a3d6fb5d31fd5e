package dev.ssoconfig.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccountRoleTest {
  @Test
  void rejects_missing_fields() {
    assertThrows(NullPointerException.class, () -> new AccountRole(null, "Prod", "Admin"));
    assertThrows(NullPointerException.class, () -> new AccountRole("111111111111", null, "Admin"));
    assertThrows(NullPointerException.class, () -> new AccountRole("111111111111", "Prod", null));
  }

  @Test
  void is_a_value() {
    assertEquals(new AccountRole("1", "a", "r"), new AccountRole("1", "a", "r"));
  }
}

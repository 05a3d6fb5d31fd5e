package dev.ssoconfig.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;

class PortalFailuresTest {
  @Test
  void names_the_regional_portal_host_of_each_partition() {
    try (SsoClient commercial = PortalClients.create("eu-west-1", Optional.empty());
        SsoClient china = PortalClients.create("cn-north-1", Optional.empty())) {
      assertEquals("portal.sso.eu-west-1.amazonaws.com", PortalFailures.hostOf(commercial));
      assertEquals("portal.sso.cn-north-1.amazonaws.com.cn", PortalFailures.hostOf(china));
    }
  }

  @Test
  void names_an_endpoint_override_with_its_port() {
    try (SsoClient local =
        PortalClients.create("us-east-1", Optional.of(URI.create("http://127.0.0.1:8123")))) {
      assertEquals("127.0.0.1:8123", PortalFailures.hostOf(local));
    }
  }
}

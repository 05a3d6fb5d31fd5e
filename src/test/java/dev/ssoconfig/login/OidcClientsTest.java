package dev.ssoconfig.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

class OidcClientsTest {
  @Test
  void resolves_the_regional_endpoint_of_each_partition() {
    assertEquals(
        URI.create("https://oidc.us-east-1.amazonaws.com"),
        OidcClients.resolveEndpoint("us-east-1", Optional.empty()));
    assertEquals(
        URI.create("https://oidc.cn-north-1.amazonaws.com.cn"),
        OidcClients.resolveEndpoint("cn-north-1", Optional.empty()));
    assertEquals(
        URI.create("https://oidc.us-gov-west-1.amazonaws.com"),
        OidcClients.resolveEndpoint("us-gov-west-1", Optional.empty()));
  }

  @Test
  void an_override_wins() {
    URI local = URI.create("http://127.0.0.1:8080");

    assertEquals(local, OidcClients.resolveEndpoint("eu-west-1", Optional.of(local)));
  }

  @Test
  void resolves_the_endpoint_a_built_client_calls() {
    URI local = URI.create("http://127.0.0.1:8080");
    try (SsoOidcClient client = OidcClients.create("eu-west-1", Optional.of(local))) {
      assertEquals(local, OidcClients.resolveEndpoint(client));
    }
  }
}

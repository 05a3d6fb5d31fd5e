package dev.ssoconfig.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssoconfig.login.OidcClients;
import dev.ssoconfig.portal.PortalClients;
import dev.ssoconfig.testing.FakeIdentityCenter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.utils.SystemSetting;
import software.amazon.awssdk.utils.internal.SystemSettingUtilsTestBackdoor;

/**
 * The clients {@link SdkClients} builds never read a profile file.
 *
 * <p>The SDK reads {@code HOME}, {@code AWS_CONFIG_FILE} and friends through {@code
 * SystemSettingUtils}, which consults the SDK's own test hook {@link
 * SystemSettingUtilsTestBackdoor} before {@link System#getenv}; these tests use it to show the SDK
 * an environment whose files live in a temp folder, and clear it afterwards. Each test first checks
 * that the SDK really sees that environment, so it cannot pass because the hook stopped working.
 */
class SdkClientsTest {
  /** The AWS CLI reads these; the SDK's strict reader rejects both on line 2. */
  private static final String CONFIG_THE_SDK_REJECTS = "[default]\n  region = us-west-2\n";

  private static final String CREDENTIALS_THE_SDK_REJECTS =
      "[default]\n  aws_access_key_id = AKIDEXAMPLE\nregion : eu-west-3\n";

  @TempDir Path home;
  @RegisterExtension final FakeIdentityCenter fake = new FakeIdentityCenter();

  @BeforeEach
  void start() {
    sdkEnvironment("HOME", home.toString());
    sdkEnvironment("AWS_CONFIG_FILE", null);
    sdkEnvironment("AWS_SHARED_CREDENTIALS_FILE", null);
    sdkEnvironment("AWS_PROFILE", null);
    sdkEnvironment("AWS_ENDPOINT_URL", null);
    sdkEnvironment("AWS_ENDPOINT_URL_SSO_OIDC", null);
    sdkEnvironment("AWS_ENDPOINT_URL_SSO", null);
  }

  @AfterEach
  void stop() {
    SystemSettingUtilsTestBackdoor.clearEnvironmentVariableOverrides();
  }

  /** Sets (or with null, unsets) an environment variable as the SDK sees it. */
  private static void sdkEnvironment(String name, String value) {
    SystemSettingUtilsTestBackdoor.addEnvironmentVariableOverride(name, value);
    assertEquals(
        Optional.ofNullable(value), SystemSetting.getStringValueFromEnvironmentVariable(name));
  }

  private Path write(String relative, String content) throws IOException {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  /** Registers a client and lists accounts through clients made by OidcClients / PortalClients. */
  private void signInCallsAndListingWork(Optional<URI> endpointOverride) {
    try (SsoOidcClient oidc = OidcClients.create(FakeIdentityCenter.REGION, endpointOverride);
        SsoClient portal = PortalClients.create(FakeIdentityCenter.REGION, endpointOverride)) {
      String clientId =
          oidc.registerClient(
                  RegisterClientRequest.builder()
                      .clientName("aws-sso-config-generator")
                      .clientType("public")
                      .scopes("sso:account:access")
                      .build())
              .clientId();
      long accounts =
          portal
              .listAccountsPaginator(
                  ListAccountsRequest.builder().accessToken(fake.issueAccessToken()).build())
              .accountList()
              .stream()
              .count();

      assertFalse(clientId.isEmpty());
      assertEquals(fake.accounts().size(), (int) accounts);
    }
  }

  @Nested
  class UnparseableFiles {
    @Test
    void in_the_home_folder_do_not_stop_sign_in_or_listing() throws IOException {
      write(".aws/config", CONFIG_THE_SDK_REJECTS);
      write(".aws/credentials", CREDENTIALS_THE_SDK_REJECTS);

      signInCallsAndListingWork(Optional.of(fake.baseUri()));
    }

    @Test
    void named_by_AWS_CONFIG_FILE_and_AWS_SHARED_CREDENTIALS_FILE_do_not_stop_sign_in_or_listing()
        throws IOException {
      sdkEnvironment(
          "AWS_CONFIG_FILE", write("elsewhere/config", CONFIG_THE_SDK_REJECTS).toString());
      sdkEnvironment(
          "AWS_SHARED_CREDENTIALS_FILE",
          write("elsewhere/credentials", CREDENTIALS_THE_SDK_REJECTS).toString());

      signInCallsAndListingWork(Optional.of(fake.baseUri()));
    }

    @Test
    void do_not_stop_clients_that_find_their_endpoint_in_AWS_ENDPOINT_URL_variables()
        throws IOException {
      write(".aws/config", CONFIG_THE_SDK_REJECTS);
      write(".aws/credentials", CREDENTIALS_THE_SDK_REJECTS);
      sdkEnvironment("AWS_ENDPOINT_URL_SSO_OIDC", fake.baseUri().toString());
      sdkEnvironment("AWS_ENDPOINT_URL_SSO", fake.baseUri().toString());

      signInCallsAndListingWork(Optional.empty());
    }
  }

  @Nested
  class SettingsInAParseableConfigFile {
    /** Settings the SDK would apply from the config file: endpoints, a profile name. */
    private static final String ENDPOINTS =
        "[default]\n"
            + "endpoint_url = http://127.0.0.1:9/from-default\n"
            + "services = local\n"
            + "[profile other]\n"
            + "endpoint_url = http://127.0.0.1:9/from-other\n"
            + "[services local]\n"
            + "sso_oidc =\n"
            + "  endpoint_url = http://127.0.0.1:9/from-services\n"
            + "sso =\n"
            + "  endpoint_url = http://127.0.0.1:9/from-services\n";

    @Test
    void endpoint_url_and_services_sections_are_ignored() throws IOException {
      write(".aws/config", ENDPOINTS);

      try (SsoOidcClient oidc = OidcClients.create("eu-west-1", Optional.empty());
          SsoClient portal = PortalClients.create("eu-west-1", Optional.empty())) {
        assertEquals(Optional.empty(), oidc.serviceClientConfiguration().endpointOverride());
        assertEquals(Optional.empty(), portal.serviceClientConfiguration().endpointOverride());
        assertEquals(
            URI.create("https://oidc.eu-west-1.amazonaws.com"), OidcClients.resolveEndpoint(oidc));
      }
    }

    @Test
    void the_profile_named_by_AWS_PROFILE_is_ignored_too() throws IOException {
      write(".aws/config", ENDPOINTS);
      sdkEnvironment("AWS_PROFILE", "other");

      try (SsoOidcClient oidc = OidcClients.create("eu-west-1", Optional.empty())) {
        assertEquals(Optional.empty(), oidc.serviceClientConfiguration().endpointOverride());
      }
    }

    @Test
    void AWS_ENDPOINT_URL_SSO_OIDC_and_AWS_ENDPOINT_URL_SSO_still_apply() throws IOException {
      write(".aws/config", ENDPOINTS);
      URI fromEnvironment = URI.create("http://127.0.0.1:9/from-environment");
      sdkEnvironment("AWS_ENDPOINT_URL_SSO_OIDC", fromEnvironment.toString());
      sdkEnvironment("AWS_ENDPOINT_URL_SSO", fromEnvironment.toString());

      try (SsoOidcClient oidc = OidcClients.create("eu-west-1", Optional.empty());
          SsoClient portal = PortalClients.create("eu-west-1", Optional.empty())) {
        assertEquals(
            Optional.of(fromEnvironment), oidc.serviceClientConfiguration().endpointOverride());
        assertEquals(
            Optional.of(fromEnvironment), portal.serviceClientConfiguration().endpointOverride());
      }
    }
  }

  @Test
  void each_client_is_configured_with_an_empty_profile_file() throws IOException {
    write(".aws/config", "[default]\nregion = us-west-2\n");

    try (SsoOidcClient oidc = OidcClients.create("us-east-1", Optional.of(fake.baseUri()));
        SsoClient portal = PortalClients.create("us-east-1", Optional.of(fake.baseUri()))) {
      for (var client : List.of(oidc, portal)) {
        var profileFile =
            client.serviceClientConfiguration().overrideConfiguration().defaultProfileFile();

        assertTrue(profileFile.isPresent(), client.serviceName());
        assertEquals(Map.of(), profileFile.orElseThrow().profiles(), client.serviceName());
      }
    }
  }
}

package dev.ssoconfig.aws;

import static dev.ssoconfig.testing.FailureAssert.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ssoconfig.Failure;
import dev.ssoconfig.testing.Fifos;
import dev.ssoconfig.testing.OnWindows;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;

/**
 * {@code AWS_CA_BUNDLE}: the PEM file is read as the AWS CLI reads it, and the SDK clients then
 * trust exactly its certificate authorities. The server is an HTTPS server on 127.0.0.1 with a
 * self-signed certificate (made by the JDK's {@code keytool} for this test), standing in for a
 * company's TLS-intercepting proxy.
 */
@Timeout(120)
class CaBundleTest {
  private static final String PASSWORD = "changeit";

  /** Holds the key pairs made once for all tests ({@code keytool} takes a second or more each). */
  @TempDir static Path dir;

  @BeforeAll
  static void makeCertificates() throws Exception {
    selfSigned("server");
    selfSigned("other");
  }

  /** Runs the JDK's keytool with these arguments. */
  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
  }

  /** A key pair with a self-signed certificate for 127.0.0.1 in NAME.p12, and it as NAME.pem. */
  private static Path selfSigned(String name) throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "san=ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        name + ".p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        name,
        "-keystore",
        name + ".p12",
        "-storepass",
        PASSWORD,
        "-file",
        name + ".pem");
    return dir.resolve(name + ".pem");
  }

  @Nested
  class Reading {
    @Test
    void is_off_when_the_variable_is_unset_or_empty() {
      assertEquals(Optional.empty(), CaBundle.fromEnvironment(Map.of()));
      assertEquals(Optional.empty(), CaBundle.fromEnvironment(Map.of("AWS_CA_BUNDLE", "")));
    }

    @Test
    void reads_every_certificate_of_a_bundle_with_comments_between_them() throws Exception {
      String first = Files.readString(dir.resolve("server.pem"));
      String second = Files.readString(dir.resolve("other.pem"));
      Path bundle =
          Files.writeString(
              dir.resolve("bundle.pem"),
              "# Issuer: CN=server\n" + first + "\n# Issuer: CN=other\n" + second);

      CaBundle read =
          CaBundle.fromEnvironment(Map.of("AWS_CA_BUNDLE", bundle.toString())).orElseThrow();

      assertEquals(2, read.certificates().size());
      assertEquals(bundle, read.path());
    }

    @Test
    void refuses_a_folder_before_reading_it() throws IOException {
      Path folder = Files.createDirectories(dir.resolve("a-folder.pem"));
      assertTrue(
          assertFailure(Failure.Kind.USAGE, () -> CaBundle.load(folder))
              .getMessage()
              .contains(": it is not a regular file (a folder, a FIFO or a device);"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = OnWindows.NO_FIFOS)
    void refuses_a_fifo_instead_of_waiting_for_a_writer() throws Exception {
      Path fifo = dir.resolve("a-fifo.pem");
      Fifos.make(fifo);
      try {
        assertTrue(
            assertFailure(Failure.Kind.USAGE, () -> CaBundle.load(fifo))
                .getMessage()
                .contains(": it is not a regular file (a folder, a FIFO or a device);"));
      } finally {
        Files.delete(fifo);
      }
    }

    @Test
    void refuses_a_value_that_is_no_path() {
      Failure failure =
          assertFailure(
              Failure.Kind.USAGE,
              () -> CaBundle.fromEnvironment(Map.of("AWS_CA_BUNDLE", "ca\u0000.pem")));
      assertTrue(
          failure
              .getMessage()
              .startsWith("cannot use AWS_CA_BUNDLE \"ca\\u0000.pem\": it is not a path"),
          failure.getMessage());
    }

    @Test
    void refuses_a_missing_file_an_empty_one_and_one_without_certificates() throws IOException {
      Path missing = dir.resolve("missing.pem");
      Failure failure = assertFailure(Failure.Kind.USAGE, () -> CaBundle.load(missing));
      assertEquals(
          "cannot use AWS_CA_BUNDLE "
              + missing
              + ": no such file or folder; set it to a PEM file"
              + " of the certificate authorities to trust, or unset it",
          failure.getMessage());

      Path empty = Files.writeString(dir.resolve("empty.pem"), "");
      assertTrue(
          assertFailure(Failure.Kind.USAGE, () -> CaBundle.load(empty))
              .getMessage()
              .contains(": it holds no certificate;"));

      Path text =
          Files.writeString(
              dir.resolve("text.pem"),
              "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
      CaBundle garbled = CaBundle.load(text);
      assertTrue(
          assertFailure(Failure.Kind.USAGE, garbled::certificates)
              .getMessage()
              .contains(": it is not a PEM file of certificates;"));
    }
  }

  @Nested
  class Trusting {
    private HttpsServer server;
    private URI endpoint;

    @BeforeEach
    void start() throws Exception {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
        keys.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PASSWORD.toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers.getKeyManagers(), null, null);
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      server.createContext(
          "/",
          exchange -> {
            byte[] body = "{\"accountList\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      endpoint = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
      server.stop(0);
    }

    private SsoClient client(Optional<CaBundle> bundle) {
      RetryStrategy once = AwsRetryStrategy.doNotRetry();
      return SdkClients.build(
          SsoClient.builder(), "us-east-1", Optional.of(endpoint), once, bundle);
    }

    private static ListAccountsRequest listAccounts() {
      return ListAccountsRequest.builder().accessToken("test-token").build();
    }

    @Test
    void a_client_with_the_bundle_trusts_the_server_certificate() {
      CaBundle bundle = CaBundle.load(dir.resolve("server.pem"));
      try (SsoClient sso = client(Optional.of(bundle))) {
        assertEquals(List.of(), sso.listAccounts(listAccounts()).accountList());
      }
    }

    @Test
    void a_bundle_that_does_not_parse_stops_the_client_being_built_so_nothing_is_sent()
        throws IOException {
      Path text =
          Files.writeString(
              dir.resolve("garbled.pem"),
              "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
      CaBundle garbled = CaBundle.load(text);

      Failure failure = assertFailure(Failure.Kind.USAGE, () -> client(Optional.of(garbled)));

      assertTrue(
          failure.getMessage().startsWith("cannot use AWS_CA_BUNDLE " + text + ": it is not a PEM"),
          failure.getMessage());
    }

    @Test
    void a_client_without_it_refuses_the_certificate_as_the_jdk_does() {
      try (SsoClient sso = client(Optional.empty())) {
        SdkClientException e =
            assertThrows(SdkClientException.class, () -> sso.listAccounts(listAccounts()));
        assertInstanceOf(SSLHandshakeException.class, rootOrHandshake(e), e.toString());
      }
    }

    @Test
    void a_bundle_without_the_server_certificate_authority_does_not_trust_it() throws Exception {
      CaBundle other = CaBundle.load(dir.resolve("other.pem"));
      try (SsoClient sso = client(Optional.of(other))) {
        SdkClientException e =
            assertThrows(SdkClientException.class, () -> sso.listAccounts(listAccounts()));
        assertInstanceOf(SSLHandshakeException.class, rootOrHandshake(e), e.toString());
      }
    }

    private static Throwable rootOrHandshake(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SSLHandshakeException) {
          return t;
        }
      }
      return e;
    }
  }
}

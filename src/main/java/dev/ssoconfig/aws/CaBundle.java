package dev.ssoconfig.aws;

import dev.ssoconfig.Failure;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.text.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * The certificate authorities named by {@code AWS_CA_BUNDLE}: a PEM file of certificates that the
 * calls to AWS trust instead of the JDK's own list, for networks that intercept TLS with a
 * company's certificate authority.
 *
 * <p>The AWS CLI's rule: botocore's session variable {@code ca_bundle} comes from {@code
 * AWS_CA_BUNDLE} ({@code configprovider.BOTOCORE_DEFAUT_SESSION_VARIABLES}) and becomes urllib3's
 * {@code ca_certs} ({@code httpsession.URLLib3Session._setup_ssl_cert}), so when it is set and not
 * empty the file's certificates are the only ones trusted. The AWS SDK for Java does not read the
 * variable itself, so {@link SdkClients} gives its HTTP client these trust managers. ({@code
 * ca_bundle} in a profile does not apply: the tool's clients read no profile.)
 */
public final class CaBundle {
  /** The environment variable, as the AWS CLI names it. */
  public static final String VARIABLE = "AWS_CA_BUNDLE";

  private final Path path;
  private final List<X509Certificate> certificates;

  private CaBundle(Path path, List<X509Certificate> certificates) {
    this.path = path;
    this.certificates = List.copyOf(certificates);
  }

  /**
   * @param environment the environment variables
   * @return the bundle {@code AWS_CA_BUNDLE} names, or empty when it is unset or empty (the JDK's
   *     own certificate authorities are then trusted)
   * @throws Failure of kind {@link Failure.Kind#USAGE} as {@link #load}
   */
  public static Optional<CaBundle> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(load(Path.of(value.strip())));
  }

  /**
   * Reads every {@code -----BEGIN CERTIFICATE-----} block of a PEM file; text between them (the
   * {@code # Issuer:} comments of a certifi bundle) is allowed.
   *
   * @param pem the file
   * @return its certificates
   * @throws Failure of kind {@link Failure.Kind#USAGE} when the file cannot be read, or holds
   *     something other than certificates, or none; the message names {@code AWS_CA_BUNDLE} and the
   *     file
   */
  public static CaBundle load(Path pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
    } catch (IOException e) {
      throw problem(pem, IoReasons.describe(e), e);
    } catch (CertificateException e) {
      throw problem(pem, "it is not a PEM file of certificates", e);
    }
    if (certificates.isEmpty()) {
      throw problem(pem, "it holds no certificate", null);
    }
    return new CaBundle(pem, certificates);
  }

  private static Failure problem(Path pem, String reason, Throwable cause) {
    return Failure.usage(
        "cannot use "
            + VARIABLE
            + " "
            + SafeText.line(pem.toString())
            + ": "
            + reason
            + "; set it to a PEM file of the certificate authorities to trust, or unset it",
        cause);
  }

  /**
   * @return the file the certificates came from
   */
  public Path path() {
    return path;
  }

  /**
   * @return the certificates, in the order of the file
   */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /**
   * @return trust managers that trust exactly these certificate authorities, for the SDK's HTTP
   *     client
   */
  TlsTrustManagersProvider trustManagers() {
    return () -> {
      try {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
          store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot make trust managers of " + path, e);
      }
    };
  }
}

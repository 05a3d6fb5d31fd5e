package dev.ssoconfig.aws;

import dev.ssoconfig.Failure;
import dev.ssoconfig.io.IoReasons;
import dev.ssoconfig.text.SafeText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
 *
 * <p>The file is read and checked for a certificate block when the run starts; its certificates are
 * parsed when the first client is built (before its first call is sent), not before: a system
 * bundle holds over a hundred certificates and parsing them costs about 200 ms, which would
 * otherwise come before the sign-in URL.
 */
public final class CaBundle {
  /** The environment variable, as the AWS CLI names it. */
  public static final String VARIABLE = "AWS_CA_BUNDLE";

  /** A PEM certificate block starts with this line (RFC 7468, section 2). */
  private static final byte[] BEGIN =
      "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);

  /** More than any real bundle (a system bundle is about 220 KB). */
  private static final long MAX_BYTES = 16L << 20;

  private final Path path;
  private final byte[] pem;
  private volatile List<X509Certificate> certificates;

  private CaBundle(Path path, byte[] pem) {
    this.path = path;
    this.pem = pem;
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
    Path pem;
    try {
      pem = Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw Failure.usage(
          "cannot use "
              + VARIABLE
              + " "
              + SafeText.quote(value)
              + ": it is not a path ("
              + SafeText.line(e.getReason())
              + "); set it to a PEM file of the certificate authorities to trust, or unset it",
          e);
    }
    return Optional.of(load(pem));
  }

  /**
   * Reads a PEM file and checks that it holds a {@code -----BEGIN CERTIFICATE-----} block; the
   * certificates themselves are parsed by {@link #certificates()}.
   *
   * @param pem the file
   * @return the bundle
   * @throws Failure of kind {@link Failure.Kind#USAGE} when the file cannot be read, is not a
   *     regular file (a FIFO or device would block the read), is larger than 16 MiB, or holds no
   *     certificate block; the message names {@code AWS_CA_BUNDLE} and the file
   */
  public static CaBundle load(Path pem) {
    byte[] bytes;
    try {
      if (Files.exists(pem) && !Files.isRegularFile(pem)) {
        throw problem(pem, "it is not a regular file (a folder, a FIFO or a device)", null);
      }
      if (Files.size(pem) > MAX_BYTES) {
        throw problem(pem, "it is larger than 16 MiB", null);
      }
      bytes = Files.readAllBytes(pem);
    } catch (IOException e) {
      throw problem(pem, IoReasons.describe(e), e);
    }
    if (!contains(bytes, BEGIN)) {
      throw problem(pem, "it holds no certificate", null);
    }
    return new CaBundle(pem, bytes);
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
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
   * Parses every certificate block of the file (text between them, such as the {@code # Issuer:}
   * comments of a certifi bundle, is allowed), once; later calls give the same list.
   *
   * @return the certificates, in the order of the file
   * @throws Failure of kind {@link Failure.Kind#USAGE} when the file holds something other than
   *     certificates, or none
   */
  public List<X509Certificate> certificates() {
    List<X509Certificate> parsed = certificates;
    if (parsed == null) {
      synchronized (this) {
        parsed = certificates;
        if (parsed == null) {
          parsed = parse();
          certificates = parsed;
        }
      }
    }
    return parsed;
  }

  private List<X509Certificate> parse() {
    List<X509Certificate> parsed = new ArrayList<>();
    try {
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        parsed.add((X509Certificate) certificate);
      }
    } catch (CertificateException e) {
      throw problem(path, "it is not a PEM file of certificates", e);
    }
    if (parsed.isEmpty()) {
      throw problem(path, "it holds no certificate", null);
    }
    return List.copyOf(parsed);
  }

  /**
   * @return trust managers that trust exactly these certificate authorities, for the SDK's HTTP
   *     client, which asks for them when it is built; that call throws {@link Failure} as {@link
   *     #certificates()}
   */
  TlsTrustManagersProvider trustManagers() {
    return () -> {
      try {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<X509Certificate> all = certificates();
        for (int i = 0; i < all.size(); i++) {
          store.setCertificateEntry("ca-" + i, all.get(i));
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

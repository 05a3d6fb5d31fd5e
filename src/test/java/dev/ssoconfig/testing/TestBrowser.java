package dev.ssoconfig.testing;

import dev.ssoconfig.login.BrowserOpener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the person's browser: records every URL it is asked to open and, when visiting,
 * GETs it in the background following redirects, as a browser would (the fake's /authorize
 * redirects to the loopback callback).
 */
public final class TestBrowser implements BrowserOpener {
  private final boolean visit;
  private final IOException failure;
  private final Runnable onOpen;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  /** Every URL it was asked to open, in order. */
  public final List<URI> opened = new CopyOnWriteArrayList<>();

  /** The page loads it started, one per visited URL. */
  public final List<CompletableFuture<HttpResponse<String>>> visits = new CopyOnWriteArrayList<>();

  private final CompletableFuture<URI> firstOpened = new CompletableFuture<>();

  private TestBrowser(boolean visit, IOException failure) {
    this(visit, failure, () -> {});
  }

  private TestBrowser(boolean visit, IOException failure, Runnable onOpen) {
    this.visit = visit;
    this.failure = failure;
    this.onOpen = onOpen;
  }

  /** Visits each URL, like a person who signs in at once. */
  public static TestBrowser visiting() {
    return new TestBrowser(true, null);
  }

  /**
   * Runs {@code onOpen} when asked to open a URL, then visits it: something that happens on the
   * machine while the person signs in.
   */
  public static TestBrowser visitingAfter(Runnable onOpen) {
    return new TestBrowser(true, null, onOpen);
  }

  /** Only records URLs, like a person who never signs in. */
  public static TestBrowser recording() {
    return new TestBrowser(false, null);
  }

  /** Visits each URL but reports that the browser could not be started. */
  public static TestBrowser visitingThenFailing(String message) {
    return new TestBrowser(true, new IOException(message));
  }

  /**
   * Waits until the browser was asked to open a URL (the command then waits for the sign-in).
   *
   * @return the first URL
   * @throws java.util.concurrent.TimeoutException if none came within 30 s
   */
  public URI awaitFirstOpened() throws Exception {
    return firstOpened.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void open(URI uri) throws IOException {
    opened.add(uri);
    firstOpened.complete(uri);
    onOpen.run();
    if (visit) {
      visits.add(
          http.sendAsync(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }
    if (failure != null) {
      throw failure;
    }
  }
}

package dev.prompt4j.provider;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The HTTP client Prompt4j hands to the langchain4j model clients. It sends blocking requests with the
 * JDK's {@link java.net.http.HttpClient}, like langchain4j's own JDK client, but an error answer
 * becomes a {@link ProviderHttpException} that keeps the {@code Retry-After} header, which
 * langchain4j's exceptions drop. Prompt4j uses blocking chat models only: streaming and multipart
 * requests are refused.
 */
final class Prompt4jHttpClient implements HttpClient {
  private final java.net.http.HttpClient http;
  private final Duration readTimeout;

  private Prompt4jHttpClient(Duration connectTimeout, Duration readTimeout) {
    java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    this.http = builder.build();
    this.readTimeout = readTimeout;
  }

  /** A builder for the langchain4j model builders' {@code httpClientBuilder(...)}. */
  static HttpClientBuilder builder() {
    return new Builder();
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      throw new UnsupportedOperationException("Prompt4j's HTTP client sends no multipart requests");
    }
    java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    request.headers().forEach((name, values) -> {
      if (values != null) {
        for (String value : values) {
          try {
            jdk.header(name, value);
          } catch (IllegalArgumentException e) {
            // The JDK's message quotes the value, which may be a key: name the header only.
            throw new dev.prompt4j.Prompt4jException("The request header '" + name + "' has a character HTTP does not allow"
                + " (a line break or control character, often from a pasted key); check the configured key or header");
          }
        }
      }
    });
    jdk.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    if (readTimeout != null) {
      jdk.timeout(readTimeout);
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + host(request.url()), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach " + host(request.url()) + ": " + e, e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw new ProviderHttpException(
          status, new String(response.body(), StandardCharsets.UTF_8), retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }
    return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(response.body()).build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    listener.onError(new UnsupportedOperationException("Prompt4j's HTTP client sends no streaming requests"));
  }

  /** Scheme, host and port only: a URL may carry a key as a query parameter. */
  private static String host(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (RuntimeException e) {
      return "the provider";
    }
  }

  /** {@code Retry-After} as seconds or an HTTP date; {@code null} when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      double seconds = Double.parseDouble(value);
      return seconds < 0 ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  private static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public HttpClient build() {
      return new Prompt4jHttpClient(connectTimeout, readTimeout);
    }
  }

  @Override
  public String toString() {
    return "Prompt4jHttpClient";
  }

}

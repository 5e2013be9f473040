package dev.prompt4j.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.prompt4j.Prompt4jException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client Prompt4j hands to the langchain4j model clients. It sends blocking requests with the
 * JDK's {@link java.net.http.HttpClient}, like langchain4j's own JDK client, with these differences:
 *
 * <ul>
 *   <li>The timeout bounds the whole exchange, headers and body: a server that sends headers and then
 *       stalls ends in a {@link TimeoutException} saying what had arrived (the JDK's request timeout
 *       covers only the wait for headers).
 *   <li>A body longer than {@code prompt4j.providers.<name>.max-response-bytes} (default {@value
 *       #DEFAULT_MAX_RESPONSE_BYTES} bytes) is refused as soon as it is known to be too long (a larger
 *       {@code Content-Length}, or the byte past the cap), never read whole into memory.
 *   <li>A successful body must be valid UTF-8 JSON no deeper than {@value #MAX_BODY_DEPTH} levels, checked
 *       with a streaming parser before langchain4j's own object mapper sees it, so a hostile or broken
 *       body ends in one clear, non-retried {@link ProviderResponseException} naming the provider.
 *   <li>An error answer becomes a {@link ProviderHttpException} that keeps the {@code Retry-After}
 *       header, which langchain4j's exceptions drop.
 *   <li>Requests are sent as HTTP/1.1: on {@code http://} the JDK's default would offer an h2c upgrade on
 *       every request, and on {@code https://} HTTP/2 cost more per request than it saved (see {@code
 *       benchmarks/FINDINGS.md}); connections are kept and reused, at most {@code max-concurrent-requests}
 *       per client at once.
 * </ul>
 *
 * Messages name the provider, model and host (never a URL's query, which may hold a key, and never a
 * header value). Multipart requests are refused; streaming requests ({@link #streamingBuilder}) are read
 * by {@link SseExchange}, with idle and total time limits.
 */
final class Prompt4jHttpClient implements HttpClient {
  /** The body cap when {@code prompt4j.providers.<name>.max-response-bytes} is not set: 8 MiB. */
  static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
  /** The option naming the body cap, under {@code prompt4j.providers.<name>.}. */
  static final String MAX_RESPONSE_BYTES = "max-response-bytes";
  /**
   * The options every HTTP provider reads for this client, in a class of their own: a provider names
   * them when configuration is checked ({@code optionKeys()}), which must not load this client, Jackson
   * or langchain4j's HTTP classes.
   */
  static final class Options {
    static final List<String> KEYS = List.of(MAX_RESPONSE_BYTES, "max-concurrent-requests", StreamLimits.IDLE, StreamLimits.TOTAL);

    private Options() {}
  }
  /** Requests one client (one provider and model) has on the wire at once unless configured: see {@link #execute}. */
  static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
  /** The whole-exchange limit when the langchain4j client passes none. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** Deepest JSON nesting accepted in a response body. */
  static final int MAX_BODY_DEPTH = 200;

  /**
   * Checks response bodies as a token stream, so neither depth nor size costs stack or a tree. A
   * provider's answer nests a handful of levels (OpenAI choices/message/tool_calls, Gemini
   * candidates/content/parts and a function call's arguments as objects): {@value #MAX_BODY_DEPTH}
   * leaves room for deeply structured tool arguments, while langchain4j's mappers (Jackson defaults:
   * depth 1000) never meet a body deep enough to hurt. Strings and the document are bounded by the
   * body cap already; the string limit is lifted to that so a long answer is not refused twice with
   * two different messages.
   */
  private static final JsonFactory CHECKER = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_BODY_DEPTH)
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(1000)
          .build())
      .build();

  private final java.net.http.HttpClient http;
  private final Duration timeout;
  private final Limits limits;
  private final StreamLimits streaming; // null: this client sends no streaming requests
  private final java.util.concurrent.Semaphore permits;

  /**
   * What a client is built for: who to name in messages, and its body cap.
   *
   * @param provider the provider name, for example {@code openai}
   * @param model the model name
   * @param maxResponseBytes the body cap
   * @param maxConcurrentRequests requests on the wire at once
   */
  record Limits(String provider, String model, long maxResponseBytes, int maxConcurrentRequests) {
    /** The limits configured in {@code settings} for {@code model}. */
    static Limits of(String model, ProviderSettings settings) {
      String configured = settings.option(MAX_RESPONSE_BYTES);
      long cap = DEFAULT_MAX_RESPONSE_BYTES;
      if (configured != null) {
        try {
          cap = parseBytes(configured);
        } catch (RuntimeException e) {
          throw new Prompt4jException("Configuration key " + key(settings.provider()) + " is not a size: '" + configured
              + "' (write 8388608, 512KiB, 8MiB or 1GiB)");
        }
      }
      String concurrent = settings.option("max-concurrent-requests");
      int permits = DEFAULT_MAX_CONCURRENT_REQUESTS;
      if (concurrent != null) {
        try {
          permits = Integer.parseInt(concurrent.strip());
        } catch (NumberFormatException e) {
          permits = 0;
        }
        if (permits < 1) {
          throw new Prompt4jException("Configuration key prompt4j.providers." + settings.provider()
              + ".max-concurrent-requests must be a whole number of at least 1, not '" + concurrent + "'");
        }
      }
      return new Limits(settings.provider(), model, cap, permits);
    }

    String who() {
      return provider + ":" + model;
    }
  }

  /**
   * How streams of a streaming client end and how long they may take ({@link SseExchange}).
   *
   * @param finalEvent whether an event is the provider's last one ({@code [DONE]}, {@code message_stop}, ...)
   * @param idle the longest silence between chunks
   * @param total the longest stream
   */
  record StreamLimits(Predicate<ServerSentEvent> finalEvent, Duration idle, Duration total) {
    static final String IDLE = "stream-idle-timeout";
    static final String TOTAL = "stream-timeout";

    static StreamLimits of(ProviderSettings settings, Predicate<ServerSentEvent> finalEvent) {
      return new StreamLimits(finalEvent, duration(settings, IDLE, Duration.ofSeconds(SseExchange.DEFAULT_IDLE_SECONDS)),
          duration(settings, TOTAL, Duration.ofSeconds(SseExchange.DEFAULT_TOTAL_SECONDS)));
    }

    /** {@code 30}, {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT30S}). */
    private static Duration duration(ProviderSettings settings, String option, Duration fallback) {
      String text = settings.option(option);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      try {
        Duration d;
        if (t.startsWith("p")) d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        else if (t.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
        else if (t.endsWith("s")) d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
        else if (t.endsWith("m")) d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
        else d = Duration.ofSeconds(Long.parseLong(t));
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("not positive");
        return d;
      } catch (RuntimeException e) {
        throw new Prompt4jException("Configuration key prompt4j.providers." + settings.provider() + "." + option
            + " is not a duration: '" + text + "' (write 30, 30s, 500ms, 2m or PT30S)");
      }
    }
  }

  private Prompt4jHttpClient(Duration connectTimeout, Duration timeout, Limits limits) {
    this(connectTimeout, timeout, limits, null);
  }

  private Prompt4jHttpClient(Duration connectTimeout, Duration timeout, Limits limits, StreamLimits streaming) {
    java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    this.http = builder.build();
    this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    this.limits = limits;
    this.streaming = streaming;
    this.permits = new java.util.concurrent.Semaphore(limits.maxConcurrentRequests());
  }

  /** A builder for the langchain4j model builders' {@code httpClientBuilder(...)}. */
  static HttpClientBuilder builder(String model, ProviderSettings settings) {
    return new Builder(Limits.of(model, settings), null);
  }

  /**
   * A builder for the langchain4j streaming model builders: its clients also stream, bounded by the
   * settings' stream time limits, and a stream that ends before an event {@code finalEvent} accepts
   * is an error.
   */
  static HttpClientBuilder streamingBuilder(String model, ProviderSettings settings, Predicate<ServerSentEvent> finalEvent) {
    return new Builder(Limits.of(model, settings), StreamLimits.of(settings, finalEvent));
  }

  /** The configuration key of the body cap of {@code provider}. */
  static String key(String provider) {
    return "prompt4j.providers." + provider + "." + MAX_RESPONSE_BYTES;
  }

  /** {@code 8388608}, {@code 512KiB}, {@code 8MiB}, {@code 1GiB} (also KB, MB, GB as powers of 1024). */
  static long parseBytes(String text) {
    String t = text.strip().toUpperCase(java.util.Locale.ROOT).replace("IB", "B");
    long unit = 1;
    if (t.endsWith("KB")) unit = 1024;
    else if (t.endsWith("MB")) unit = 1024L * 1024;
    else if (t.endsWith("GB")) unit = 1024L * 1024 * 1024;
    String digits = unit == 1 ? (t.endsWith("B") ? t.substring(0, t.length() - 1) : t) : t.substring(0, t.length() - 2);
    long value = Math.multiplyExact(Long.parseLong(digits.strip()), unit);
    if (value <= 0) {
      throw new IllegalArgumentException("not positive");
    }
    return value;
  }

  /**
   * Sends {@code request}, at most {@code prompt4j.providers.<name>.max-concurrent-requests} (default
   * {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}) at once per client: the JDK client opens a connection for
   * every HTTP/1.1 request that finds none free, so 10,000 calls waiting on virtual threads would hold
   * 10,000 sockets (and their buffers) and run out of file descriptors. A request over the bound waits
   * for a slot, at most the timeout, before its own timeout starts.
   */
  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try {
      if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TimeoutException(limits.who() + " at " + host(request.url()) + ": all " + limits.maxConcurrentRequests()
            + " request slots (prompt4j.providers." + limits.provider() + ".max-concurrent-requests) stayed busy for " + show(timeout));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to send to " + limits.who() + " at " + host(request.url()), e);
    }
    try {
      return exchange(request);
    } finally {
      permits.release();
    }
  }

  private SuccessfulHttpResponse exchange(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      throw new UnsupportedOperationException("Prompt4j's HTTP client sends no multipart requests");
    }
    String url = request.url(); // its host is worked out only for a message
    java.net.http.HttpRequest.Builder jdk = jdkRequest(request);
    // The JDK's own timeout ends the wait for headers; the body's deadline ends the rest (CappedBody).
    jdk.timeout(timeout);
    CappedBody body = new CappedBody(limits.maxResponseBytes(), System.nanoTime() + timeout.toNanos());
    HttpResponse<byte[]> response;
    try {
      // send, not sendAsync(...).get(): the JDK hands an async exchange's result over to its executor,
      // a thread switch per request (see benchmarks/FINDINGS.md).
      response = http.send(jdk.build(), body);
    } catch (InterruptedException e) {
      body.cancel();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + limits.who() + " at " + host(url), e);
    } catch (IOException | CancellationException e) {
      throw failure(e, host(url), body);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw new ProviderHttpException(
          status, new String(response.body(), StandardCharsets.UTF_8), retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }
    check(response.body(), url);
    return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(response.body()).build();
  }

  /** The JDK request for {@code request}: method, body and headers (never quoting a header's value). */
  private static java.net.http.HttpRequest.Builder jdkRequest(HttpRequest request) {
    java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    request.headers().forEach((name, values) -> {
      if (values != null) {
        for (String value : values) {
          try {
            jdk.header(name, value);
          } catch (IllegalArgumentException e) {
            // The JDK's message quotes the value, which may be a key: name the header only.
            throw new Prompt4jException("The request header '" + name + "' has a character HTTP does not allow"
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
    // HTTP/1.1 on both schemes. Cleartext: the JDK's default (HTTP/2) would send an h2c upgrade offer with
    // every request on a new or HTTP/1.1 connection, which servers and proxies decline. HTTPS: HTTP/2 agreed by
    // ALPN cost about 20 KB more allocation and more CPU per request in the JDK client (benchmarks/FINDINGS.md);
    // its one gain, many requests on one connection, is one TLS handshake per connection once it is pooled.
    jdk.version(java.net.http.HttpClient.Version.HTTP_1_1);
    return jdk;
  }

  /** What a failed exchange becomes: a time-out, a refused body, or a lost connection. */
  private RuntimeException failure(Throwable thrown, String host, CappedBody body) {
    // The JDK's send rethrows an exchange's failure as a new exception of a general type around it.
    Throwable cause = thrown;
    while (cause.getClass() == IOException.class && cause.getCause() instanceof IOException inner) {
      cause = inner;
    }
    if (cause instanceof TooLarge tooLarge) {
      return new ProviderResponseException(limits.who() + " at " + host + " sent a body of " + tooLarge.getMessage()
          + ", over the cap of " + limits.maxResponseBytes() + " bytes; it was not read further. Raise the cap with "
          + key(limits.provider()) + " if such answers are expected", null);
    }
    if (cause instanceof HttpTimeoutException timedOut) {
      return new TimeoutException(limits.who() + " at " + host + " gave no complete answer within " + show(timeout)
          + " (prompt4j.providers." + limits.provider() + ".timeout, per request): " + body.received(), timedOut);
    }
    if (cause instanceof IOException io) {
      String what = body.status() == 0 ? "Cannot reach " + limits.who() + " at " + host
          : "Lost the connection to " + limits.who() + " at " + host + " (" + body.received() + ")";
      return new UncheckedIOException(what + ": " + io, io);
    }
    return cause instanceof RuntimeException r ? r : new IllegalStateException(limits.who() + " at " + host + ": " + cause, cause);
  }

  /** Refuses a body that is not UTF-8 JSON or nests too deeply, before langchain4j reads it. */
  private void check(byte[] bytes, String url) {
    String problem = null;
    Throwable cause = null;
    if (bytes.length == 0) {
      problem = "an empty body";
    } else {
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        problem = "a body that is not valid UTF-8";
        cause = e;
      }
      if (problem == null) {
        try (JsonParser parser = CHECKER.createParser(bytes)) {
          while (parser.nextToken() != null) {
            parser.skipChildren(); // iterative: Jackson keeps depth in a counter, not on the stack
          }
        } catch (StreamConstraintsException e) {
          problem = "a body nested deeper than " + MAX_BODY_DEPTH + " levels";
          cause = e;
        } catch (JsonProcessingException e) {
          problem = "a body that is not JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + ")";
          cause = e;
        } catch (IOException e) {
          problem = "an unreadable body";
          cause = e;
        }
      }
    }
    if (problem != null) {
      throw new ProviderResponseException(limits.who() + " at " + host(url) + " answered HTTP 200 with " + problem + " ("
          + bytes.length + " bytes, starting '" + preview(bytes) + "')", cause);
    }
  }

  private static String preview(byte[] bytes) {
    String start = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return start.replaceAll("[^\\x20-\\x7e]", "?") + (bytes.length > 60 ? "..." : "");
  }

  private static String show(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * Streams with {@link SseExchange} (the given parser is not used: lines are cut on bytes, as the
   * bytes arrive). Only a client built by {@link #streamingBuilder} streams.
   */
  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    if (streaming == null) {
      listener.onError(new UnsupportedOperationException("This Prompt4j HTTP client was built for blocking requests only"));
      return;
    }
    String host = host(request.url());
    SseExchange exchange = new SseExchange(listener, streaming.finalEvent(), limits.who() + " at " + host, limits.provider(),
        limits.maxResponseBytes(), streaming.idle(), streaming.total());
    java.net.http.HttpRequest jdk;
    try {
      jdk = jdkRequest(request).timeout(timeout).build(); // the wait for headers; SseExchange bounds the rest
    } catch (RuntimeException e) {
      listener.onError(e);
      return;
    }
    http.sendAsync(jdk, exchange).whenComplete((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        exchange.fail(cause instanceof HttpTimeoutException t
            ? new TimeoutException(limits.who() + " at " + host + " sent no response headers within " + show(timeout), t)
            : cause instanceof IOException io
                ? new UncheckedIOException("Cannot reach " + limits.who() + " at " + host + " (" + exchange.received() + "): " + io, io)
                : cause);
      }
    });
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

  /** The body is longer than the cap; the message says how long it is or was going to be. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * Collects the body as its buffers arrive and refuses it at the first buffer past the cap (cancelling
   * the exchange), so at most the cap and the buffers in hand are ever held. Keeps what
   * has arrived, for the messages of time-outs and lost connections.
   */
  private static final class CappedBody implements HttpResponse.BodyHandler<byte[]> {
    private final long cap;
    private final long deadline;
    private volatile int status;
    private volatile long bytes;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    CappedBody(long cap, long deadline) {
      this.cap = cap;
      this.deadline = deadline;
    }

    int status() {
      return status;
    }

    /** What had arrived, for messages. */
    String received() {
      return status == 0 ? "no response headers arrived" : "got HTTP " + status + " and " + bytes + " bytes of the body, then nothing more";
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      status = info.statusCode();
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      CompletableFuture<byte[]> result = new CompletableFuture<>();
      // The rest of the exchange's time for the body: a stalled body ends as a time-out (the timer is
      // dropped as soon as the body completes).
      result.orTimeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).whenComplete((kept, error) -> {
        if (error instanceof java.util.concurrent.TimeoutException) {
          cancel();
        }
      });
      CompletableFuture<byte[]> body = result.exceptionallyCompose(error -> CompletableFuture.failedFuture(
          error instanceof java.util.concurrent.TimeoutException ? new HttpTimeoutException("the body did not complete in time") : error));
      return new HttpResponse.BodySubscriber<>() {
        // A declared length within the cap is read straight into an array of that size (no growing
        // copies); an undeclared one, or more bytes than declared, goes through a growing buffer.
        private byte[] exact = declared >= 0 && declared <= cap ? new byte[(int) declared] : null;
        private java.io.ByteArrayOutputStream kept = exact == null ? new java.io.ByteArrayOutputStream() : null;

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
          return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription = s;
          if (declared > cap) {
            s.cancel();
            result.completeExceptionally(new TooLarge(declared + " bytes (Content-Length)"));
          } else if (cancelled) {
            s.cancel();
          } else {
            // All at once, as the JDK's own byte-array subscriber asks (a demand of one buffer at a time
            // makes the client reschedule its reader per buffer). The cap still holds: onNext refuses
            // the buffer past it.
            s.request(Long.MAX_VALUE);
          }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
          for (ByteBuffer buffer : buffers) {
            if (result.isDone()) {
              return;
            }
            long total = bytes + buffer.remaining();
            if (total > cap) {
              subscription.cancel();
              result.completeExceptionally(new TooLarge("more than " + cap + " bytes"));
              return;
            }
            if (exact != null && total > exact.length) {
              kept = new java.io.ByteArrayOutputStream();
              kept.write(exact, 0, (int) bytes);
              exact = null;
            }
            if (exact != null) {
              buffer.get(exact, (int) bytes, buffer.remaining());
            } else {
              byte[] chunk = new byte[buffer.remaining()];
              buffer.get(chunk);
              kept.write(chunk, 0, chunk.length);
            }
            bytes = total;
          }
        }

        @Override
        public void onError(Throwable error) {
          result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
          result.complete(exact == null ? kept.toByteArray() : bytes == exact.length ? exact : java.util.Arrays.copyOf(exact, (int) bytes));
        }
      };
    }
  }

  private static final class Builder implements HttpClientBuilder {
    private final Limits limits;
    private final StreamLimits streaming;
    private Duration connectTimeout;
    private Duration readTimeout;

    Builder(Limits limits, StreamLimits streaming) {
      this.limits = limits;
      this.streaming = streaming;
    }

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
      return new Prompt4jHttpClient(connectTimeout, readTimeout, limits, streaming);
    }
  }

  @Override
  public String toString() {
    return "Prompt4jHttpClient[" + limits.who() + "]";
  }
}

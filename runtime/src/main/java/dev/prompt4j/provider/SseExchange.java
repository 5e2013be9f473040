package dev.prompt4j.provider;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One server-sent-event stream of {@link Prompt4jHttpClient}, read as the bytes arrive (no thread
 * blocks on the body). Lines are cut on bytes and decoded whole, so a chunk boundary inside a UTF-8
 * character or an event split across reads changes nothing. What langchain4j's clients leave
 * unbounded is bounded here:
 *
 * <ul>
 *   <li>an idle limit between chunks ({@code prompt4j.providers.<name>.stream-idle-timeout}, default
 *       {@value #DEFAULT_IDLE_SECONDS} s) and a total limit ({@code stream-timeout}, default {@value
 *       #DEFAULT_TOTAL_SECONDS} s): either ends the stream with a {@link TimeoutException} saying
 *       what had arrived;
 *   <li>a stream that ends before the provider's final event ({@code [DONE]}, {@code message_stop},
 *       a finish reason) is an error naming the provider and what was received, never a complete
 *       answer with the partial text;
 *   <li>the body cap of the blocking path applies to the whole stream.
 * </ul>
 *
 * Cancelling (langchain4j's streaming handle) cancels the body subscription, which closes the
 * connection. Exactly one of {@code onClose} and {@code onError} reaches the listener, except after a
 * cancel, when neither does.
 */
final class SseExchange implements HttpResponse.BodyHandler<Void> {
  static final long DEFAULT_IDLE_SECONDS = 30;
  static final long DEFAULT_TOTAL_SECONDS = 600;
  /** Error bodies are read up to this many bytes for the exception's message. */
  private static final int MAX_ERROR_BYTES = 64 * 1024;

  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "prompt4j-stream-timer");
    t.setDaemon(true);
    return t;
  });

  private final ServerSentEventListener listener;
  private final Predicate<ServerSentEvent> finalEvent;
  private final String who;
  private final String provider;
  private final long cap;
  private final Duration idle;
  private final Duration total;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Handle handle = new Handle();
  private final ServerSentEventContext context = new ServerSentEventContext(handle);

  private volatile Flow.Subscription subscription;
  private volatile long lastActivity = System.nanoTime();
  private volatile long bytes;
  private volatile int events;
  private volatile String lastEvent = "";
  private volatile boolean sawFinal;
  private volatile ScheduledFuture<?> idleTimer;
  private volatile ScheduledFuture<?> totalTimer;

  SseExchange(ServerSentEventListener listener, Predicate<ServerSentEvent> finalEvent, String who, String provider, long cap,
      Duration idle, Duration total) {
    this.listener = listener;
    this.finalEvent = finalEvent;
    this.who = who;
    this.provider = provider;
    this.cap = cap;
    this.idle = idle;
    this.total = total;
  }

  /** Ends the stream with {@code failure} unless it already ended; the connection is closed. */
  void fail(Throwable failure) {
    if (finished.compareAndSet(false, true)) {
      stopTimers();
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      if (!handle.cancelled) {
        listener.onError(failure);
      }
    }
  }

  /** What had arrived, for messages. */
  String received() {
    return events + " events and " + bytes + " bytes received" + (lastEvent.isEmpty() ? "" : ", the last '" + lastEvent + "'");
  }

  @Override
  public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    if (status < 200 || status >= 300) {
      return new ErrorBody(status, Prompt4jHttpClient.retryAfter(info.headers().firstValue("Retry-After").orElse(null)));
    }
    listener.onOpen(SuccessfulHttpResponse.builder().statusCode(status).headers(info.headers().map()).build());
    totalTimer = TIMERS.schedule(() -> fail(new TimeoutException(who + " did not finish its stream within " + show(total) + " (prompt4j.providers."
        + provider + ".stream-timeout): " + received())), total.toNanos(), TimeUnit.NANOSECONDS);
    scheduleIdle(idle.toNanos());
    return new Lines();
  }

  private void scheduleIdle(long delayNanos) {
    idleTimer = TIMERS.schedule(() -> {
      long quiet = System.nanoTime() - lastActivity;
      if (quiet >= idle.toNanos()) {
        fail(new TimeoutException(who + " sent nothing for " + show(idle) + " mid-stream (prompt4j.providers." + provider
            + ".stream-idle-timeout): " + received()));
      } else if (!finished.get()) {
        scheduleIdle(idle.toNanos() - quiet);
      }
    }, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void stopTimers() {
    ScheduledFuture<?> t = idleTimer;
    if (t != null) t.cancel(false);
    t = totalTimer;
    if (t != null) t.cancel(false);
  }

  private static String show(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** langchain4j's handle on the stream: cancelling closes the connection and silences the listener. */
  private final class Handle implements ServerSentEventParsingHandle {
    private volatile boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
      if (finished.compareAndSet(false, true)) {
        stopTimers();
        Flow.Subscription s = subscription;
        if (s != null) {
          s.cancel();
        }
      }
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }

  /** An error answer: its first {@value #MAX_ERROR_BYTES} bytes are kept for the exception, the rest is not read. */
  private final class ErrorBody implements HttpResponse.BodySubscriber<Void> {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int status;
    private final Duration retryAfter;

    ErrorBody(int status, Duration retryAfter) {
      this.status = status;
      this.retryAfter = retryAfter;
    }

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        byte[] bytes = new byte[Math.min(buffer.remaining(), MAX_ERROR_BYTES - kept.size())];
        buffer.get(bytes);
        kept.write(bytes, 0, bytes.length);
      }
      if (kept.size() >= MAX_ERROR_BYTES) {
        onComplete(); // enough to say what went wrong; fail() closes the connection
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      onComplete();
    }

    @Override
    public void onComplete() {
      if (done.complete(null)) {
        fail(new ProviderHttpException(status, kept.toString(StandardCharsets.UTF_8), retryAfter));
      }
    }
  }

  /** Cuts the body into lines on bytes and the lines into events, as the SSE specification says. */
  private final class Lines implements HttpResponse.BodySubscriber<Void> {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private String event;
    private boolean hasData;

    @Override
    public CompletionStage<Void> getBody() {
      return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (finished.get()) {
        s.cancel();
      } else {
        s.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      lastActivity = System.nanoTime();
      for (ByteBuffer buffer : buffers) {
        bytes += buffer.remaining();
        if (bytes > cap) {
          fail(new ProviderResponseException(who + " streamed more than " + cap + " bytes, over the cap ("
              + Prompt4jHttpClient.key(provider) + "); " + received(), null));
          return;
        }
        while (buffer.hasRemaining()) {
          byte b = buffer.get();
          if (b == '\n') {
            lineEnded();
            if (finished.get()) {
              return;
            }
          } else {
            line.write(b);
          }
        }
      }
      if (!finished.get()) {
        subscription.request(1);
      }
    }

    private void lineEnded() {
      int n = line.size();
      String text = new String(line.toByteArray(), 0, n > 0 && line.toByteArray()[n - 1] == '\r' ? n - 1 : n, StandardCharsets.UTF_8);
      line.reset();
      if (text.isEmpty()) {
        dispatch();
      } else if (text.startsWith("event:")) {
        event = text.substring(6).strip();
      } else if (text.startsWith("data:")) {
        String content = text.substring(5);
        if (hasData) {
          data.append('\n');
        }
        data.append(content.startsWith(" ") ? content.substring(1) : content);
        hasData = true;
      } // comments (":") and other fields are ignored
    }

    private void dispatch() {
      if (!hasData && event == null) {
        return;
      }
      ServerSentEvent sse = new ServerSentEvent(event, data.toString());
      event = null;
      data.setLength(0);
      hasData = false;
      events++;
      String shown = sse.data().length() > 80 ? sse.data().substring(0, 80) + "..." : sse.data();
      lastEvent = (sse.event() == null ? "" : sse.event() + ": ") + shown.replaceAll("\\s+", " ");
      if (finalEvent.test(sse)) {
        sawFinal = true;
      }
      try {
        listener.onEvent(sse, context);
      } catch (RuntimeException e) {
        fail(e);
      }
    }

    @Override
    public void onError(Throwable error) {
      done.complete(null);
      fail(new UncheckedIOException("Lost the connection to " + who + " mid-stream (" + received() + "): " + error,
          error instanceof IOException io ? io : new IOException(error)));
    }

    @Override
    public void onComplete() {
      done.complete(null);
      if (line.size() > 0) {
        lineEnded();
      }
      dispatch();
      if (sawFinal) {
        if (finished.compareAndSet(false, true)) {
          stopTimers();
          listener.onClose();
        }
      } else {
        String message = who + " ended its stream before the final event (" + received() + "); the answer is incomplete";
        fail(new UncheckedIOException(message, new IOException(message)));
      }
    }
  }
}

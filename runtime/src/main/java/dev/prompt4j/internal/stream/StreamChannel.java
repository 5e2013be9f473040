package dev.prompt4j.internal.stream;

import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.StreamEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link PromptStream} of one call and the {@link StreamSink} its requests deliver to: a bounded
 * queue of events between the provider's thread (which never blocks) and one consumer (which blocks,
 * or is pushed to as a {@link Flow.Subscriber} on a thread of its own). The buffering policy is
 * {@link PromptStream}'s.
 *
 * @param <T> the answer type
 */
public final class StreamChannel<T> implements PromptStream<T>, StreamSink {
  private final Object lock = new Object();
  private final ArrayDeque<StreamEvent> queue = new ArrayDeque<>();
  private final CompletableFuture<Response<T>> result = new CompletableFuture<>();
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final boolean structured;
  private final StreamRules rules;
  private Map<String, Object> lastPartial; // the attempt's last partial sent, or null
  private final long start = System.nanoTime();
  private boolean ended; // guarded by lock
  private Throwable failure; // guarded by lock
  private long demand; // guarded by lock: a publisher's outstanding requests
  private volatile boolean cancelled;
  private volatile Runnable closer;
  private volatile Future<?> work;
  private PartialJson partial; // on the delivering thread
  // Typed partials and list items (#11): both optional, on the delivering thread.
  private final BiFunction<Map<String, Object>, Partials, ?> typed;
  private final Function<Map<String, Object>, Object> itemReader;
  private Partials partials;
  private JsonItems items;
  private boolean deliveredSinceRestart;
  private volatile boolean deliveredThisAttempt;
  private volatile long firstChunkNanos = -1;
  private volatile int chunks;

  /**
   * @param structured whether the answer is JSON, so partials are parsed
   * @param rules the answer's {@code @StreamDone} and {@code @StreamRequired} components
   */
  public StreamChannel(boolean structured, StreamRules rules) {
    this(structured, rules, null, null);
  }

  /**
   * @param structured whether the answer is JSON, so partials are parsed
   * @param rules the answer's {@code @StreamDone} and {@code @StreamRequired} components
   * @param typed the generated {@code TPartial::of} of a record answer, or {@code null}
   * @param itemReader reads and validates one element of a {@code List<X>} answer ({@code null}
   *     when not valid), or {@code null} when elements are not streamed
   */
  public StreamChannel(boolean structured, StreamRules rules, BiFunction<Map<String, Object>, Partials, ?> typed,
      Function<Map<String, Object>, Object> itemReader) {
    this.structured = structured;
    this.rules = rules;
    this.typed = typed;
    this.itemReader = itemReader;
    this.partial = structured && itemReader == null ? new PartialJson(rules) : null; // a list of records streams items
    this.partials = typed != null && partial != null ? new Partials(partial) : null;
    this.items = itemReader != null ? new JsonItems() : null;
    result.whenComplete((r, e) -> {
      if (e instanceof CancellationException) {
        cancel();
      }
    });
  }

  /**
   * Ties the channel to the call that feeds it: its end ends the stream; cancelling the stream
   * cancels it.
   *
   * @param call the running call
   */
  public void attach(CompletableFuture<Response<T>> call) {
    this.work = call;
    call.whenComplete((response, error) -> {
      if (error == null) {
        push(new StreamEvent.Completed(response));
        synchronized (lock) {
          ended = true;
          lock.notifyAll();
        }
        result.complete(response);
      } else {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        synchronized (lock) {
          ended = true;
          failure = cause;
          lock.notifyAll();
        }
        result.completeExceptionally(cause);
      }
    });
    if (cancelled) {
      call.cancel(true);
    }
  }

  // ---- the sink: called by the sending thread and the provider's thread

  @Override
  public void attemptStarting(int attempt, String why) {
    boolean restart = deliveredSinceRestart;
    deliveredSinceRestart = false;
    deliveredThisAttempt = false;
    if (structured && itemReader == null) {
      partial = new PartialJson(rules);
      lastPartial = null;
      partials = typed != null ? new Partials(partial) : null;
    }
    if (itemReader != null) {
      items = new JsonItems();
    }
    if (restart) {
      push(new StreamEvent.Restarted(attempt, why == null ? List.of() : List.of(why)));
    }
  }

  @Override
  public void text(String text) {
    if (cancelled || text == null || text.isEmpty()) {
      return;
    }
    if (firstChunkNanos < 0) {
      firstChunkNanos = System.nanoTime() - start;
    }
    chunks++;
    deliveredSinceRestart = true;
    deliveredThisAttempt = true;
    push(new StreamEvent.Text(text));
    if (partial != null && partial.feed(text)) {
      Map<String, Object> now = partial.snapshot();
      if (!now.equals(lastPartial)) { // a change hidden by the rules is no change
        lastPartial = now;
        push(new StreamEvent.Partial(now, partials == null ? null : partials.record(now, typed)));
      }
    }
    if (items != null) {
      items.feed(text, (element, index) -> {
        Object value = itemReader.apply(element);
        if (value != null) {
          push(new StreamEvent.Item(index, value));
        }
      });
    }
  }

  @Override
  public void reasoning(String text) {
    if (!cancelled && text != null && !text.isEmpty()) {
      push(new StreamEvent.Reasoning(text));
    }
  }

  @Override
  public void toolCall(int turn, String id, String name, String arguments) {
    deliveredSinceRestart = false; // the turn that asked is over: the next request answers the tools, it restarts nothing
    if (!cancelled) {
      push(new StreamEvent.ToolCall(turn, id, name, arguments));
    }
  }

  @Override
  public void toolResult(dev.prompt4j.ToolCallRecord call) {
    if (!cancelled) {
      push(new StreamEvent.ToolResult(call));
    }
  }

  @Override
  public void onCancel(Runnable closer) {
    this.closer = closer;
    if (cancelled) {
      closer.run();
    }
  }

  @Override
  public boolean deliveredThisAttempt() {
    return deliveredThisAttempt;
  }

  /**
   * From the start of the call to its first chunk, or {@code null} when none arrived.
   *
   * @return the time to the first chunk
   */
  @Override
  public Duration timeToFirstChunk() {
    long n = firstChunkNanos;
    return n < 0 ? null : Duration.ofNanos(n);
  }

  /**
   * The chunks delivered, over every attempt.
   *
   * @return the chunk count
   */
  @Override
  public int chunkCount() {
    return chunks;
  }

  /** Queues {@code event}; past the limit text merges into queued text and a partial replaces a queued one. */
  private void push(StreamEvent event) {
    synchronized (lock) {
      if (queue.size() >= MAX_BUFFERED_EVENTS) {
        if (event instanceof StreamEvent.Partial) {
          removeLast(StreamEvent.Partial.class);
        } else if (event instanceof StreamEvent.Text text && queue.peekLast() instanceof StreamEvent.Text last) {
          queue.pollLast();
          event = new StreamEvent.Text(last.text() + text.text());
        } else if (event instanceof StreamEvent.Text && queue.peekLast() instanceof StreamEvent.Partial) {
          queue.pollLast(); // a newer partial follows this text
          if (queue.peekLast() instanceof StreamEvent.Text last) {
            queue.pollLast();
            event = new StreamEvent.Text(last.text() + ((StreamEvent.Text) event).text());
          }
        }
      }
      queue.addLast(event);
      lock.notifyAll();
    }
  }

  private void removeLast(Class<?> kind) {
    Iterator<StreamEvent> back = queue.descendingIterator();
    while (back.hasNext()) {
      if (kind.isInstance(back.next())) {
        back.remove();
        return;
      }
    }
  }

  // ---- the consumer

  /** The next event, waiting for it; {@code null} at the end; the call's failure once the queue is drained. */
  private StreamEvent take() {
    synchronized (lock) {
      while (queue.isEmpty() && !ended) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancel();
          throw new CancellationException("Interrupted while waiting for the next chunk");
        }
      }
      StreamEvent next = queue.pollFirst();
      if (next != null) {
        return next;
      }
      if (failure != null) {
        throw rethrow(failure);
      }
      return null;
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      return r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new CompletionException(failure);
  }

  private void claim() {
    if (!claimed.compareAndSet(false, true)) {
      throw new IllegalStateException("This PromptStream's chunks were already claimed by another consumer; a stream is read once");
    }
  }

  private <X> Iterator<X> iterator(Function<StreamEvent, X> map) {
    return new Iterator<>() {
      private X next;
      private boolean done;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          StreamEvent e = take();
          if (e == null) {
            done = true;
          } else {
            next = map.apply(e);
          }
        }
        return next != null;
      }

      @Override
      public X next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        X n = next;
        next = null;
        return n;
      }
    };
  }

  private static String textOf(StreamEvent e) {
    return e instanceof StreamEvent.Text t ? t.text() : null;
  }

  @Override
  public Iterator<String> iterator() {
    claim();
    return iterator(StreamChannel::textOf);
  }

  @Override
  public Stream<String> text() {
    claim();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(StreamChannel::textOf), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::cancelUnlessDone);
  }

  @Override
  public Stream<StreamEvent> events() {
    claim();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(e -> e), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::cancelUnlessDone);
  }

  private void cancelUnlessDone() {
    if (!result.isDone()) {
      cancel();
    }
  }

  @Override
  public <P> Stream<P> partials(Class<P> type) {
    requirePartialType();
    return typedEvents(StreamEvent.Partial.class, StreamEvent.Partial::typed, type);
  }

  @Override
  public <P> Flow.Publisher<P> partialPublisher(Class<P> type) {
    requirePartialType();
    return subscriber -> subscribe(subscriber, e -> typed(e, StreamEvent.Partial.class, StreamEvent.Partial::typed, type));
  }

  @Override
  public <X> Stream<X> items(Class<X> type) {
    return typedEvents(StreamEvent.Item.class, StreamEvent.Item::value, type);
  }

  @Override
  public <X> Flow.Publisher<X> itemPublisher(Class<X> type) {
    return subscriber -> subscribe(subscriber, e -> typed(e, StreamEvent.Item.class, StreamEvent.Item::value, type));
  }

  private void requirePartialType() {
    if (typed == null) {
      throw new IllegalStateException("This stream's answer has no generated partial type (only a record answer has one"
          + (itemReader != null ? "; a list of records streams its items: use items(Class)" : "") + ")");
    }
  }

  private <E extends StreamEvent, X> Stream<X> typedEvents(Class<E> kind, Function<E, Object> value, Class<X> type) {
    claim();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(e -> typed(e, kind, value, type)), Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::cancelUnlessDone);
  }

  /** The typed value {@code e} carries, when it is a {@code kind}; else {@code null} (skipped). */
  private <E extends StreamEvent, X> X typed(StreamEvent e, Class<E> kind, Function<E, Object> value, Class<X> type) {
    if (!kind.isInstance(e)) {
      return null;
    }
    Object v = value.apply(kind.cast(e));
    if (v == null) {
      if (kind == StreamEvent.Partial.class) {
        throw new IllegalStateException("This stream's answer has no generated partial type (it is not a record): use events() and StreamEvent.Partial.value()");
      }
      return null;
    }
    if (!type.isInstance(v)) {
      throw new ClassCastException("This stream's " + (kind == StreamEvent.Item.class ? "items are " : "partials are ")
          + v.getClass().getName() + ", not " + type.getName());
    }
    return type.cast(v);
  }

  @Override
  public Flow.Publisher<String> textPublisher() {
    return subscriber -> subscribe(subscriber, StreamChannel::textOf);
  }

  @Override
  public Flow.Publisher<StreamEvent> eventPublisher() {
    return subscriber -> subscribe(subscriber, e -> e);
  }

  private <X> void subscribe(Flow.Subscriber<? super X> subscriber, Function<StreamEvent, X> map) {
    if (!claimed.compareAndSet(false, true)) {
      subscriber.onSubscribe(new Flow.Subscription() {
        @Override public void request(long n) {}
        @Override public void cancel() {}
      });
      subscriber.onError(new IllegalStateException("This PromptStream's chunks were already claimed by another consumer; a stream is read once"));
      return;
    }
    AtomicBoolean stopped = new AtomicBoolean();
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        synchronized (lock) {
          demand = n <= 0 ? -1 : demand < 0 ? demand : Math.max(demand, demand + n); // -1 marks a rule broken (§3.9)
          lock.notifyAll();
        }
      }

      @Override
      public void cancel() {
        if (stopped.compareAndSet(false, true)) {
          StreamChannel.this.cancel();
          synchronized (lock) {
            lock.notifyAll();
          }
        }
      }
    });
    Thread pusher = new Thread(() -> {
      try {
        while (!stopped.get()) {
          synchronized (lock) {
            while (demand == 0 && !stopped.get()) {
              lock.wait();
            }
            if (demand < 0) {
              stopped.set(true);
              subscriber.onError(new IllegalArgumentException("Flow.Subscription.request needs a positive number (rule 3.9)"));
              return;
            }
          }
          if (stopped.get()) {
            return;
          }
          StreamEvent e = take();
          if (e == null) {
            subscriber.onComplete();
            return;
          }
          X item = map.apply(e);
          if (item != null) {
            synchronized (lock) {
              demand--;
            }
            subscriber.onNext(item);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        if (!stopped.get()) {
          subscriber.onError(e);
        }
      }
    }, "prompt4j-stream-publisher");
    pusher.setDaemon(true);
    pusher.start();
  }

  @Override
  public Response<T> result() {
    try {
      return result.join();
    } catch (CompletionException e) {
      throw rethrow(e.getCause() == null ? e : e.getCause());
    }
  }

  @Override
  public CompletableFuture<Response<T>> future() {
    return result;
  }

  @Override
  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    Runnable c = closer;
    if (c != null) {
      c.run();
    }
    Future<?> w = work;
    if (w != null) {
      w.cancel(true);
    }
    synchronized (lock) {
      if (!ended) {
        ended = true;
        failure = new CancellationException("The stream was cancelled");
      }
      lock.notifyAll();
    }
    result.completeExceptionally(new CancellationException("The stream was cancelled"));
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public String toString() {
    return "PromptStream[chunks=" + chunks + (cancelled ? ", cancelled" : result.isDone() ? ", done" : "") + "]";
  }
}

package dev.prompt4j.flink;

import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.ProviderException;
import dev.prompt4j.Response;
import dev.prompt4j.provider.ProviderHttpException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * A prompt method as a Flink async function: every element yields one {@link PromptOutcome}, its
 * answer or its {@link DeadLetter}; nothing fails the job and nothing is dropped. Made by {@link
 * Prompt4jFlink#async}; use it with {@code AsyncDataStream.unorderedWait/orderedWait} or {@link
 * Prompt4jFlink#unorderedWait}.
 *
 * <pre>{@code
 * AsyncPrompt<TicketTriage, Ticket, Triage> triage =
 *     Prompt4jFlink.async(TicketTriage.class, (t, ticket) -> t.classifyAsync(ticket.text()))
 *         .rateLimit(RateLimit.of("openai", "gpt-4o-mini").requestsPerMinute(500).tokensPerMinute(200_000));
 * DataStream<PromptOutcome<Ticket, Triage>> outcomes =
 *     AsyncDataStream.unorderedWait(tickets, triage, 2, TimeUnit.MINUTES, 200);
 * }</pre>
 *
 * <h2>Per subtask</h2>
 * {@code open()} builds a Prompt4j runtime from the configuration (below), with the user-code class
 * loader and an executor of daemon threads the function owns; {@code close()} stops that executor.
 * The prompt's {@code CompletableFuture} methods are called from the task thread and complete on the
 * runtime's threads: the task thread never waits for a model. (langchain4j clients are blocking, so
 * each call in flight holds one runtime thread; in flight is bounded by the async capacity and the
 * limiter.)
 *
 * <h2>Configuration</h2>
 * {@code prompt4j.*} keys from, later wins: the job's global parameters ({@code
 * env.getConfig().setGlobalJobParameters(...)}, or {@code pipeline.global-job-parameters} in the Flink
 * configuration), then {@link #properties(Map)}. With no key from either, the runtime reads system
 * properties, environment variables and {@code prompt4j.properties}, as {@link Prompt4j#create} does.
 *
 * <h2>Serializable</h2>
 * The function is shipped to every subtask: the {@link PromptCall} lambda, the {@link RuntimeSetup}
 * and everything they capture must be serializable; the prompt instance, runtime and clients are made
 * in {@code open()} and never shipped.
 *
 * <h2>Failures, time-outs and 429s</h2>
 * Retries and re-asks happen inside Prompt4j, as configured. A call that still fails becomes a dead
 * letter with the attempts from {@link OutputException#attempts()} or {@link
 * ProviderException#attempts()}. Flink's {@code timeout()} makes a {@code TIMED_OUT} dead letter
 * (and cancels the call) instead of failing the job. A 429 that reaches the function pauses the
 * limiter for its {@code Retry-After}, halves the concurrency and sends the element again, up to
 * {@link #maxThrottledResends(int)} times; set the provider's {@code max-retries} to 0 to let the
 * limiter handle every 429 rather than only those that outlast Prompt4j's retries.
 *
 * @param <P> the prompt interface
 * @param <I> the element type
 * @param <O> the answer type
 */
public final class AsyncPrompt<P, I, O> extends RichAsyncFunction<I, PromptOutcome<I, O>>
    implements ResultTypeQueryable<PromptOutcome<I, O>> {
  private static final long serialVersionUID = 1L;
  static final String TIMED_OUT = "TIMED_OUT";
  static final String FAILED = "FAILED";
  static final String THROTTLED = "THROTTLED";

  private final Class<P> promptType;
  private final PromptCall<P, I, ?> call;
  private final boolean unwrap; // the call returns Response<O>: meter from it, emit its value
  private final LinkedHashMap<String, String> properties;
  private final RuntimeSetup setup;
  private final RateLimit rateLimit;
  private final int maxThrottledResends;

  private transient P prompt;
  private transient RateLimiter limiter;
  private transient PromptMetrics metrics;
  private transient ExecutorService executor;
  private transient ScheduledExecutorService scheduler;
  /** Elements in flight by the result future Flink gave for them (identity: Flink's handler has no equals). */
  private transient Map<ResultFuture<PromptOutcome<I, O>>, Pending> elements;

  AsyncPrompt(Class<P> promptType, PromptCall<P, I, ?> call, boolean unwrap, Map<String, String> properties, RuntimeSetup setup,
      RateLimit rateLimit, int maxThrottledResends) {
    this.promptType = Objects.requireNonNull(promptType, "promptType");
    this.call = Objects.requireNonNull(call, "call");
    this.unwrap = unwrap;
    this.properties = new LinkedHashMap<>(properties);
    this.setup = setup;
    this.rateLimit = rateLimit;
    this.maxThrottledResends = maxThrottledResends;
  }

  /**
   * @param added {@code prompt4j.*} keys, over those of the job parameters
   * @return a copy with these keys added
   */
  public AsyncPrompt<P, I, O> properties(Map<String, String> added) {
    LinkedHashMap<String, String> merged = new LinkedHashMap<>(properties);
    merged.putAll(added);
    return new AsyncPrompt<>(promptType, call, unwrap, merged, setup, rateLimit, maxThrottledResends);
  }

  /**
   * @param runtimeSetup completes each subtask's runtime builder (clients, executor)
   * @return a copy with this setup
   */
  public AsyncPrompt<P, I, O> setup(RuntimeSetup runtimeSetup) {
    return new AsyncPrompt<>(promptType, call, unwrap, properties, Objects.requireNonNull(runtimeSetup, "runtimeSetup"), rateLimit, maxThrottledResends);
  }

  /**
   * @param limit the job's limit for the model this function calls; each subtask takes an equal share
   * @return a copy with this limit
   */
  public AsyncPrompt<P, I, O> rateLimit(RateLimit limit) {
    return new AsyncPrompt<>(promptType, call, unwrap, properties, setup, Objects.requireNonNull(limit, "limit"), maxThrottledResends);
  }

  /**
   * @param resends how often an element answered with 429 is sent again before it becomes a {@code
   *     THROTTLED} dead letter (default 20)
   * @return a copy with this bound
   */
  public AsyncPrompt<P, I, O> maxThrottledResends(int resends) {
    if (resends < 0) throw new IllegalArgumentException("maxThrottledResends must be at least 0, not " + resends);
    return new AsyncPrompt<>(promptType, call, unwrap, properties, setup, rateLimit, resends);
  }

  /** @return the limit this function applies, {@code null} for none (adaptive concurrency only) */
  public RateLimit rateLimit() {
    return rateLimit;
  }

  @Override
  public TypeInformation<PromptOutcome<I, O>> getProducedType() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeInformation<PromptOutcome<I, O>> type = (TypeInformation) new GenericTypeInfo<>(PromptOutcome.class);
    return type;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    Map<String, String> configuration = new LinkedHashMap<>();
    getRuntimeContext().getGlobalJobParameters().forEach((key, value) -> {
      if (key.startsWith("prompt4j.")) configuration.put(key, value);
    });
    configuration.putAll(properties);
    executor = Executors.newCachedThreadPool(daemons("prompt4j-flink-call"));
    scheduler = Executors.newSingleThreadScheduledExecutor(daemons("prompt4j-flink-resend"));
    elements = new ConcurrentHashMap<>();
    Prompt4j.Builder builder = Prompt4j.builder().executor(executor).classLoader(getRuntimeContext().getUserCodeClassLoader());
    if (!configuration.isEmpty()) {
      builder.properties(configuration);
    }
    if (setup != null) {
      setup.configure(builder);
    }
    prompt = builder.build().create(promptType);
    int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    RateLimit limit = rateLimit != null ? rateLimit : RateLimit.of("any", "any").concurrency(1024, 1024);
    limiter = new RateLimiter(limit, parallelism, System::nanoTime);
    metrics = new PromptMetrics(getRuntimeContext().getMetricGroup(), limiter);
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws Exception {
    if (scheduler != null) scheduler.shutdownNow();
    if (executor != null) executor.shutdownNow();
    prompt = null;
  }

  /** One element in flight: answered at most once, by the call or by Flink's time-out. */
  private final class Pending {
    final I input;
    final ResultFuture<PromptOutcome<I, O>> result;
    final long started = System.nanoTime();
    final AtomicBoolean answered = new AtomicBoolean();
    volatile CompletableFuture<?> future;
    int resends;
    volatile RateLimiter.Permit permit; // of the request in flight

    Pending(I input, ResultFuture<PromptOutcome<I, O>> result) {
      this.input = input;
      this.result = result;
    }

    boolean answer(PromptOutcome<I, O> outcome) {
      if (!answered.compareAndSet(false, true)) {
        return false;
      }
      elements.remove(result);
      result.complete(Collections.singletonList(outcome));
      return true;
    }
  }

  /** Waits (the back-pressure) until the limiter lets a call start, then starts it. */
  @Override
  public void asyncInvoke(I input, ResultFuture<PromptOutcome<I, O>> resultFuture) throws Exception {
    RateLimiter.Permit permit = limiter.acquire();
    Pending element = new Pending(input, resultFuture);
    element.permit = permit;
    elements.put(resultFuture, element);
    send(element);
  }

  private void send(Pending pending) {
    CompletableFuture<?> future;
    try {
      future = Objects.requireNonNull(call.call(prompt, pending.input), "the PromptCall returned null");
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    pending.future = future;
    future.whenComplete((value, error) -> finished(pending, value, error));
  }

  private void finished(Pending pending, Object answer, Throwable error) {
    long latency = System.nanoTime() - pending.started;
    if (error == null) {
      PromptMetrics.Spent spent = PromptMetrics.Spent.of(answer);
      limiter.completed(pending.permit, true, spent.requests(), spent.usage().totalTokens());
      @SuppressWarnings("unchecked") // the factories made call and unwrap agree
      O value = (O) (unwrap ? ((Response<?>) answer).value() : answer);
      if (pending.answer(PromptOutcome.success(pending.input, value))) {
        metrics.answered(spent, latency, true);
      }
      return;
    }
    Throwable cause = DeadLetter.unwrap(error);
    if (isThrottle(cause) && pending.resends < maxThrottledResends && !pending.answered.get()) {
      pending.resends++;
      metrics.throttled.inc();
      metrics.requests.inc();
      limiter.throttled(pending.permit, retryAfter(cause));
      resendLater(pending);
      return;
    }
    PromptMetrics.Spent spent = cause instanceof OutputException o ? PromptMetrics.Spent.ofAttempts(o.attempts())
        : cause instanceof ProviderException p ? PromptMetrics.Spent.ofAttempts(p.attempts()) : PromptMetrics.Spent.UNKNOWN;
    limiter.completed(pending.permit, false, spent.requests(), 0);
    String reason = isThrottle(cause) ? THROTTLED : FAILED;
    if (pending.answer(PromptOutcome.failure(DeadLetter.of(pending.input, reason, cause)))) {
      metrics.answered(spent, latency, false);
    }
  }

  /** Sends a throttled element again when the limiter allows, without blocking any thread meanwhile. */
  private void resendLater(Pending pending) {
    if (pending.answered.get()) {
      limiter.completed(pending.permit, false, 1, 0); // timed out meanwhile: give the slot back
      return;
    }
    RateLimiter.Decision decision = limiter.tryRestart();
    if (decision.granted()) {
      pending.permit = decision.permit();
      send(pending);
      return;
    }
    try {
      scheduler.schedule(() -> resendLater(pending), decision.waitNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException closed) {
      // The function is closing: the element is replayed from the last checkpoint.
    }
  }

  /** Flink's time-out fired first: a dead letter, not a job failure; the call is cancelled. */
  @Override
  public void timeout(I input, ResultFuture<PromptOutcome<I, O>> resultFuture) {
    DeadLetter<I> letter = new DeadLetter<>(input, TIMED_OUT, TimeoutException.class.getName(),
        "Flink's async time-out fired before the model answered", null, 0, List.of());
    Pending element = elements.get(resultFuture);
    if (element == null || !element.answer(PromptOutcome.failure(letter))) {
      return; // answered meanwhile
    }
    CompletableFuture<?> future = element.future;
    if (future != null) future.cancel(true); // frees the limiter's slot through finished()
    metrics.timeouts.inc();
    metrics.failures.inc();
  }

  static boolean isThrottle(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProviderException p && p.statusCode() == 429) return true;
      if (t instanceof ProviderHttpException h && h.statusCode() == 429) return true;
    }
    return false;
  }

  static Duration retryAfter(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProviderHttpException h && h.retryAfter() != null) return h.retryAfter();
    }
    return null;
  }
}

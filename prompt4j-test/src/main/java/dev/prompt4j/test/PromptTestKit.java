package dev.prompt4j.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.RequestContext;
import dev.prompt4j.test.Prompt4jTest.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's prompt runtime and what it saw: the runtime answers through {@link #stub stubs}, an
 * offline script or recordings (by {@link #mode()}), and {@link #calls()} lists every request. The
 * {@link Prompt4jTest} extension makes one per test method; without JUnit, build one yourself.
 *
 * <pre>{@code
 * PromptTestKit kit = PromptTestKit.builder().mode(Mode.REPLAY).build();
 * kit.stub(Support.class).on("classify").answer("BILLING");
 * Support support = kit.create(Support.class);
 * support.classify("I was charged twice");
 * kit.calls().assertMethods("Support.classify");
 * kit.verify();   // fails if a request had no recording, even if the code under test caught the error
 * }</pre>
 *
 * The runtime is {@code Prompt4j.builder()} with {@code decorateClients(...)}: every provider's
 * client is put behind the kit, so requests keep the parameters the provider sends, and the real
 * client is built only when the kit calls it (recording or live): replaying needs no key.
 */
public final class PromptTestKit {
  /** Where recordings live unless configured: {@value}. */
  public static final String DEFAULT_CASSETTES = "src/test/resources/prompt4j";
  /** The sub-directory of the cassette directory holding trace snapshots. */
  public static final String SNAPSHOTS = "_snapshots";

  private final Mode mode;
  private final Cassettes cassettes;
  private final OfflineModel script;
  private final Duration latency;
  private final Map<String, String> properties; // null: the usual configuration
  private final RecordingLedger ledger;
  private final Map<String, MethodStub> stubs = new ConcurrentHashMap<>();
  private final List<PromptCall> calls = new ArrayList<>(); // guarded by itself
  private final List<MissingRecordingError> missing = new ArrayList<>(); // guarded by itself
  private final AtomicInteger numbers = new AtomicInteger();
  private final Instant epoch = Instant.now();
  private final long epochNanos = System.nanoTime();
  private volatile PromptRuntime runtime;

  private PromptTestKit(Builder b) {
    this.mode = b.mode;
    this.latency = b.latency;
    this.properties = b.properties == null ? null : Map.copyOf(b.properties);
    this.ledger = b.ledger == null ? new RecordingLedger() : b.ledger;
    this.script = b.script == null ? null : OfflineModel.fromResource(b.script);
    List<String> keyVariables = new ArrayList<>();
    for (ChatModelProvider provider : ServiceLoader.load(ChatModelProvider.class, PromptTestKit.class.getClassLoader())) {
      keyVariables.addAll(provider.apiKeyVariables());
    }
    this.cassettes = new Cassettes(b.cassettes, Cassettes.secrets(properties == null ? Map.of() : properties, keyVariables));
  }

  /**
   * Starts a kit: mode {@link Mode#REPLAY}, recordings in {@value #DEFAULT_CASSETTES}.
   *
   * @return starts a kit: mode {@link Mode#REPLAY}, recordings in {@value #DEFAULT_CASSETTES}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How calls that no stub or script answers are answered.
   *
   * @return how calls that no stub or script answers are answered
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Where recordings are read and written.
   *
   * @return where recordings are read and written
   */
  public Path cassettes() {
    return cassettes.directory();
  }

  /**
   * The test's runtime, built on first use; instances made from it answer through the kit.
   *
   * @return the test's runtime, built on first use; instances made from it answer through the kit
   */
  public PromptRuntime runtime() {
    PromptRuntime made = runtime;
    if (made == null) {
      synchronized (this) {
        made = runtime;
        if (made == null) {
          Prompt4j.Builder builder = Prompt4j.builder().decorateClients((provider, model, client) -> new KitModel(this, provider, model, client));
          if (properties != null) builder.properties(properties);
          runtime = made = builder.build();
        }
      }
    }
    return made;
  }

  /**
   * An instance of the prompt interface {@code type} on the test's runtime.
   *
   * @param <T> the t type
   * @param type the type
   * @return an instance of the prompt interface {@code type} on the test's runtime
   */
  public <T> T create(Class<T> type) {
    return runtime().create(type);
  }

  /**
   * Scripted answers for the prompt methods of {@code type}; a stubbed method is never replayed or
   * sent to a provider.
   *
   * @param <T> the t type
   * @param type the type
   * @return scripted answers for the prompt methods of {@code type}; a stubbed method is never replayed or sent to a provider
   */
  public <T> Stub<T> stub(Class<T> type) {
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not a prompt interface");
    }
    return new Stub<>(type, stubs);
  }

  /**
   * Every request this kit's runtime sent so far.
   *
   * @return every request this kit's runtime sent so far
   */
  public PromptCalls calls() {
    return new PromptCalls(() -> {
      synchronized (calls) {
        return List.copyOf(calls);
      }
    });
  }

  /**
   * Compares {@code response}'s trace ({@link Response#toJson()}, timings, threads and ids masked) to
   * the snapshot {@code name} under the cassette directory's {@value #SNAPSHOTS}; see {@link
   * TraceSnapshots}.
   *
   * @param response the response
   * @param name the name
   */
  public void assertTraceSnapshot(Response<?> response, String name) {
    TraceSnapshots.assertMatches(cassettes.directory().resolve(SNAPSHOTS).resolve(name + ".json"), response);
  }

  /**
   * Fails when a request found no recording, even if the code under test caught the error; the
   * extension calls it after each test.
   */
  public void verify() {
    synchronized (missing) {
      if (missing.isEmpty()) return;
      if (missing.size() == 1) throw missing.get(0);
      StringBuilder text = new StringBuilder(missing.size() + " requests had no recording:");
      for (MissingRecordingError e : missing) text.append("\n\n").append(e.getMessage());
      throw new MissingRecordingError(text.toString());
    }
  }

  /**
   * Recordings of the methods that ran here, made for another prompt version and not used: each with why.
   *
   * @return recordings of the methods that ran here, made for another prompt version and not used: each with why
   */
  public Map<Path, String> staleRecordings() {
    return ledger.stale(cassettes);
  }

  /**
   * The recordings written by this kit (and the other kits of its test class), sorted.
   *
   * @return the recordings written by this kit (and the other kits of its test class), sorted
   */
  public List<Path> writtenRecordings() {
    return ledger.written();
  }

  // ---- for KitModel ----

  MethodStub stubFor(String interfaceName, String method) {
    return interfaceName == null ? null : stubs.get(interfaceName + "." + method);
  }

  OfflineModel script() {
    return script;
  }

  Cassettes cassettesStore() {
    return cassettes;
  }

  RecordingLedger ledger() {
    return ledger;
  }

  int nextNumber() {
    return numbers.incrementAndGet();
  }

  void simulateLatency() {
    if (latency.isZero()) return;
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during the simulated latency", e);
    }
  }

  void log(RequestContext context, String provider, String model, ChatRequest request, PromptCall.AnsweredBy by, String answer,
      String failure, long startNanos) {
    long end = System.nanoTime();
    PromptCall call = new PromptCall(context == null ? null : context.interfaceName(), context == null ? null : context.methodName(),
        provider, model, context == null ? null : context.promptVersion(), request.messages(), request.parameters(), by, answer, failure,
        epoch.plusNanos(startNanos - epochNanos), Duration.ofNanos(end - startNanos), Thread.currentThread().getName());
    synchronized (calls) {
      calls.add(call);
    }
  }

  MissingRecordingError missing(String interfaceName, String method, String version, JsonNode request, Path expected) {
    List<Cassettes.Recording> recordings = cassettes.all(interfaceName, method);
    Cassettes.Recording nearest = Cassettes.nearest(recordings, request);
    StringBuilder text = new StringBuilder("No recording of " + interfaceName + "." + method + " for this request (mode REPLAY).\n");
    text.append("Looked for: ").append(expected).append('\n');
    if (nearest == null) {
      text.append("The method has no recording yet in ").append(cassettes.folder(interfaceName, method)).append(".\n");
    } else {
      text.append("Nearest of ").append(recordings.size()).append(" recording(s): ").append(nearest.file()).append('\n');
      if (!Objects.equals(nearest.promptVersion(), version)) {
        text.append("It is stale: recorded for prompt version ").append(nearest.promptVersion()).append(", the method now runs as ")
            .append(version).append(" (its template, models or parameters changed).\n");
      }
      text.append("Difference (- recorded, + requested):\n")
          .append(LineDiff.diff(cassettes.redact(Cassettes.pretty(nearest.request())), cassettes.redact(Cassettes.pretty(request)), 3));
    }
    text.append("Record it with the provider's key and: mvn test -D").append(Prompt4jTest.MODE_PROPERTY).append("=RECORD_MISSING");
    MissingRecordingError error = new MissingRecordingError(text.toString());
    synchronized (missing) {
      missing.add(error);
    }
    return error;
  }

  @Override
  public String toString() {
    return "PromptTestKit[" + mode + ", " + cassettes.directory() + (script == null ? "" : ", script") + ", " + stubs.size()
        + " stub(s), " + calls().size() + " call(s)]";
  }

  /** Collects a kit's settings. */
  public static final class Builder {
    private Mode mode = Mode.REPLAY;
    private Path cassettes = Path.of(DEFAULT_CASSETTES);
    private String script;
    private Duration latency = Duration.ZERO;
    private Map<String, String> properties;
    private RecordingLedger ledger;

    private Builder() {}

    /**
     * How calls that no stub or script answers are answered; default {@link Mode#REPLAY}.
     *
     * @param mode the mode
     * @return how calls that no stub or script answers are answered; default {@link Mode#REPLAY}
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Where recordings are read and written; default {@value PromptTestKit#DEFAULT_CASSETTES}.
     *
     * @param directory the directory
     * @return where recordings are read and written; default {@value PromptTestKit#DEFAULT_CASSETTES}
     */
    public Builder cassettes(Path directory) {
      this.cassettes = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * An offline script on the class path that answers every call no stub answers.
     *
     * @param resource the resource
     * @return an offline script on the class path that answers every call no stub answers
     */
    public Builder script(String resource) {
      this.script = Objects.requireNonNull(resource, "resource");
      return this;
    }

    /**
     * How long each stubbed, scripted or replayed answer takes; default zero.
     *
     * @param latency the latency
     * @return how long each stubbed, scripted or replayed answer takes; default zero
     */
    public Builder latency(Duration latency) {
      if (latency == null || latency.isNegative()) throw new IllegalArgumentException("latency must be zero or positive, not " + latency);
      this.latency = latency;
      return this;
    }

    /**
     * Configuration of the runtime, replacing system properties, environment and {@code prompt4j.properties}.
     *
     * @param properties the properties
     * @return configuration of the runtime, replacing system properties, environment and {@code prompt4j.properties}
     */
    public Builder properties(Map<String, String> properties) {
      this.properties = new LinkedHashMap<>(properties);
      return this;
    }

    Builder ledger(RecordingLedger ledger) {
      this.ledger = ledger;
      return this;
    }

    /**
     * The kit.
     *
     * @return the kit
     */
    public PromptTestKit build() {
      return new PromptTestKit(this);
    }
  }
}

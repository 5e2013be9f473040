package dev.prompt4j.flink.sql;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.AsyncPredictFunction;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.PredictFunction;
import org.apache.flink.table.ml.AsyncPredictRuntimeProvider;
import org.apache.flink.table.ml.ModelProvider;
import org.apache.flink.table.ml.PredictRuntimeProvider;

/**
 * The prompt4j model, for both the synchronous and the asynchronous {@code ML_PREDICT}. Made by {@link
 * Prompt4jModelProviderFactory}; public only because Flink's generated code names its functions.
 */
public final class PromptModelProvider implements PredictRuntimeProvider, AsyncPredictRuntimeProvider {
  private final PromptMethodBinding binding;
  private final LinkedHashMap<String, String> properties;
  private final boolean nullOnError;

  PromptModelProvider(PromptMethodBinding binding, Map<String, String> properties, boolean nullOnError) {
    this.binding = binding;
    this.properties = new LinkedHashMap<>(properties);
    this.nullOnError = nullOnError;
  }

  @Override
  public PredictFunction createPredictFunction(Context context) {
    return new Sync(new Caller(binding, properties, nullOnError));
  }

  @Override
  public AsyncPredictFunction createAsyncPredictFunction(Context context) {
    return new Async(new Caller(binding, properties, nullOnError));
  }

  @Override
  public ModelProvider copy() {
    return new PromptModelProvider(binding, properties, nullOnError);
  }

  /** The prompt instance of one subtask and the calls on it. */
  static final class Caller implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final PromptMethodBinding binding;
    private final LinkedHashMap<String, String> properties;
    private final boolean nullOnError;
    private transient Object prompt;
    private transient Method method;
    private transient PromptMethodBinding.Shape shape;
    private transient ExecutorService executor;

    Caller(PromptMethodBinding binding, LinkedHashMap<String, String> properties, boolean nullOnError) {
      this.binding = binding;
      this.properties = properties;
      this.nullOnError = nullOnError;
    }

    void open(FunctionContext context) {
      ClassLoader loader = context.getUserCodeClassLoader();
      method = PromptMethodBinding.method(binding.interfaceName, binding.interfaceName, binding.methodName, loader);
      shape = PromptMethodBinding.shape(method);
      AtomicInteger n = new AtomicInteger();
      executor = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "prompt4j-sql-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      Prompt4j.Builder builder = Prompt4j.builder().executor(executor).classLoader(loader);
      if (!properties.isEmpty()) builder.properties(properties);
      prompt = builder.build().create(method.getDeclaringClass());
    }

    void close() {
      if (executor != null) executor.shutdownNow();
    }

    CompletableFuture<Collection<RowData>> call(RowData row) {
      CompletableFuture<?> answer;
      try {
        Object[] args = binding.arguments(method, row);
        answer = switch (shape) {
          case FUTURE, FUTURE_RESPONSE -> (CompletableFuture<?>) method.invoke(prompt, args);
          case PLAIN, RESPONSE -> CompletableFuture.supplyAsync(() -> invoke(args), executor);
        };
      } catch (InvocationTargetException e) {
        answer = CompletableFuture.failedFuture(e.getCause());
      } catch (ReflectiveOperationException | RuntimeException e) {
        answer = CompletableFuture.failedFuture(e);
      }
      return answer.handle((value, error) -> {
        if (error != null) {
          if (nullOnError) return List.of(binding.row(null));
          throw error instanceof CompletionException c ? c : new CompletionException(error);
        }
        Object plain = value instanceof Response<?> r ? r.value() : value;
        return List.of(binding.row(plain));
      });
    }

    private Object invoke(Object[] args) {
      try {
        return method.invoke(prompt, args);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** {@code ML_PREDICT} without {@code 'async'}: one row at a time per subtask. */
  public static final class Sync extends PredictFunction {
    private final Caller caller;

    Sync(Caller caller) {
      this.caller = caller;
    }

    @Override
    public void open(FunctionContext context) {
      caller.open(context);
    }

    @Override
    public void close() {
      caller.close();
    }

    @Override
    public Collection<RowData> predict(RowData inputRow) {
      return caller.call(inputRow).join();
    }
  }

  /** {@code ML_PREDICT} with {@code 'async'}: the prompt's future per row. */
  public static final class Async extends AsyncPredictFunction {
    private final Caller caller;

    Async(Caller caller) {
      this.caller = caller;
    }

    @Override
    public void open(FunctionContext context) {
      caller.open(context);
    }

    @Override
    public void close() {
      caller.close();
    }

    @Override
    public CompletableFuture<Collection<RowData>> asyncPredict(RowData inputRow) {
      return caller.call(inputRow);
    }
  }
}

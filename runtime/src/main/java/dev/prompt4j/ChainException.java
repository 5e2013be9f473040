package dev.prompt4j;

import java.util.List;
import java.util.Map;

/**
 * A computed field failed while a prompt was being prepared. The message starts with the path of the
 * step that failed, outermost first: {@code analyzeTrend <- trendCategory <- classifyTrend}. The
 * original failure is the cause; the fields computed before the failure stay reachable.
 *
 * <pre>{@code
 * try {
 *   trends.analyzeTrend(text);
 * } catch (ChainException e) {
 *   e.path();             // [analyzeTrend, trendCategory, classifyTrend]
 *   e.completedFields();  // fields computed before the failure
 *   e.getCause();         // the ProviderException or OutputException of classifyTrend
 * }
 * }</pre>
 */
public class ChainException extends Prompt4jException {
  private static final long serialVersionUID = 1L;

  /** The failed step, outermost first. */
  private final List<String> path;
  /** The fields computed before the failure (not serialized: the values may not be). */
  private final transient Map<String, Object> completedFields;

  /**
   * A failure of the step at {@code path}.
   *
   * @param path the failed step, outermost first: prompt method, field, nested method, ...
   * @param completedFields the fields of the outermost prompt computed before the failure
   * @param cause what failed
   */
  public ChainException(List<String> path, Map<String, Object> completedFields, Throwable cause) {
    super(String.join(" <- ", path) + ": " + describe(cause), cause);
    this.path = List.copyOf(path);
    this.completedFields = Map.copyOf(completedFields);
  }

  private static String describe(Throwable cause) {
    Throwable root = cause instanceof ChainException chain && chain.getCause() != null ? chain.getCause() : cause;
    String message = root.getMessage();
    return message == null ? root.getClass().getName() : message;
  }

  /**
   * The path of the failed step, outermost first: prompt method, field, nested method, field, ...
   *
   * @return the path of the failed step, outermost first: prompt method, field, nested method, field,
   */
  public List<String> path() {
    return path;
  }

  /**
   * The fields of the outermost prompt that were computed before the failure, by name.
   *
   * @return the fields of the outermost prompt that were computed before the failure, by name
   */
  public Map<String, Object> completedFields() {
    return completedFields;
  }
}

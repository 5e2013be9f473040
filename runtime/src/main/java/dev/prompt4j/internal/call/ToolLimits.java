package dev.prompt4j.internal.call;

import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.MethodKey;
import dev.prompt4j.internal.config.Setting;

/**
 * The limits of one method's tool loop, from configuration ({@code prompt4j.max-tool-round-trips}
 * and the others of {@link Setting}), per method, interface or everywhere.
 *
 * @param maxRoundTrips model turns, counting the first request (default 10)
 * @param maxCalls tool calls in all (default 50)
 * @param maxCallsPerTool calls of any one tool (default 20)
 * @param answerAtLimit at a limit, ask once more without tools for the answer instead of failing
 * @param failOnError fail the call when a tool call fails instead of sending the error back
 */
public record ToolLimits(int maxRoundTrips, int maxCalls, int maxCallsPerTool, boolean answerAtLimit, boolean failOnError) {
  /** The defaults. */
  public static final ToolLimits DEFAULTS = new ToolLimits(10, 50, 20, false, false);

  /**
   * The limits configured for {@code method}, the defaults where none is.
   *
   * @param configuration the configuration
   * @param method the method
   * @return the limits
   */
  public static ToolLimits of(Configuration configuration, MethodKey method) {
    Integer trips = configuration.methodSetting(method, Setting.MAX_TOOL_ROUND_TRIPS);
    Integer calls = configuration.methodSetting(method, Setting.MAX_TOOL_CALLS);
    Integer perTool = configuration.methodSetting(method, Setting.MAX_CALLS_PER_TOOL);
    String onLimit = configuration.methodSetting(method, Setting.ON_TOOL_LIMIT);
    String onError = configuration.methodSetting(method, Setting.ON_TOOL_ERROR);
    return new ToolLimits(trips == null ? DEFAULTS.maxRoundTrips : trips, calls == null ? DEFAULTS.maxCalls : calls,
        perTool == null ? DEFAULTS.maxCallsPerTool : perTool, "answer".equals(onLimit), "fail".equals(onError));
  }
}

package dev.prompt4j.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the runtime's tests (registered in {@code META-INF/services}): every level is
 * enabled, so whatever the langchain4j clients would log at any level is formatted, and kept while a
 * test {@linkplain #capture captures}; otherwise dropped. JUL records are captured alongside.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
  private static final List<String> LINES = new ArrayList<>();
  private static volatile boolean capturing;

  private final ILoggerFactory loggers = new ILoggerFactory() {
    private final ConcurrentMap<String, Logger> byName = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return byName.computeIfAbsent(name, CapturingLogger::new);
    }
  };
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();

  /** Runs {@code action} and returns every line logged meanwhile, through SLF4J or JUL. */
  static List<String> capture(Runnable action) {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Level previousLevel = root.getLevel();
    Handler jul = new Handler() {
      @Override
      public void publish(LogRecord record) {
        String thrown = record.getThrown() == null ? "" : " " + record.getThrown();
        add("JUL " + record.getLevel() + " " + record.getLoggerName() + ": " + new java.util.logging.SimpleFormatter().formatMessage(record) + thrown);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.setLevel(java.util.logging.Level.ALL);
    root.setLevel(java.util.logging.Level.ALL);
    root.addHandler(jul);
    synchronized (LINES) {
      LINES.clear();
    }
    capturing = true;
    try {
      action.run();
    } finally {
      capturing = false;
      root.removeHandler(jul);
      root.setLevel(previousLevel);
    }
    synchronized (LINES) {
      return new ArrayList<>(LINES);
    }
  }

  private static void add(String line) {
    if (capturing) {
      synchronized (LINES) {
        LINES.add(line);
      }
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override public boolean isTraceEnabled() { return true; }
    @Override public boolean isDebugEnabled() { return true; }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public boolean isErrorEnabled() { return true; }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      if (capturing) {
        add("SLF4J " + level + " " + name + ": " + MessageFormatter.basicArrayFormat(pattern, arguments) + (throwable == null ? "" : " " + throwable));
      }
    }
  }
}

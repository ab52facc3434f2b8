package id.ktpscan.contracts.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every log record of the running application, formatted, including stack traces; the
 * test's own HTTP client is left out.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Logger root = Logger.getLogger("");

  public LogCapture() {
    setLevel(Level.ALL);
    root.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
    if (logger.startsWith("org.apache.http") || logger.startsWith("io.restassured")) {
      // The test's own HTTP client shares the JVM; what it prints is not the service's log.
      return;
    }
    StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ');
    String message = record.getMessage();
    Object[] parameters = record.getParameters();
    line.append(message);
    if (parameters != null) {
      for (Object parameter : parameters) {
        line.append(' ').append(parameter);
      }
    }
    for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
      line.append(' ').append(t);
    }
    lines.add(line.toString());
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
  }
}

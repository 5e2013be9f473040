package dev.prompt4j.test;

import org.opentest4j.AssertionFailedError;

/**
 * A request in {@link Prompt4jTest.Mode#REPLAY} that no recording answers. The message names the
 * file that was looked for, the nearest recording of the method with the difference between the two
 * requests, and says when that recording is stale (made for another prompt version). It is an {@link
 * Error}, so the runtime neither retries it nor falls back to another model.
 */
public final class MissingRecordingError extends AssertionFailedError {
  private static final long serialVersionUID = 1L;

  MissingRecordingError(String message) {
    super(message);
  }
}

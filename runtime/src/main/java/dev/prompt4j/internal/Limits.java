package dev.prompt4j.internal;

import java.time.Duration;

/**
 * The time limits of one prompt method: {@code prompt4j.timeout} bounds sending one prompt call to
 * its model (every attempt, retry and fallback included), {@code prompt4j.chain-timeout} the whole
 * call, its computed fields and their nested calls included; {@code null} for no limit.
 *
 * @param call the limit of sending, or {@code null}
 * @param chain the limit of the whole call, or {@code null}
 */
record Limits(Duration call, Duration chain) {
  static final Limits NONE = new Limits(null, null);

  static Limits of(Duration call, Duration chain) {
    return call == null && chain == null ? NONE : new Limits(call, chain);
  }
}

package dev.prompt4j.spring.boot.autoconfigure;

import java.util.function.Supplier;

/** A value made by the first {@link #get()}, once, whichever thread comes first; a failed making is tried again next time. */
final class Once<T> implements Supplier<T> {
  private final Supplier<T> make;
  private volatile T value;

  Once(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = make.get();
          value = made;
        }
      }
    }
    return made;
  }

  /** The value if made, else {@code null}. */
  T ifMade() {
    return value;
  }
}

package dev.prompt4j.examples;

import dev.prompt4j.Response;
import java.util.List;

/**
 * An answer that carries the prompt calls that made it, for chains that record their own trace
 * (a {@link dev.prompt4j.Trace#capture} inside the chain keeps its calls from the enclosing one).
 */
public interface Traced {
  List<Response<?>> calls();
}

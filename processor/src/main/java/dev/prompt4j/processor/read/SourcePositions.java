package dev.prompt4j.processor.read;

import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/** Whether the compiler can place a diagnostic on an element in the source being compiled. */
interface SourcePositions {

  boolean hasSource(Element element);

  /** javac's trees when the compiler is javac; elsewhere every element is assumed to have a source. */
  static SourcePositions of(ProcessingEnvironment env) {
    try {
      Trees trees = Trees.instance(env);
      return element -> trees.getPath(element) != null;
    } catch (IllegalArgumentException | LinkageError e) {
      return element -> true;
    }
  }
}

package dev.prompt4j.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A processor that hands everything to another one; tests override the step they observe. */
abstract class DelegatingProcessor extends AbstractProcessor {
  final Processor delegate;

  DelegatingProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    delegate.init(environmentFor(env));
  }

  /** The environment the delegate gets: {@code env} itself unless a test observes it. */
  ProcessingEnvironment environmentFor(ProcessingEnvironment env) {
    return env;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }
}

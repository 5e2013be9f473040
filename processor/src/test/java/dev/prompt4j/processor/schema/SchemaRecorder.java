package dev.prompt4j.processor.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A test-only processor: for every type or method annotated {@code @test.Schema}, runs {@link
 * JsonSchemaGenerator} on the type (a method: its return type) and records the result by simple name.
 */
final class SchemaRecorder extends AbstractProcessor {
  final Map<String, SchemaResult> results = new LinkedHashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    JsonSchemaGenerator generator = new JsonSchemaGenerator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    for (Element root : round.getRootElements()) {
      visit(root, generator);
    }
    return false;
  }

  private void visit(Element element, JsonSchemaGenerator generator) {
    if (marked(element)) {
      TypeMirror type = element instanceof ExecutableElement method ? method.getReturnType() : element.asType();
      results.put(element.getSimpleName().toString(), generator.generate(type));
    }
    for (Element enclosed : element.getEnclosedElements()) {
      if (enclosed instanceof TypeElement || enclosed instanceof ExecutableElement) {
        visit(enclosed, generator);
      }
    }
  }

  private static boolean marked(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals("test.Schema")) {
        return true;
      }
    }
    return false;
  }
}

package dev.prompt4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.tools.ToolClass;
import dev.prompt4j.processor.tools.ToolClassReader;
import dev.prompt4j.processor.tools.ToolUses;
import dev.prompt4j.processor.tools.ToolsWriter;
import dev.prompt4j.processor.generate.ImplementationWriter;
import dev.prompt4j.processor.generate.InterfaceIndex;
import dev.prompt4j.processor.generate.NativeImageMetadata;
import dev.prompt4j.processor.generate.ServiceRegistrations;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.read.Annotations;
import dev.prompt4j.processor.stream.PartialTypeEmitter;
import dev.prompt4j.processor.stream.StreamAnnotationPlacement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds prompt interfaces, then for each one: read (mirrors only), validate, build the model, write
 * the implementation. An interface with errors gets no implementation; the others still do.
 * Interfaces that refer to types not generated yet are deferred to the next round.
 */
@AutoService(Processor.class)
public final class Prompt4jProcessor extends AbstractProcessor {
  private InterfacePipeline pipeline;
  private ImplementationWriter writer;
  private dev.prompt4j.processor.generate.LazyWriter lazyWriter;
  private ServiceRegistrations registrations;
  private NativeImageMetadata metadata;
  private InterfaceIndex index;
  private final Set<String> deferred = new LinkedHashSet<>();
  private ToolClassReader toolReader;
  private final ToolsWriter toolsWriter = new ToolsWriter();
  private PartialTypeEmitter partialTypes;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    pipeline = new InterfacePipeline(processingEnv);
    lazyWriter = new dev.prompt4j.processor.generate.LazyWriter(processingEnv.getTypeUtils());
    writer = new ImplementationWriter(processingEnv.getTypeUtils(), new ToolUses(processingEnv.getElementUtils(), processingEnv.getTypeUtils()));
    toolReader = new ToolClassReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    registrations = new ServiceRegistrations(processingEnv);
    metadata = new NativeImageMetadata(processingEnv.getElementUtils());
    index = new InterfaceIndex(processingEnv);
    partialTypes = new PartialTypeEmitter(processingEnv.getElementUtils(), processingEnv.getFiler());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.PROMPT, Annotations.CALL, Annotations.COMPUTED_FIELD, ToolClassReader.TOOL, Annotations.STREAM_DONE,
        Annotations.STREAM_REQUIRED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> interfaces = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        interfaces.add(type);
      }
    }
    deferred.clear();
    writeTools(round);
    collect(round, Annotations.PROMPT, interfaces);
    collect(round, Annotations.COMPUTED_FIELD, interfaces);
    collect(round, Annotations.CALL, interfaces);
    StreamAnnotationPlacement.check(round, processingEnv.getElementUtils()).printTo(processingEnv.getMessager());

    // Interfaces another prompt interface here extends: they may leave @Call or type arguments to it.
    Set<String> bases = new java.util.HashSet<>();
    for (TypeElement type : interfaces) {
      collectSuperInterfaces(type, bases);
    }
    for (TypeElement type : interfaces) {
      Set<String> missing = missingTypes(type);
      if (!missing.isEmpty() && !round.processingOver()) {
        missing.removeAll(writePartialTypesNamedBy(type)); // Streaming (#11): written now, read by name
      }
      if (!missing.isEmpty()) {
        if (round.processingOver()) {
          // No later round can generate them; javac reports the unknown symbols as well.
          if (!reportFluxWithoutReactor(type)) {
            report(Diagnostic.MISSING_TYPES, type, type.getQualifiedName(), String.join(", ", missing));
          }
        } else {
          deferred.add(type.getQualifiedName().toString());
        }
        continue;
      }
      try {
        Result<PromptInterface> result = pipeline.run(type, bases.contains(type.getQualifiedName().toString()));
        result.report().printTo(processingEnv.getMessager());
        Optional<PromptInterface> model = result.value();
        Report partials = model.isPresent() ? partialTypes.write(model.get()) : Report.empty(); // Streaming (#11)
        partials.printTo(processingEnv.getMessager());
        if (model.isPresent() && !model.get().methods().isEmpty() && partials.isClean()) {
          JavaFile file = writer.write(model.get());
          file.writeTo(processingEnv.getFiler());
          lazyWriter.write(model.get()).writeTo(processingEnv.getFiler()); // Spring start-up (#16): the bean until the first call
          registrations.add(model.get());
          index.add(model.get());
          try {
            metadata.write(model.get(), processingEnv.getFiler());
          } catch (IOException e) {
            report(Diagnostic.NATIVE_IMAGE_METADATA, type, NativeImageMetadata.path(model.get()), e.getMessage());
          }
        }
      } catch (IOException | RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        report(Diagnostic.INTERNAL_ERROR, type, type.getQualifiedName(), trace);
      }
    }
    if (round.processingOver()) {
      registrations.write();
      index.write();
    }
    return false;
  }

  /** Streaming (#11): the partial types a waiting interface names in {@code Flow.Publisher<TPartial>}. */
  private Set<String> writePartialTypesNamedBy(TypeElement type) {
    try {
      return partialTypes.writeNamedBy(type);
    } catch (IOException | RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      report(Diagnostic.INTERNAL_ERROR, type, type.getQualifiedName(), trace);
      return Set.of();
    }
  }

  /** Writes the dispatcher of every class with {@code @Tool} methods in this round. */
  private void writeTools(RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ToolClassReader.TOOL);
    if (annotation == null) {
      return;
    }
    Set<TypeElement> classes = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (Element element : round.getElementsAnnotatedWith(annotation)) {
      if (element.getEnclosingElement() instanceof TypeElement owner) {
        classes.add(owner);
      }
    }
    for (TypeElement type : classes) {
      try {
        Result<ToolClass> result = toolReader.read(type);
        result.report().printTo(processingEnv.getMessager());
        if (result.value().isPresent()) {
          toolsWriter.write(result.value().get()).writeTo(processingEnv.getFiler());
        }
      } catch (IOException | RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        report(Diagnostic.INTERNAL_ERROR, type, type.getQualifiedName(), trace);
      }
    }
  }

  private void report(Diagnostic diagnostic, Element element, Object... arguments) {
    new Report.Builder().report(diagnostic, element, arguments).build().printTo(processingEnv.getMessager());
  }

  private void report(Diagnostic diagnostic, Element element, javax.lang.model.element.AnnotationMirror mirror, Object... arguments) {
    new Report.Builder().report(diagnostic, element, mirror, null, arguments).build().printTo(processingEnv.getMessager());
  }

  private void collect(RoundEnvironment round, String annotation, Set<TypeElement> interfaces) {
    TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
    if (annotationType == null) {
      return;
    }
    for (Element element : round.getElementsAnnotatedWith(annotationType)) {
      if (element.getKind() == ElementKind.INTERFACE) {
        interfaces.add((TypeElement) element);
        continue;
      }
      if (element.getKind() != ElementKind.METHOD) {
        continue;
      }
      Element owner = element.getEnclosingElement();
      if (owner.getKind() == ElementKind.INTERFACE) {
        interfaces.add((TypeElement) owner);
      } else if (annotation.equals(Annotations.PROMPT)) {
        report(Diagnostic.PROMPT_ON_CLASS, element, Annotations.mirror(element, annotation).orElseThrow(),
            element.getSimpleName() + "()", ((TypeElement) owner).getQualifiedName(), element.getSimpleName() + "()");
      } else if (annotation.equals(Annotations.COMPUTED_FIELD)) {
        report(Diagnostic.COMPUTED_FIELD_NOT_DEFAULT, element, Annotations.mirror(element, annotation).orElseThrow(),
            element.getSimpleName() + "()");
      }
    }
  }

  private void collectSuperInterfaces(TypeElement type, Set<String> into) {
    for (TypeMirror parent : type.getInterfaces()) {
      Element element = processingEnv.getTypeUtils().asElement(parent);
      if (element instanceof TypeElement parentType && into.add(parentType.getQualifiedName().toString())) {
        collectSuperInterfaces(parentType, into);
      }
    }
  }

  /** Streaming (#11): a {@code Flux} return type that does not resolve means Reactor is missing. */
  private boolean reportFluxWithoutReactor(TypeElement type) {
    boolean found = false;
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      TypeMirror returned = method.getReturnType();
      if (returned.getKind() != TypeKind.ERROR) {
        continue;
      }
      String written = returned.toString();
      try {
        // javac names an unresolved qualified type "<any>": read it as written in the source.
        com.sun.source.tree.MethodTree tree = com.sun.source.util.Trees.instance(processingEnv).getTree(method);
        if (tree != null && tree.getReturnType() != null) {
          written = tree.getReturnType().toString();
        }
      } catch (RuntimeException | LinkageError notJavac) {
        // another compiler: its own name of the type
      }
      String name = written.replaceAll("<.*", "");
      if (name.equals("Flux") || name.endsWith(".Flux")) {
        report(Diagnostic.FLUX_WITHOUT_REACTOR, method, method.getSimpleName() + "()", written);
        found = true;
      }
    }
    return found;
  }

  /** The types that {@code type}'s methods use but that do not exist (yet), in a stable order. */
  private static Set<String> missingTypes(TypeElement type) {
    Set<String> missing = new TreeSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      collectMissing(method.getReturnType(), missing);
      method.getParameters().forEach(p -> collectMissing(p.asType(), missing));
    }
    return missing;
  }

  private static void collectMissing(TypeMirror type, Set<String> missing) {
    if (type == null) {
      return;
    }
    if (type.getKind() == TypeKind.ERROR) {
      missing.add(type.toString());
    } else if (type instanceof javax.lang.model.type.DeclaredType declared) {
      declared.getTypeArguments().forEach(argument -> collectMissing(argument, missing));
    } else if (type instanceof javax.lang.model.type.ArrayType array) {
      collectMissing(array.getComponentType(), missing);
    } else if (type instanceof javax.lang.model.type.WildcardType wildcard) {
      collectMissing(wildcard.getExtendsBound(), missing);
      collectMissing(wildcard.getSuperBound(), missing);
    }
  }
}

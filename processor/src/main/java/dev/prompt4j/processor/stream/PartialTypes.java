package dev.prompt4j.processor.stream;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Streaming (#11): the generated partial type of a record answer {@code T}, a sibling record in
 * {@code T}'s package named {@code TPartial} ({@code Outer_TPartial} for a record nested in {@code
 * Outer}), since a nested type cannot be added to the user's record. Every component is nullable
 * (boxed); a nested record becomes its partial, {@code List<X>} of records {@code List<XPartial>},
 * {@code Optional<X>} the partial of {@code X}; types a partial cannot show in part (maps, sealed
 * interfaces, dates) keep the raw JSON value as {@code Object}. Its static {@code of(Map, Partials)}
 * builds it from the runtime's parser state: generated code, no reflection.
 */
public final class PartialTypes {
  static final ClassName PARTIALS = ClassName.get("dev.prompt4j.internal.stream", "Partials");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "dev.prompt4j.processor.Prompt4jProcessor";
  /** The name of the generated factory, also how a partial type of ours is recognised. */
  public static final String FACTORY = "of";

  private PartialTypes() {}

  /** The partial type's name for {@code record}. */
  public static ClassName partialName(TypeElement record) {
    ClassName original = ClassName.get(record);
    return ClassName.get(original.packageName(), String.join("_", original.simpleNames()) + "Partial");
  }

  /** The record {@code type} is, or {@code null}. */
  public static TypeElement record(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.RECORD ? (TypeElement) element : null;
  }

  /** The record {@code X} of a {@code List<X>} answer, or {@code null}. */
  public static TypeElement listElementRecord(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    if (!((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.List") || declared.getTypeArguments().size() != 1) {
      return null;
    }
    return record(declared.getTypeArguments().get(0));
  }

  /** Whether {@code type} is a partial type this processor wrote (a record with the generated factory). */
  public static boolean isPartial(TypeElement type) {
    return type.getKind() == ElementKind.RECORD && ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .anyMatch(m -> m.getSimpleName().contentEquals(FACTORY) && m.getModifiers().contains(Modifier.STATIC) && m.getParameters().size() == 2
            && m.getParameters().get(1).asType().toString().equals(PARTIALS.canonicalName()));
  }

  /**
   * The record answer whose partial {@code partial} is, found by the naming rule ({@code
   * p.Outer_TPartial} → {@code p.Outer.T}).
   */
  public static Optional<TypeElement> recordOf(String partialQualifiedName, Elements elements) {
    if (!partialQualifiedName.endsWith("Partial")) {
      return Optional.empty();
    }
    String base = partialQualifiedName.substring(0, partialQualifiedName.length() - "Partial".length());
    int dot = base.lastIndexOf('.');
    String pkg = dot < 0 ? "" : base.substring(0, dot);
    String nested = base.substring(dot + 1).replace('_', '.');
    TypeElement record = elements.getTypeElement(pkg.isEmpty() ? nested : pkg + "." + nested);
    if (record == null || record.getKind() != ElementKind.RECORD
        || !partialName(record).canonicalName().equals(partialQualifiedName)) {
      return Optional.empty();
    }
    return Optional.of(record);
  }

  /** {@code root} and every record its partial refers to, each once, root first. */
  public static List<TypeElement> closure(TypeElement root) {
    Set<TypeElement> out = new LinkedHashSet<>();
    collect(root, out);
    return new ArrayList<>(out);
  }

  private static void collect(TypeElement record, Set<TypeElement> out) {
    if (!out.add(record)) {
      return;
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      TypeElement nested = innerRecord(component.asType());
      if (nested != null) {
        collect(nested, out);
      }
    }
  }

  /** The record inside a component type (itself, a list's element, an optional's value), or {@code null}. */
  private static TypeElement innerRecord(TypeMirror type) {
    TypeMirror inner = type;
    while (true) {
      TypeElement record = record(inner);
      if (record != null) {
        return record;
      }
      TypeMirror element = container(inner);
      if (element == null) {
        return null;
      }
      inner = element;
    }
  }

  /** The element type of a list, set, collection or optional, else {@code null}. */
  private static TypeMirror container(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    if (declared.getTypeArguments().size() == 1 && List.of("java.util.List", "java.util.Set", "java.util.Collection", "java.util.Optional").contains(name)) {
      return declared.getTypeArguments().get(0);
    }
    return null;
  }

  /** The source of {@code record}'s partial type. */
  public static JavaFile write(TypeElement record) {
    ClassName name = partialName(record);
    ClassName original = ClassName.get(record);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    List<CodeBlock> arguments = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      String key = component.getSimpleName().toString();
      Conversion conversion = conversion(component.asType(), CodeBlock.of("json.get($S)", key), 0);
      constructor.addParameter(ParameterSpec.builder(conversion.type(), key).build());
      arguments.add(conversion.code());
    }
    boolean visible = isPublic(record);
    TypeSpec.Builder type = TypeSpec.recordBuilder(name)
        .addOriginatingElement(record)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
        .addJavadoc("{@link $T} while it streams: each component is {@code null} until it appears in the answer.\n", original)
        .addJavadoc("\n<p>Strings, numbers, booleans and enum constants appear whole; a nested record as its own partial, a list\n")
        .addJavadoc("of records as a list of partials, growing. {@code @StreamDone} and {@code @StreamRequired} on the record's\n")
        .addJavadoc("components apply. Emitted by {@code PromptStream.partials($T.class)} and {@code StreamEvent.Partial.typed()}.\n", name)
        .addJavadoc("\n<p>Written by the Prompt4j annotation processor (named {@code <Record>Partial}, {@code <Outer>_<Record>Partial}\n")
        .addJavadoc("for a nested record, in the record's package): change {@link $T}, not this file.\n", original)
        .recordConstructor(constructor.build())
        .addMethod(MethodSpec.methodBuilder(FACTORY)
            .addJavadoc("Builds the partial from the runtime's parser state (generated-code ABI).\n")
            .addJavadoc("\n@param json the answer so far, as maps and lists\n@param partials the conversions of this stream\n@return the partial\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Object.class)), "json")
            .addParameter(PARTIALS, "partials")
            .addStatement("return new $T($L)", name, arguments.stream().collect(CodeBlock.joining(",$W")))
            .build());
    if (visible) {
      type.addModifiers(Modifier.PUBLIC);
    }
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static boolean isPublic(TypeElement record) {
    for (Element e = record; e != null && !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC) && !(e.getEnclosingElement() instanceof TypeElement t && t.getKind().isInterface())) {
        return false;
      }
    }
    return true;
  }

  /** A component's partial type and the code converting the JSON value {@code value} to it. */
  record Conversion(TypeName type, CodeBlock code) {}

  private static Conversion conversion(TypeMirror type, CodeBlock value, int depth) {
    if (type.getKind().isPrimitive()) {
      return scalar(TypeName.get(type).box(), value);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return new Conversion(ClassName.get(Object.class), value);
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.RECORD) {
      ClassName partial = partialName(element);
      return new Conversion(partial, CodeBlock.of("partials.record($L, $T::$L)", value, partial, FACTORY));
    }
    if (element.getKind() == ElementKind.ENUM) {
      return new Conversion(ClassName.get(element), CodeBlock.of("$T.constant($L, $T.values())", PARTIALS, value, ClassName.get(element)));
    }
    TypeMirror inner = container(type);
    if (inner != null && element.getQualifiedName().contentEquals("java.util.Optional")) {
      return conversion(inner, value, depth);
    }
    TypeElement innerRecord = inner == null ? null : record(inner);
    if (innerRecord != null) {
      ClassName partial = partialName(innerRecord); // no lambda per snapshot
      return new Conversion(ParameterizedTypeName.get(ClassName.get(List.class), partial),
          CodeBlock.of("partials.records($L, $T::$L)", value, partial, FACTORY));
    }
    if (inner != null) {
      String item = depth == 0 ? "item" : "item" + depth;
      Conversion each = conversion(inner, CodeBlock.of("$L", item), depth + 1);
      return new Conversion(ParameterizedTypeName.get(ClassName.get(List.class), each.type()),
          CodeBlock.of("partials.list($L, $L -> $L)", value, item, each.code()));
    }
    Conversion scalar = scalar(TypeName.get(type), value);
    return scalar != null ? scalar : new Conversion(ClassName.get(Object.class), value);
  }

  private static Conversion scalar(TypeName boxed, CodeBlock value) {
    String helper = switch (boxed.toString()) {
      case "java.lang.Integer" -> "intValue"; // numbers: one static conversion each, no lambda
      case "java.lang.Long" -> "longValue";
      case "java.lang.Short" -> "shortValue";
      case "java.lang.Byte" -> "byteValue";
      case "java.lang.Double" -> "doubleValue";
      case "java.lang.Float" -> "floatValue";
      case "java.lang.String" -> "string";
      case "java.lang.Boolean" -> "bool";
      case "java.lang.Character" -> "character";
      case "java.math.BigDecimal" -> "decimal";
      case "java.math.BigInteger" -> "integer";
      default -> null;
    };
    return helper == null ? null : new Conversion(boxed, CodeBlock.of("$T.$L($L)", PARTIALS, helper, value));
  }
}

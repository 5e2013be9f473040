package dev.prompt4j.processor.tools;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.read.Annotations;
import dev.prompt4j.processor.schema.JsonSchemaGenerator;
import dev.prompt4j.processor.schema.SchemaResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code @Tool} methods of one class (mirrors only) into a {@link ToolClass}: names,
 * descriptions from Javadoc and {@code @param} tags (the annotation's value wins), the arguments
 * schema from {@link JsonSchemaGenerator}; reports a tool the dispatcher cannot call, a duplicate name,
 * a missing description, a parameter type with no schema and a strict schema strict mode refuses.
 */
public final class ToolClassReader {
  /** The annotation's qualified name. */
  public static final String TOOL = "dev.prompt4j.Tool";

  // What OpenAI's strict mode has documented as not accepted (a conservative list).
  private static final List<String> NOT_STRICT =
      List.of("minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems");
  private static final Pattern PARAM = Pattern.compile("^\\s*@param\\s+(\\S+)\\s+(.*?)(?=^\\s*@|\\z)", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern FIRST_TAG = Pattern.compile("^\\s*@", Pattern.MULTILINE);

  private final Elements elements;
  private final JsonSchemaGenerator schemas;

  public ToolClassReader(Elements elements, Types types) {
    this.elements = elements;
    this.schemas = new JsonSchemaGenerator(elements, types);
  }

  /** Whether {@code type} is a class or interface with at least one {@code @Tool} method (inherited ones included). */
  public static boolean isToolType(TypeMirror type, Types types) {
    if (!(type instanceof DeclaredType declared) || !(declared.asElement() instanceof TypeElement element)) {
      return false;
    }
    if (ElementFilter.methodsIn(element.getEnclosedElements()).stream().anyMatch(m -> Annotations.mirror(m, TOOL).isPresent())) {
      return true;
    }
    return types.directSupertypes(type).stream().anyMatch(t -> !t.toString().equals("java.lang.Object") && isToolType(t, types));
  }

  /** The tools of {@code type}, or none with the report of why. */
  public Result<ToolClass> read(TypeElement type) {
    Report.Builder report = new Report.Builder();
    List<ToolClass.ToolMethod> tools = new ArrayList<>();
    Map<String, ExecutableElement> names = new LinkedHashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Optional<AnnotationMirror> mirror = Annotations.mirror(method, TOOL);
      if (mirror.isEmpty()) {
        continue;
      }
      String where = type.getSimpleName() + "." + method.getSimpleName() + "()";
      if (method.getModifiers().contains(Modifier.PRIVATE) || method.getModifiers().contains(Modifier.STATIC)) {
        report.report(Diagnostic.TOOL_NOT_CALLABLE, method, mirror.get(), null, where,
            method.getModifiers().contains(Modifier.PRIVATE) ? "private" : "static");
        continue;
      }
      String name = text(mirror.get(), "name");
      if (name.isEmpty()) {
        name = method.getSimpleName().toString();
      }
      ExecutableElement other = names.putIfAbsent(name, method);
      if (other != null) {
        report.report(Diagnostic.DUPLICATE_TOOL_NAME, method, mirror.get(), null, name, where,
            type.getSimpleName() + "." + other.getSimpleName() + "()");
        continue;
      }
      String doc = elements.getDocComment(method);
      Map<String, String> parameterDocs = new LinkedHashMap<>();
      String mainDoc = "";
      if (doc != null) {
        Matcher tag = FIRST_TAG.matcher(doc);
        mainDoc = (tag.find() ? doc.substring(0, tag.start()) : doc).strip().replaceAll("\\s+", " ");
        Matcher m = PARAM.matcher(doc);
        while (m.find()) {
          parameterDocs.put(m.group(1), m.group(2).strip().replaceAll("\\s+", " "));
        }
      }
      String description = text(mirror.get(), "value");
      if (description.isEmpty()) {
        description = mainDoc;
      }
      if (description.isEmpty()) {
        report.report(Diagnostic.TOOL_WITHOUT_DESCRIPTION, method, mirror.get(), null, where);
        continue;
      }
      SchemaResult schema = schemas.generateArguments(method.getParameters(), where, parameterDocs);
      if (!schema.ok()) {
        report.report(Diagnostic.TOOL_PARAMETER_TYPE, schema.errorElement() == null ? method : schema.errorElement(), where, schema.error());
        continue;
      }
      boolean strict = Boolean.TRUE.equals(value(mirror.get(), "strict"));
      if (strict) {
        String refused = refused(schema.schema());
        if (refused != null) {
          report.report(Diagnostic.STRICT_TOOL_SCHEMA, method, mirror.get(), null, where, refused, schema.schema());
          continue;
        }
      }
      Object approval = value(mirror.get(), "approval");
      tools.add(new ToolClass.ToolMethod(method, name, description, schema.schema(),
          approval != null && approval.toString().equals("REQUIRED"), strict, method.getParameters()));
    }
    Report built = report.build();
    return built.isClean() ? Result.of(new ToolClass(type, tools), built) : Result.stop(built);
  }

  private static String refused(String schema) {
    for (String keyword : NOT_STRICT) {
      if (schema.contains("\"" + keyword + "\":")) {
        return keyword;
      }
    }
    return null;
  }

  private String text(AnnotationMirror mirror, String name) {
    Object v = value(mirror, name);
    return v == null ? "" : v.toString().strip();
  }

  private Object value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        Object v = e.getValue().getValue();
        return v instanceof Element element ? element.getSimpleName().toString() : v;
      }
    }
    return null;
  }
}

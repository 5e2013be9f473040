package dev.prompt4j.processor.schema;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Derives the JSON Schema of a structured answer type at compile time, from the type and its Jakarta
 * Validation constraints, read by name from annotation mirrors (no annotation class is loaded).
 *
 * <pre>{@code
 * SchemaResult result = new JsonSchemaGenerator(elements, types).generate(method.getReturnType());
 * if (result.ok()) { ... Outputs.json(..., result.schema(), subtypes...) } else { report(result.error(), result.errorElement()); }
 * }</pre>
 *
 * <p>Decisions:
 * <ul>
 *   <li>Records become objects with their components in declaration order, every component in {@code
 *       required} and {@code additionalProperties: false} (what OpenAI's strict mode demands). An
 *       {@code Optional<T>} component is required but nullable ({@code "type":["string","null"]}, also
 *       for objects and arrays; {@code anyOf} with {@code {"type":"null"}} for enums and sealed types).
 *   <li>Nested records are written inline, not as {@code $defs}: every provider's native mode reads
 *       inline schemas. A record that contains itself is therefore not supported.
 *   <li>A sealed interface becomes {@code anyOf} of its permitted records, each with a first property
 *       {@code "type"} whose only allowed value is the record's simple name (the runtime's
 *       discriminator); a permitted record may not have a component named {@code type}.
 *   <li>Constraints: {@code @NotBlank} gives {@code minLength: 1} and {@code pattern: "\\S"} (a
 *       {@code @Pattern} on the same element replaces that pattern); {@code @NotEmpty} gives {@code
 *       minLength: 1} or {@code minItems: 1}; {@code @Size} gives {@code minLength}/{@code maxLength} or {@code minItems}/{@code
 *       maxItems}; {@code @Min}, {@code @Max}, {@code @DecimalMin}, {@code @DecimalMax}, {@code
 *       @Positive}, {@code @PositiveOrZero}, {@code @Negative}, {@code @NegativeOrZero} give {@code
 *       minimum}/{@code maximum} or their exclusive forms; {@code @Pattern} gives {@code pattern};
 *       {@code @Email} gives {@code format: email}. {@code @NotNull} adds nothing (every component is
 *       already required) except on an {@code Optional}, which it makes non-nullable. Both {@code
 *       jakarta.validation} and {@code javax.validation} names are read.
 *   <li>{@code @Description} (dev.prompt4j) on a record, enum or component becomes {@code description}.
 *   <li>java.time: {@code LocalDate} is {@code format: date}; {@code OffsetDateTime}, {@code
 *       ZonedDateTime} and {@code Instant} are {@code format: date-time}; {@code LocalDateTime}, {@code
 *       LocalTime} are strings described as ISO-8601 (the JSON Schema formats require an offset);
 *       {@code Duration} is {@code format: duration}.
 * </ul>
 *
 * <p>Anything else (maps, plain classes, non-sealed interfaces, type variables, wildcards, {@code
 * Object}) gives an error naming the type and where it is: {@code Map<String,Object> at Faq.extra is
 * not supported: use a record}.
 */
public final class JsonSchemaGenerator {
  /** The discriminator property of sealed-interface records; the runtime reads the same name. */
  public static final String DISCRIMINATOR = "type";

  private static final String DESCRIPTION = "dev.prompt4j.Description";
  private static final List<String> VALIDATION_PACKAGES = List.of("jakarta.validation.constraints.", "javax.validation.constraints.");

  private final Elements elements;
  private final Types types;

  public JsonSchemaGenerator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The schema of {@code type} (the answer type: unwrap {@code Response<T>} and futures first). */
  public SchemaResult generate(TypeMirror type) {
    Run run = new Run();
    try {
      Map<String, Object> schema = run.schema(type, List.of(), simpleName(type), null);
      return SchemaResult.of(Json.write(schema), List.copyOf(run.subtypes));
    } catch (Unsupported e) {
      return SchemaResult.failure(e.getMessage(), e.element);
    }
  }

  /**
   * The schema of a tool's arguments: an object with one property per parameter, in order, each with the
   * parameter's constraints and {@code descriptions} (by parameter name), every one required (an {@code
   * Optional} parameter nullable), as record components are.
   */
  public SchemaResult generateArguments(List<? extends javax.lang.model.element.VariableElement> parameters, String where,
      Map<String, String> descriptions) {
    Run run = new Run();
    try {
      Map<String, Object> schema = typed("object");
      Map<String, Object> properties = new LinkedHashMap<>();
      List<Object> required = new ArrayList<>();
      for (javax.lang.model.element.VariableElement parameter : parameters) {
        String name = parameter.getSimpleName().toString();
        Map<String, Object> property = run.schema(parameter.asType(), parameter.getAnnotationMirrors(), where + "." + name, parameter);
        String description = descriptions.get(name);
        properties.put(name, description == null ? property : withDescription(property, description));
        required.add(name);
      }
      schema.put("properties", properties);
      schema.put("required", required);
      schema.put("additionalProperties", false);
      return SchemaResult.of(Json.write(schema), List.copyOf(run.subtypes));
    } catch (Unsupported e) {
      return SchemaResult.failure(e.getMessage(), e.element);
    }
  }

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Element element;

    Unsupported(String message, Element element) {
      super(message, null, false, false);
      this.element = element;
    }
  }

  /** One generation: the records being expanded (to catch recursion) and the sealed records found. */
  private final class Run {
    private final Deque<TypeElement> expanding = new ArrayDeque<>();
    private final Set<TypeElement> subtypes = new LinkedHashSet<>();

    /**
     * The schema of {@code type} at {@code where} (for messages), constrained by {@code annotations}
     * (of the component it is the type of, or of the type use), reported on {@code element}.
     */
    Map<String, Object> schema(TypeMirror type, List<? extends AnnotationMirror> annotations, String where, Element element) {
      List<AnnotationMirror> all = new ArrayList<>(annotations);
      all.addAll(type.getAnnotationMirrors());
      Map<String, Object> schema = base(type, all, where, element);
      String description = description(all);
      if (description != null) {
        schema = withDescription(schema, description); // the component's words win over its type's
      }
      constrain(schema, all, element);
      return schema;
    }

    private Map<String, Object> base(TypeMirror type, List<AnnotationMirror> annotations, String where, Element element) {
      switch (type.getKind()) {
        case BOOLEAN:
          return typed("boolean");
        case INT: case LONG: case SHORT: case BYTE:
          return typed("integer");
        case FLOAT: case DOUBLE:
          return typed("number");
        case CHAR: {
          Map<String, Object> s = typed("string");
          s.put("minLength", 1);
          s.put("maxLength", 1);
          return s;
        }
        case ARRAY: {
          TypeMirror component = ((ArrayType) type).getComponentType();
          if (component.getKind() == TypeKind.BYTE) {
            throw unsupported(type, where, element, "use a String");
          }
          return array(schema(component, List.of(), where + "[]", element));
        }
        case DECLARED:
          return declared((DeclaredType) type, annotations, where, element);
        default:
          throw unsupported(type, where, element, "use a record, an enum, a List, a String, a number or a boolean");
      }
    }

    private Map<String, Object> declared(DeclaredType type, List<AnnotationMirror> annotations, String where, Element element) {
      TypeElement typeElement = (TypeElement) type.asElement();
      String name = typeElement.getQualifiedName().toString();
      switch (name) {
        case "java.lang.String": case "java.lang.CharSequence":
          return typed("string");
        case "java.lang.Boolean":
          return typed("boolean");
        case "java.lang.Integer": case "java.lang.Long": case "java.lang.Short": case "java.lang.Byte": case "java.math.BigInteger":
          return typed("integer");
        case "java.lang.Double": case "java.lang.Float": case "java.math.BigDecimal":
          return typed("number");
        case "java.lang.Character": {
          Map<String, Object> s = typed("string");
          s.put("minLength", 1);
          s.put("maxLength", 1);
          return s;
        }
        case "java.time.LocalDate":
          return formatted("date");
        case "java.time.OffsetDateTime": case "java.time.ZonedDateTime": case "java.time.Instant":
          return formatted("date-time");
        case "java.time.Duration":
          return formatted("duration");
        case "java.util.UUID":
          return formatted("uuid");
        case "java.time.LocalDateTime":
          return described("ISO-8601 local date-time, for example 2026-11-26T14:30:00");
        case "java.time.LocalTime":
          return described("ISO-8601 local time, for example 14:30:00");
        case "java.util.Optional":
          return nullable(schema(only(type, where, element), List.of(), where, element), annotations);
        case "java.util.OptionalInt": case "java.util.OptionalLong":
          return nullable(typed("integer"), annotations);
        case "java.util.OptionalDouble":
          return nullable(typed("number"), annotations);
        case "java.util.SortedSet":
          if (!types.isAssignable(types.erasure(only(type, where, element)), types.erasure(elements.getTypeElement("java.lang.Comparable").asType()))) {
            throw new Unsupported("SortedSet<" + only(type, where, element) + "> at " + where + " needs Comparable elements: use List or Set",
                element);
          }
          return array(schema(only(type, where, element), List.of(), where + "[]", element));
        case "java.util.List": case "java.util.Set": case "java.util.Collection":
        case "java.util.LinkedHashSet": case "java.util.ArrayList": case "java.lang.Iterable":
          return array(schema(only(type, where, element), List.of(), where + "[]", element));
        default:
          break;
      }
      if (typeElement.getKind() == ElementKind.ENUM) {
        List<Object> constants = new ArrayList<>();
        for (Element enclosed : typeElement.getEnclosedElements()) {
          if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
            constants.add(enclosed.getSimpleName().toString());
          }
        }
        Map<String, Object> schema = typed("string");
        putDescription(schema, description(typeElement.getAnnotationMirrors()));
        schema.put("enum", constants);
        return schema;
      }
      if (typeElement.getKind() == ElementKind.RECORD) {
        return record(typeElement, type, null, where);
      }
      if (typeElement.getKind() == ElementKind.INTERFACE && typeElement.getModifiers().contains(Modifier.SEALED)) {
        return sealed(typeElement, where, element);
      }
      throw unsupported(type, where, element, "use a record");
    }

    private Map<String, Object> record(TypeElement record, DeclaredType as, String discriminator, String where) {
      if (expanding.contains(record)) {
        throw new Unsupported(record.getSimpleName() + " at " + where + " contains itself: recursive records are not supported", record);
      }
      expanding.push(record);
      try {
        Map<String, Object> schema = typed("object");
        putDescription(schema, description(record.getAnnotationMirrors()));
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        if (discriminator != null) {
          Map<String, Object> type = typed("string");
          type.put("enum", List.of(discriminator));
          properties.put(DISCRIMINATOR, type);
          required.add(DISCRIMINATOR);
        }
        for (RecordComponentElement component : record.getRecordComponents()) {
          String name = component.getSimpleName().toString();
          if (discriminator != null && name.equals(DISCRIMINATOR)) {
            throw new Unsupported(record.getSimpleName() + "." + name + " clashes with the discriminator '" + DISCRIMINATOR
                + "' that names the records of a sealed interface: rename the component", component);
          }
          // As a member of the type used (Page<String>, not Page<T>): a generic record's components get its type arguments.
          TypeMirror componentType = as == null ? component.asType()
              : ((javax.lang.model.type.ExecutableType) types.asMemberOf(as, component.getAccessor())).getReturnType();
          properties.put(name, schema(componentType, annotationsOf(record, component), record.getSimpleName() + "." + name, component));
          required.add(name);
        }
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
      } finally {
        expanding.pop();
      }
    }

    private Map<String, Object> sealed(TypeElement sealed, String where, Element element) {
      List<Object> branches = new ArrayList<>();
      for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
        TypeElement sub = (TypeElement) types.asElement(permitted);
        if (sub.getKind() == ElementKind.INTERFACE && sub.getModifiers().contains(Modifier.SEALED)) {
          // A sealed sub-interface: its records are branches of this one too.
          @SuppressWarnings("unchecked")
          List<Object> nested = (List<Object>) sealed(sub, where, element).get("anyOf");
          branches.addAll(nested);
          continue;
        }
        if (sub.getKind() != ElementKind.RECORD) {
          throw new Unsupported(sub.getSimpleName() + ", permitted by the sealed interface " + sealed.getSimpleName() + " at " + where
              + ", is not supported: the permitted types of a sealed answer type must be records", sub);
        }
        for (TypeElement known : subtypes) {
          if (known.getSimpleName().contentEquals(sub.getSimpleName()) && !known.equals(sub)) {
            throw new Unsupported(known.getQualifiedName() + " and " + sub.getQualifiedName() + " at " + where + " share the name "
                + sub.getSimpleName() + ", which answers use to say which record they are: rename one", sub);
          }
        }
        subtypes.add(sub);
        branches.add(record(sub, null, sub.getSimpleName().toString(), where));
      }
      Map<String, Object> schema = new LinkedHashMap<>();
      putDescription(schema, description(sealed.getAnnotationMirrors()));
      schema.put("anyOf", branches);
      return schema;
    }

    private TypeMirror only(DeclaredType type, String where, Element element) {
      if (type.getTypeArguments().size() != 1) {
        throw unsupported(type, where, element, "give the element type, as in List<Faq>");
      }
      TypeMirror argument = type.getTypeArguments().get(0);
      if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
        throw unsupported(type, where, element, "give a concrete element type, as in List<Faq>");
      }
      return argument;
    }
  }

  /** Annotations of a component: on the component, its accessor, its field, and its type. */
  private static List<AnnotationMirror> annotationsOf(TypeElement record, RecordComponentElement component) {
    List<AnnotationMirror> all = new ArrayList<>(component.getAnnotationMirrors());
    ExecutableElement accessor = component.getAccessor();
    if (accessor != null) {
      all.addAll(accessor.getAnnotationMirrors());
    }
    for (Element field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().equals(component.getSimpleName())) {
        all.addAll(field.getAnnotationMirrors());
      }
    }
    // One of each: the same annotation arrives through several of these.
    Map<String, AnnotationMirror> unique = new LinkedHashMap<>();
    for (AnnotationMirror mirror : all) {
      unique.putIfAbsent(name(mirror), mirror);
    }
    return List.copyOf(unique.values());
  }

  private Map<String, Object> nullable(Map<String, Object> schema, List<AnnotationMirror> annotations) {
    if (find(annotations, "NotNull") != null) {
      return schema;
    }
    Object type = schema.get("type");
    if (type instanceof String t && !schema.containsKey("enum")) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("type", List.of(t, "null"));
      return copy;
    }
    Map<String, Object> anyOf = new LinkedHashMap<>();
    anyOf.put("anyOf", List.of(schema, typed("null")));
    return anyOf;
  }

  /** Adds the constraint keywords of {@code annotations} that apply to {@code schema}'s type. */
  private void constrain(Map<String, Object> schema, List<AnnotationMirror> annotations, Element element) {
    Map<String, Object> target = schema;
    if (schema.containsKey("anyOf") && schema.get("anyOf") instanceof List<?> branches && branches.size() == 2
        && branches.get(1) instanceof Map<?, ?> last && "null".equals(last.get("type"))) {
      @SuppressWarnings("unchecked")
      Map<String, Object> first = (Map<String, Object>) branches.get(0);
      target = first; // Optional<T>: constrain T
    }
    Set<String> kinds = kinds(target);
    boolean string = kinds.contains("string");
    boolean array = kinds.contains("array");
    boolean number = kinds.contains("integer") || kinds.contains("number");
    for (AnnotationMirror mirror : annotations) {
      String constraint = constraintName(mirror);
      if (constraint == null) {
        continue;
      }
      Map<String, Object> values = values(mirror);
      switch (constraint) {
        case "NotBlank" -> {
          if (string) {
            target.putIfAbsent("minLength", 1);
            target.putIfAbsent("pattern", "\\S"); // one non-whitespace character: "   " is blank
          }
        }
        case "NotEmpty" -> {
          if (string) target.putIfAbsent("minLength", 1);
          if (array) target.putIfAbsent("minItems", 1);
        }
        case "Size" -> {
          int min = ((Number) values.get("min")).intValue();
          int max = ((Number) values.get("max")).intValue();
          if (string) {
            if (min > 0) target.put("minLength", min);
            if (max < Integer.MAX_VALUE) target.put("maxLength", max);
          } else if (array) {
            if (min > 0) target.put("minItems", min);
            if (max < Integer.MAX_VALUE) target.put("maxItems", max);
          }
        }
        case "Min" -> {
          if (number) target.put("minimum", ((Number) values.get("value")).longValue());
        }
        case "Max" -> {
          if (number) target.put("maximum", ((Number) values.get("value")).longValue());
        }
        case "DecimalMin", "DecimalMax" -> {
          if (number) {
            Number bound = decimal((String) values.get("value"), "@" + constraint, element);
            boolean inclusive = !Boolean.FALSE.equals(values.get("inclusive"));
            String key = constraint.equals("DecimalMin") ? (inclusive ? "minimum" : "exclusiveMinimum") : (inclusive ? "maximum" : "exclusiveMaximum");
            target.put(key, bound);
          }
        }
        case "Positive" -> {
          if (number) target.put("exclusiveMinimum", 0);
        }
        case "PositiveOrZero" -> {
          if (number) target.put("minimum", 0);
        }
        case "Negative" -> {
          if (number) target.put("exclusiveMaximum", 0);
        }
        case "NegativeOrZero" -> {
          if (number) target.put("maximum", 0);
        }
        case "Pattern" -> {
          if (string) target.put("pattern", values.get("regexp"));
        }
        case "Email" -> {
          if (string) target.put("format", "email");
        }
        default -> {
          // other constraints (@NotNull, @Past, ...) are checked at run time only
        }
      }
    }
  }

  private static Number decimal(String text, String constraint, Element element) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new Unsupported(constraint + "(\"" + text + "\") is not a decimal number", element);
    }
    if (Double.isInfinite(value.doubleValue())) {
      throw new Unsupported(constraint + "(\"" + text + "\") is beyond what a JSON Schema number can hold", element);
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return value.doubleValue();
    }
  }

  private static Set<String> kinds(Map<String, Object> schema) {
    Object type = schema.get("type");
    Set<String> kinds = new LinkedHashSet<>();
    if (type instanceof String s) {
      kinds.add(s);
    } else if (type instanceof List<?> list) {
      list.forEach(t -> kinds.add(String.valueOf(t)));
    }
    return kinds;
  }

  /** Every attribute of {@code mirror}, defaults included, as Java values. */
  private Map<String, Object> values(AnnotationMirror mirror) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
    }
    return values;
  }

  private String description(List<? extends AnnotationMirror> annotations) {
    AnnotationMirror mirror = null;
    for (AnnotationMirror candidate : annotations) {
      if (name(candidate).equals(DESCRIPTION)) {
        mirror = candidate;
        break;
      }
    }
    if (mirror == null) {
      return null;
    }
    Object value = values(mirror).get("value");
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static AnnotationMirror find(List<AnnotationMirror> annotations, String constraint) {
    for (AnnotationMirror mirror : annotations) {
      if (constraint.equals(constraintName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  /** {@code Size} for {@code jakarta.validation.constraints.Size} (or javax), else {@code null}. */
  private static String constraintName(AnnotationMirror mirror) {
    String name = name(mirror);
    for (String prefix : VALIDATION_PACKAGES) {
      if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
        return name.substring(prefix.length());
      }
    }
    return null;
  }

  private static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static Map<String, Object> typed(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> formatted(String format) {
    Map<String, Object> schema = typed("string");
    schema.put("format", format);
    return schema;
  }

  private static Map<String, Object> described(String description) {
    Map<String, Object> schema = typed("string");
    schema.put("description", description);
    return schema;
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    Map<String, Object> schema = typed("array");
    schema.put("items", items);
    return schema;
  }

  private static void putDescription(Map<String, Object> schema, String description) {
    if (description != null) {
      schema.put("description", description);
    }
  }

  /** {@code schema} with {@code description} right after its {@code type} (or first). */
  private static Map<String, Object> withDescription(Map<String, Object> schema, String description) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (schema.containsKey("type")) {
      result.put("type", schema.get("type"));
    }
    result.put("description", description);
    for (Map.Entry<String, Object> entry : schema.entrySet()) {
      if (!entry.getKey().equals("description")) {
        result.put(entry.getKey(), entry.getValue());
      }
    }
    return result;
  }

  private static Unsupported unsupported(TypeMirror type, String where, Element element, String hint) {
    return new Unsupported(display(type) + " at " + where + " is not supported: " + hint, element);
  }

  private static String simpleName(TypeMirror type) {
    return display(type);
  }

  /** The type as written without packages: {@code Map<String,Object>}. */
  static String display(TypeMirror type) {
    String text = type.toString();
    // Drop annotations on type uses and package qualifiers.
    text = text.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "");
    return text.replaceAll("\\b[a-z][\\w]*\\.", "").replace(" ", "");
  }
}

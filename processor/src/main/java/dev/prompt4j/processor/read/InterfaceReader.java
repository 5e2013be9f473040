package dev.prompt4j.processor.read;

import static dev.prompt4j.processor.read.Annotations.CALL;
import static dev.prompt4j.processor.read.Annotations.COMPUTED_FIELD;
import static dev.prompt4j.processor.read.Annotations.PROMPT;

import com.palantir.javapoet.ClassName;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Reporter;
import dev.prompt4j.processor.model.ComputedFieldGraph;
import dev.prompt4j.processor.model.Models.CallConfig;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.model.Models.Output;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.model.Models.ReturnShape;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.template.Template;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Role;
import dev.prompt4j.processor.template.TemplateException;
import dev.prompt4j.processor.template.TemplateParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads one prompt interface through mirrors, checks every rule, and builds its model. Every problem
 * is reported (not only the first); the model is returned only when there was no error.
 */
public final class InterfaceReader {
  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final Reporter reporter;
  private final OutputTypes outputs;
  /** The interface being read: inherited methods are seen as its members, type arguments substituted. */
  private DeclaredType self;
  private boolean base; // the interface being read is extended by another one of this compilation
  private boolean incomplete; // a base without a model for some method: nothing to generate

  public InterfaceReader(ProcessingEnvironment env, Reporter reporter) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.filer = env.getFiler();
    this.reporter = reporter;
    this.outputs = new OutputTypes(env);
  }

  /** The model of {@code type}, or empty when it has errors (all of them reported). */
  public Optional<PromptInterface> read(TypeElement type) {
    return read(type, false);
  }

  /**
   * As {@link #read(TypeElement)}; {@code base} says another prompt interface of this compilation
   * extends {@code type}. A base may leave the model ({@code @Call}) or its type arguments to the
   * interfaces that extend it: it gets no implementation then, and no error for it.
   */
  public Optional<PromptInterface> read(TypeElement type, boolean base) {
    reporter.reset();
    if (base && !type.getTypeParameters().isEmpty()) {
      return Optional.empty(); // its methods are read, with their types bound, as members of the interfaces extending it
    }
    this.base = base;
    this.incomplete = false;
    self = (DeclaredType) type.asType();
    if (!type.getTypeParameters().isEmpty()) {
      reporter.report(Diagnostic.GENERIC_INTERFACE, type, type.getQualifiedName());
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.report(Diagnostic.INACCESSIBLE_INTERFACE, type, type.getQualifiedName(), "private");
    } else {
      for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement enclosing; outer = outer.getEnclosingElement()) {
        if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
          reporter.report(Diagnostic.INACCESSIBLE_INTERFACE, type, type.getQualifiedName(), "inside private " + enclosing.getSimpleName());
          break;
        }
      }
    }
    Optional<AnnotationMirror> interfaceCall = Annotations.mirror(type, CALL);
    interfaceCall.ifPresent(mirror -> checkCall(type, mirror));

    List<ExecutableElement> promptElements = new ArrayList<>();
    Map<String, ComputedField> fields = new LinkedHashMap<>();
    for (ExecutableElement method : methodsOf(type)) {
      Optional<AnnotationMirror> prompt = Annotations.mirror(method, PROMPT);
      Optional<AnnotationMirror> computed = Annotations.mirror(method, COMPUTED_FIELD);
      Set<Modifier> modifiers = method.getModifiers();
      String described = method.getSimpleName() + "()";
      if (prompt.isPresent()) {
        if (modifiers.contains(Modifier.STATIC)) {
          reporter.report(Diagnostic.PROMPT_ON_STATIC_METHOD, method, prompt.get(), null, described);
        } else if (modifiers.contains(Modifier.PRIVATE)) {
          reporter.report(Diagnostic.PROMPT_ON_PRIVATE_METHOD, method, prompt.get(), null, described);
        } else if (modifiers.contains(Modifier.DEFAULT)) {
          reporter.report(Diagnostic.PROMPT_ON_DEFAULT_METHOD, method, prompt.get(), null, described);
        } else if (!method.getTypeParameters().isEmpty()) {
          reporter.report(Diagnostic.GENERIC_PROMPT_METHOD, method, prompt.get(), null, described,
              "<" + method.getTypeParameters().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")) + ">");
        } else {
          promptElements.add(method);
        }
      } else if (modifiers.contains(Modifier.ABSTRACT) && computed.isEmpty()) {
        // An abstract @ComputedField gets ComputedFieldNotDefault below, which says what to do.
        reporter.report(Diagnostic.MISSING_PROMPT, method, described, type.getSimpleName());
      }
      if (computed.isPresent()) {
        if (!modifiers.contains(Modifier.DEFAULT)) {
          reporter.report(Diagnostic.COMPUTED_FIELD_NOT_DEFAULT, method, computed.get(), null, described);
        } else if (!method.getTypeParameters().isEmpty()) {
          reporter.report(Diagnostic.GENERIC_COMPUTED_FIELD, method, computed.get(), null, described,
              "<" + method.getTypeParameters().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ")) + ">");
        } else if (member(method).getReturnType().getKind() == TypeKind.VOID) {
          reporter.report(Diagnostic.COMPUTED_FIELD_VOID, method, computed.get(), null, described);
        } else {
          String name = (String) Annotations.value(elements, computed.get(), "value").getValue();
          name = name.isBlank() ? method.getSimpleName().toString() : name.strip();
          List<String> parameters = method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList();
          ComputedField field = new ComputedField(method, name, member(method).getReturnType(), parameters);
          ComputedField earlier = fields.putIfAbsent(name, field);
          if (earlier != null) {
            reporter.report(Diagnostic.COMPUTED_FIELD_COLLISION, method, computed.get(), null, name,
                "another computed field, " + earlier.element().getSimpleName() + "()", name);
          }
        }
      }
    }

    checkFieldCollisions(promptElements, fields);
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (ComputedField field : fields.values()) {
      dependencies.put(field.name(), field.parameters().stream().filter(fields::containsKey).toList());
    }
    ComputedFieldGraph graph = new ComputedFieldGraph(dependencies);
    Optional<List<String>> cycle = graph.findCycle();
    if (cycle.isPresent()) {
      ComputedField first = fields.get(cycle.get().get(0));
      reporter.report(Diagnostic.COMPUTED_FIELD_CYCLE, first.element(), String.join(" -> ", cycle.get()));
      return Optional.empty();
    }

    List<PromptMethod> methods = new ArrayList<>();
    Set<String> constants = new HashSet<>(Set.of("FACTORY")); // the generated class's factory constant
    for (ExecutableElement element : promptElements) {
      readMethod(type, element, interfaceCall, fields, graph, constants).ifPresent(methods::add);
    }
    if (reporter.hasErrors() || incomplete) {
      return Optional.empty();
    }
    ClassName interfaceName = ClassName.get(type);
    ClassName implementation = ClassName.get(interfaceName.packageName(), "Prompt4j_" + String.join("_", interfaceName.simpleNames()));
    return Optional.of(new PromptInterface(type, interfaceName, implementation, List.copyOf(methods), fields));
  }

  /** Declared methods in source order, then inherited interface methods sorted by name. */
  private List<ExecutableElement> methodsOf(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>(ElementFilter.methodsIn(type.getEnclosedElements()));
    List<ExecutableElement> inherited = new ArrayList<>();
    for (ExecutableElement member : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (member.getEnclosingElement().equals(type) || member.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
        continue;
      }
      if (member.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      inherited.add(member);
    }
    inherited.sort(java.util.Comparator.comparing((ExecutableElement m) -> m.getSimpleName().toString())
        .thenComparing(m -> m.getEnclosingElement().toString()));
    methods.addAll(inherited);
    // A method redeclared by two super-interfaces (a diamond) is one method; so is one that
    // java.lang.Object implements (toString, equals, hashCode redeclared).
    List<ExecutableElement> distinct = new ArrayList<>();
    TypeElement object = elements.getTypeElement("java.lang.Object");
    for (ExecutableElement method : methods) {
      boolean objectMethod = ElementFilter.methodsIn(object.getEnclosedElements()).stream()
          .anyMatch(o -> o.getModifiers().contains(Modifier.PUBLIC) && o.getSimpleName().equals(method.getSimpleName())
              && types.isSubsignature((ExecutableType) o.asType(), member(method)));
      boolean seen = distinct.stream().anyMatch(d -> d.getSimpleName().equals(method.getSimpleName())
          && types.isSubsignature(member(d), member(method)));
      if (!objectMethod && !seen) {
        distinct.add(method);
      }
    }
    return distinct;
  }

  private void checkFieldCollisions(List<ExecutableElement> prompts, Map<String, ComputedField> fields) {
    for (ComputedField field : fields.values()) {
      for (ExecutableElement prompt : prompts) {
        boolean clash = prompt.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(field.name()));
        if (clash) {
          reporter.report(Diagnostic.COMPUTED_FIELD_COLLISION, field.element(), Annotations.mirror(field.element(), COMPUTED_FIELD).orElseThrow(), null,
              field.name(), "a parameter of " + prompt.getSimpleName() + "()", field.name());
          break;
        }
      }
    }
  }

  private Optional<PromptMethod> readMethod(
      TypeElement type, ExecutableElement method, Optional<AnnotationMirror> interfaceCall, Map<String, ComputedField> fields,
      ComputedFieldGraph graph, Set<String> constants) {
    String name = method.getSimpleName().toString();
    AnnotationMirror prompt = Annotations.mirror(method, PROMPT).orElseThrow();
    Optional<AnnotationMirror> methodCall = Annotations.mirror(method, CALL);
    methodCall.ifPresent(mirror -> checkCall(method, mirror));
    // An inherited method takes the @Call of the interface that declares it, before the one being read.
    Element declaring = method.getEnclosingElement();
    Optional<AnnotationMirror> defaultCall =
        declaring.equals(type) ? interfaceCall : Annotations.mirror(declaring, CALL).or(() -> interfaceCall);
    CallConfig call = null;
    if (methodCall.isEmpty() && defaultCall.isEmpty()) {
      if (base) {
        incomplete = true;
      } else {
        reporter.report(Diagnostic.MISSING_CALL, method, name + "()", type.getSimpleName());
      }
    } else {
      call = callConfig(methodCall.orElse(null), defaultCall.orElse(null));
    }

    TypeMirror returnType = member(method).getReturnType();
    Optional<Output> output = outputs.read(method, returnType, reporter);
    ReturnShape shape = outputs.shape(returnType);

    Optional<String> text = templateText(method, prompt);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue templateValue = Annotations.explicitValue(prompt, "value").or(() -> Annotations.explicitValue(prompt, "file")).orElse(null);
    Template template;
    try {
      template = TemplateParser.parse(text.get());
    } catch (TemplateException e) {
      reporter.report(e.diagnostic(), method, prompt, templateValue, e.arguments());
      return Optional.empty();
    }

    Map<String, VariableElement> parameters = new LinkedHashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.put(parameter.getSimpleName().toString(), parameter);
    }
    Set<String> candidates = new LinkedHashSet<>(parameters.keySet());
    candidates.addAll(fields.keySet());
    Map<Placeholder, ValueAccess> values = new LinkedHashMap<>();
    List<String> rootFields = new ArrayList<>();
    for (Template.Section section : template.sections()) {
      for (Template.Segment segment : section.segments()) {
        if (!(segment instanceof Placeholder placeholder)) {
          continue;
        }
        ValueAccess access = resolve(method, prompt, templateValue, placeholder, parameters, fields, candidates);
        if (access == null) {
          continue;
        }
        if (!checkShape(method, prompt, templateValue, placeholder, access, section.role())) {
          continue;
        }
        values.put(placeholder, access);
        if (access.field() && !rootFields.contains(access.root())) {
          rootFields.add(access.root());
        }
      }
    }

    List<ComputedField> needed = new ArrayList<>();
    Set<String> usedParameters = new HashSet<>();
    values.values().stream().filter(v -> !v.field()).forEach(v -> usedParameters.add(v.root()));
    for (String fieldName : graph.closure(rootFields)) {
      ComputedField field = fields.get(fieldName);
      needed.add(field);
      List<? extends VariableElement> fieldParameters = field.element().getParameters();
      List<? extends TypeMirror> fieldParameterTypes = member(field.element()).getParameterTypes();
      for (int index = 0; index < fieldParameters.size(); index++) {
        VariableElement fieldParameter = fieldParameters.get(index);
        TypeMirror fieldParameterType = fieldParameterTypes.get(index);
        String parameterName = fieldParameter.getSimpleName().toString();
        TypeMirror provided;
        String provider;
        if (parameters.containsKey(parameterName)) {
          usedParameters.add(parameterName);
          provided = parameterType(method, parameterName);
          provider = "parameter '" + parameterName + "' of " + name + "()";
        } else if (fields.containsKey(parameterName)) {
          provided = fields.get(parameterName).type();
          provider = "computed field '" + parameterName + "'";
        } else {
          String suggestion = Suggestions.closest(parameterName, candidates);
          reporter.report(Diagnostic.UNPROVIDED_FIELD_PARAMETER, fieldParameter, parameterName, field.element().getSimpleName() + "()",
              name + "()", parameterName, suggestion == null ? "" : "; did you mean '" + suggestion + "'?");
          continue;
        }
        if (!types.isAssignable(provided, fieldParameterType)) {
          reporter.report(Diagnostic.FIELD_PARAMETER_TYPE, fieldParameter, parameterName, field.element().getSimpleName() + "()",
              fieldParameterType, provider, provided);
        }
      }
    }
    for (VariableElement parameter : method.getParameters()) {
      String parameterName = parameter.getSimpleName().toString();
      if (!usedParameters.contains(parameterName)) {
        reporter.report(Diagnostic.UNUSED_PARAMETER, parameter, parameterName, name + "()", parameterName);
      }
    }
    if (call == null || output.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue maxAttemptsValue = Annotations.value(elements, prompt, "maxAttempts");
    int maxAttempts = (Integer) maxAttemptsValue.getValue();
    if (maxAttempts < 0) {
      reporter.report(Diagnostic.INVALID_MAX_ATTEMPTS, method, prompt, maxAttemptsValue, maxAttempts, name + "()");
      return Optional.empty();
    }
    String constant = constantName(name, constants);
    return Optional.of(new PromptMethod(method, name, constant, call, template, hash(TemplateParser.normalize(text.get())), shape, output.get(),
        values, List.copyOf(needed), maxAttempts));
  }

  private ValueAccess resolve(
      ExecutableElement method, AnnotationMirror prompt, AnnotationValue templateValue, Placeholder placeholder,
      Map<String, VariableElement> parameters, Map<String, ComputedField> fields, Set<String> candidates) {
    TypeMirror type;
    boolean field;
    if (parameters.containsKey(placeholder.name())) {
      type = parameterType(method, placeholder.name());
      field = false;
    } else if (fields.containsKey(placeholder.name())) {
      type = fields.get(placeholder.name()).type();
      field = true;
    } else {
      String suggestion = Suggestions.closest(placeholder.name(), candidates);
      reporter.report(Diagnostic.UNKNOWN_PLACEHOLDER, method, prompt, templateValue, placeholder.name(), method.getSimpleName() + "()",
          suggestion == null ? "; its parameters and computed fields are " + candidates : "; did you mean {" + suggestion + "}?");
      return null;
    }
    List<String> accessors = new ArrayList<>();
    String reached = placeholder.name();
    for (String component : placeholder.path()) {
      Optional<ExecutableElement> accessor = Accessors.find(types, elements, type, component);
      if (accessor.isEmpty()) {
        List<String> known = Accessors.names(types, elements, type);
        String suggestion = Suggestions.closest(component, known);
        reporter.report(Diagnostic.UNKNOWN_COMPONENT, method, prompt, templateValue, placeholder.source(), reached + " (" + type + ")", component,
            suggestion != null ? "; did you mean {" + reached + "." + suggestion + "}?" : known.isEmpty() ? "" : "; it has " + known);
        return null;
      }
      accessors.add(accessor.get().getSimpleName().toString());
      type = Accessors.returnType(types, type, accessor.get());
      reached = reached + "." + component;
    }
    return new ValueAccess(placeholder.name(), field, List.copyOf(accessors), type);
  }

  private boolean checkShape(
      ExecutableElement method, AnnotationMirror prompt, AnnotationValue templateValue, Placeholder placeholder, ValueAccess access, Role role) {
    String described = placeholder.source().replace("{", "").replace("}", "").replaceAll(":.*", "");
    if (role == Role.MESSAGES) {
      TypeElement chatMessage = elements.getTypeElement(Annotations.CHAT_MESSAGE);
      TypeElement list = elements.getTypeElement("java.util.List");
      if (chatMessage != null) {
        TypeMirror wanted = types.getDeclaredType(list, types.getWildcardType(chatMessage.asType(), null));
        if (!types.isAssignable(access.type(), wanted)) {
          reporter.report(Diagnostic.MESSAGES_TYPE, method, prompt, templateValue, described, described, access.type());
          return false;
        }
      }
      return true;
    }
    boolean objectArray = access.type() instanceof ArrayType array && !array.getComponentType().getKind().isPrimitive();
    if ("list".equals(placeholder.format()) && !isIterable(access.type()) && !objectArray) {
      reporter.report(Diagnostic.FORMAT_SHAPE, method, prompt, templateValue, placeholder.source(), "list", "an Iterable or an array of objects",
          described, access.type());
      return false;
    }
    if ("lists".equals(placeholder.format()) && !isIterableOfIterables(access.type())) {
      reporter.report(Diagnostic.FORMAT_SHAPE, method, prompt, templateValue, placeholder.source(), "lists", "an Iterable of Iterables", described, access.type());
      return false;
    }
    return true;
  }

  private boolean isIterable(TypeMirror type) {
    TypeElement iterable = elements.getTypeElement("java.lang.Iterable");
    return types.isAssignable(types.erasure(type), types.erasure(iterable.asType()));
  }

  private boolean isIterableOfIterables(TypeMirror type) {
    TypeElement iterable = elements.getTypeElement("java.lang.Iterable");
    TypeMirror anyIterable = types.getDeclaredType(iterable, types.getWildcardType(null, null));
    TypeMirror wanted = types.getDeclaredType(iterable, types.getWildcardType(anyIterable, null));
    return types.isAssignable(type, wanted);
  }

  private Optional<String> templateText(ExecutableElement method, AnnotationMirror prompt) {
    String value = (String) Annotations.value(elements, prompt, "value").getValue();
    String file = (String) Annotations.value(elements, prompt, "file").getValue();
    if (value.isEmpty() == file.isEmpty()) {
      reporter.report(Diagnostic.TEMPLATE_SOURCE, method, prompt, null, method.getSimpleName() + "()",
          value.isEmpty() ? "sets neither value nor file" : "sets both value and file");
      return Optional.empty();
    }
    if (!value.isEmpty()) {
      return Optional.of(value);
    }
    String path = file.startsWith("/") ? file.substring(1) : file;
    for (StandardLocation location : List.of(StandardLocation.CLASS_PATH, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT)) {
      try {
        FileObject resource = filer.getResource(location, "", path);
        return Optional.of(resource.getCharContent(true).toString());
      } catch (IOException | IllegalArgumentException e) {
        // not in this location
      }
    }
    reporter.report(Diagnostic.TEMPLATE_FILE_NOT_FOUND, method, prompt, Annotations.explicitValue(prompt, "file").orElse(null), file,
        method.getSimpleName() + "()");
    return Optional.empty();
  }

  private void checkCall(javax.lang.model.element.Element element, AnnotationMirror mirror) {
    for (String attribute : List.of("provider", "model")) {
      AnnotationValue value = Annotations.value(elements, mirror, attribute);
      if (value.getValue() instanceof String s && s.isBlank()) {
        reporter.report(Diagnostic.BLANK_CALL_VALUE, element, mirror, value, attribute, attribute);
      }
    }
    AnnotationValue fallbacks = Annotations.value(elements, mirror, "fallbacks");
    for (String fallback : Annotations.strings(fallbacks)) {
      int colon = fallback.indexOf(':');
      if (colon <= 0 || colon == fallback.length() - 1 || fallback.isBlank()) {
        reporter.report(Diagnostic.INVALID_FALLBACK, element, mirror, fallbacks, fallback);
      }
    }
    // Parameters that no provider accepts: found here rather than as an HTTP 400 at run time.
    Annotations.explicitValue(mirror, "temperature").ifPresent(value -> {
      double t = (Double) value.getValue();
      if (!(t >= 0 && t <= 2)) {
        reporter.report(Diagnostic.INVALID_CALL_PARAMETER, element, mirror, value, "temperature = " + t, "between 0 and 2");
      }
    });
    Annotations.explicitValue(mirror, "topP").ifPresent(value -> {
      double p = (Double) value.getValue();
      if (!(p > 0 && p <= 1)) {
        reporter.report(Diagnostic.INVALID_CALL_PARAMETER, element, mirror, value, "topP = " + p, "above 0 and at most 1");
      }
    });
    Annotations.explicitValue(mirror, "maxTokens").ifPresent(value -> {
      int tokens = (Integer) value.getValue();
      if (tokens < 1) {
        reporter.report(Diagnostic.INVALID_CALL_PARAMETER, element, mirror, value, "maxTokens = " + tokens, "at least 1");
      }
    });
  }

  private CallConfig callConfig(AnnotationMirror method, AnnotationMirror type) {
    AnnotationMirror primary = method != null ? method : type;
    String provider = (String) Annotations.value(elements, primary, "provider").getValue();
    String model = (String) Annotations.value(elements, primary, "model").getValue();
    Double temperature = doubleParameter(method, type, "temperature");
    Double topP = doubleParameter(method, type, "topP");
    Integer maxTokens = (Integer) parameter(method, type, "maxTokens", v -> (Integer) v != -1);
    Long seed = (Long) parameter(method, type, "seed", v -> (Long) v != Long.MIN_VALUE);
    @SuppressWarnings("unchecked")
    List<String> stop = Optional.ofNullable(parameter(method, type, "stop", v -> !((List<?>) v).isEmpty()))
        .map(v -> ((List<? extends AnnotationValue>) v).stream().map(a -> (String) a.getValue()).toList())
        .orElse(List.of());
    @SuppressWarnings("unchecked")
    List<String> fallbacks = Optional.ofNullable(parameter(method, type, "fallbacks", v -> !((List<?>) v).isEmpty()))
        .map(v -> ((List<? extends AnnotationValue>) v).stream().map(a -> (String) a.getValue()).toList())
        .orElse(List.of());
    return new CallConfig(provider, model, temperature, maxTokens, topP, stop, seed, fallbacks);
  }

  private Double doubleParameter(AnnotationMirror method, AnnotationMirror type, String name) {
    return (Double) parameter(method, type, name, v -> !Double.isNaN((Double) v));
  }

  /** The method's explicit value if set, else the interface's, else {@code null}. */
  private Object parameter(AnnotationMirror method, AnnotationMirror type, String name, java.util.function.Predicate<Object> isSet) {
    for (AnnotationMirror mirror : new AnnotationMirror[] {method, type}) {
      if (mirror == null) {
        continue;
      }
      Optional<AnnotationValue> value = Annotations.explicitValue(mirror, name);
      if (value.isPresent() && isSet.test(value.get().getValue())) {
        return value.get().getValue();
      }
    }
    return null;
  }

  /** The descriptor constant of a method; its schema constant, when it has one, is the same plus {@code _SCHEMA}. */
  /** {@code method} as a member of the interface being read (type variables of generic super-interfaces bound). */
  private ExecutableType member(ExecutableElement method) {
    return (ExecutableType) types.asMemberOf(self, method);
  }

  private TypeMirror parameterType(ExecutableElement method, String parameter) {
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).getSimpleName().contentEquals(parameter)) {
        return member(method).getParameterTypes().get(i);
      }
    }
    throw new IllegalArgumentException(parameter);
  }

  private static String constantName(String method, Set<String> taken) {
    String base = method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    String name = base;
    for (int i = 2; taken.contains(name) || taken.contains(name + "_SCHEMA"); i++) {
      name = base + "_" + i;
    }
    taken.add(name);
    taken.add(name + "_SCHEMA");
    return name;
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.prompt4j.processor.graph;

import dev.prompt4j.processor.bind.BoundMethod;
import dev.prompt4j.processor.declare.Declarations;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.model.ComputedFieldGraph;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.read.Members;
import dev.prompt4j.processor.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Stage 4: the computed-field graph. No cycle; for each prompt method, the fields it needs (dependencies
 * first), each field parameter provided with a fitting type, and every method parameter used.
 */
public final class FieldGraphValidator {
  private final Types types;

  public FieldGraphValidator(Types types) {
    this.types = types;
  }

  /** The computed fields each method needs, dependencies first, by method. */
  public Result<Map<ExecutableElement, List<ComputedField>>> validate(Declarations declarations, List<BoundMethod> methods) {
    Report.Builder report = new Report.Builder();
    Map<String, ComputedField> fields = declarations.fields();
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (ComputedField field : fields.values()) {
      dependencies.put(field.name(), field.parameters().stream().filter(fields::containsKey).toList());
    }
    ComputedFieldGraph graph = new ComputedFieldGraph(dependencies);
    Optional<List<String>> cycle = graph.findCycle();
    if (cycle.isPresent()) {
      ComputedField first = fields.get(cycle.get().get(0));
      report.report(Diagnostic.COMPUTED_FIELD_CYCLE, first.element(), String.join(" -> ", cycle.get()));
      return Result.stop(report.build());
    }
    Map<ExecutableElement, List<ComputedField>> needed = new LinkedHashMap<>();
    for (BoundMethod method : methods) {
      needed.put(method.element(), needed(declarations, graph, method, report));
    }
    return Result.of(needed, report.build());
  }

  private List<ComputedField> needed(Declarations declarations, ComputedFieldGraph graph, BoundMethod bound, Report.Builder report) {
    ExecutableElement method = bound.element();
    Members members = declarations.members();
    Map<String, ComputedField> fields = declarations.fields();
    String name = method.getSimpleName() + "()";
    Set<String> parameters = new LinkedHashSet<>();
    method.getParameters().forEach(p -> parameters.add(p.getSimpleName().toString()));
    Set<String> used = new HashSet<>();
    bound.values().values().stream().filter(v -> !v.field()).map(ValueAccess::root).forEach(used::add);
    List<ComputedField> needed = new ArrayList<>();
    // Inside a method its own parameters name their values: a field parameter named like one of them
    // takes the caller's argument, so the field of that name is no dependency here.
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    graph.fields().forEach(f -> dependencies.put(f, graph.dependenciesOf(f).stream().filter(d -> !parameters.contains(d)).toList()));
    for (String fieldName : new ComputedFieldGraph(dependencies).closure(bound.rootFields())) {
      ComputedField field = fields.get(fieldName);
      needed.add(field);
      List<? extends VariableElement> fieldParameters = field.element().getParameters();
      List<? extends TypeMirror> fieldParameterTypes = members.member(field.element()).getParameterTypes();
      for (int index = 0; index < fieldParameters.size(); index++) {
        VariableElement fieldParameter = fieldParameters.get(index);
        String parameterName = fieldParameter.getSimpleName().toString();
        TypeMirror provided;
        String provider;
        if (parameters.contains(parameterName)) {
          used.add(parameterName);
          provided = members.parameterType(method, parameterName);
          provider = "parameter '" + parameterName + "' of " + name;
        } else if (fields.containsKey(parameterName)) {
          provided = fields.get(parameterName).type();
          provider = "computed field '" + parameterName + "'";
        } else {
          Set<String> candidates = new LinkedHashSet<>(parameters);
          candidates.addAll(fields.keySet());
          String suggestion = Suggestions.closest(parameterName, candidates);
          report.report(Diagnostic.UNPROVIDED_FIELD_PARAMETER, fieldParameter, parameterName, field.element().getSimpleName() + "()",
              name, parameterName, suggestion == null ? "" : "; did you mean '" + suggestion + "'?");
          continue;
        }
        TypeMirror wanted = fieldParameterTypes.get(index);
        if (!types.isAssignable(provided, wanted) && parameters.contains(parameterName) && fields.containsKey(parameterName)
            && types.isAssignable(fields.get(parameterName).type(), wanted)) {
          // The one ambiguous case: the field of that name would fit, the parameter hiding it does not.
          VariableElement hiding = method.getParameters().stream().filter(p -> p.getSimpleName().contentEquals(parameterName)).findFirst().orElseThrow();
          report.report(Diagnostic.PARAMETER_HIDES_FIELD, hiding, parameterName, name, provided, parameterName, fields.get(parameterName).type(),
              field.element().getSimpleName() + "()", wanted, wanted);
        } else if (!types.isAssignable(provided, wanted)) {
          report.report(Diagnostic.FIELD_PARAMETER_TYPE, fieldParameter, parameterName, field.element().getSimpleName() + "()",
              wanted, provider, provided);
        }
      }
    }
    for (VariableElement parameter : method.getParameters()) {
      String parameterName = parameter.getSimpleName().toString();
      if (!used.contains(parameterName) && !dev.prompt4j.processor.tools.ToolClassReader.isToolType(parameter.asType(), types)) {
        report.report(Diagnostic.UNUSED_PARAMETER, parameter, parameterName, name, parameterName);
      }
    }
    return List.copyOf(needed);
  }
}

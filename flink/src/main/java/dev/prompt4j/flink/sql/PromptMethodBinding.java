package dev.prompt4j.flink.sql;

import dev.prompt4j.Response;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * How a model's declared columns map to a prompt method: input columns to its parameters by position,
 * output columns to the components of its record answer by name (or to a scalar answer, one column).
 * Checked when the model is planned, so a mismatch fails {@code ML_PREDICT} before the job runs.
 *
 * <p>The mapping is read by reflection over the interface and the answer record, at planning and in
 * {@code open()}; the processor does not generate it (yet). Supported column types: {@code STRING}
 * ({@code String}, enums by name), {@code BOOLEAN}, {@code INT}, {@code BIGINT}, {@code FLOAT}, {@code
 * DOUBLE} and their boxed types.
 */
final class PromptMethodBinding implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Shape { PLAIN, RESPONSE, FUTURE, FUTURE_RESPONSE }

  final String interfaceName;
  final String methodName;
  final List<LogicalTypeRoot> inputTypes;
  final List<String> outputComponents; // null: the answer itself is the one output column
  final List<LogicalTypeRoot> outputTypes;

  private PromptMethodBinding(String interfaceName, String methodName, List<LogicalTypeRoot> inputTypes,
      List<String> outputComponents, List<LogicalTypeRoot> outputTypes) {
    this.interfaceName = interfaceName;
    this.methodName = methodName;
    this.inputTypes = inputTypes;
    this.outputComponents = outputComponents;
    this.outputTypes = outputTypes;
  }

  /**
   * Binds {@code prompt} ({@code com.acme.TicketTriage#classify}) to the model's schemas.
   *
   * @throws ValidationException naming the model, the column and the method when they do not match
   */
  static PromptMethodBinding bind(String model, String prompt, ResolvedSchema input, ResolvedSchema output, ClassLoader loader) {
    int hash = prompt == null ? -1 : prompt.indexOf('#');
    if (hash <= 0 || hash == prompt.length() - 1) {
      throw new ValidationException("Model " + model + ": option 'prompt' must be <interface>#<method>, such as "
          + "'com.acme.TicketTriage#classify', not '" + prompt + "'");
    }
    String interfaceName = prompt.substring(0, hash);
    String methodName = prompt.substring(hash + 1);
    Method method = method(model, interfaceName, methodName, loader);
    String where = "Model " + model + " (" + interfaceName + "#" + methodName + ")";

    List<Column> inputs = input.getColumns();
    Type[] parameters = method.getGenericParameterTypes();
    if (inputs.size() != parameters.length) {
      throw new ValidationException(where + ": INPUT declares " + inputs.size() + " column(s) " + names(inputs)
          + " but the method takes " + parameters.length + " parameter(s)");
    }
    List<LogicalTypeRoot> inputTypes = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      LogicalType type = inputs.get(i).getDataType().getLogicalType();
      check(where, "INPUT column " + inputs.get(i).getName() + " (" + type + ")", type, parameters[i],
          "parameter " + (i + 1) + " (" + method.getParameters()[i].getName() + ")");
      inputTypes.add(type.getTypeRoot());
    }

    Type answer = answerType(method.getGenericReturnType());
    List<Column> outputs = output.getColumns();
    List<LogicalTypeRoot> outputTypes = new ArrayList<>();
    List<String> components = null;
    if (answer instanceof Class<?> c && c.isRecord()) {
      components = new ArrayList<>();
      for (Column column : outputs) {
        RecordComponent component = component(c, column.getName());
        if (component == null) {
          List<String> known = new ArrayList<>();
          for (RecordComponent rc : c.getRecordComponents()) known.add(rc.getName());
          throw new ValidationException(where + ": OUTPUT column " + column.getName() + " matches no component of the answer "
              + c.getSimpleName() + known + "; name the output columns after the record's components");
        }
        LogicalType type = column.getDataType().getLogicalType();
        check(where, "OUTPUT column " + column.getName() + " (" + type + ")", type, component.getGenericType(),
            "component " + c.getSimpleName() + "." + component.getName());
        components.add(component.getName());
        outputTypes.add(type.getTypeRoot());
      }
    } else {
      if (outputs.size() != 1) {
        throw new ValidationException(where + ": the method answers " + answer.getTypeName()
            + ", one value, so OUTPUT must declare exactly one column, not " + names(outputs));
      }
      LogicalType type = outputs.get(0).getDataType().getLogicalType();
      check(where, "OUTPUT column " + outputs.get(0).getName() + " (" + type + ")", type, answer, "the answer");
      outputTypes.add(type.getTypeRoot());
    }
    return new PromptMethodBinding(interfaceName, methodName, List.copyOf(inputTypes), components == null ? null : List.copyOf(components),
        List.copyOf(outputTypes));
  }

  static Method method(String model, String interfaceName, String methodName, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(interfaceName, false, loader);
    } catch (ClassNotFoundException e) {
      throw new ValidationException("Model " + model + ": prompt interface " + interfaceName + " is not on the class path", e);
    }
    Method found = null;
    for (Method m : type.getMethods()) {
      if (m.getName().equals(methodName) && !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        if (found != null) {
          throw new ValidationException("Model " + model + ": " + interfaceName + " has more than one method " + methodName
              + "; give the one for SQL a name of its own");
        }
        found = m;
      }
    }
    if (found == null) {
      throw new ValidationException("Model " + model + ": " + interfaceName + " has no prompt method " + methodName);
    }
    return found;
  }

  static Shape shape(Method method) {
    Class<?> raw = method.getReturnType();
    if (raw == CompletableFuture.class) {
      Type inner = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
      return rawClass(inner) == Response.class ? Shape.FUTURE_RESPONSE : Shape.FUTURE;
    }
    return raw == Response.class ? Shape.RESPONSE : Shape.PLAIN;
  }

  private static Type answerType(Type type) {
    while (rawClass(type) == CompletableFuture.class || rawClass(type) == Response.class) {
      type = ((ParameterizedType) type).getActualTypeArguments()[0];
    }
    return type;
  }

  private static Class<?> rawClass(Type type) {
    return type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
  }

  private static RecordComponent component(Class<?> record, String name) {
    for (RecordComponent rc : record.getRecordComponents()) {
      if (rc.getName().equals(name)) return rc;
    }
    for (RecordComponent rc : record.getRecordComponents()) {
      if (rc.getName().equalsIgnoreCase(name)) return rc;
    }
    return null;
  }

  private static void check(String where, String column, LogicalType sqlType, Type javaType, String what) {
    Class<?> c = rawClass(javaType);
    boolean ok = switch (sqlType.getTypeRoot()) {
      case CHAR, VARCHAR -> c == String.class || c.isEnum();
      case BOOLEAN -> c == boolean.class || c == Boolean.class;
      case INTEGER -> c == int.class || c == Integer.class;
      case BIGINT -> c == long.class || c == Long.class;
      case FLOAT -> c == float.class || c == Float.class;
      case DOUBLE -> c == double.class || c == Double.class;
      default -> false;
    };
    if (!ok) {
      throw new ValidationException(where + ": " + column + " does not fit " + what + " of type " + javaType.getTypeName()
          + "; " + expected(c));
    }
  }

  private static String expected(Class<?> c) {
    if (c == String.class || c.isEnum()) return "declare it STRING";
    if (c == boolean.class || c == Boolean.class) return "declare it BOOLEAN";
    if (c == int.class || c == Integer.class) return "declare it INT";
    if (c == long.class || c == Long.class) return "declare it BIGINT";
    if (c == float.class || c == Float.class) return "declare it FLOAT";
    if (c == double.class || c == Double.class) return "declare it DOUBLE";
    return "supported types are STRING (String, enums), BOOLEAN, INT, BIGINT, FLOAT and DOUBLE";
  }

  private static String names(List<Column> columns) {
    List<String> names = new ArrayList<>();
    for (Column c : columns) names.add(c.getName());
    return names.toString();
  }

  /** The method's arguments from an input row. */
  Object[] arguments(Method method, RowData row) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (row.isNullAt(i)) {
        if (types[i].isPrimitive()) {
          throw new IllegalArgumentException(interfaceName + "#" + methodName + ": input column " + (i + 1) + " is NULL, but the parameter is "
              + types[i] + "; filter NULLs out or use a boxed parameter");
        }
        continue;
      }
      args[i] = switch (inputTypes.get(i)) {
        case CHAR, VARCHAR -> types[i].isEnum() ? enumValue(types[i], row.getString(i).toString()) : row.getString(i).toString();
        case BOOLEAN -> row.getBoolean(i);
        case INTEGER -> row.getInt(i);
        case BIGINT -> row.getLong(i);
        case FLOAT -> row.getFloat(i);
        case DOUBLE -> row.getDouble(i);
        default -> throw new IllegalStateException("unchecked type " + inputTypes.get(i));
      };
    }
    return args;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    try {
      return Enum.valueOf((Class) type, name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "' is no constant of " + type.getSimpleName(), e);
    }
  }

  /** The output row of an answer; {@code null} gives a row of NULLs. */
  RowData row(Object answer) {
    GenericRowData row = new GenericRowData(outputTypes.size());
    if (answer == null) {
      return row;
    }
    try {
      for (int i = 0; i < outputTypes.size(); i++) {
        Object value = outputComponents == null ? answer
            : answer.getClass().getMethod(outputComponents.get(i)).invoke(answer);
        row.setField(i, value == null ? null : value instanceof Enum<?> e ? StringData.fromString(e.name())
            : value instanceof String s ? StringData.fromString(s) : value);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the answer " + answer.getClass().getName() + " of " + interfaceName + "#" + methodName, e);
    }
    return row;
  }
}

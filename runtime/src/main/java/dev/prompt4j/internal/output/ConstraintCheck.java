package dev.prompt4j.internal.output;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a parsed answer against the Bean Validation constraints of its records, cascading into
 * nested records, list elements and {@code Optional} values without {@code @Valid}: users put
 * {@code @Size(min = 10, max = 10) List<Faq>} on one record and {@code @NotBlank} on {@code Faq}'s
 * components and expect both checked. {@code @Valid} where present changes nothing (duplicates are
 * dropped).
 *
 * <p>The validator is built once, with {@link ParameterMessageInterpolator} (no expression language
 * needed) and English messages whatever the JVM's locale, since they are sent back to the model.
 */
final class ConstraintCheck {
  private ConstraintCheck() {}

  private static final class Holder {
    static final Validator VALIDATOR =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ROOT), Locale.ROOT, false))
            .buildValidatorFactory()
            .getValidator();
  }

  /** Every violation as {@code path: message (was value)}, sorted by path. */
  static List<String> violations(Object value) {
    List<String[]> found = new ArrayList<>();
    walk(value, "", found, new IdentityHashMap<>(8));
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort((a, b) -> a[0].compareTo(b[0]));
    Set<String> lines = new LinkedHashSet<>();
    for (String[] v : found) {
      lines.add(v[1]);
    }
    return List.copyOf(lines);
  }

  private static void walk(Object value, String path, List<String[]> found, Map<Object, Boolean> seen) {
    if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
        || seen.put(value, Boolean.TRUE) != null) {
      return; // a leaf has no constraints of its own; the record holding it was validated
    }
    if (value instanceof Optional<?> optional) {
      optional.ifPresent(inner -> walk(inner, path, found, seen));
    } else if (value instanceof Collection<?> collection) {
      int i = 0;
      for (Object element : collection) {
        walk(element, path + "[" + i++ + "]", found, seen);
      }
    } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        walk(Array.get(value, i), path + "[" + i + "]", found, seen);
      }
    } else if (value instanceof Record record) {
      for (ConstraintViolation<Record> violation : Holder.VALIDATOR.validate(record)) {
        String property = violation.getPropertyPath().toString();
        String full = path.isEmpty() ? property : property.isEmpty() ? path : path + (property.startsWith("[") ? "" : ".") + property;
        String line = (full.isEmpty() ? "the answer" : full) + ": " + violation.getMessage() + " (was " + show(violation.getInvalidValue()) + ")";
        found.add(new String[] {full, line});
      }
      for (RecordComponent component : CHILDREN.get(record.getClass())) {
        Object child = read(component.getAccessor(), record);
        walk(child, path.isEmpty() ? component.getName() : path + "." + component.getName(), found, seen);
      }
    }
  }

  /**
   * The components of a record class that may hold something to cascade into, worked out once per
   * class: a String, number, boolean, enum or java.time value has no constraints of its own to walk.
   */
  private static final ClassValue<List<RecordComponent>> CHILDREN = new ClassValue<>() {
    @Override
    protected List<RecordComponent> computeValue(Class<?> type) {
      List<RecordComponent> children = new ArrayList<>();
      for (RecordComponent component : type.getRecordComponents()) {
        Class<?> declared = component.getType();
        if (!(declared.isPrimitive() || declared == String.class || Number.class.isAssignableFrom(declared) || declared == Boolean.class
            || declared == Character.class || declared.isEnum() || declared.getName().startsWith("java.time."))) {
          try {
            component.getAccessor().setAccessible(true);
          } catch (RuntimeException e) {
            // a record of a module closed to Prompt4j: read() says so if a public accessor cannot be called either
          }
          children.add(component);
        }
      }
      return List.copyOf(children);
    }
  };

  /**
   * The component's value. One that cannot be read is an error, never a silent skip: its nested
   * constraints would go unchecked.
   */
  private static Object read(Method accessor, Object record) {
    try {
      return accessor.invoke(record); // made accessible once, in CHILDREN
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Cannot check the constraints inside " + record.getClass().getName() + "." + accessor.getName()
          + "(): its accessor threw " + e.getCause(), e.getCause());
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalStateException("Cannot check the constraints inside " + record.getClass().getName() + "." + accessor.getName()
          + "(): it cannot be read (" + e + "); make the record public, or open its package to Prompt4j's module", e);
    }
  }

  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Collection<?> c) {
      return c.size() + (c.size() == 1 ? " item" : " items");
    }
    if (value instanceof Map<?, ?> m) {
      return m.size() + (m.size() == 1 ? " entry" : " entries");
    }
    if (value instanceof CharSequence s) {
      String text = s.toString().replaceAll("[\\r\\n\\t]+", " ");
      return "'" + (text.length() <= 80 ? text : text.substring(0, 80) + "...") + "'";
    }
    if (value instanceof Optional<?> o) {
      return o.map(ConstraintCheck::show).orElse("empty");
    }
    return JsonExtractor.abbreviate(String.valueOf(value), 80);
  }
}

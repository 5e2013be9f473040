package dev.prompt4j.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one object mapper that reads structured answers, built once.
 *
 * <p>Configured for what the schema promises and models send: Java time and {@code Optional}
 * support, enum constants and property names in any case, a single value where an array is expected,
 * and unknown properties rejected (the schema says {@code additionalProperties: false}, and an
 * unknown key is most often a misspelt one whose value would otherwise be lost silently).
 *
 * <p>Sealed interfaces of records are read without annotations on user types: the answer names the
 * record in a {@value #DISCRIMINATOR} property holding its simple name, and the permitted records
 * are registered by generated code ({@link #registerSubtypes}), never found by scanning.
 */
public final class OutputMapper {
  /** The property that names the record of a sealed interface in an answer. */
  public static final String DISCRIMINATOR = "type";

  // sealed interface -> simple name -> record
  // Kept with each sealed interface's class, so no global map holds an application's class loader.
  private static final ClassValue<Map<String, Class<?>>> SUBTYPES = new ClassValue<>() {
    @Override
    protected Map<String, Class<?>> computeValue(Class<?> sealedInterface) {
      return new ConcurrentHashMap<>();
    }
  };

  static final ObjectMapper MAPPER = build();

  /**
   * Reads only answers that are exactly right: every property present and non-null, names and enum
   * constants as declared, no coercion between JSON types. What it reads, the tolerant path would
   * read the same way; what it refuses goes down the tolerant path, which repairs or names the error.
   */
  static final ObjectMapper STRICT = JsonMapper.builder(factory())
      .addModule(new JavaTimeModule())
      .addModule(new Jdk8Module())
      .addModule(sealedModule())
      .addModule(enumsByName())
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .build();

  private OutputMapper() {}

  private static SimpleModule sealedModule() {
    return new SimpleModule("prompt4j-sealed") {
      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new SealedDeserializers());
      }
    };
  }

  /**
   * Enum constants are read by name only: a number, bare ({@code 1}) or quoted ({@code "1"}), is an
   * error naming the constants, never the constant at that index (Jackson's default, which would accept
   * a model's wrong answer silently instead of re-asking).
   */
  private static SimpleModule enumsByName() {
    SimpleModule module = new SimpleModule("prompt4j-enums-by-name");
    module.setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(
          DeserializationConfig config, JavaType type, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new EnumByName(type.getRawClass(), deserializer);
      }
    });
    return module;
  }

  private static final class EnumByName extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final Class<?> enumType;

    EnumByName(Class<?> enumType, JsonDeserializer<?> delegate) {
      super(delegate);
      this.enumType = enumType;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new EnumByName(enumType, delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
          || (token == JsonToken.VALUE_STRING && isIndex(p.getText()))) {
        Object value = token == JsonToken.VALUE_STRING ? p.getText() : p.getNumberValue();
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
          names.add(((Enum<?>) constant).name());
        }
        throw InvalidFormatException.from(p, "must be one of " + names + " (was " + ConstraintCheck.show(value) + ")", value, enumType);
      }
      return super.deserialize(p, ctxt);
    }

    private boolean isIndex(String text) {
      String s = text.strip();
      if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
      for (Object constant : enumType.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(s)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The parser limits for answers, set here rather than left to Jackson's defaults (which a library
   * may change, or an application may change globally):
   *
   * <ul>
   *   <li>nesting depth 200: answer types are records, lists and maps a few levels deep; a deeper
   *       answer is a runaway model, and 200 keeps tree building and the schema check's recursion far
   *       from the stack's limit (a 100,000-deep answer is refused at level 201 and re-asked);
   *   <li>one string at most 16 Mi characters: the answer arrived through a body capped at 8 MiB by
   *       default ({@code max-response-bytes}), so this refuses nothing that got through unless the
   *       cap was raised, and then only a string longer than any answer text can reasonably hold;
   *   <li>a number at most 1000 digits (Jackson's default, stated): longer ones are not quantities;
   *   <li>a property name at most 50,000 characters (Jackson's default, stated).
   * </ul>
   */
  private static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(200)
            .maxStringLength(16 * 1024 * 1024)
            .maxNumberLength(1000)
            .maxNameLength(50_000)
            .build())
        .build();
  }

  private static ObjectMapper build() {
    return JsonMapper.builder(factory())
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .addModule(sealedModule())
        .addModule(enumsByName())
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  /**
   * Registers records as the permitted subtypes of the sealed interfaces they implement, so answers
   * naming them in {@value #DISCRIMINATOR} can be read. Registering the same record again is harmless.
   */
  public static void registerSubtypes(Class<?>... records) {
    for (Class<?> record : records) {
      for (Class<?> parent : sealedParents(record)) {
        SUBTYPES.get(parent).put(record.getSimpleName(), record);
      }
    }
  }

  /** The records registered for {@code sealedInterface}, by simple name; empty when none. */
  static Map<String, Class<?>> subtypes(Class<?> sealedInterface) {
    return SUBTYPES.get(sealedInterface);
  }

  private static List<Class<?>> sealedParents(Class<?> type) {
    List<Class<?>> parents = new ArrayList<>();
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.isSealed()) {
        parents.add(parent);
      }
      parents.addAll(sealedParents(parent));
    }
    return parents;
  }

  private static final class SealedDeserializers extends Deserializers.Base {
    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
      Class<?> raw = type.getRawClass();
      return raw.isInterface() && raw.isSealed() ? new SealedDeserializer(raw) : null;
    }
  }

  /** Reads the discriminator, then the named record from the rest of the object. */
  private static final class SealedDeserializer extends JsonDeserializer<Object> {
    private final Class<?> sealedInterface;

    SealedDeserializer(Class<?> sealedInterface) {
      this.sealedInterface = sealedInterface;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = ctxt.readTree(p);
      Map<String, Class<?>> known = subtypes(sealedInterface);
      if (!(tree instanceof ObjectNode object)) {
        return ctxt.handleUnexpectedToken(sealedInterface, p);
      }
      JsonNode name = object.get(DISCRIMINATOR);
      Class<?> record = null;
      if (name != null && name.isTextual()) {
        for (Map.Entry<String, Class<?>> entry : known.entrySet()) {
          if (entry.getKey().equalsIgnoreCase(name.asText().strip())) {
            record = entry.getValue();
          }
        }
      } else if (known.size() == 1) {
        record = known.values().iterator().next();
      }
      if (record == null) {
        return ctxt.reportInputMismatch(sealedInterface, "'%s' must name one of %s, but it is %s",
            DISCRIMINATOR, known.keySet().stream().sorted().toList(), name == null ? "missing" : name.toString());
      }
      ObjectNode rest = object.deepCopy();
      rest.remove(DISCRIMINATOR);
      return ctxt.readTreeAsValue(rest, record);
    }
  }
}

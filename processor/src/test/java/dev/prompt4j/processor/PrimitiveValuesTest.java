package dev.prompt4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.message.UserMessage;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/**
 * Primitives and strings after a string are concatenated as they are (no {@code Values.text} call): the message must read as
 * {@code String.valueOf} of each value, also where two chars or numbers stand next to each other and where a template starts
 * with a value.
 */
class PrimitiveValuesTest {
  static final Compiled TYPES = Compiled.load(Compiled.source("com.acme.Typed",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface Typed {",
      "  record Person(String name, int age) {}",
      "  @Prompt(\"{a}{b}{i}{l}|{d}{f}{z}{s}{y}|{c}{t}\")",
      "  String all(char a, char b, int i, long l, double d, float f, boolean z, short s, byte y, char c, String t);",
      "  @Prompt(\"n={i}{l} p={p.name}/{p.age}\")",
      "  String after(int i, long l, Person p);",
      "}"));

  private final RecordingModel model = new RecordingModel(request -> ((UserMessage) request.messages().get(0)).singleText());
  private final Object typed = TYPES.instance("com.acme.Typed", model);

  private Object call(String method, Class<?>[] types, Object... arguments) throws Throwable {
    try {
      return TYPES.type("com.acme.Typed").getMethod(method, types).invoke(typed, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void valuesReadAsStringValueOfWhereverTheyStand() throws Throwable {
    Class<?>[] types = {char.class, char.class, int.class, long.class, double.class, float.class, boolean.class, short.class,
        byte.class, char.class, String.class};
    Object text = call("all", types, 'x', 'y', -7, 12345678901L, 0.1, 1.5f, true, (short) 3, (byte) -2, 'z', "end");
    assertEquals("xy-712345678901|0.11.5true3-2|zend", text);
  }

  @Test
  void numbersSideBySideAndRecordComponentsConcatenateAsText() throws Throwable {
    Class<?> person = TYPES.type("com.acme.Typed$Person");
    Object nobody = person.getConstructor(String.class, int.class).newInstance(null, 40);
    Object text = call("after", new Class<?>[] {int.class, long.class, person}, 1, 2L, nobody);
    assertEquals("n=12 p=null/40", text, "a null component reads as Values.text would: null");
  }
}

package dev.prompt4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A null never reaches a model as the text "null": it fails at the call, naming the value; an empty Optional renders nothing. */
class NullValuesTest {
  static final Compiled GREETER = Compiled.load(Compiled.source("com.acme.Greeter",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "import java.util.Optional;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface Greeter {",
      "  @Prompt(\"Greet {name}{title}\")",
      "  String greet(String name, Optional<String> title);",
      "  @Prompt(\"Sign as {signature}\")",
      "  String sign();",
      "  @ComputedField default String signature() { return null; }",
      "}"));

  private final RecordingModel model = new RecordingModel(request -> ((UserMessage) request.messages().get(0)).singleText());
  private final Object greeter = GREETER.instance("com.acme.Greeter", model);

  private Object call(String method, Object... arguments) throws Throwable {
    Class<?> type = GREETER.type("com.acme.Greeter");
    try {
      return method.equals("greet") ? type.getMethod(method, String.class, Optional.class).invoke(greeter, arguments)
          : type.getMethod(method).invoke(greeter);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void anEmptyOptionalRendersNothing() throws Throwable {
    assertEquals("Greet Ada", call("greet", "Ada", Optional.empty()));
    assertEquals("Greet Ada, PhD", call("greet", "Ada", Optional.of(", PhD")));
  }

  @Test
  void aNullParameterFailsAtTheCallNamingItAndTheMethod() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> call("greet", null, Optional.empty()));
    assertEquals("name of Greeter.greet is null; pass a value, or declare the parameter Optional", e.getMessage());
    NullPointerException optional = assertThrows(NullPointerException.class, () -> call("greet", "Ada", null));
    assertEquals("title of Greeter.greet is null; pass Optional.empty() for no value", optional.getMessage());
    assertTrue(model.requests.isEmpty(), "nothing was sent");
  }

  @Test
  void aComputedFieldThatReturnsNullFailsNamingTheField() {
    Throwable e = assertThrows(Throwable.class, () -> call("sign"));
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof NullPointerException)) {
      cause = cause.getCause();
    }
    assertInstanceOf(NullPointerException.class, cause, e.toString());
    assertEquals("computed field signature of Greeter returned null; return a value, or make it Optional", cause.getMessage());
    assertTrue(model.requests.isEmpty(), "nothing was sent");
  }
}

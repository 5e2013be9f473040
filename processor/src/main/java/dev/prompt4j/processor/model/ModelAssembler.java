package dev.prompt4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.prompt4j.processor.bind.BoundMethod;
import dev.prompt4j.processor.declare.Declarations;
import dev.prompt4j.processor.model.Models.CallConfig;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.model.Models.PromptMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/** Stage 5: the model of a prompt interface from the clean outputs of the stages before; it finds nothing wrong. */
public final class ModelAssembler {
  private ModelAssembler() {}

  public static PromptInterface assemble(
      Declarations declarations, Map<ExecutableElement, CallConfig> calls, List<BoundMethod> bound,
      Map<ExecutableElement, List<ComputedField>> needed) {
    List<PromptMethod> methods = new ArrayList<>();
    Set<String> constants = new HashSet<>(Set.of("FACTORY")); // the generated class's factory constant
    for (BoundMethod method : bound) {
      String name = method.element().getSimpleName().toString();
      methods.add(new PromptMethod(method.element(), name, constantName(name, constants), calls.get(method.element()), method.template(),
          hash(method.templateText()), method.shape(), method.output(), method.values(), needed.get(method.element()), method.maxAttempts()));
    }
    ClassName interfaceName = ClassName.get(declarations.type());
    ClassName implementation = ClassName.get(interfaceName.packageName(), "Prompt4j_" + String.join("_", interfaceName.simpleNames()));
    return new PromptInterface(declarations.type(), interfaceName, implementation, List.copyOf(methods), declarations.fields());
  }

  /** The descriptor constant of a method; its schema constant, when it has one, is the same plus {@code _SCHEMA}. */
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

  /** The prompt version: the first 6 bytes of the SHA-256 of the normalized template, in hex. */
  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.prompt4j.processor.generate;

import dev.prompt4j.processor.model.Models.OutputKind;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.model.Models.PromptMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * GraalVM reachability metadata for the answer types of one prompt interface: Jackson binds records
 * and enums, and Hibernate Validator checks their constraints, both by reflection, which a native
 * image allows only on registered types.
 *
 * <p>The legacy {@code reflect-config.json} format, not {@code reachability-metadata.json}: Prompt4j
 * targets Java 17, and GraalVM for JDK 17 and 21 read only the legacy files, while every newer
 * release still reads them. One file per interface, under {@code
 * META-INF/native-image/prompt4j/<interface>/}, with the interface as its one originating element;
 * types sorted by binary name, so the same interface gives the same bytes.
 */
public final class NativeImageMetadata {
  private final Elements elements;

  public NativeImageMetadata(Elements elements) {
    this.elements = elements;
  }

  /** Where the file of {@code model} goes, relative to the class output. */
  public static String path(PromptInterface model) {
    return "META-INF/native-image/prompt4j/" + model.interfaceName().canonicalName() + "/reflect-config.json";
  }

  /** Writes the file of {@code model}, unless its answers need no reflection (text only). */
  public void write(PromptInterface model, Filer filer) throws IOException {
    String json = json(model);
    if (json == null) {
      return;
    }
    try (OutputStream out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path(model), model.element()).openOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The file's text, or {@code null} when no answer type needs reflection. */
  String json(PromptInterface model) {
    Map<String, ElementKind> types = new TreeMap<>(); // binary name -> kind, sorted
    for (PromptMethod method : model.methods()) {
      if (method.output().kind() != OutputKind.TEXT) {
        collect(method.output().valueType(), types);
      }
    }
    if (types.isEmpty()) {
      return null;
    }
    StringBuilder json = new StringBuilder("[\n");
    String separator = "";
    for (Map.Entry<String, ElementKind> type : types.entrySet()) {
      json.append(separator).append("  {\n    \"name\": \"").append(type.getKey()).append("\",\n");
      if (type.getValue() != ElementKind.INTERFACE) {
        json.append("    \"allDeclaredConstructors\": true,\n    \"allDeclaredFields\": true,\n");
      }
      json.append("    \"allDeclaredMethods\": true\n  }");
      separator = ",\n";
    }
    return json.append("\n]\n").toString();
  }

  /** The records, enums and sealed interfaces {@code type} contains, the JDK's own types left out. */
  private void collect(TypeMirror type, Map<String, ElementKind> into) {
    if (type instanceof ArrayType array) {
      collect(array.getComponentType(), into);
      return;
    }
    if (!(type instanceof DeclaredType declared)) {
      return;
    }
    declared.getTypeArguments().forEach(argument -> collect(argument, into));
    TypeElement element = (TypeElement) declared.asElement();
    String name = elements.getBinaryName(element).toString();
    if (name.startsWith("java.") || into.containsKey(name)) {
      return;
    }
    switch (element.getKind()) {
      case RECORD -> {
        into.put(name, ElementKind.RECORD);
        for (RecordComponentElement component : element.getRecordComponents()) {
          collect(component.asType(), into);
        }
      }
      case ENUM -> into.put(name, ElementKind.ENUM);
      case INTERFACE -> {
        if (element.getModifiers().contains(Modifier.SEALED)) {
          into.put(name, ElementKind.INTERFACE);
          element.getPermittedSubclasses().forEach(permitted -> collect(permitted, into));
        }
      }
      default -> {
        // plain classes are not answers (the schema stage rejected them)
      }
    }
  }
}

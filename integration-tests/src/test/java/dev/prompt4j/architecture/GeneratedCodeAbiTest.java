package dev.prompt4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the processor generates calls only the documented generated-code ABI of the runtime: checked on every
 * implementation and tool dispatcher the processor wrote for this module's interfaces.
 */
class GeneratedCodeAbiTest {
  /** The runtime types generated code may use (see the README, "Working on Prompt4j"). */
  static final Set<String> ABI = Set.of(
      "dev.prompt4j.internal.PromptContext", "dev.prompt4j.internal.PromptMethod", "dev.prompt4j.internal.CallSpec",
      "dev.prompt4j.internal.Messages", "dev.prompt4j.internal.Values", "dev.prompt4j.internal.Outputs",
      "dev.prompt4j.internal.FieldTask", "dev.prompt4j.internal.Invocation", "dev.prompt4j.internal.MessageRenderer",
      "dev.prompt4j.internal.FieldComputation", "dev.prompt4j.internal.GeneratedPrompts", "dev.prompt4j.internal.PromptFactory",
      "dev.prompt4j.internal.ToolResumption", "dev.prompt4j.internal.output.OutputType", "dev.prompt4j.internal.output.ArgumentsReader",
      "dev.prompt4j.internal.stream.StreamRules", "dev.prompt4j.internal.tools.ToolBox", "dev.prompt4j.internal.tools.ToolResults",
      "dev.prompt4j.internal.tools.ToolSet", "dev.prompt4j.internal.tools.ToolSpec", "dev.prompt4j.internal.tools.ResultJson",
      "dev.prompt4j.internal.stream.Partials");

  private static final JavaClasses GENERATED = new ClassFileImporter().importPackages("dev.prompt4j");

  @Test
  void generatedClassesUseOnlyTheAbi() {
    DescribedPredicate<JavaClass> abiOrOutsideInternal = DescribedPredicate.describe("the generated-code ABI or outside dev.prompt4j.internal",
        c -> !c.getPackageName().startsWith("dev.prompt4j.internal") || ABI.contains(c.getName())
            || (c.getEnclosingClass().isPresent() && ABI.contains(c.getEnclosingClass().get().getName())));
    // Implementations, tool dispatchers, lazy implementations and partial types (all the processor writes).
    classes().that().haveSimpleNameStartingWith("Prompt4j_").or().haveSimpleNameStartingWith("Prompt4jTools_")
        .or().haveSimpleNameStartingWith("Prompt4jLazy_").or().haveSimpleNameEndingWith("Partial")
        .should().onlyDependOnClassesThat(abiOrOutsideInternal)
        .check(GENERATED);
  }
}
